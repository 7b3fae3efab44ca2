import type { TestProject } from 'vitest/node';
import { startOtlpReceiver } from './otlp-receiver';

/** Starts the loopback OTLP receiver before the telemetry project's workers start. */
export default async function setup(project: TestProject) {
  const receiver = await startOtlpReceiver();
  project.provide('otlpReceiver', receiver.url);
  return () => receiver.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    otlpReceiver: string;
  }
}

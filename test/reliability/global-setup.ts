import type { TestProject } from 'vitest/node';
import { startFakeUpstream } from '../../bench/lib/fake-upstream';

/** Starts the loopback fake providers before the reliability project's workers start. */
export default async function setup(project: TestProject) {
  const fake = await startFakeUpstream();
  project.provide('fakeUpstream', fake.url);
  return () => fake.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    fakeUpstream: string;
  }
}

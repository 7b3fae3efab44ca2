import type { Env } from '../env';
import type { ChatRequest } from './chat-schema';
import type { KeyRecord } from '../tenancy/types';
import type { ClassificationSignal } from '../routing/types';

/** Placeholder until the classifier lands: routing runs with its neutral signal. */
export async function classifyForRouting(_env: Env, _req: ChatRequest, _key: KeyRecord): Promise<ClassificationSignal | undefined> {
  return undefined;
}

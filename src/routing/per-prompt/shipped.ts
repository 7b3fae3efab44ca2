import { loadPerPromptModel, type PerPromptModel } from './model';
import { PER_PROMPT_ARTEFACT } from './weights.generated';

export const SHIPPED_PER_PROMPT = PER_PROMPT_ARTEFACT;

let loaded: PerPromptModel | undefined;

/** The shipped per-prompt model, decoded once per isolate. */
export function shippedPerPromptModel(): PerPromptModel {
  loaded ??= loadPerPromptModel(PER_PROMPT_ARTEFACT);
  return loaded;
}

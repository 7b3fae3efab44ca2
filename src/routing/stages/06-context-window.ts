import { filterStage } from '../filter';
import type { RoutingContext } from '../types';

/** Input plus the requested output must fit; without a max_tokens we only need the input to fit. */
export function contextWindowStage(ctx: RoutingContext): RoutingContext {
  const r = ctx.requirements!;
  const askedOutput = ctx.request.max_completion_tokens ?? ctx.request.max_tokens ?? 0;
  return filterStage(ctx, 'context_window', ({ endpoint: e }) => {
    if (r.estimatedInputTokens + Math.min(askedOutput, e.maxOutputTokens) > e.contextWindow)
      return `needs ~${r.estimatedInputTokens + askedOutput} tokens, window ${e.contextWindow}`;
    return null;
  });
}

import { estimateCost } from '../../catalog';
import { isWorking, nextScores, traceLine, withCandidates } from '../filter';
import { outputTokensOf } from '../output-tokens';
import type { Candidate, RoutingContext } from '../types';

/**
 * c = input tokens · input price + expected output tokens · output price, the output per endpoint and task
 * class as stage 13 estimated it (output-tokens.ts).
 */
export function costStage(ctx: RoutingContext): RoutingContext {
  const r = ctx.requirements!;
  let outputOf: ((id: string) => number) | undefined;
  let learned = 0;
  const own = isWorking(ctx);
  const candidates = ctx.candidates.map((c): Candidate => {
    const outputTokens = c.scores!.outputTokens ?? (outputOf ??= outputTokensOf(ctx))(c.endpoint.id);
    if (c.scores!.outputSamples) learned++;
    const costUsd = estimateCost(c.endpoint, r.estimatedInputTokens, outputTokens);
    if (!own) return { ...c, scores: nextScores(c.scores!, { costUsd, outputTokens }) };
    c.scores!.costUsd = costUsd;
    c.scores!.outputTokens = outputTokens;
    return c;
  });
  return withCandidates(ctx, candidates, ctx.dropped, traceLine('cost', candidates.length, undefined, costNote(ctx, learned)));
}

function costNote(ctx: RoutingContext, learned: number): string {
  const r = ctx.requirements!;
  const cap = r.maxOutputTokens !== undefined ? `, capped at max_tokens ${r.maxOutputTokens}` : '';
  const base =
    r.outputTokensSource === 'learned'
      ? `learned for ${ctx.classification?.taskClass ?? 'chat'}: ~${Math.round(r.expectedOutputTokens)} (${r.outputTokensSamples} answers)`
      : r.outputTokensSource === 'max_tokens'
        ? `max_tokens ${r.maxOutputTokens}`
        : `${ctx.classification?.taskClass ?? 'chat'} prior ${Math.round(r.expectedOutputTokens)}`;
  return `output tokens: ${base}${learned > 0 ? `; per endpoint for ${learned} with answers of this class` : ''}${cap}`;
}

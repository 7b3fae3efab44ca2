import { isWorking, nextScores, traceLine, withCandidates } from '../filter';
import { recentErrorRate } from '../live-stats';
import { outputCellsOf, outputTokensFrom } from '../output-tokens';
import type { Candidate, RoutingContext } from '../types';
import type { LatencyStat } from '../../hub';

/** A region's own statistic is used once it has this many samples; before that the global one. */
export const MIN_REGION_SAMPLES = 5;

/** Error rate above which the expected retry time stops growing (keeps a failing endpoint's latency finite). */
const RETRY_RATE_CAP = 0.9;

/**
 * Expected latency to the full answer = ttft + expected output tokens / tokens per second
 * + e/(1−e) · ttft: with a recent error rate e, e/(1−e) attempts are expected to fail first, each
 * costing about a time to first token (errors come back with the headers) before the chain moves on.
 * ttft, tokens/s and e come from the live statistics (src/routing/live-stats.ts, which already start
 * from the catalog prior and weigh it against what was measured), else the catalog prior itself.
 */
export function latencyStage(ctx: RoutingContext): RoutingContext {
  const r = ctx.requirements!;
  const out = Math.round(r.expectedOutputTokens);
  const outputCells = outputCellsOf(ctx);
  const stats = ctx.snapshot.latency;
  const own = isWorking(ctx);
  const candidates = ctx.candidates.map((c): Candidate => {
    const live = stats.size === 0 ? undefined : liveStat(stats, c.endpoint.id, ctx.region);
    const ttftMs = live?.ttftMs ?? c.endpoint.latency.ttftMs;
    const tps = live?.tokensPerSec ?? c.endpoint.latency.tokensPerSec;
    const errorRate = live?.errorRate === undefined ? undefined : Math.min(recentErrorRate(live, ctx.now), RETRY_RATE_CAP);
    const retryMs = errorRate ? (errorRate / (1 - errorRate)) * ttftMs : 0;
    // What this endpoint writes for the class (output-tokens.ts); stage 14 prices the same figure.
    const output = outputCells?.get(c.endpoint.id);
    const outputTokens = outputTokensFrom(output, r.expectedOutputTokens, r.maxOutputTokens);
    const latencyMs = ttftMs + (outputTokens / Math.max(1, tps)) * 1000 + retryMs;
    // No copy of the trace terms here: traceOf derives them for the few candidates it shows.
    if (own) {
      // The pipeline's own scores (stage 12 built them for this decision): updated in place, as nextScores would.
      const s = c.scores!;
      s.ttftMs = ttftMs;
      s.latencyMs = latencyMs;
      s.liveSamples = live?.samples ?? s.liveSamples;
      s.errorRate = errorRate ?? s.errorRate;
      s.outputTokens = outputTokens;
      s.outputSamples = output?.samples ?? s.outputSamples;
      return c;
    }
    return {
      ...c,
      scores: nextScores(c.scores!, {
        ttftMs,
        latencyMs,
        liveSamples: live?.samples,
        errorRate,
        outputTokens,
        outputSamples: output?.samples,
      }),
    };
  });
  const maxLatency = ctx.hints.max_latency_ms;
  if (maxLatency === undefined)
    return withCandidates(ctx, candidates, ctx.dropped, traceLine('latency', candidates.length, undefined, `~${out} output tokens`));
  const kept = candidates.filter((c) => c.scores!.latencyMs <= maxLatency);
  const dropped = ctx.dropped.concat(
    candidates
      .filter((c) => c.scores!.latencyMs > maxLatency)
      .map((c) => ({
        id: c.endpoint.id,
        stage: 'latency',
        reason: `expected ${Math.round(c.scores!.latencyMs)} ms > max ${maxLatency} ms`,
      })),
  );
  // `dropped` is in the line even when 0, as it always was.
  return withCandidates(ctx, kept, dropped, {
    stage: 'latency',
    kept: kept.length,
    dropped: candidates.length - kept.length,
    note: `max_latency_ms ${maxLatency}`,
  });
}

export function liveStat(stats: Map<string, LatencyStat>, endpointId: string, region: string | undefined): LatencyStat | undefined {
  if (region) {
    const local = stats.get(`${endpointId}|${region}`);
    if (local && local.samples >= MIN_REGION_SAMPLES) return local;
  }
  const global = stats.get(`${endpointId}|*`);
  return global && global.samples > 0 ? global : undefined;
}

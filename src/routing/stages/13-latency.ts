import type { RoutingContext } from '../types';

/** Live measurements outweigh the catalog prior once they have this many samples. */
const PRIOR_SAMPLES = 5;

export function latencyStage(ctx: RoutingContext): RoutingContext {
  const out = ctx.requirements!.expectedOutputTokens;
  const region = ctx.region ?? '*';
  const candidates = ctx.candidates.map((c) => {
    const prior = c.endpoint.latency;
    const live = ctx.snapshot.latency.get(`${c.endpoint.id}|${region}`) ?? ctx.snapshot.latency.get(`${c.endpoint.id}|*`);
    const w = live ? live.samples / (live.samples + PRIOR_SAMPLES) : 0;
    const ttftMs = (1 - w) * prior.ttftMs + w * (live?.ttftMs ?? prior.ttftMs);
    const tps = (1 - w) * prior.tokensPerSec + w * (live?.tokensPerSec ?? prior.tokensPerSec);
    const latencyMs = ttftMs + (out / Math.max(1, tps)) * 1000;
    const scores = { ...c.scores!, ttftMs, latencyMs, terms: { ...c.scores!.terms, ttft_ms: Math.round(ttftMs), latency_ms: Math.round(latencyMs), ...(live ? { live_samples: live.samples } : {}) } };
    return { ...c, scores };
  });
  const maxLatency = ctx.hints.max_latency_ms;
  if (maxLatency === undefined) return { ...ctx, candidates, trace: [...ctx.trace, { stage: 'latency', kept: candidates.length }] };
  const kept = candidates.filter((c) => c.scores!.latencyMs <= maxLatency);
  const dropped = [...ctx.dropped, ...candidates.filter((c) => c.scores!.latencyMs > maxLatency).map((c) => ({ id: c.endpoint.id, stage: 'latency', reason: `expected ${Math.round(c.scores!.latencyMs)} ms > max ${maxLatency} ms` }))];
  return { ...ctx, candidates: kept, dropped, trace: [...ctx.trace, { stage: 'latency', kept: kept.length, dropped: candidates.length - kept.length, note: `max_latency_ms ${maxLatency}` }] };
}

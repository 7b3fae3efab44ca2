import type { RoutingContext } from '../types';

/** Weight of eval evidence against the catalog prior grows with its sample count. */
const EVAL_PRIOR_SAMPLES = 10;
/** Feedback satisfaction nudges quality by up to ±SATISFACTION_WEIGHT/2. */
const SATISFACTION_WEIGHT = 0.2;

/**
 * quality = blend(catalog prior, eval pass rate for the task class) + satisfaction term,
 * then harder prompts (complexity → 1) widen the gap between strong and weak endpoints.
 */
export function qualityStage(ctx: RoutingContext): RoutingContext {
  const taskClass = ctx.classification?.taskClass ?? 'chat';
  const complexity = ctx.classification?.complexity ?? 0.5;
  const candidates = ctx.candidates.map((c) => {
    const prior = c.endpoint.qualityPrior;
    const cell = ctx.snapshot.evals.get(`${c.endpoint.id}|${taskClass}`);
    const w = cell ? cell.samples / (cell.samples + EVAL_PRIOR_SAMPLES) : 0;
    const base = (1 - w) * prior + w * (cell?.passRate ?? prior);
    const sat = ctx.snapshot.satisfaction.get(`${c.endpoint.id}|${taskClass}`);
    const satTerm = sat === undefined ? 0 : (sat - 0.5) * SATISFACTION_WEIGHT;
    // Complexity stretches quality around 0.75: easy prompts make endpoints look alike.
    const stretched = 0.75 + (base + satTerm - 0.75) * (0.5 + complexity);
    const quality = Math.max(0, Math.min(1, stretched));
    const terms: Record<string, number | string> = { prior, quality: round(quality) };
    if (cell) terms.eval = round(cell.passRate);
    if (sat !== undefined) terms.satisfaction = round(sat);
    return { ...c, scores: { quality, latencyMs: 0, ttftMs: 0, costUsd: 0, objective: 0, terms } };
  });
  return { ...ctx, candidates, trace: [...ctx.trace, { stage: 'quality', kept: candidates.length, note: `class ${taskClass}, complexity ${complexity.toFixed(2)}` }] };
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

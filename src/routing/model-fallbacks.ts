import type { Endpoint } from '../catalog';
import { assembleChain, type Ranked } from './objectives';
import type { RequestPrefs } from './provider-prefs';
import type { Candidate, ModelSpec, RoutingContext, Stage } from './types';

/**
 * `models` (a fallback list of models) and `provider.order` in the pipeline: candidates come from
 * every listed model, each endpoint in the group of the first model that names it (0 = `model`);
 * ranking keeps the groups in order and, within a group, the preferred providers first; the chain
 * gives every model a place. Pure.
 */

type Pooled = { endpoint: Endpoint; simulated: boolean };

function serves(spec: ModelSpec, e: Endpoint): boolean {
  return spec.kind === 'auto' || (spec.kind === 'codename' ? e.codename === spec.codename : e.id === spec.endpointId);
}

/** The candidate pool of the primary spec and each fallback, and the group of each endpoint. */
export function fallbackPool(
  all: readonly Pooled[],
  primary: ModelSpec,
  prefs: RequestPrefs,
): { pool: Pooled[]; groupOf: Map<string, number> } {
  const specs = [primary, ...prefs.fallbacks.map((f) => f.spec)];
  const groupOf = new Map<string, number>();
  const pool: Pooled[] = [];
  specs.forEach((spec, group) => {
    for (const e of all) {
      if (groupOf.has(e.endpoint.id) || !serves(spec, e.endpoint)) continue;
      groupOf.set(e.endpoint.id, group);
      pool.push(e);
    }
  });
  return { pool, groupOf };
}

/**
 * A filter stage that must judge each model on its own (the eval gate keeps unevaluated endpoints
 * only when nothing evaluated qualifies: across models, one model's evals would evict the others).
 */
export function byModelGroup(stage: Stage): Stage {
  return (ctx) => {
    const groupOf = ctx.prefs?.groupOf;
    if (!groupOf || ctx.prefs!.fallbacks.length === 0) return stage(ctx);
    const groups = new Map<number, Candidate[]>();
    for (const c of ctx.candidates) {
      const g = groupOf.get(c.endpoint.id) ?? 0;
      groups.set(g, [...(groups.get(g) ?? []), c]);
    }
    let merged: RoutingContext | undefined;
    const notes: string[] = [];
    for (const [g, candidates] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
      const out = stage({ ...ctx, candidates, dropped: merged?.dropped ?? ctx.dropped, trace: ctx.trace });
      const line = out.trace[out.trace.length - 1];
      if (line?.note) notes.push(`model ${g}: ${line.note}`);
      merged = merged ? { ...out, candidates: [...merged.candidates, ...out.candidates] } : out;
    }
    if (!merged) return stage(ctx);
    const kept = merged.candidates.length;
    const removed = ctx.candidates.length - kept;
    const name = merged.trace[merged.trace.length - 1].stage;
    return {
      ...merged,
      trace: [
        ...ctx.trace,
        { stage: name, kept, ...(removed ? { dropped: removed } : {}), ...(notes.length ? { note: notes.join('; ') } : {}) },
      ],
    };
  };
}

/** Ranked candidates reordered: model group first, then provider.order, then the strategy's rank (stable). */
export function preferenceOrder(ranked: Ranked[], prefs: RequestPrefs | undefined): Ranked[] {
  if (!prefs || (!prefs.groupOf && !prefs.order)) return ranked;
  const group = (r: Ranked) => prefs.groupOf?.get(r.candidate.endpoint.id) ?? 0;
  const order = prefs.order ?? [];
  const place = (r: Ranked) => {
    const i = order.indexOf(r.candidate.endpoint.provider);
    return i < 0 ? order.length : i;
  };
  return ranked
    .map((r, i) => ({ r, i }))
    .sort((a, b) => group(a.r) - group(b.r) || place(a.r) - place(b.r) || a.i - b.i)
    .map((x) => x.r);
}

/** Attempts in the chain: routing.max_attempts, else the default stretched to hold one per model. */
export function chainLength(ctx: RoutingContext, fallbackLength: number): number {
  if (ctx.hints.max_attempts !== undefined) return ctx.hints.max_attempts;
  const models = 1 + (ctx.prefs?.fallbacks.length ?? 0);
  return Math.min(10, Math.max(fallbackLength, models));
}

/**
 * The fallback chain under the request's preferences: per model group, the usual chain
 * (assembleChain); every group with a candidate gets one place in order, the places left go to the
 * groups in order. allow_fallbacks: false without provider.order keeps each group on its first
 * provider (provider.only only narrows which one that is); the groups themselves still follow.
 */
export function preferenceChain(ranked: Ranked[], limit: number, prefs: RequestPrefs | undefined): Candidate[] {
  const stayOnFirst = prefs !== undefined && !prefs.allowFallbacks && !prefs.order;
  if (!prefs?.groupOf && !stayOnFirst) return assembleChain(ranked, limit);
  const groups = new Map<number, Ranked[]>();
  for (const r of ranked) {
    const g = prefs?.groupOf?.get(r.candidate.endpoint.id) ?? 0;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const chains = [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, rs]) => {
      const first = rs[0].candidate.endpoint.provider;
      return assembleChain(stayOnFirst ? rs.filter((r) => r.candidate.endpoint.provider === first) : rs, limit);
    });
  const quota = chains.map(() => 0);
  let left = limit;
  chains.forEach((c, i) => {
    if (left > 0 && c.length > 0) {
      quota[i] = 1;
      left--;
    }
  });
  chains.forEach((c, i) => {
    const more = Math.min(left, c.length - quota[i]);
    quota[i] += more;
    left -= more;
  });
  return chains.flatMap((c, i) => c.slice(0, quota[i]));
}

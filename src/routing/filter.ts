import type { Candidate, RoutingContext, Scores, TraceStage } from './types';

/**
 * The context runPipeline is working on. The pipeline copies its input once and then owns that one
 * context (and its drop and trace arrays) until it returns: stages update it in place instead of
 * spreading the whole context and copying the drop list and the trace at every stage, which was most of
 * a named-model decision's time. Any other context (a stage called on its own, the embeddings pipeline,
 * the per-model copies byModelGroup hands to a stage) is treated as immutable: context in, new context out.
 */
let working: RoutingContext | null = null;

/** Runs `fn` with `ctx` as the context stages may update in place; nothing is owned afterwards. */
export function withWorkingContext<T>(ctx: RoutingContext, fn: () => T): T {
  const outer = working;
  working = ctx;
  try {
    return fn();
  } finally {
    working = outer;
  }
}

/** The pipeline adopts a stage's result (a new object from a stage that built one) as its working context. */
export function adoptWorkingContext(ctx: RoutingContext): void {
  working = ctx;
}

/** True when `ctx` is the pipeline's own context: stages may then update it and its candidates in place. */
export function isWorking(ctx: RoutingContext): boolean {
  return ctx === working;
}

/** The context with some fields set: in place for the pipeline's own context, else a new one. */
export function update(ctx: RoutingContext, patch: Partial<RoutingContext>): RoutingContext {
  return ctx === working ? Object.assign(ctx, patch) : { ...ctx, ...patch };
}

/** A trace line with `dropped` and `note` only when there is something to say, keys in a fixed order. */
export function traceLine(stage: string, kept: number, dropped?: number, note?: string): TraceStage {
  const line: TraceStage = { stage, kept };
  if (dropped) line.dropped = dropped;
  if (note) line.note = note;
  return line;
}

/** Appends a trace line (and sets `patch`): in place for the pipeline's own context, else a new context. */
export function appendTrace(ctx: RoutingContext, line: TraceStage, patch?: Partial<RoutingContext>): RoutingContext {
  if (ctx === working) {
    if (patch) Object.assign(ctx, patch);
    ctx.trace.push(line);
    return ctx;
  }
  return { ...ctx, ...patch, trace: [...ctx.trace, line] };
}

/**
 * Shared shape of the filter stages: drop every candidate for which `reject` returns a reason,
 * record the drops and a trace line.
 */
export function filterStage(ctx: RoutingContext, stage: string, reject: (c: Candidate) => string | null, note?: string): RoutingContext {
  const own = ctx === working;
  const kept: Candidate[] = [];
  const dropped = own ? ctx.dropped : [...ctx.dropped];
  for (const c of ctx.candidates) {
    const reason = reject(c);
    if (reason) dropped.push({ id: c.endpoint.id, stage, reason });
    else kept.push(c);
  }
  const line = traceLine(stage, kept.length, ctx.candidates.length - kept.length, note);
  if (own) {
    ctx.candidates = kept;
    ctx.trace.push(line);
    return ctx;
  }
  return { ...ctx, candidates: kept, dropped, trace: [...ctx.trace, line] };
}

export function traced(ctx: RoutingContext, stage: string, note?: string): RoutingContext {
  return appendTrace(ctx, traceLine(stage, ctx.candidates.length, undefined, note));
}

/**
 * A candidate's scores with some fields replaced, built as one literal with every field in a fixed
 * order. Not `{ ...scores, x }`: adding keys to a spread clone sends V8 down a slow path (~3 µs per
 * object, i.e. most of a decision's time over a 100-endpoint catalog); a fixed shape stays fast.
 */
export function nextScores(s: Scores, patch: Partial<Omit<Scores, 'terms'>>): Scores {
  return {
    quality: patch.quality ?? s.quality,
    latencyMs: patch.latencyMs ?? s.latencyMs,
    ttftMs: patch.ttftMs ?? s.ttftMs,
    costUsd: patch.costUsd ?? s.costUsd,
    objective: patch.objective ?? s.objective,
    tier: patch.tier ?? s.tier,
    liveSamples: patch.liveSamples ?? s.liveSamples,
    errorRate: patch.errorRate ?? s.errorRate,
    outputTokens: patch.outputTokens ?? s.outputTokens,
    outputSamples: patch.outputSamples ?? s.outputSamples,
    terms: s.terms,
  };
}

/** Replaces the candidates after a stage that recorded its own drops (`dropped`: ctx.dropped when in place). */
export function withCandidates(
  ctx: RoutingContext,
  candidates: Candidate[],
  dropped: RoutingContext['dropped'],
  line: TraceStage,
): RoutingContext {
  if (ctx === working) {
    ctx.candidates = candidates;
    ctx.dropped = dropped;
    ctx.trace.push(line);
    return ctx;
  }
  return { ...ctx, candidates, dropped, trace: [...ctx.trace, line] };
}

import type { Requirements, RoutingContext } from './types';

/**
 * Expected output tokens per (endpoint, task class), learned from the completion tokens of every answer.
 *
 * Models differ a lot in how much they write for the same kind of task (one writes twice the code of
 * another), so a per-token price alone misprices them. Each (endpoint, class) cell keeps a running mean of
 * completion tokens (α = max(OUTPUT_ALPHA_MIN, 1/n): a plain mean for the first 1/α answers, then an EWMA
 * that follows a model update), and the class keeps the same over all endpoints (CLASS_POOL). Reads
 * shrink each toward its prior, worth OUTPUT_PRIOR_WEIGHT answers: the class toward `max_tokens` when the
 * request sets it, else a per-class prior; an endpoint toward the class estimate, so an endpoint that has
 * not answered this class yet is priced like the class (not like the bare prior, which would make every
 * learned endpoint look cheaper or dearer than the unknown ones). `max_tokens` caps every estimate.
 */

export interface OutputStat {
  /** Running mean of completion tokens. */
  tokens: number;
  samples: number;
}

/** taskClass → (endpointId | CLASS_POOL) → stat. Two levels so a decision looks its class up once. */
export type OutputTokenTable = Map<string, Map<string, OutputStat>>;

export const CLASS_POOL = '*';
export const OUTPUT_PRIOR_WEIGHT = 3;
/** Answer lengths vary far more from prompt to prompt than latency does: a ~50-answer memory. */
export const OUTPUT_ALPHA_MIN = 0.02;
export const DEFAULT_OUTPUT_PRIOR = 512;

/**
 * Rough answer lengths per task class before any answer is seen (worth OUTPUT_PRIOR_WEIGHT answers, so a
 * wrong guess is washed out within a few requests): labels and tool calls are short, code and prose long.
 */
const CLASS_OUTPUT_PRIORS: Record<string, number> = {
  classification: 128,
  tool_use: 128,
  extraction: 256,
  sql: 256,
  summarization: 384,
  translation: 384,
  code_generation: 768,
  debugging: 768,
  creative_writing: 768,
};

export function classOutputPrior(taskClass: string): number {
  return CLASS_OUTPUT_PRIORS[taskClass] ?? DEFAULT_OUTPUT_PRIOR;
}

/** Pure: the stat after one answer of `tokens` completion tokens. */
export function updateOutputStat(stat: OutputStat | undefined, tokens: number): OutputStat {
  if (!stat) return { tokens, samples: 1 };
  const samples = stat.samples + 1;
  return { tokens: stat.tokens + Math.max(OUTPUT_ALPHA_MIN, 1 / samples) * (tokens - stat.tokens), samples };
}

/** The running mean shrunk toward `prior`, which counts as OUTPUT_PRIOR_WEIGHT answers. */
export function shrunkTokens(stat: OutputStat | undefined, prior: number): number {
  if (!stat || stat.samples === 0) return prior;
  return (stat.samples * stat.tokens + OUTPUT_PRIOR_WEIGHT * prior) / (stat.samples + OUTPUT_PRIOR_WEIGHT);
}

export type OutputTokensSource = 'max_tokens' | 'class_prior' | 'learned';

export interface ClassOutputEstimate {
  tokens: number;
  source: OutputTokensSource;
  /** Answers of this class behind the estimate (all endpoints). */
  samples: number;
}

/** The class-level estimate (stage 02): the class's answers shrunk toward max_tokens or the class prior, capped. */
export function classOutputEstimate(
  cells: Map<string, OutputStat> | undefined,
  taskClass: string,
  cap: number | undefined,
): ClassOutputEstimate {
  const pool = cells?.get(CLASS_POOL);
  const prior = cap ?? classOutputPrior(taskClass);
  const samples = pool?.samples ?? 0;
  const tokens = capped(shrunkTokens(pool, prior), cap);
  return { tokens, source: samples > 0 ? 'learned' : cap !== undefined ? 'max_tokens' : 'class_prior', samples };
}

/** One endpoint's estimate: its own answers shrunk toward the class estimate, capped. */
export function endpointOutputTokens(
  cells: Map<string, OutputStat> | undefined,
  endpointId: string,
  classTokens: number,
  cap: number | undefined,
): number {
  return outputTokensFrom(cells?.get(endpointId), classTokens, cap);
}

/** The same from the endpoint's cell, already looked up. */
export function outputTokensFrom(stat: OutputStat | undefined, classTokens: number, cap: number | undefined): number {
  return stat ? capped(shrunkTokens(stat, classTokens), cap) : classTokens;
}

function capped(tokens: number, cap: number | undefined): number {
  return cap !== undefined && tokens > cap ? cap : tokens;
}

/** Folds one answer into its endpoint's cell and its class's pool. */
export function observeOutputTokens(table: OutputTokenTable, taskClass: string, endpointId: string, tokens: number): void {
  let cells = table.get(taskClass);
  if (!cells) table.set(taskClass, (cells = new Map()));
  cells.set(endpointId, updateOutputStat(cells.get(endpointId), tokens));
  cells.set(CLASS_POOL, updateOutputStat(cells.get(CLASS_POOL), tokens));
}

/** The decision's class cells, or undefined when no answer of the class has been seen. */
export function outputCellsOf(ctx: RoutingContext): Map<string, OutputStat> | undefined {
  const cells = ctx.snapshot.outputTokens?.get(ctx.classification?.taskClass ?? 'chat');
  return cells && cells.size > 0 ? cells : undefined;
}

/**
 * The per-endpoint estimate for a decision (stages 10, 11; 13 stores it in the scores, 14 reads it there),
 * after stage 02 set the class estimate. Without any answer for the class it is the class estimate for
 * every endpoint, with no lookup.
 */
export function outputTokensOf(ctx: RoutingContext): (endpointId: string) => number {
  const r = ctx.requirements!;
  const cells = outputCellsOf(ctx);
  if (!cells) return () => r.expectedOutputTokens;
  return (id) => outputTokensFrom(cells.get(id), r.expectedOutputTokens, r.maxOutputTokens);
}

/**
 * Output tokens an attempt's timeouts are sized for (src/flow/execute.ts): max_tokens when set, else the
 * estimate but never below DEFAULT_OUTPUT_PRIOR. A mean is no bound on one answer's length, and a short
 * class prior must not cut the wait for an endpoint that writes long.
 */
export function timeoutOutputTokens(r: Pick<Requirements, 'expectedOutputTokens' | 'maxOutputTokens'>): number {
  return r.maxOutputTokens ?? Math.max(DEFAULT_OUTPUT_PRIOR, r.expectedOutputTokens);
}

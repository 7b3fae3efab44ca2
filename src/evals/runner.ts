import type { ChatRequest, AssistantMessage, FinishReason, EvalCategory, TaskClass } from '../hub';
import type { Capabilities } from '../catalog';
import { gradeItem, gradeJudgeScore } from './graders';
import { buildJudgeRequest, parseJudgeScore } from './judge';
import { buildEvalRequest } from './suite';
import type { EvalItem, EvalOutput } from './types';

/**
 * Continuous-eval orchestration, pure except for the injected invoke functions.
 *
 * Budget: a Worker invocation may make 50 subrequests on the free plan and 1000 on paid
 * (Cloudflare Workers limits). A cron tick evaluates one slice of ≤ 40 subrequests so that the tick
 * also has room for its D1 writes and never hits the free-plan ceiling. Each (endpoint, item) pair
 * costs one subrequest, plus one for the judge on open-ended items.
 */
export const WORKERS_SUBREQUESTS_FREE = 50;
export const WORKERS_SUBREQUESTS_PAID = 1000;
export const EVAL_SUBREQUESTS_PER_TICK = 40;
/** Simultaneous eval calls; Workers allow 6 open connections per invocation. */
export const EVAL_CONCURRENCY = 4;

export interface EvalEndpoint {
  id: string;
  /** Missing capabilities are assumed present (e.g. an endpoint not yet in the catalog). */
  capabilities?: Partial<Capabilities>;
}

/**
 * Position in the (item × endpoint) sweep. Pairs are ordered item-major with endpoints interleaved
 * (pair k = item ⌊k/E⌋, endpoint k mod E) so a slice spreads its calls across providers rather than
 * hammering one. Items and endpoints are sorted by id, so a stable fleet is swept in a stable order.
 */
export interface EvalCursor {
  suiteVersion: string;
  position: number;
  /** Completed sweeps over all pairs. */
  cycle: number;
}

export interface PlannedPair {
  endpointId: string;
  item: EvalItem;
  subrequests: number;
}

export interface SlicePlan {
  pairs: PlannedPair[];
  nextCursor: EvalCursor;
  subrequests: number;
  /** The slice reached the end of the sweep (nextCursor starts a new cycle). */
  cycleCompleted: boolean;
}

/** Whether the endpoint can be asked this item at all (capability-gated categories). */
export function appliesTo(item: EvalItem, endpoint: EvalEndpoint): boolean {
  const caps = endpoint.capabilities ?? {};
  if (item.category === 'tool_calling') return caps.tools !== false;
  if (item.category === 'structured_output') return caps.jsonSchema !== false;
  if (item.category === 'vision') return caps.vision !== false;
  return true;
}

export const pairCost = (item: EvalItem): number => (item.grading.kind === 'judge' ? 2 : 1);

export function initialCursor(suiteVersion: string): EvalCursor {
  return { suiteVersion, position: 0, cycle: 0 };
}

/**
 * The next pairs to evaluate within `budget` subrequests. Inapplicable pairs are skipped without
 * cost. A slice never wraps past the end of a sweep, so no pair appears twice in one slice.
 */
export function planSlice(
  endpoints: EvalEndpoint[],
  items: EvalItem[],
  cursor: EvalCursor,
  budget = EVAL_SUBREQUESTS_PER_TICK,
  opts: { suiteVersion?: string; includeJudged?: boolean } = {},
): SlicePlan {
  const suiteVersion = opts.suiteVersion ?? cursor.suiteVersion;
  const eps = [...endpoints].sort((a, b) => a.id.localeCompare(b.id));
  const its = items.filter((i) => opts.includeJudged !== false || i.grading.kind !== 'judge').sort((a, b) => a.id.localeCompare(b.id));
  const total = eps.length * its.length;
  // A new suite version restarts the sweep; a shrunken fleet keeps going from a valid position.
  let position = cursor.suiteVersion === suiteVersion ? cursor.position : 0;
  let cycle = cursor.suiteVersion === suiteVersion ? cursor.cycle : 0;
  if (total === 0) return { pairs: [], nextCursor: { suiteVersion, position: 0, cycle }, subrequests: 0, cycleCompleted: false };
  if (position >= total) {
    position = 0;
    cycle++;
  }
  const pairs: PlannedPair[] = [];
  let used = 0;
  let cycleCompleted = false;
  while (position < total) {
    const item = its[Math.floor(position / eps.length)];
    const endpoint = eps[position % eps.length];
    if (appliesTo(item, endpoint)) {
      const cost = pairCost(item);
      // A pair that can never fit (budget below its cost) is skipped so the sweep cannot stall.
      if (cost > budget) {
        position++;
        continue;
      }
      if (used + cost > budget) break;
      pairs.push({ endpointId: endpoint.id, item, subrequests: cost });
      used += cost;
    }
    position++;
  }
  if (position >= total) {
    position = 0;
    cycle++;
    cycleCompleted = true;
  }
  return { pairs, nextCursor: { suiteVersion, position, cycle }, subrequests: used, cycleCompleted };
}

export type InvokeResult = { message: AssistantMessage; finishReason: FinishReason | string; latencyMs: number } | { error: string };

/** Calls an endpoint with a hub-format request (the caller adds the eval-item header, auth, routing). */
export type EvalInvoke = (endpointId: string, request: ChatRequest, ctx: { itemId: string }) => Promise<InvokeResult>;
/** Calls the judge for an answer of `testedEndpointId`; the caller picks a judge of another family (pickJudge). */
export type JudgeInvoke = (request: ChatRequest, ctx: { itemId: string; testedEndpointId: string }) => Promise<InvokeResult>;

export interface EvalResult {
  endpointId: string;
  itemId: string;
  category: EvalCategory;
  taskClasses: TaskClass[];
  /** 'graded' results count in scores; errors and ungraded (no judge) ones do not. */
  status: 'graded' | 'error' | 'ungraded';
  pass: boolean;
  score: number;
  reason: string;
  latencyMs: number | null;
  finishReason?: string;
}

function toOutput(message: AssistantMessage, finishReason: string): EvalOutput {
  return {
    content: message.content,
    toolCalls: (message.tool_calls ?? []).map((c) => ({ name: c.function.name, arguments: c.function.arguments })),
    finishReason,
  };
}

async function runPair(
  pair: PlannedPair,
  invoke: EvalInvoke,
  judgeInvoke: JudgeInvoke | undefined,
  modelFor: (id: string) => string,
): Promise<EvalResult> {
  const { item, endpointId } = pair;
  const base = { endpointId, itemId: item.id, category: item.category, taskClasses: item.taskClasses };
  let res: InvokeResult;
  try {
    res = await invoke(endpointId, buildEvalRequest(item, modelFor(endpointId)), { itemId: item.id });
  } catch (e) {
    res = { error: e instanceof Error ? e.message : String(e) };
  }
  // Provider failures are reliability data, not quality data: they are kept out of the scores.
  if ('error' in res) return { ...base, status: 'error', pass: false, score: 0, reason: `invoke failed: ${res.error}`, latencyMs: null };
  const output = toOutput(res.message, String(res.finishReason));
  const graded = gradeItem(item, output);
  const done = { ...base, latencyMs: res.latencyMs, finishReason: output.finishReason };
  if (item.grading.kind !== 'judge' || !graded.pass) return { ...done, status: 'graded', ...graded };
  if (!judgeInvoke) return { ...done, status: 'ungraded', pass: false, score: 0, reason: 'no judge available' };
  let verdict: InvokeResult;
  try {
    verdict = await judgeInvoke(buildJudgeRequest(item, output.content ?? '', 'judge'), { itemId: item.id, testedEndpointId: endpointId });
  } catch (e) {
    verdict = { error: e instanceof Error ? e.message : String(e) };
  }
  if ('error' in verdict) return { ...done, status: 'ungraded', pass: false, score: 0, reason: `judge failed: ${verdict.error}` };
  const score = parseJudgeScore(verdict.message.content);
  if (score === null) return { ...done, status: 'ungraded', pass: false, score: 0, reason: 'judge gave no parsable score' };
  return { ...done, status: 'graded', ...gradeJudgeScore(item, score) };
}

/**
 * Run and grade a planned slice with bounded concurrency. The judge request is built with the
 * placeholder model "judge"; judgeInvoke replaces it with the picked judge endpoint's model.
 */
export async function runSlice(
  pairs: PlannedPair[],
  invoke: EvalInvoke,
  judgeInvoke?: JudgeInvoke,
  opts: { concurrency?: number; modelFor?: (endpointId: string) => string } = {},
): Promise<EvalResult[]> {
  const modelFor = opts.modelFor ?? ((id: string) => id);
  const results: EvalResult[] = new Array(pairs.length);
  let next = 0;
  const worker = async () => {
    while (next < pairs.length) {
      const i = next++;
      results[i] = await runPair(pairs[i], invoke, judgeInvoke, modelFor);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? EVAL_CONCURRENCY, pairs.length) }, worker));
  return results;
}

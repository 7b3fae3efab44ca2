/**
 * The benchmark catalog and the learning step: RouterBench's models become endpoints, the train
 * outcomes enter through the product's own code paths (eval aggregation, feedback posteriors), and
 * each test prompt is routed by the real pipeline (runPipeline) over that snapshot.
 */
import type { ChatRequest, TaskClass } from '../../src/hub';
import type { Endpoint, ProviderId } from '../../src/catalog/types';
import { evalCellsOf, latestPerItem, type GradedResult } from '../../src/evals/stats';
import { applyChangeToTable, applySignals, signalsFromRows } from '../../src/feedback/signals';
import type { PosteriorRow, RoutingSnapshot } from '../../src/routing';
import { parseEvalBandCellKey } from '../../src/routing/complexity-band';
import { observeOutputTokens } from '../../src/routing/output-tokens';
import { runPipeline } from '../../src/routing/pipeline';
import { estimateInputTokens } from '../../src/routing/stages/02-requirements';
import type { ClassificationSignal, ObjectiveParams } from '../../src/routing/types';
import { keySettingsSchema, type KeyRecord } from '../../src/tenancy/types';
import { hash32, type BenchRow } from './data';

export const EXPECTED_OUTPUT_TOKENS = 512;
const LEARNED_AT = Date.UTC(2026, 5, 1);

export const endpointIdOf = (model: string) => `bench/${model}`;

function providerOf(model: string): ProviderId {
  if (model.startsWith('gpt-')) return 'openai';
  if (model.startsWith('claude')) return 'anthropic';
  return 'together';
}

export function requestOf(row: BenchRow, strategy = 'balanced'): ChatRequest {
  return { model: `auto:${strategy}`, messages: [{ role: 'user', content: row.prompt }] } as ChatRequest;
}

/**
 * One endpoint per model. Price: its mean cost per train prompt spread over the mean token count the
 * router estimates for those prompts (same price for input and output), so the router's cost estimate
 * for an average prompt equals what the model cost on average. Latency, trust and capabilities are
 * identical across models: this benchmark measures quality and cost only.
 */
export function benchCatalog(models: string[], train: BenchRow[]): Endpoint[] {
  const meanTokens = train.reduce((n, r) => n + estimateInputTokens(requestOf(r)) + EXPECTED_OUTPUT_TOKENS, 0) / train.length;
  return models.map((model) => {
    const meanCost = train.reduce((n, r) => n + r.costs[model], 0) / train.length;
    const perMTok = (meanCost / meanTokens) * 1e6;
    return {
      id: endpointIdOf(model),
      provider: providerOf(model),
      model,
      codename: model,
      wireFormat: 'openai',
      pricing: {
        inputPerMTok: perMTok,
        outputPerMTok: perMTok,
        asOf: '2024-03-01',
        source: 'RouterBench train split: mean cost per prompt',
      },
      contextWindow: 1_000_000,
      maxOutputTokens: 4096,
      capabilities: { tools: true, vision: true, jsonSchema: true, streaming: true },
      trustLevel: 1,
      regions: ['global'],
      latency: { ttftMs: 500, tokensPerSec: 50 },
      qualityPrior: 0.5,
    };
  });
}

export type SignalPath = 'evals' | 'feedback' | 'both';

export interface LearnReport {
  evalResults: number;
  ratings: number;
  /** Eval cells, class and band. */
  cells: number;
  /** Of which per (endpoint, task class, complexity band). */
  bandCells: number;
}

/**
 * Train outcomes → snapshot. `evals`: each (model, prompt) is a graded eval item of task class =
 * eval_name, aggregated by src/evals/stats.ts (Wilson). `feedback`: each is a thumbs up (1) or down (0)
 * through src/feedback/signals.ts. `both`: a deterministic half of the prompts each way (an eval suite
 * measured some prompts, users rated others), so no outcome is counted twice. `complexityOf` (the real
 * classifier's complexity of a train prompt) makes each eval item also count in its complexity band's
 * cell, so per-band quality is learned from train outcomes only; without it the cells are per class only.
 */
export function learn(
  snapshot: RoutingSnapshot,
  models: string[],
  train: BenchRow[],
  path: SignalPath,
  complexityOf?: (row: BenchRow) => number | undefined,
): LearnReport {
  const results: GradedResult[] = [];
  const table = new Map<string, PosteriorRow>();
  let ratings = 0;
  for (const row of train) {
    const viaEvals = path === 'evals' || (path === 'both' && hash32(`signal|${row.id}`) % 2 === 0);
    const complexity = viaEvals ? complexityOf?.(row) : undefined;
    for (const model of models) {
      const pass = row.scores[model] >= 0.5;
      if (viaEvals) {
        results.push({
          endpointId: endpointIdOf(model),
          itemId: row.id,
          category: 'intelligence',
          taskClasses: [row.evalName as TaskClass],
          pass,
          score: row.scores[model],
          createdAt: LEARNED_AT,
          complexity,
        });
      } else {
        applyChangeToTable(
          table,
          { keyId: 'bench-raters', endpointId: endpointIdOf(model), taskClass: row.evalName },
          { rating: pass ? 1 : -1, ratedAt: LEARNED_AT },
        );
        ratings++;
      }
    }
  }
  for (const [key, cell] of evalCellsOf(latestPerItem(results))) snapshot.evals.set(key, cell);
  if (table.size) applySignals(snapshot, signalsFromRows(table.values(), LEARNED_AT));
  const bandCells = [...snapshot.evals.keys()].filter((k) => parseEvalBandCellKey(k) !== null).length;
  return { evalResults: results.length, ratings, cells: snapshot.evals.size, bandCells };
}

/**
 * Train outcomes → the output-token estimator (src/routing/output-tokens.ts), the same function the Worker
 * feeds with each answer's completion tokens. RouterBench gives each (prompt, model) its cost, not its token
 * counts; at the bench catalog's price (the same per input and output token) the answer's length is
 * cost / price − the router's input estimate for the prompt (0 when the cost is below that), so the
 * router's cost estimate for a prompt of this task, averaged over the train prompts, is what the model
 * cost on them. Train rows only: the estimate never sees a test prompt. Returns the answers observed.
 */
export function learnOutputTokens(snapshot: RoutingSnapshot, train: BenchRow[]): { answers: number; clamped: number } {
  const table = (snapshot.outputTokens ??= new Map());
  let answers = 0;
  let clamped = 0;
  for (const row of train) {
    const input = estimateInputTokens(requestOf(row));
    for (const { endpoint: e } of snapshot.endpoints) {
      const tokens = (row.costs[e.model] * 1e6) / e.pricing.outputPerMTok - input;
      if (tokens < 0) clamped++;
      observeOutputTokens(table, row.evalName, e.id, Math.max(0, tokens));
      answers++;
    }
  }
  return { answers, clamped };
}

export function benchSnapshot(endpoints: Endpoint[]): RoutingSnapshot {
  return {
    builtAt: LEARNED_AT,
    endpoints: endpoints.map((endpoint) => ({ endpoint, simulated: false })),
    health: new Map(),
    latency: new Map(),
    evals: new Map(),
    satisfaction: new Map(),
  };
}

export const benchKey: KeyRecord = {
  id: 'bench-router',
  teamId: 'bench',
  name: 'routing benchmark',
  keyPrefix: 'cai_bench',
  scopes: ['api'],
  settings: keySettingsSchema.parse({}),
  createdAt: LEARNED_AT,
  revokedAt: null,
};

/** The model the real pipeline routes this prompt to (head of the chain), or null when nothing qualified. */
export function routeOne(
  snapshot: RoutingSnapshot,
  row: BenchRow,
  index: number,
  classification: ClassificationSignal,
  params: Partial<ObjectiveParams>,
): string | null {
  const request = requestOf(row);
  try {
    const ctx = runPipeline({
      // Distinct decision times, as in production; they also pick the key's exploration decisions.
      now: LEARNED_AT + index * 1000,
      request,
      hints: {},
      key: benchKey,
      snapshot,
      classification,
      // Quality and cost only: every bench endpoint has the same latency prior, and a latency that differed
      // only by learned answer length (stage 13) would be a made-up trade-off here.
      objectiveParams: { balancedLatencyWeight: 0, ...params },
      candidates: [],
      dropped: [],
      chain: [],
      trace: [],
    });
    return ctx.chain[0]?.endpoint.model ?? null;
  } catch {
    return null;
  }
}

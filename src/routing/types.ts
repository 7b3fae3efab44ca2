import type { ChatRequest, RoutingHints, Strategy } from '../hub';
import type { Endpoint } from '../catalog';
import type { KeyRecord } from '../tenancy';
import type { RoutingSnapshot } from './snapshot';
import type { CacheAffinity } from './cache-affinity';
import type { RequestPrefs } from './provider-prefs';
import type { OutputTokensSource } from './output-tokens';

export type ModelSpec =
  | { kind: 'auto'; strategy?: Strategy }
  | { kind: 'codename'; codename: string; strategy?: Strategy }
  | { kind: 'endpoint'; endpointId: string; strategy?: Strategy };

export interface Requirements {
  tools: boolean;
  vision: boolean;
  jsonSchema: boolean;
  jsonMode: boolean;
  streaming: boolean;
  estimatedInputTokens: number;
  /** The class-level estimate (output-tokens.ts); stages 10–14 refine it per endpoint. */
  expectedOutputTokens: number;
  /** What it rests on: the request's max_tokens, the class prior, or answers learned for the class. */
  outputTokensSource?: OutputTokensSource;
  /** Answers of this class behind it (all endpoints). */
  outputTokensSamples?: number;
  /** The request's max_tokens / max_completion_tokens: caps every estimate. */
  maxOutputTokens?: number;
  minTrustLevel: number;
}

export interface ClassificationSignal {
  taskClass: string;
  complexity: number;
  /** Strategy the classifier suggests for a bare `auto`. */
  strategy?: Strategy;
  source: 'model' | 'heuristic' | 'neutral';
  classProbs?: Record<string, number>;
  ms?: number;
}

export interface Scores {
  /** Expected answer quality in [0,1]. */
  quality: number;
  /** Estimated latency to the full answer, ms. */
  latencyMs: number;
  ttftMs: number;
  /** Estimated request cost, USD. */
  costUsd: number;
  objective: number;
  /** 0 = meets the strategy's constraint, 1 = fallback tier (stage 15). */
  tier?: number;
  /** Live latency samples behind ttftMs/latencyMs and the endpoint's live error rate (stage 13). */
  liveSamples?: number;
  errorRate?: number;
  /** Expected output tokens for this endpoint and task class behind costUsd and latencyMs, and the answers they rest on. */
  outputTokens?: number;
  outputSamples?: number;
  /** Quality terms used (stage 12), for the trace; the numeric fields above are added by traceOf. */
  terms: Record<string, number | string>;
}

export interface Candidate {
  endpoint: Endpoint;
  simulated: boolean;
  scores?: Scores;
  /** Eval gate verdict for this request's task class. */
  evalStatus?: 'eligible' | 'unevaluated' | 'below_threshold';
}

export interface Dropped {
  id: string;
  stage: string;
  reason: string;
}

export interface TraceStage {
  stage: string;
  kept: number;
  dropped?: number;
  note?: string;
}

export type StrategySource = 'request' | 'key_default' | 'classifier' | 'free_tier' | 'default';

export interface RoutingContext {
  now: number;
  request: ChatRequest;
  hints: RoutingHints;
  key: KeyRecord;
  snapshot: RoutingSnapshot;
  region?: string;
  /** Key budget left this month (undefined = no budget). */
  remainingBudgetUsd?: number;
  /** Overrides of the strategy constants (benchmarks sweep the cost/quality trade-off); unset in production. */
  objectiveParams?: Partial<ObjectiveParams>;
  spec?: ModelSpec;
  strategy?: Strategy;
  strategySource?: StrategySource;
  requirements?: Requirements;
  classification?: ClassificationSignal;
  candidates: Candidate[];
  dropped: Dropped[];
  chain: Candidate[];
  trace: TraceStage[];
  /** OpenRouter's routing fields as the stages read them (provider-prefs.ts); set by parse_spec when present. */
  prefs?: RequestPrefs;
  /** Set by cache_affinity for a request with cache_control breakpoints; the flow records who answered it. */
  cacheAffinity?: CacheAffinity;
}

export type Stage = (ctx: RoutingContext) => RoutingContext;

export interface ObjectiveParams {
  floorBase: number;
  floorSlope: number;
  /** `quality` only considers endpoints within this multiple of the cheapest candidate's cost. */
  qualityCapMultiple: number;
  /** λc: quality a doubling of cost must buy under `balanced`. */
  balancedCostWeight: number;
  /** λl: quality a doubling of latency must buy under `balanced`. */
  balancedLatencyWeight: number;
}

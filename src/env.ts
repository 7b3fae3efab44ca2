import type { KeyRecord } from './tenancy';

/** Bindings declared in wrangler.toml plus secrets (provider keys, ADMIN_SECRET, KEY_PEPPER). */
export interface Env {
  DB: D1Database;
  KV: KVNamespace;
  KEY_GUARD: DurableObjectNamespace;
  BREAKER: DurableObjectNamespace;
  /** "true" enables the simulated provider fleet for providers without an API key (dev default). */
  CAILOS_SIMULATE?: string;
  /** Multiplier on simulated latencies; tests use a small value to stay fast. */
  CAILOS_SIM_LATENCY_SCALE?: string;
  /** "heuristic" pins the keyword classifier instead of the ONNX model (the test pool sets it). */
  CAILOS_CLASSIFIER?: string;
  /** Eval configuration (src/evals): per-class thresholds as JSON, calls per cron tick, sweep period. */
  EVAL_THRESHOLDS?: string;
  EVAL_CALLS_PER_TICK?: string;
  EVAL_RERUN_HOURS?: string;
  /** JSON {providerId: baseUrl}: send a provider's traffic to a proxy or self-hosted endpoint. */
  UPSTREAM_BASE_URL_OVERRIDES?: string;
  /** JSON [{provider, level, agreement}]: operator agreements that change a provider's trust level (src/catalog/overrides.ts). */
  TRUST_OVERRIDES?: string;
  /** JSON array of operator-run OpenAI-compatible endpoints (src/catalog/self-hosted.ts). */
  SELF_HOSTED_ENDPOINTS?: string;
  /** Circuit breaker tuning (src/reliability/breaker-state.ts); defaults 3 failures, 5 s, 5 min, 60 s. */
  CAILOS_BREAKER_THRESHOLD?: string;
  CAILOS_BREAKER_COOLDOWN_MS?: string;
  CAILOS_BREAKER_MAX_COOLDOWN_MS?: string;
  CAILOS_BREAKER_PROBE_LEASE_MS?: string;
  CAILOS_BREAKER_PROBE_DELAY_MS?: string;
  /** Multiplier on the per-attempt timeouts derived from each endpoint's latency profile (tests only; default 1). */
  CAILOS_TIMEOUT_SCALE?: string;
  ADMIN_SECRET?: string;
  KEY_PEPPER?: string;
  /** Secret the response cache derives its per-team keys from (src/cache); KEY_PEPPER when unset. */
  CACHE_SECRET?: string;
  /** OpenTelemetry trace export (src/telemetry): the standard OTLP exporter variables; off without an endpoint. */
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_HEADERS?: string;
  OTEL_EXPORTER_OTLP_TRACES_HEADERS?: string;
  OTEL_EXPORTER_OTLP_TIMEOUT?: string;
  OTEL_SERVICE_NAME?: string;
  OTEL_RESOURCE_ATTRIBUTES?: string;
  OTEL_SDK_DISABLED?: string;
  OTEL_BSP_MAX_QUEUE_SIZE?: string;
  OTEL_BSP_MAX_EXPORT_BATCH_SIZE?: string;
  OTEL_BSP_SCHEDULE_DELAY?: string;
  /** Days request_log rows and feedback rows are kept (src/db/retention.ts); defaults 30 and the request log's. */
  REQUEST_LOG_RETENTION_DAYS?: string;
  FEEDBACK_RETENTION_DAYS?: string;
  /** Provider API keys, e.g. OPENAI_API_KEY, ANTHROPIC_API_KEY; see src/catalog/providers.ts. */
  [providerKey: `${string}_API_KEY`]: string | undefined;
}

/** Per-request values set by middleware, typed for Hono's context. */
export interface AppVariables {
  key: KeyRecord;
  requestStart: number;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };

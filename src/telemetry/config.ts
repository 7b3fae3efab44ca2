import type { Env } from '../env';

/**
 * The exporter's configuration from the standard OpenTelemetry environment variables (the OTLP exporter
 * and batch span processor sections of the OpenTelemetry specification), read from the Worker's vars and
 * secrets. Traces go to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, else to
 * `${OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces`; without either, export is off.
 */
export interface OtlpConfig {
  url: string;
  /** Request headers, content-type included. */
  headers: Record<string, string>;
  /** Resource attributes (service.name always set). */
  resource: Record<string, string>;
  timeoutMs: number;
  maxQueueSize: number;
  maxExportBatchSize: number;
  scheduleDelayMs: number;
}

/** The specification's defaults, except the delay: an idle isolate may be evicted, so batches leave sooner. */
const DEFAULTS = { timeoutMs: 10_000, maxQueueSize: 2_048, maxExportBatchSize: 512, scheduleDelayMs: 1_000 };
const DEFAULT_SERVICE_NAME = 'cailos';

const VARS = [
  'OTEL_SDK_DISABLED',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_EXPORTER_OTLP_TRACES_HEADERS',
  'OTEL_EXPORTER_OTLP_TIMEOUT',
  'OTEL_SERVICE_NAME',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_BSP_MAX_QUEUE_SIZE',
  'OTEL_BSP_MAX_EXPORT_BATCH_SIZE',
  'OTEL_BSP_SCHEDULE_DELAY',
] as const;

/** `k=v,k2=v2` (W3C Baggage style, as OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES): values URL-decoded. */
function keyValueList(raw: string | undefined, lowerKeys: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of (raw ?? '').split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue;
    const key = item.slice(0, eq).trim();
    if (!key) continue;
    let value = item.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not valid percent-encoding: the value as written.
    }
    out[lowerKeys ? key.toLowerCase() : key] = value;
  }
  return out;
}

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
}

function tracesUrl(env: Env): string | null {
  const direct = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const url = direct || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : '');
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function build(env: Env): OtlpConfig | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const url = tracesUrl(env);
  if (!url) return null;
  const headers = {
    ...keyValueList(env.OTEL_EXPORTER_OTLP_HEADERS, true),
    ...keyValueList(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS, true),
    'content-type': 'application/json',
  };
  const resource = { ...keyValueList(env.OTEL_RESOURCE_ATTRIBUTES, false) };
  resource['service.name'] = env.OTEL_SERVICE_NAME?.trim() || resource['service.name'] || DEFAULT_SERVICE_NAME;
  const maxQueueSize = positiveInt(env.OTEL_BSP_MAX_QUEUE_SIZE, DEFAULTS.maxQueueSize);
  return {
    url,
    headers,
    resource,
    timeoutMs: positiveInt(env.OTEL_EXPORTER_OTLP_TIMEOUT, DEFAULTS.timeoutMs),
    maxQueueSize,
    maxExportBatchSize: Math.min(maxQueueSize, positiveInt(env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE, DEFAULTS.maxExportBatchSize)),
    scheduleDelayMs: positiveInt(env.OTEL_BSP_SCHEDULE_DELAY, DEFAULTS.scheduleDelayMs),
  };
}

/** Parsed once per distinct set of values (one in production), so each request reuses the same object. */
const parsed = new Map<string, OtlpConfig | null>();

/** The exporter's configuration, or null when export is off. */
export function otlpConfig(env: Env): OtlpConfig | null {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return null;
  const fingerprint = VARS.map((name) => env[name] ?? '').join('\u0000');
  let config = parsed.get(fingerprint);
  if (config === undefined) {
    config = build(env);
    if (parsed.size >= 16) parsed.clear();
    parsed.set(fingerprint, config);
  }
  return config;
}

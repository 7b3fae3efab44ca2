import type { OtlpConfig } from './config';
import { exportRequest, type OtlpSpan } from './otlp';

/**
 * Batching of spans per isolate, off the request path, in the manner of the request log's write-behind
 * (src/db/request-log.ts): spans wait in isolate memory and leave together in one OTLP/HTTP request when
 * a batch holds `maxExportBatchSize` spans or `scheduleDelayMs` after its first span, whichever comes first.
 *
 * Each request that adds spans hands a promise to its own ctx.waitUntil and waits on a timer of its
 * own; whichever request's timer fires first sends the batch, in its own context (workerd refuses I/O
 * on behalf of another request). A request's spans always travel in one batch, so a batch can exceed
 * the size limit by part of one request's spans.
 *
 * The queue is bounded: spans waiting plus spans being sent never exceed `maxQueueSize`; spans that do
 * not fit are dropped, and so are the spans of an export that fails (no retry: a collector that is down
 * must not make the gateway hold more). Dropped spans are counted, logged, and reported with the next
 * export that gets through, as the instrumentation scope's `cailos.telemetry.dropped_spans` attribute.
 */

interface Batch {
  config: OtlpConfig;
  spans: OtlpSpan[];
  dueAt: number;
  sent: boolean;
}

/** The filling batch per configuration (one in production; tests also pass other environments). */
const open = new Map<OtlpConfig, Batch>();
/** Spans waiting in open batches or being sent. */
let queued = 0;
/** Spans dropped since the last export that reported them. */
let dropped = 0;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

function drop(n: number, why: string): void {
  dropped += n;
  // The message names no content: counts only.
  console.warn(`telemetry: dropped ${n} spans (${why}); ${dropped} dropped since the last export`);
}

async function post(batch: Batch): Promise<void> {
  const { config, spans } = batch;
  const reported = dropped;
  const body = JSON.stringify(exportRequest(config.resource, reported > 0 ? { 'cailos.telemetry.dropped_spans': reported } : {}, spans));
  try {
    const res = await fetch(config.url, { method: 'POST', headers: config.headers, body, signal: AbortSignal.timeout(config.timeoutMs) });
    // The body is read so the connection can be reused; a partial-success answer is the collector's own report.
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) dropped -= reported;
    else drop(spans.length, `collector answered ${res.status}`);
  } catch (err) {
    drop(spans.length, `export failed: ${(err as Error).name}`);
  }
}

/** Sends the batch in the CALLER's request context, unless another request already sent it. */
async function send(batch: Batch): Promise<void> {
  if (batch.sent) return;
  batch.sent = true;
  if (open.get(batch.config) === batch) open.delete(batch.config);
  try {
    await post(batch);
  } finally {
    queued -= batch.spans.length;
  }
}

/**
 * Queues one request's spans. Returns a promise for the caller's ctx.waitUntil: it holds the request
 * until its batch is due and, if this request sends it, until the export is done. It never rejects.
 */
export function enqueueSpans(config: OtlpConfig, spans: OtlpSpan[]): Promise<void> {
  if (queued + spans.length > config.maxQueueSize) {
    drop(spans.length, 'queue full');
    return Promise.resolve();
  }
  let batch = open.get(config);
  if (!batch) {
    batch = { config, spans: [], dueAt: Date.now() + config.scheduleDelayMs, sent: false };
    open.set(config, batch);
  }
  batch.spans.push(...spans);
  queued += spans.length;
  if (batch.spans.length >= config.maxExportBatchSize) return send(batch);
  const due = batch;
  return sleep(due.dueAt - Date.now()).then(() => send(due));
}

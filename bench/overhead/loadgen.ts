/**
 * A small closed-loop load generator: `concurrency` workers each send one POST at a time over
 * keep-alive connections, for a fixed duration after a warm-up, and every request's latency is
 * recorded (and, for streams, the time to the first content chunk). Closed loop means the offered
 * rate adapts to the server: at saturation latency grows instead of requests piling up.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  /** A fixed body, or one per request (n = the request's sequence number), e.g. to defeat caches. */
  body: string | ((n: number) => string);
  stream: boolean;
  concurrency: number;
  durationMs: number;
  /** Requests started before this (ms from the start) warm connections and caches and are not recorded. */
  warmupMs?: number;
}

export interface LoadResult {
  /** Requests in the measured window (started after the warm-up). */
  requests: number;
  /** Including the warm-up: what the server's CPU time was spent on. */
  totalRequests: number;
  errors: number;
  /** First few distinct error descriptions, for the log. */
  errorSamples: string[];
  elapsedMs: number;
  rps: number;
  latencyMs: number[];
  ttftMs: number[];
  /** Response headers of the last successful request (routing headers, timing). */
  lastHeaders: Record<string, string | string[] | undefined>;
  /** `x-cailos-timing` values seen, if the server sent them. */
  timings: string[];
  /** Wall-clock start (ms since the epoch) of each request in `latencyMs`, same order: lines slow ones up with other events. */
  startedAt: number[];
}

const FIRST_CONTENT = /"content":"[^"]/;
const REQUEST_TIMEOUT_MS = 30_000;

interface One {
  ok: boolean;
  error?: string;
  latencyMs: number;
  ttftMs?: number;
  headers: Record<string, string | string[] | undefined>;
}

function once(agent: Agent, spec: LoadSpec, n: number): Promise<One> {
  const body = typeof spec.body === 'string' ? spec.body : spec.body(n);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      spec.url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...spec.headers },
      },
      (res) => {
        let text = '';
        let ttftMs: number | undefined;
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
          if (spec.stream && ttftMs === undefined && FIRST_CONTENT.test(text)) ttftMs = performance.now() - started;
        });
        res.on('end', () => {
          const latencyMs = performance.now() - started;
          let error: string | undefined;
          if (res.statusCode !== 200) error = `HTTP ${res.statusCode}: ${text.slice(0, 160)}`;
          else if (spec.stream && !text.trimEnd().endsWith('data: [DONE]')) error = `stream did not end with [DONE]: ${text.slice(-160)}`;
          else if (spec.stream && ttftMs === undefined) error = 'stream carried no content';
          else if (!spec.stream && !text.includes('"choices"')) error = `not a completion: ${text.slice(0, 160)}`;
          resolve({ ok: !error, error, latencyMs, ttftMs, headers: res.headers });
        });
        res.on('error', (err) => resolve({ ok: false, error: err.message, latencyMs: performance.now() - started, headers: {} }));
      },
    );
    req.on('error', (err) => resolve({ ok: false, error: err.message, latencyMs: performance.now() - started, headers: {} }));
    // A request that never answers is an error, not a benchmark that hangs.
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.end(body);
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency, maxFreeSockets: spec.concurrency });
  const result: LoadResult = {
    requests: 0,
    totalRequests: 0,
    errors: 0,
    errorSamples: [],
    elapsedMs: 0,
    rps: 0,
    latencyMs: [],
    ttftMs: [],
    lastHeaders: {},
    timings: [],
    startedAt: [],
  };
  const measureFrom = performance.now() + (spec.warmupMs ?? 0);
  const deadline = measureFrom + spec.durationMs;
  let sequence = 0;
  const worker = async () => {
    for (let begun = performance.now(); begun < deadline; begun = performance.now()) {
      const wallStart = Date.now();
      const r = await once(agent, spec, sequence++);
      result.totalRequests++;
      if (begun < measureFrom) continue;
      result.requests++;
      if (!r.ok) {
        result.errors++;
        if (result.errorSamples.length < 5 && r.error && !result.errorSamples.includes(r.error)) result.errorSamples.push(r.error);
        continue;
      }
      result.latencyMs.push(r.latencyMs);
      result.startedAt.push(wallStart);
      if (r.ttftMs !== undefined) result.ttftMs.push(r.ttftMs);
      result.lastHeaders = r.headers;
      const timing = r.headers['x-cailos-timing'];
      if (typeof timing === 'string') result.timings.push(timing);
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  result.elapsedMs = performance.now() - measureFrom;
  result.rps = (result.requests / result.elapsedMs) * 1000;
  agent.destroy();
  return result;
}

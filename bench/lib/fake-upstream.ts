/**
 * A loopback fake OpenAI-compatible provider, shared by the benchmarks and usable by the fault-injection
 * tests. POST /v1/chat/completions or /<provider>/v1/chat/completions (the first segment names the provider,
 * so one server can stand in for several providers through UPSTREAM_BASE_URL_OVERRIDES). It answers
 * correctly by default, in the style of fake-answer.ts ('echo' names the endpoint and echoes the prompt;
 * 'fixed' does no work that depends on the prompt), optionally after a fixed latency, and injects one fault
 * per target on demand: in process through the returned handle, or over HTTP for a client in another
 * runtime (workerd):
 *   POST   /__control/faults  {target: "<provider>/<model>" | "<provider>/" | "*", fault | null, times?, retryAfterSeconds?, delayMs?}
 *   GET    /__control/hits    {"<provider>/<model>": requests received}
 *   GET    /__control/anthropic-requests  the bodies POST /<provider>/v1/messages received (fake-anthropic.ts)
 *   POST   /__control/release answer every request held by the 'hold' fault (correctly)
 *   POST   /__control/strict  {strict: boolean}: refuse top-level fields outside OpenAI's reference with
 *                              OpenAI's 400 (strict-openai.ts); GET it for {strict, rejected: [[names]…]}
 *   DELETE /__control         clear faults and hit counters
 *
 *   npx tsx bench/lib/fake-upstream.ts [--port 0] [--style echo|fixed] [--latency 0] [--chunks 10] [--chunk-interval 2]
 *
 * As a command it prints `listening <port>` on stdout once it accepts connections.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AnswerOptions, type AnswerStyle, type ChatBody, type FakeFault, isBodyFault, writeAnswer } from './fake-answer';
import { createFakeAnthropic } from './fake-anthropic';
import { unrecognizedArguments, unrecognizedArgumentsError } from './strict-openai';

export { FAKE_FAULTS, fakeAnswer, type AnswerStyle, type FakeFault } from './fake-answer';

export interface FakeUpstreamOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** Default 'echo'. */
  style?: AnswerStyle;
  /** Wait before each chat request is answered (or fails), after its body arrived. Default 0. */
  latencyMs?: number;
  /** 'fixed' streams: content chunks (default 10) and the pause after each (default 2 ms). */
  chunks?: number;
  chunkIntervalMs?: number;
  /** Called as each request arrives, before its body is read (e.g. to time when a failover reached it). */
  onRequest?: () => void;
  /** Refuse fields OpenAI's reference does not define, as OpenAI does (400). Default false. */
  strict?: boolean;
}

export interface FaultOptions {
  /** Fail this many requests, then answer again; default: until cleared. */
  times?: number;
  /** 'rate_limit': the retry-after header (default 1 s). */
  retryAfterSeconds?: number;
  /** 'slow': answer correctly after this long (default 300 ms). */
  delayMs?: number;
}

export interface FakeUpstream {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** `target`: "<provider>/<model>", "<provider>/" or "*" (every request); `fault` null clears it. */
  setFault(target: string, fault: FakeFault | null, opts?: FaultOptions): void;
  hits(): Record<string, number>;
  /** Answers every request held by 'hold'; returns how many. */
  release(): number;
  /** Clears faults and hit counters. */
  reset(): void;
  close(): Promise<void>;
}

interface FaultEntry {
  fault: FakeFault;
  remaining: number | null;
  retryAfterSeconds: number;
  delayMs: number;
}

const CHAT_PATH = /^\/([a-z0-9-]+)\/v1\/chat\/completions$/;
const MESSAGES_PATH = /^\/([a-z0-9-]+)\/v1\/messages$/;

function json(res: http.ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(data));
}

export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const answerOpts: AnswerOptions = {
    style: options.style ?? 'echo',
    chunks: options.chunks ?? 10,
    chunkIntervalMs: options.chunkIntervalMs ?? 2,
  };
  const latencyMs = options.latencyMs ?? 0;
  const faults = new Map<string, FaultEntry>();
  const hits = new Map<string, number>();
  const held: (() => void)[] = [];
  let strict = options.strict ?? false;
  /** The unknown fields of each request refused in strict mode (cleared by reset). */
  const rejected: string[][] = [];

  const setFault = (target: string, fault: FakeFault | null, o: FaultOptions = {}) => {
    if (fault === null) faults.delete(target);
    else faults.set(target, { fault, remaining: o.times ?? null, retryAfterSeconds: o.retryAfterSeconds ?? 1, delayMs: o.delayMs ?? 300 });
  };
  // Not cleared by reset: its tests tell their requests apart by content, so other tests' resets cannot race them.
  const anthropic = createFakeAnthropic();
  const reset = () => {
    faults.clear();
    hits.clear();
    rejected.length = 0;
  };
  const release = () => {
    const n = held.length;
    for (const answer of held.splice(0)) answer();
    return n;
  };

  /** The most specific fault that applies: the endpoint's, its provider's, then the catch-all. */
  function takeFault(provider: string, endpointId: string): FaultEntry | undefined {
    const key = [endpointId, provider ? `${provider}/` : undefined, '*'].find((k) => k !== undefined && faults.has(k));
    if (!key) return undefined;
    const entry = faults.get(key)!;
    if (entry.remaining !== null && --entry.remaining <= 0) faults.delete(key);
    return entry;
  }

  function handleChat(req: http.IncomingMessage, res: http.ServerResponse, provider: string, raw: string): void {
    let body: ChatBody;
    try {
      body = JSON.parse(raw) as ChatBody;
    } catch {
      return json(res, 400, { error: { message: 'invalid JSON body', type: 'invalid_request_error' } });
    }
    const endpointId = provider ? `${provider}/${body.model}` : String(body.model ?? 'fake');
    hits.set(endpointId, (hits.get(endpointId) ?? 0) + 1);
    const unknown = strict ? unrecognizedArguments(body as Record<string, unknown>) : [];
    if (unknown.length > 0) {
      rejected.push(unknown);
      return json(res, 400, unrecognizedArgumentsError(unknown));
    }
    const entry = takeFault(provider, endpointId);
    const answer = () => writeAnswer(req, res, endpointId, body, raw, answerOpts, isBodyFault(entry?.fault) ? entry.fault : undefined);
    const act = () => {
      if (res.destroyed) return;
      switch (entry?.fault) {
        case 'http_503':
          return json(res, 503, { error: { message: 'fake: service unavailable', type: 'server_error' } });
        case 'rate_limit':
          return json(
            res,
            429,
            { error: { message: 'fake: rate limit reached', type: 'rate_limit_error' } },
            { 'retry-after': String(entry.retryAfterSeconds) },
          );
        case 'connection_refused':
          return void req.socket.destroy();
        case 'hang_before_headers':
          return void req.socket.once('close', () => res.destroy());
        case 'bad_request':
          return json(res, 400, { error: { message: 'fake: unsupported value for temperature', type: 'invalid_request_error' } });
        case 'hold':
          return void held.push(() => writeAnswer(req, res, endpointId, body, raw, answerOpts));
        case 'slow':
          return void setTimeout(() => writeAnswer(req, res, endpointId, body, raw, answerOpts), entry.delayMs);
      }
      answer();
    };
    if (latencyMs > 0) setTimeout(act, latencyMs);
    else act();
  }

  function handleControl(req: http.IncomingMessage, res: http.ServerResponse, path: string, raw: string): void {
    if (req.method === 'DELETE') {
      reset();
      return json(res, 200, { ok: true });
    }
    if (path === '/__control/hits') return json(res, 200, Object.fromEntries(hits));
    if (path === '/__control/anthropic-requests') return json(res, 200, anthropic.received());
    if (path === '/__control/release') return json(res, 200, { released: release() });
    if (path === '/__control/strict') {
      if (req.method === 'POST') strict = (JSON.parse(raw) as { strict: boolean }).strict === true;
      return json(res, 200, { strict, rejected });
    }
    if (path === '/__control/faults' && req.method === 'POST') {
      const b = JSON.parse(raw) as { target: string; fault: FakeFault | null } & FaultOptions;
      setFault(b.target, b.fault, b);
      return json(res, 200, { ok: true });
    }
    json(res, 404, { error: 'unknown control route' });
  }

  const server = http.createServer((req, res) => {
    options.onRequest?.();
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/__control')) return handleControl(req, res, path, raw);
      const messages = req.method === 'POST' ? MESSAGES_PATH.exec(path) : null;
      if (messages) return anthropic.handle(req, res, messages[1], raw);
      if (req.method !== 'POST' || !path.endsWith('/chat/completions')) return json(res, 404, { error: { message: 'not found' } });
      handleChat(req, res, CHAT_PATH.exec(path)?.[1] ?? '', raw);
    });
  });
  // Benchmarks reuse keep-alive connections across warm-up and measurement; a short server-side idle
  // timeout would make clients race a socket that is being closed.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(options.port ?? 0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setFault,
    hits: () => Object.fromEntries(hits),
    release,
    reset,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const num = (name: string) => (flag(name) === undefined ? undefined : Number(flag(name)));
  const style = flag('style') ?? 'echo';
  if (style !== 'echo' && style !== 'fixed') throw new Error(`--style must be echo or fixed, not ${style}`);
  startFakeUpstream({
    port: num('port'),
    style,
    latencyMs: num('latency'),
    chunks: num('chunks'),
    chunkIntervalMs: num('chunk-interval'),
  }).then(({ port }) => console.log(`listening ${port}`));
}

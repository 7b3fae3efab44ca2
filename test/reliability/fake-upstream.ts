import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Loopback fake providers for the fault-injection suite (runs in Node, started by vitest's
 * globalSetup). OpenAI-compatible: POST /<provider>/v1/chat/completions. Answers correctly by
 * default — the content names the endpoint and echoes the last user message, so a test can tell
 * exactly which endpoint answered — and injects one fault per target on demand:
 *   POST   /__control/faults  {target: "<provider>/<model>" | "<provider>/", fault, times?, retryAfterSeconds?, delayMs?}
 *   GET    /__control/hits    {"<provider>/<model>": requests received}
 *   POST   /__control/release answer every request held by the 'hold' fault (correctly)
 *   DELETE /__control         clear faults and hit counters
 */

export const FAKE_FAULTS = [
  'http_503', 'rate_limit', 'connection_refused', 'hang_before_headers', 'hang_mid_stream', 'stream_error_event', 'garbage_json', 'truncated_sse',
  // Not failures of the endpoint, or not before the first token:
  'bad_request', 'error_after_content', 'silent_after_content', 'slow', 'hold',
] as const;
export type FakeFault = (typeof FAKE_FAULTS)[number];

interface FaultEntry {
  fault: FakeFault;
  remaining: number | null;
  retryAfterSeconds: number;
  /** 'slow': answer correctly after this long. */
  delayMs: number;
}

const faults = new Map<string, FaultEntry>();
const hits = new Map<string, number>();
const held: (() => void)[] = [];

function takeFault(endpointId: string): FaultEntry | undefined {
  const provider = endpointId.slice(0, endpointId.indexOf('/') + 1);
  const key = faults.has(endpointId) ? endpointId : faults.has(provider) ? provider : undefined;
  if (!key) return undefined;
  const entry = faults.get(key)!;
  if (entry.remaining !== null && --entry.remaining <= 0) faults.delete(key);
  return entry;
}

interface ChatBody {
  model: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages: { role: string; content: unknown }[];
}

function lastUserText(body: ChatBody): string {
  const m = [...body.messages].reverse().find((x) => x.role === 'user');
  if (!m) return '';
  if (typeof m.content === 'string') return m.content;
  return Array.isArray(m.content) ? m.content.map((p: { text?: string }) => p.text ?? '').join('') : '';
}

export function fakeAnswer(endpointId: string, userText: string): string {
  return `Fake ${endpointId} answers: ${userText}`;
}

function sse(res: http.ServerResponse, data: unknown): void {
  res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

function handleChat(req: http.IncomingMessage, res: http.ServerResponse, provider: string, raw: string): void {
  let body: ChatBody;
  try {
    body = JSON.parse(raw) as ChatBody;
  } catch {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'invalid JSON body', type: 'invalid_request_error' } }));
    return;
  }
  const endpointId = `${provider}/${body.model}`;
  hits.set(endpointId, (hits.get(endpointId) ?? 0) + 1);
  const fault = takeFault(endpointId);
  const hang = () => req.socket.once('close', () => res.destroy());

  switch (fault?.fault) {
    case 'http_503':
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'fake: service unavailable', type: 'server_error' } }));
      return;
    case 'rate_limit':
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds) });
      res.end(JSON.stringify({ error: { message: 'fake: rate limit reached', type: 'rate_limit_error' } }));
      return;
    case 'connection_refused':
      req.socket.destroy();
      return;
    case 'hang_before_headers':
      hang();
      return;
    case 'bad_request':
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'fake: unsupported value for temperature', type: 'invalid_request_error' } }));
      return;
    case 'hold':
      held.push(() => answer(req, res, body, raw, undefined));
      return;
    case 'slow': {
      setTimeout(() => answer(req, res, body, raw, undefined), fault.delayMs);
      return;
    }
  }
  answer(req, res, body, raw, fault?.fault);
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, body: ChatBody, raw: string, fault: FakeFault | undefined): void {
  const endpointId = `${(req.url ?? '').split('/')[1]}/${body.model}`;
  const text = fakeAnswer(endpointId, lastUserText(body));
  const promptTokens = Math.ceil(raw.length / 4);
  const usage = { prompt_tokens: promptTokens, completion_tokens: Math.ceil(text.length / 4), total_tokens: promptTokens + Math.ceil(text.length / 4) };
  const id = `chatcmpl-fake${Date.now()}`;
  const created = Math.floor(Date.now() / 1000);
  const hang = () => req.socket.once('close', () => res.destroy());

  if (!body.stream) {
    const json = JSON.stringify({
      id, object: 'chat.completion', created, model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    if (fault === 'hang_mid_stream') {
      res.write(json.slice(0, json.length / 2));
      hang();
    } else if (fault === 'garbage_json') res.end(`<fake garbage> ${json.slice(0, 20)}`);
    else if (fault === 'truncated_sse') res.end(json.slice(0, Math.floor(json.length / 2)));
    else if (fault === 'stream_error_event') res.end(JSON.stringify({ error: { message: 'fake: upstream error in a 200 body', type: 'server_error' } }));
    else res.end(json);
    return;
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] });
  sse(res, chunk({ role: 'assistant', content: '' }));
  switch (fault) {
    case 'hang_mid_stream':
      hang();
      return;
    case 'stream_error_event':
      sse(res, { error: { message: 'fake: upstream failed mid-stream', type: 'server_error' } });
      res.end();
      return;
    case 'garbage_json':
      res.end('data: {"choices": [{"delta": <fake garbage>\n\n');
      return;
    case 'truncated_sse':
      res.end();
      return;
    case 'silent_after_content':
      sse(res, chunk({ content: text.slice(0, 10) }));
      hang();
      return;
    case 'error_after_content':
      sse(res, chunk({ content: text.slice(0, 10) }));
      sse(res, { error: { message: 'fake: upstream failed after the answer began', type: 'server_error' } });
      res.end();
      return;
  }
  const third = Math.ceil(text.length / 3);
  for (let i = 0; i < text.length; i += third) sse(res, chunk({ content: text.slice(i, i + third) }));
  sse(res, chunk({}, 'stop'));
  if (body.stream_options?.include_usage) sse(res, { id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage });
  sse(res, '[DONE]');
  res.end();
}

function handleControl(req: http.IncomingMessage, res: http.ServerResponse, path: string, raw: string): void {
  const reply = (status: number, data: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(data));
  };
  if (req.method === 'DELETE') {
    faults.clear();
    hits.clear();
    return reply(200, { ok: true });
  }
  if (path === '/__control/hits') return reply(200, Object.fromEntries(hits));
  if (path === '/__control/release') {
    const n = held.length;
    for (const release of held.splice(0)) release();
    return reply(200, { released: n });
  }
  if (path === '/__control/faults' && req.method === 'POST') {
    const b = JSON.parse(raw) as { target: string; fault: FakeFault | null; times?: number; retryAfterSeconds?: number; delayMs?: number };
    if (b.fault === null) faults.delete(b.target);
    else faults.set(b.target, { fault: b.fault, remaining: b.times ?? null, retryAfterSeconds: b.retryAfterSeconds ?? 1, delayMs: b.delayMs ?? 300 });
    return reply(200, { ok: true });
  }
  reply(404, { error: 'unknown control route' });
}

export async function startFakeUpstream(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/__control')) return handleControl(req, res, path, raw);
      const m = /^\/([a-z0-9-]+)\/v1\/chat\/completions$/.exec(path);
      if (!m || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      handleChat(req, res, m[1], raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

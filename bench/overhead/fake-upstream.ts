/**
 * A fake OpenAI-compatible provider on loopback for the overhead benchmark: POST
 * /v1/chat/completions answers after a fixed latency, as JSON or as an SSE stream (content chunks,
 * a finish chunk, a usage chunk, [DONE]). It does no work that depends on the prompt, so any
 * latency a client sees beyond `latencyMs` is the network path and whatever sits in between.
 *
 *   npx tsx bench/overhead/fake-upstream.ts [--port 0] [--latency 50] [--chunks 10] [--chunk-interval 2]
 *
 * Prints `listening <port>` on stdout once it accepts connections (run.ts waits for that line).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface FakeUpstreamOptions {
  latencyMs: number;
  /** Content chunks per stream (the first one arrives after latencyMs). */
  chunks: number;
  chunkIntervalMs: number;
}

const ANSWER_WORDS = 'The quick brown fox jumps over the lazy dog while the gateway measures its own overhead carefully'.split(' ');

function completionBody(model: string, created: number): string {
  return JSON.stringify({
    id: `chatcmpl-fake${created}`,
    object: 'chat.completion',
    created,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: ANSWER_WORDS.join(' ') }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 120, completion_tokens: ANSWER_WORDS.length, total_tokens: 120 + ANSWER_WORDS.length },
  });
}

function chunk(model: string, created: number, delta: Record<string, unknown>, finish: string | null, usage?: unknown): string {
  const body = { id: `chatcmpl-fake${created}`, object: 'chat.completion.chunk', created, model, choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) };
  return `data: ${JSON.stringify(body)}\n\n`;
}

function streamAnswer(res: ServerResponse, model: string, created: number, opts: FakeUpstreamOptions): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const words = Array.from({ length: opts.chunks }, (_, i) => ANSWER_WORDS[i % ANSWER_WORDS.length]);
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    if (i < words.length) {
      res.write(chunk(model, created, i === 0 ? { role: 'assistant', content: words[i] } : { content: ` ${words[i]}` }, null));
      i++;
      setTimeout(next, opts.chunkIntervalMs);
      return;
    }
    res.write(chunk(model, created, {}, 'stop'));
    res.write(chunk(model, created, {}, null, { prompt_tokens: 120, completion_tokens: words.length, total_tokens: 120 + words.length }));
    res.end('data: [DONE]\n\n');
  };
  next();
}

function handle(req: IncomingMessage, res: ServerResponse, opts: FakeUpstreamOptions): void {
  if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
    return;
  }
  const parts: Buffer[] = [];
  req.on('data', (b: Buffer) => parts.push(b));
  req.on('end', () => {
    let body: { model?: string; stream?: boolean };
    try {
      body = JSON.parse(Buffer.concat(parts).toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"body is not JSON"}}');
      return;
    }
    const model = body.model ?? 'fake';
    const created = Math.floor(Date.now() / 1000);
    setTimeout(() => {
      if (res.destroyed) return;
      if (body.stream) streamAnswer(res, model, created, opts);
      else res.writeHead(200, { 'content-type': 'application/json' }).end(completionBody(model, created));
    }, opts.latencyMs);
  });
}

export function startFakeUpstream(port: number, opts: FakeUpstreamOptions): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => handle(req, res, opts));
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (process.argv[1]?.endsWith('fake-upstream.ts')) {
  const opts = { latencyMs: flag('latency', 50), chunks: flag('chunks', 10), chunkIntervalMs: flag('chunk-interval', 2) };
  startFakeUpstream(flag('port', 0), opts).then(({ port }) => console.log(`listening ${port}`));
}

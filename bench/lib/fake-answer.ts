import type http from 'node:http';

/**
 * What the loopback fake provider (fake-upstream.ts) answers, and how it breaks when told to. Two styles:
 *   'echo'  the content names the endpoint and echoes the last user message (so a test can tell exactly
 *           which endpoint answered), in 3 stream chunks after an empty role chunk; usage from the sizes,
 *           a usage chunk only when the client asks (stream_options.include_usage).
 *   'fixed' the same sentence whatever the prompt, `chunks` one-word stream chunks `chunkIntervalMs` apart,
 *           fixed usage and always a usage chunk: no work that depends on the prompt, so any latency a
 *           client sees beyond the fake's own is the path in between (the overhead benchmark).
 */
export type AnswerStyle = 'echo' | 'fixed';

export const FAKE_FAULTS = [
  'http_503',
  'rate_limit',
  'connection_refused',
  'hang_before_headers',
  'hang_mid_stream',
  'stream_error_event',
  'garbage_json',
  'truncated_sse',
  // Not failures of the endpoint, or not before the first token:
  'bad_request',
  'error_after_content',
  'silent_after_content',
  'slow',
  'hold',
] as const;
export type FakeFault = (typeof FAKE_FAULTS)[number];
/** The faults that strike after a 200's headers; the rest are answered before any answer is written. */
export type BodyFault = Extract<
  FakeFault,
  'hang_mid_stream' | 'stream_error_event' | 'garbage_json' | 'truncated_sse' | 'silent_after_content' | 'error_after_content'
>;
const BODY_FAULTS = new Set<FakeFault>([
  'hang_mid_stream',
  'stream_error_event',
  'garbage_json',
  'truncated_sse',
  'silent_after_content',
  'error_after_content',
]);
export const isBodyFault = (f: FakeFault | undefined): f is BodyFault => f !== undefined && BODY_FAULTS.has(f);

export interface ChatBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: { role: string; content: unknown }[];
}

export interface AnswerOptions {
  style: AnswerStyle;
  /** 'fixed': content chunks per stream. */
  chunks: number;
  /** 'fixed': pause after each content chunk of a stream. */
  chunkIntervalMs: number;
}

interface Answer {
  id: string;
  created: number;
  model: string;
  content: string;
  /** Stream deltas in order; the first one carries the role. */
  deltas: Record<string, unknown>[];
  /** What a stream shows before a fault that strikes after the answer began. */
  partial: string;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  alwaysUsage: boolean;
  intervalMs: number;
}

export function fakeAnswer(endpointId: string, userText: string): string {
  return `Fake ${endpointId} answers: ${userText}`;
}

const FIXED_WORDS = 'The quick brown fox jumps over the lazy dog while the gateway measures its own overhead carefully'.split(' ');
const FIXED_PROMPT_TOKENS = 120;

function lastUserText(body: ChatBody): string {
  const m = [...(body.messages ?? [])].reverse().find((x) => x.role === 'user');
  if (!m) return '';
  if (typeof m.content === 'string') return m.content;
  return Array.isArray(m.content) ? m.content.map((p: { text?: string }) => p.text ?? '').join('') : '';
}

const usageOf = (prompt: number, completion: number) => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
});

function planAnswer(endpointId: string, body: ChatBody, raw: string, opts: AnswerOptions): Answer {
  const base = { id: `chatcmpl-fake${Date.now()}`, created: Math.floor(Date.now() / 1000), model: body.model ?? 'fake' };
  if (opts.style === 'fixed') {
    const words = Array.from({ length: opts.chunks }, (_, i) => FIXED_WORDS[i % FIXED_WORDS.length]);
    return {
      ...base,
      content: FIXED_WORDS.join(' '),
      deltas: words.map((w, i) => (i === 0 ? { role: 'assistant', content: w } : { content: ` ${w}` })),
      partial: words[0] ?? '',
      usage: usageOf(FIXED_PROMPT_TOKENS, body.stream ? words.length : FIXED_WORDS.length),
      alwaysUsage: true,
      intervalMs: opts.chunkIntervalMs,
    };
  }
  const text = fakeAnswer(endpointId, lastUserText(body));
  const third = Math.ceil(text.length / 3);
  const pieces: Record<string, unknown>[] = [];
  for (let i = 0; i < text.length; i += third) pieces.push({ content: text.slice(i, i + third) });
  return {
    ...base,
    content: text,
    deltas: [{ role: 'assistant', content: '' }, ...pieces],
    partial: text.slice(0, 10),
    usage: usageOf(Math.ceil(raw.length / 4), Math.ceil(text.length / 4)),
    alwaysUsage: false,
    intervalMs: 0,
  };
}

function sse(res: http.ServerResponse, data: unknown): void {
  res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

/** Keeps the response open without a byte more until the client gives up. */
function hang(req: http.IncomingMessage, res: http.ServerResponse): void {
  req.socket.once('close', () => res.destroy());
}

function writeJson(req: http.IncomingMessage, res: http.ServerResponse, a: Answer, fault: BodyFault | undefined): void {
  const json = JSON.stringify({
    id: a.id,
    object: 'chat.completion',
    created: a.created,
    model: a.model,
    choices: [{ index: 0, message: { role: 'assistant', content: a.content }, finish_reason: 'stop', logprobs: null }],
    usage: a.usage,
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  if (fault === 'hang_mid_stream') {
    res.write(json.slice(0, json.length / 2));
    hang(req, res);
  } else if (fault === 'garbage_json') res.end(`<fake garbage> ${json.slice(0, 20)}`);
  else if (fault === 'truncated_sse') res.end(json.slice(0, Math.floor(json.length / 2)));
  else if (fault === 'stream_error_event')
    res.end(JSON.stringify({ error: { message: 'fake: upstream error in a 200 body', type: 'server_error' } }));
  else res.end(json);
}

function writeStream(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  a: Answer,
  wantsUsage: boolean,
  fault: BodyFault | undefined,
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id: a.id,
    object: 'chat.completion.chunk',
    created: a.created,
    model: a.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  if (fault) {
    sse(res, chunk({ role: 'assistant', content: '' }));
    switch (fault) {
      case 'hang_mid_stream':
        return hang(req, res);
      case 'stream_error_event':
        sse(res, { error: { message: 'fake: upstream failed mid-stream', type: 'server_error' } });
        return void res.end();
      case 'garbage_json':
        return void res.end('data: {"choices": [{"delta": <fake garbage>\n\n');
      case 'truncated_sse':
        return void res.end();
      case 'silent_after_content':
        sse(res, chunk({ content: a.partial }));
        return hang(req, res);
      case 'error_after_content':
        sse(res, chunk({ content: a.partial }));
        sse(res, { error: { message: 'fake: upstream failed after the answer began', type: 'server_error' } });
        return void res.end();
    }
  }
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    while (i < a.deltas.length) {
      sse(res, chunk(a.deltas[i++]));
      if (a.intervalMs > 0) return void setTimeout(next, a.intervalMs);
    }
    sse(res, chunk({}, 'stop'));
    if (a.alwaysUsage || wantsUsage)
      sse(res, { id: a.id, object: 'chat.completion.chunk', created: a.created, model: a.model, choices: [], usage: a.usage });
    res.end('data: [DONE]\n\n');
  };
  next();
}

/**
 * Writes a 200 answer for `endpointId` ("<provider>/<model>"), broken the way `fault` says (undefined: a
 * correct answer). The after-content faults break streams only; a JSON answer to them is correct.
 */
export function writeAnswer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  endpointId: string,
  body: ChatBody,
  raw: string,
  opts: AnswerOptions,
  fault?: BodyFault,
): void {
  const a = planAnswer(endpointId, body, raw, opts);
  if (body.stream) writeStream(req, res, a, !!body.stream_options?.include_usage, fault);
  else writeJson(req, res, a, fault);
}

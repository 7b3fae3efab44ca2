import type http from 'node:http';
import { createHash } from 'node:crypto';

/**
 * The loopback fake's Anthropic Messages endpoint (POST /<provider>/v1/messages), for tests that need
 * to see what the gateway sends an Anthropic endpoint and what it does with Anthropic-only answers.
 * It behaves as Anthropic documents, in miniature:
 *   - answers "Fake <provider>/<model> answers: <last user text>", whole or as Anthropic's SSE events;
 *   - with `thinking` enabled or adaptive, first a thinking block with a signature (the signature is a
 *     hash of the thinking text, so a test can tell a block came back unchanged);
 *   - prompt caching: the prompt (tools → system → messages) is cut at its cache_control breakpoints;
 *     the longest prefix seen before is read from the cache, the rest up to the last breakpoint is
 *     written (split by each breakpoint's ttl), the remainder is plain input; tokens ≈ characters / 4.
 * Every body received is kept (the last 50) for GET /__control/anthropic-requests. Its state outlives the
 * fake's reset: tests tell their requests apart by content.
 */

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_RECORDS = 50;

export interface FakeAnthropic {
  handle(req: http.IncomingMessage, res: http.ServerResponse, provider: string, raw: string): void;
  /** The bodies received, oldest first. */
  received(): { provider: string; body: unknown }[];
}

const tokens = (text: string) => Math.ceil(text.length / 4);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The prompt's blocks in cache order, each with its breakpoint when it has one. */
function promptBlocks(body: Json): { text: string; ttl?: '5m' | '1h' }[] {
  const out: { text: string; ttl?: '5m' | '1h' }[] = [];
  const add = (block: unknown) => {
    const cc = isRecord(block) && isRecord(block.cache_control) ? block.cache_control : undefined;
    const { cache_control: _, ...rest } = isRecord(block) ? block : { value: block };
    out.push({ text: JSON.stringify(rest), ...(cc ? { ttl: cc.ttl === '1h' ? '1h' : '5m' } : {}) });
  };
  for (const t of Array.isArray(body.tools) ? body.tools : []) add(t);
  if (typeof body.system === 'string') add({ type: 'text', text: body.system });
  else if (Array.isArray(body.system)) body.system.forEach(add);
  for (const m of Array.isArray(body.messages) ? body.messages : []) {
    if (!isRecord(m)) continue;
    if (typeof m.content === 'string') add({ role: m.role, type: 'text', text: m.content });
    else if (Array.isArray(m.content)) for (const b of m.content) add(isRecord(b) ? { role: m.role, ...b } : b);
  }
  return out;
}

interface CacheUsage {
  input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

function cacheUsage(body: Json, cached: Set<string>): CacheUsage {
  const blocks = promptBlocks(body);
  let total = 0;
  let prefix = '';
  const marks: { hash: string; at: number; ttl: '5m' | '1h' }[] = [];
  for (const b of blocks) {
    total += tokens(b.text);
    prefix += b.text;
    if (b.ttl) marks.push({ hash: sha(prefix), at: total, ttl: b.ttl });
  }
  const hit = marks.findLastIndex((m) => cached.has(m.hash));
  const read = hit >= 0 ? marks[hit].at : 0;
  const split = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
  let from = read;
  for (const m of marks.slice(hit + 1)) {
    split[m.ttl === '1h' ? 'ephemeral_1h_input_tokens' : 'ephemeral_5m_input_tokens'] += m.at - from;
    from = m.at;
    cached.add(m.hash);
  }
  const written = split.ephemeral_5m_input_tokens + split.ephemeral_1h_input_tokens;
  return {
    input_tokens: total - read - written,
    cache_read_input_tokens: read,
    cache_creation_input_tokens: written,
    cache_creation: split,
  };
}

function lastUserText(body: Json): string {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!isRecord(m) || m.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) {
      const texts = m.content.filter((b) => isRecord(b) && b.type === 'text').map((b) => String((b as Json).text));
      if (texts.length) return texts.join('\n');
    }
  }
  return '';
}

function frame(type: string, data: Json): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

export function createFakeAnthropic(): FakeAnthropic {
  const records: { provider: string; body: unknown }[] = [];
  const cached = new Set<string>();

  function handle(_req: http.IncomingMessage, res: http.ServerResponse, provider: string, raw: string): void {
    let body: Json;
    try {
      body = JSON.parse(raw) as Json;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'invalid JSON' } }));
    }
    records.push({ provider, body });
    if (records.length > MAX_RECORDS) records.shift();
    const model = String(body.model ?? 'fake');
    const question = lastUserText(body);
    const text = `Fake ${provider}/${model} answers: ${question}`;
    const thinkingType = isRecord(body.thinking) ? body.thinking.type : undefined;
    const thinking = thinkingType === 'enabled' || thinkingType === 'adaptive' ? `Thinking about: ${question}` : undefined;
    const signature = thinking ? `sig-${sha(thinking).slice(0, 32)}` : undefined;
    const usage = { ...cacheUsage(body, cached), output_tokens: tokens(text) + (thinking ? tokens(thinking) : 0) };
    const id = `msg_fake_${sha(raw).slice(0, 16)}`;
    const content: Json[] = [];
    if (thinking) content.push({ type: 'thinking', thinking, signature });
    content.push({ type: 'text', text });

    if (body.stream !== true) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({ id, type: 'message', role: 'assistant', model, content, stop_reason: 'end_turn', stop_sequence: null, usage }),
      );
    }
    const frames = [
      frame('message_start', {
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { ...usage, output_tokens: 1 },
        },
      }),
      frame('ping', {}),
    ];
    let index = 0;
    if (thinking) {
      frames.push(frame('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } }));
      const half = Math.ceil(thinking.length / 2);
      for (const piece of [thinking.slice(0, half), thinking.slice(half)]) {
        frames.push(frame('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: piece } }));
      }
      frames.push(frame('content_block_delta', { index, delta: { type: 'signature_delta', signature } }));
      frames.push(frame('content_block_stop', { index }));
      index++;
    }
    frames.push(frame('content_block_start', { index, content_block: { type: 'text', text: '' } }));
    const third = Math.ceil(text.length / 3);
    for (let i = 0; i < text.length; i += third) {
      frames.push(frame('content_block_delta', { index, delta: { type: 'text_delta', text: text.slice(i, i + third) } }));
    }
    frames.push(frame('content_block_stop', { index }));
    frames.push(frame('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage }));
    frames.push(frame('message_stop', {}));
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end(frames.join(''));
  }

  return { handle, received: () => [...records] };
}

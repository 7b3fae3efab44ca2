import type { FinishReason } from '../hub';
import { base62, createPrng, type Prng } from './prng';
import { sampleFromSchema } from './schema-sample';
import type { SimRequestView, SimToolCall, SimToolSpec, SimTurn } from './types';
import { fnv1a } from '../lib';

/**
 * SIMULATION. Decides what a simulated model "says": deterministic in (endpoint, conversation), so
 * the same request to the same endpoint always gets the same answer and two endpoints differ.
 * Replies are assembled from a small vocabulary that openly describes the simulation and quote the
 * user's last message verbatim, so a proxy's redaction/restoration is visible in the answer.
 *
 * Token estimates (no tokenizer here): prompt = ceil(allText/4) + 8 framing tokens
 * + ceil(tool schema JSON/4) + 85 per image; completion = ceil(text/4) + ceil(tool arguments/4).
 * The 8 is a flat per-request overhead because the view does not carry a message count.
 */

const QUOTE_CHARS = 160;
const TOOL_RESULT_QUOTE_CHARS = 80;

const OPENERS = [
  'Simulated reply.',
  'This is a simulated answer from the Cailos test fleet.',
  'Simulated response, no real model was called.',
];
const QUOTE_FRAMES: ((q: string) => string)[] = [
  (q) => `You wrote: "${q}".`,
  (q) => `Your message was: "${q}".`,
  (q) => `Echoing your request: "${q}".`,
];
const SUBJECTS = ['The gateway', 'This endpoint', 'The router', 'The simulated model', 'The fleet', 'This reply'];
const VERBS = ['forwards', 'paces', 'checks', 'records', 'streams', 'measures', 'translates', 'counts'];
const OBJECTS = ['each token', 'the request', 'the answer', 'this conversation', 'the usage numbers', 'the latency budget', 'every frame'];
const TAILS = [
  'deterministically',
  'without a real provider',
  'for testing',
  'at a steady rate',
  'end to end',
  'in its native wire format',
];

const STOP_WORDS = new Set(
  'the a an and or of to in on for with is are was be by it this that at as from me my you your i we can please what how get'.split(' '),
);

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
}

/** Words for string arguments, kept in the user's spelling so arguments look on topic. */
function contentWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []).filter((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase()));
}

function toolScore(tool: SimToolSpec, userWords: Set<string>): number {
  const toolWords = new Set(wordsOf(`${tool.name} ${tool.description ?? ''}`));
  let score = 0;
  for (const w of toolWords) if (userWords.has(w)) score++;
  return score;
}

function chooseTools(view: SimRequestView): SimToolSpec[] {
  const choice = view.toolChoice;
  if (typeof choice === 'object') {
    const named = view.tools.find((t) => t.name === choice.name);
    return [named ?? { name: choice.name }];
  }
  const userWords = new Set(wordsOf(view.lastUserText));
  const called = new Set(view.calledToolNames);
  const fresh = view.tools.filter((t) => !called.has(t.name));
  const pool = fresh.length > 0 ? fresh : view.tools;
  const scored = pool.map((tool, index) => ({ tool, index, score: toolScore(tool, userWords) }));
  // Highest score first; ties keep the client's order.
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  if (view.parallelToolCalls && scored.length >= 2 && scored[1].score > 0) return [scored[0].tool, scored[1].tool];
  return [scored[0].tool];
}

function wantsToolCall(view: SimRequestView): boolean {
  if (view.tools.length === 0 || view.toolChoice === 'none') return false;
  if (view.toolChoice === 'required' || typeof view.toolChoice === 'object') return true;
  if (!view.lastIsToolResult) return true;
  // After tool results, keep working only while an offered tool that fits the request is uncalled
  // (e.g. an agent that was just handed the conversation by another agent).
  const userWords = new Set(wordsOf(view.lastUserText));
  const called = new Set(view.calledToolNames);
  return view.tools.some((t) => !called.has(t.name) && toolScore(t, userWords) > 0);
}

function composeReply(view: SimRequestView, rng: Prng): string {
  const targetWords = rng.between(20, 60);
  const parts = [rng.pick(OPENERS)];
  const quote = view.lastUserText.slice(0, QUOTE_CHARS);
  parts.push(quote ? rng.pick(QUOTE_FRAMES)(quote) : 'There was no user text to quote.');
  if (view.lastIsToolResult) {
    parts.push(`I used the tool result "${view.toolResultText.slice(0, TOOL_RESULT_QUOTE_CHARS)}" to answer.`);
  }
  if (view.imageCount > 0) parts.push(`The request carried ${view.imageCount} image${view.imageCount > 1 ? 's' : ''}.`);
  const count = () => parts.join(' ').split(/\s+/).filter(Boolean).length;
  while (count() < targetWords) {
    parts.push(`${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(TAILS)}.`);
  }
  return parts.join(' ');
}

/** Split into pieces of 1-4 words; each piece keeps its trailing whitespace so pieces join to text. */
export function splitPieces(text: string, rng: Prng): string[] {
  if (!text) return [];
  const leading = /^\s*/.exec(text)![0];
  const words = text.slice(leading.length).match(/\S+\s*/g) ?? [];
  const pieces: string[] = [];
  for (let i = 0; i < words.length;) {
    const n = rng.between(1, 4);
    pieces.push(words.slice(i, i + n).join(''));
    i += n;
  }
  if (leading) {
    if (pieces.length > 0) pieces[0] = leading + pieces[0];
    else pieces.push(leading);
  }
  return pieces;
}

function applyLimits(text: string, view: SimRequestView): { text: string; finishReason: FinishReason } {
  let out = text;
  for (const stop of view.stop ?? []) {
    if (!stop) continue;
    const at = out.indexOf(stop);
    if (at !== -1) out = out.slice(0, at);
  }
  if (view.maxTokens !== undefined && estimateTokens(out) > view.maxTokens) {
    return { text: out.slice(0, Math.max(0, view.maxTokens) * 4), finishReason: 'length' };
  }
  return { text: out, finishReason: 'stop' };
}

export function promptTokens(view: SimRequestView): number {
  const toolTokens = view.tools.length > 0 ? estimateTokens(JSON.stringify(view.tools)) : 0;
  return estimateTokens(view.allText) + 8 + toolTokens + 85 * view.imageCount;
}

export function decideTurn(view: SimRequestView, endpointId: string): SimTurn {
  const rng = createPrng(fnv1a(`${endpointId}\u0000${view.allText}`));
  const prompt = promptTokens(view);

  if (wantsToolCall(view)) {
    const words = contentWords(view.lastUserText);
    const toolCalls: SimToolCall[] = chooseTools(view).map((tool) => {
      const id = `call_${base62(rng, 24)}`;
      const args = sampleFromSchema(tool.parameters ?? { type: 'object', properties: {} }, { rng, words });
      return { id, name: tool.name, arguments: JSON.stringify(args) };
    });
    const argTokens = toolCalls.reduce((sum, c) => sum + estimateTokens(c.arguments), 0);
    return {
      text: '',
      toolCalls,
      finishReason: 'tool_calls',
      usage: { promptTokens: prompt, completionTokens: argTokens },
      textPieces: [],
    };
  }

  let draft: string;
  if (view.jsonSchema !== undefined) {
    const plainJsonMode = Object.keys(view.jsonSchema).length === 0;
    const value = plainJsonMode
      ? { answer: composeReply(view, rng) }
      : sampleFromSchema(view.jsonSchema, { rng, words: contentWords(view.lastUserText) });
    draft = JSON.stringify(value);
  } else {
    draft = composeReply(view, rng);
  }
  const { text, finishReason } = applyLimits(draft, view);
  return {
    text,
    toolCalls: [],
    finishReason,
    usage: { promptTokens: prompt, completionTokens: estimateTokens(text) },
    textPieces: splitPieces(text, rng),
  };
}

/**
 * A turn that says exactly `answer` (the eval runner's simulated skill or a simulated judge picks it),
 * with the same ids, limits and token accounting as a composed turn.
 */
export function evalAnswerTurn(
  view: SimRequestView,
  endpointId: string,
  answer: { content: string | null; toolCalls: { name: string; arguments: string }[] },
): SimTurn {
  const rng = createPrng(fnv1a(`${endpointId}\u0000${view.allText}`));
  const prompt = promptTokens(view);
  if (answer.toolCalls.length > 0) {
    const toolCalls: SimToolCall[] = answer.toolCalls.map((c) => ({ id: `call_${base62(rng, 24)}`, name: c.name, arguments: c.arguments }));
    const argTokens = toolCalls.reduce((sum, c) => sum + estimateTokens(c.arguments), 0);
    return {
      text: '',
      toolCalls,
      finishReason: 'tool_calls',
      usage: { promptTokens: prompt, completionTokens: argTokens },
      textPieces: [],
    };
  }
  const { text, finishReason } = applyLimits(answer.content ?? '', view);
  return {
    text,
    toolCalls: [],
    finishReason,
    usage: { promptTokens: prompt, completionTokens: estimateTokens(text) },
    textPieces: splitPieces(text, rng),
  };
}

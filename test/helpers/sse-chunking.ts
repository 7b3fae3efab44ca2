import { createSseParser } from '../../src/providers/sse';
import { UpstreamError } from '../../src/providers';
import type { StreamEvent, StreamTranslator, UpstreamFailure } from '../../src/providers/types';
import { mulberry32 } from '../../src/lib';

/**
 * Shared helpers for stream-translator tests: feed the same SSE text through
 * `createSseParser` + a translator under many chunkings (every byte boundary, random splits)
 * so a test can assert the translated output never depends on where the network cut the bytes.
 */

const encoder = new TextEncoder();

/** What one run produced: the hub events, and the error thrown (if any) with its failure. */
export interface StreamOutcome {
  events: StreamEvent[];
  error?: { name: string; message: string; failure?: UpstreamFailure };
}

/** Every two-part split of the UTF-8 bytes of `text` (index 0..length, so empty parts included). */
export function splitAtEveryByte(text: string): Uint8Array[][] {
  const bytes = encoder.encode(text);
  const splits: Uint8Array[][] = [];
  for (let i = 0; i <= bytes.length; i++) splits.push([bytes.slice(0, i), bytes.slice(i)]);
  return splits;
}

/** `count` random chunkings of the UTF-8 bytes of `text` (chunk sizes 1..maxChunk bytes). */
export function randomChunkings(text: string, count = 50, seed = 1, maxChunk = 64): Uint8Array[][] {
  const bytes = encoder.encode(text);
  const rand = mulberry32(seed);
  const result: Uint8Array[][] = [];
  for (let n = 0; n < count; n++) {
    const chunks: Uint8Array[] = [];
    let pos = 0;
    while (pos < bytes.length) {
      const size = 1 + Math.floor(rand() * maxChunk);
      chunks.push(bytes.slice(pos, pos + size));
      pos += size;
    }
    result.push(chunks);
  }
  return result;
}

/**
 * Feed byte chunks the way `readSseEvents` does (streaming TextDecoder → SSE parser), pushing
 * each event into a fresh translator, then `finish()`. A thrown error is captured, not rethrown,
 * so outcomes of different chunkings compare with a plain deep equality.
 */
export function feedInChunks(chunks: Uint8Array[], makeTranslator: () => StreamTranslator): StreamOutcome {
  const decoder = new TextDecoder();
  const parser = createSseParser();
  const translator = makeTranslator();
  const events: StreamEvent[] = [];
  try {
    for (const chunk of chunks) {
      for (const ev of parser.push(decoder.decode(chunk, { stream: true }))) events.push(...translator.push(ev));
    }
    for (const ev of parser.push(decoder.decode())) events.push(...translator.push(ev));
    for (const ev of parser.end()) events.push(...translator.push(ev));
    events.push(...translator.finish());
    return { events };
  } catch (err) {
    return { events, error: describeError(err) };
  }
}

/** Feed the whole text as one chunk. */
export function feedWhole(text: string, makeTranslator: () => StreamTranslator): StreamOutcome {
  return feedInChunks([encoder.encode(text)], makeTranslator);
}

/**
 * Every outcome of the text fed whole, split at every byte boundary, and in `randomCount` random
 * chunkings, labelled so a mismatch names the chunking that caused it.
 */
export function allChunkingOutcomes(
  text: string,
  makeTranslator: () => StreamTranslator,
  randomCount = 50,
  seed = 1,
): { label: string; outcome: StreamOutcome }[] {
  const out = [{ label: 'whole', outcome: feedWhole(text, makeTranslator) }];
  splitAtEveryByte(text).forEach((chunks, i) => out.push({ label: `split@${i}`, outcome: feedInChunks(chunks, makeTranslator) }));
  randomChunkings(text, randomCount, seed).forEach((chunks, i) =>
    out.push({ label: `random#${i}(seed ${seed})`, outcome: feedInChunks(chunks, makeTranslator) }),
  );
  return out;
}

/** Return the first chunking whose outcome differs from feeding the text whole, or undefined. */
export function findChunkingMismatch(
  text: string,
  makeTranslator: () => StreamTranslator,
  randomCount = 50,
  seed = 1,
): { label: string; expected: StreamOutcome; actual: StreamOutcome } | undefined {
  const [whole, ...rest] = allChunkingOutcomes(text, makeTranslator, randomCount, seed);
  const expected = JSON.stringify(whole.outcome);
  for (const { label, outcome } of rest) {
    if (JSON.stringify(outcome) !== expected) return { label, expected: whole.outcome, actual: outcome };
  }
  return undefined;
}

/** Concatenated content deltas of an outcome (handy for assertions). */
export function contentOf(events: StreamEvent[]): string {
  return events.map((e) => (e.type === 'delta' ? (e.delta.content ?? '') : '')).join('');
}

function describeError(err: unknown): StreamOutcome['error'] {
  if (err instanceof UpstreamError) return { name: err.name, message: err.message, failure: err.failure };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'unknown', message: String(err) };
}

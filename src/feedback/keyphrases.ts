import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { ChatRequest } from '../hub';

/**
 * The only text-derived signal kept with a request: at most MAX_KEYPHRASES short tokens, each
 * either a generic category term from a fixed vocabulary ("has:code", "len:long") or a keyed,
 * truncated hash of one frequent content word ("h:3kq9zt"). Never a word of the prompt itself.
 *
 * Privacy: only lower-case alphabetic words are hashed, so numbers, e-mail addresses, capitalised
 * names and identifiers never contribute; the hash is HMAC-SHA-256 keyed by the deployment's
 * KEY_PEPPER, so without the pepper a token cannot be matched against a dictionary (an unkeyed or
 * 32-bit-seeded hash could be brute-forced from the rows alone), and 30-bit truncation makes a
 * token ambiguous among many words even for someone who has it. node:crypto's HMAC is synchronous,
 * so the request-log row is still built without an await.
 */

export const MAX_KEYPHRASES = 5;
const HASHED_WORDS = 3;

const STOPWORDS = new Set(
  'about above after again against also because been before being below between both could does doing down during each from further have having here hers herself himself into itself just more most myself once only other ours ourselves over same should some such than that their theirs them themselves then there these they this those through under until very were what when where which while whom with would your yours yourself yourselves please write give make tell show want need like using used into make sure thanks thank hello could would will shall each every many much very really'.split(
    ' ',
  ),
);

function categories(text: string): string[] {
  const out: string[] = [];
  if (/```|\b(function|def|class|return|const|import)\b|[{};]\s*$/m.test(text)) out.push('has:code');
  if (/\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where)\b/i.test(text)) out.push('has:sql');
  if (/https?:\/\//i.test(text)) out.push('has:url');
  if (/\?\s*$/.test(text.trim())) out.push('form:question');
  const len = text.length;
  out.push(len < 200 ? 'len:short' : len < 2000 ? 'len:medium' : 'len:long');
  return out;
}

const isUpper = (code: number) => code >= 65 && code <= 90;
const isLower = (code: number) => code >= 97 && code <= 122;

/**
 * The HASHED_WORDS most frequent content words (ties: first seen first). Words are maximal runs of ASCII letters on
 * the original casing — a word with a capital letter is treated as a possible name and skipped. A scan over
 * character codes rather than `matchAll`: the match objects were ~11 % of the bytes a gateway-mode request
 * allocated (bench/overhead/alloc-profile.md), and only kept words are ever sliced out of the text.
 */
function frequentWords(text: string): string[] {
  // A Map keeps insertion order, which is first-seen order: ties need no index of their own.
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (!isLower(code) && !isUpper(code)) {
      i++;
      continue;
    }
    const start = i;
    let capitalised = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isUpper(c)) capitalised = true;
      else if (!isLower(c)) break;
    }
    const length = i - start;
    if (capitalised || length < 4 || length > 20) continue;
    const word = text.slice(start, i);
    if (STOPWORDS.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return topWords(counts, HASHED_WORDS);
}

/** The `k` words with the highest counts, in descending order; a tie goes to the word seen first. No sort of them all. */
function topWords(counts: Map<string, number>, k: number): string[] {
  const top: [string, number][] = [];
  for (const entry of counts) {
    // Insert after every kept entry with a count at least as high: earlier words win ties.
    let at = top.length;
    while (at > 0 && top[at - 1][1] < entry[1]) at--;
    if (at >= k) continue;
    top.splice(at, 0, entry);
    if (top.length > k) top.pop();
  }
  return top.map(([w]) => w);
}

// One key object per pepper, made once per isolate (a deployment has one pepper).
const hmacKeys = new Map<string, KeyObject>();

function hmacKeyFor(salt: string): KeyObject {
  let key = hmacKeys.get(salt);
  if (!key) {
    key = createSecretKey(Buffer.from(salt, 'utf8'));
    hmacKeys.set(salt, key);
  }
  return key;
}

/**
 * Tokens already computed, per salt: content words repeat across requests and an HMAC is most of this
 * module's CPU. Bounded; emptied when full. It lives in isolate memory only, like the request itself.
 */
const TOKEN_CACHE = 4096;
const tokenCaches = new Map<string, Map<string, string>>();

/** HMAC-SHA-256(salt, word), first 30 bits in base 36: 6 characters at most. */
function saltedToken(word: string, salt: string): string {
  let cache = tokenCaches.get(salt);
  if (!cache) tokenCaches.set(salt, (cache = new Map()));
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const h = createHmac('sha256', hmacKeyFor(salt)).update(word).digest().readUInt32BE(0) >>> 2;
  const token = `h:${h.toString(36).padStart(6, '0')}`;
  if (cache.size >= TOKEN_CACHE) cache.clear();
  cache.set(word, token);
  return token;
}

/** Pure: prompt text → ≤ 5 tokens (generic terms first, then salted word hashes). */
export function extractKeyphrases(text: string, salt: string): string[] {
  if (!text.trim()) return [];
  const generic = categories(text);
  const hashed = frequentWords(text).map((w) => saltedToken(w, salt));
  return [...generic.slice(0, MAX_KEYPHRASES - hashed.length), ...hashed];
}

/** The text keyphrases are taken from: the last user message (what this request asks). */
export function promptTextOf(req: ChatRequest): string {
  for (let i = req.messages.length - 1; i >= 0; i--) {
    const m = req.messages[i];
    if (m.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    return m.content.map((p) => (p.type === 'text' ? p.text : '')).join('\n');
  }
  return '';
}

export function keyphrasesOf(req: ChatRequest, salt: string): string[] {
  return extractKeyphrases(promptTextOf(req), salt);
}

/**
 * Real technical English without personal data: chunks of the Python standard library's source (docstrings,
 * comments, code) as installed with Debian's python3 (PSF licence), for the name tagger's precision.
 * Chunks naming anyone are dropped: author and copyright lines, e-mail addresses, and any capitalized word
 * of the name lists. Not available → no chunks (the tagger then trains on generated negatives only).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { GIVEN_NAMES, SURNAMES_SET } from '../../../src/shield/names';
import { AMBIGUOUS_NAMES } from '../../../src/shield/detectors/words';

const DIR = '/usr/lib/python3.11';
const CREDIT = /author|copyright|written by|contributed|maintainer|thanks to|credit|@|\bby [A-Z]/i;

function namesSomeone(chunk: string): boolean {
  if (CREDIT.test(chunk)) return true;
  for (const m of chunk.matchAll(/\b\p{Lu}[\p{Ll}'’-]+\b/gu)) {
    const key = m[0].toLowerCase();
    if ((GIVEN_NAMES.has(key) || SURNAMES_SET.has(key)) && !AMBIGUOUS_NAMES.has(key)) return true;
  }
  return false;
}

/** Up to `count` chunks of 2–10 lines, deterministic for a seed. */
export function stdlibChunks(count: number, seed: number): string[] {
  if (!existsSync(DIR)) return [];
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.py'))
    .sort();
  const lines = files.flatMap((f) => readFileSync(`${DIR}/${f}`, 'utf8').split('\n'));
  let x = seed >>> 0;
  const rand = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const at = Math.floor(rand() * lines.length);
    const n = 2 + Math.floor(rand() * 9);
    const chunk = lines
      .slice(at, at + n)
      .join('\n')
      .trim();
    if (chunk.length < 40 || namesSomeone(chunk)) continue;
    out.push(chunk);
  }
  return out;
}

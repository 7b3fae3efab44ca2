/**
 * Writes the synthetic PII evaluation sets (presidio-research format plus locale/group/family fields).
 *
 *   npx tsx scripts/shield-gen.ts [--split dev|heldout|heldout-v2|heldout-v3|heldout-v4|heldout-v5|heldout-v6|heldout-v7|heldout-v8|heldout-locales|heldout-families] [--count N] [--seed S] [--out FILE]
 *
 * Without --split the sets are written to training/shield/.cache/<split>.json (git-ignored; the same seed
 * and faker version give the same files). Locales and template families are split up front
 * (training/shield/gen/locales.ts, generate.ts): `heldout-v8` (v8 locales × v8 families) is scored once
 * for the report; `dev`, the v1 `heldout`, `heldout-v2`, `heldout-v3`, `heldout-v4`, `heldout-v5`,
 * `heldout-v6` and `heldout-v7` sets are development data. The v8 set is written only when asked for by
 * name (`--split heldout-v8`), so no routine run leaves it where a tuning run could read it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  HELDOUT_V4_COUNT,
  HELDOUT_V4_SEED,
  HELDOUT_V5_COUNT,
  HELDOUT_V5_SEED,
  HELDOUT_V6_COUNT,
  HELDOUT_V6_SEED,
  HELDOUT_V7_COUNT,
  HELDOUT_V7_SEED,
  HELDOUT_V8_COUNT,
  HELDOUT_V8_SEED,
  generate,
  type Split,
} from '../training/shield/gen/generate';

export const GEN_SEED = 20261207;
export const GEN_COUNT = 2000;
export const CACHE_DIR = 'training/shield/.cache';

/** The v4, v5, v6, v7 and v8 sets have their own seeds and sizes, fixed with their definitions; the other sets share GEN_SEED. */
const OWN_SEED: Partial<Record<Split, [seed: number, count: number]>> = {
  'heldout-v4': [HELDOUT_V4_SEED, HELDOUT_V4_COUNT],
  'heldout-v5': [HELDOUT_V5_SEED, HELDOUT_V5_COUNT],
  'heldout-v6': [HELDOUT_V6_SEED, HELDOUT_V6_COUNT],
  'heldout-v7': [HELDOUT_V7_SEED, HELDOUT_V7_COUNT],
  'heldout-v8': [HELDOUT_V8_SEED, HELDOUT_V8_COUNT],
};
const seedOf = (split: Split) => OWN_SEED[split]?.[0] ?? GEN_SEED;
const countOf = (split: Split) => OWN_SEED[split]?.[1] ?? GEN_COUNT;

export function writeSet(split: Split, count = countOf(split), seed = seedOf(split), out = `${CACHE_DIR}/${split}.json`): string {
  const samples = generate(split, count, seed);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(samples));
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const count = flag('--count') === undefined ? undefined : Number(flag('--count'));
  const seed = flag('--seed') === undefined ? undefined : Number(flag('--seed'));
  const split = flag('--split') as Split | undefined;
  const splits: Split[] = split
    ? [split]
    : [
        'dev',
        'heldout',
        'heldout-v2',
        'heldout-v3',
        'heldout-v4',
        'heldout-v5',
        'heldout-v6',
        'heldout-v7',
        'heldout-locales',
        'heldout-families',
      ];
  for (const s of splits)
    console.log(
      `${s}: ${count ?? countOf(s)} samples, seed ${seed ?? seedOf(s)} -> ${writeSet(s, count, seed, split ? flag('--out') : undefined)}`,
    );
}

if (process.argv[1]?.endsWith('shield-gen.ts')) main();

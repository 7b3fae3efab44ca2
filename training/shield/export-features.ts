/**
 * Training data of the name tagger: synthetic texts of every split's locales and template families (v1–v7;
 * each held-out set is development data since its report) and of the training-only families
 * (gen/templates-extra.ts), plus texts without personal data, featurized by the tagger's own code
 * (src/shield/model/features.ts) so training and inference see identical features. In a third of the
 * texts with names, name words are swapped for invented ones (gen/invent.ts).
 *
 *   npx tsx training/shield/export-features.ts [--train N] [--valid N] [--cv v1|v3|d2|ctx] [--eval-only]
 *                                              [--without v6,v7] [--dir DIR]
 *
 * Writes training/shield/.cache/train/{train,valid}.{feat,tags,cand,offs} (little-endian; --dir writes
 * elsewhere, for train_tagger.py --cache):
 *   feat Int32 [tokens × MAX_FEATURES] feature ids (-1 unused); tags Uint8 [tokens] 0 other, 1 person,
 *   2 place or street, 3 organization; cand Uint8 [tokens] 1 if the tagger judges the token; offs Int32
 *   [texts + 1] first token of each text. Seeds differ from the evaluation sets' seed.
 * With --without, whole splits stay out of training (leave-one-split-out model choice: train without v7,
 * score the v7 set). With --cv FOLD, training leaves a fold of v1 families and locales out and the fold is
 * also written as training/shield/.cache/train/cv-valid.json for scripts/shield-eval.ts and sweep-thresholds.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as F from '@faker-js/faker';
import type { Faker } from '@faker-js/faker';
import { BUCKETS, MAX_FEATURES, candidateMask, featurize, isLowerText, tokenize } from '../../src/shield/model/features';
import { generate, generateFrom, type GenSpan } from './gen/generate';
import { ALL_LOCALES, LOCALE_GROUPS, LOCALE_GROUPS_V2, V2_LOCALES, fnv1a } from './gen/locales';
import { FAMILIES } from './gen/templates';
import { FAMILIES_V2 } from './gen/templates-v2';
import { FAMILIES_EXTRA } from './gen/templates-extra';
import { FAMILIES_V3 } from './gen/templates-v3';
import { V3_LOCALES } from './gen/custom-locales-v3';
import { FAMILIES_V4 } from './gen/templates-v4';
import { V4_LOCALES } from './gen/custom-locales-v4';
import { FAMILIES_V5 } from './gen/templates-v5';
import { V5_LOCALES } from './gen/custom-locales-v5';
import { FAMILIES_V6 } from './gen/templates-v6';
import { V6_LOCALES } from './gen/custom-locales-v6';
import { FAMILIES_V7 } from './gen/templates-v7';
import { V7_LOCALES } from './gen/custom-locales-v7';
import { inventNames } from './gen/invent';
import { negativeSample } from './gen/negatives';
import { stdlibChunks } from './gen/stdlib-text';
import { composedSample } from './gen/compose';

let OUT = 'training/shield/.cache/train';
const TAG: Record<string, number> = {
  PERSON: 1,
  STREET_ADDRESS: 2,
  ADDRESS: 2,
  LOCATION: 2,
  ORGANIZATION: 3,
};

interface Text {
  text: string;
  spans: GenSpan[];
}

function write(name: string, texts: Text[]): void {
  const feats: Int32Array[] = [];
  const tags: number[] = [];
  const cand: number[] = [];
  const offs: number[] = [0];
  for (const { text, spans } of texts) {
    const tokens = tokenize(text);
    const lower = isLowerText(text, tokens);
    feats.push(featurize(text, tokens, lower));
    const mask = candidateMask(text, tokens, lower);
    tokens.forEach((t, i) => {
      const s = spans.find((g) => TAG[g.entity_type] && t.start < g.end_position && t.end > g.start_position);
      tags.push(s ? TAG[s.entity_type] : 0);
      cand.push(mask[i]);
    });
    offs.push(tags.length);
  }
  const featAll = new Int32Array(tags.length * MAX_FEATURES);
  let at = 0;
  for (const f of feats) {
    featAll.set(f, at);
    at += f.length;
  }
  writeFileSync(`${OUT}/${name}.feat`, Buffer.from(featAll.buffer));
  writeFileSync(`${OUT}/${name}.tags`, Buffer.from(Uint8Array.from(tags)));
  writeFileSync(`${OUT}/${name}.cand`, Buffer.from(Uint8Array.from(cand)));
  writeFileSync(`${OUT}/${name}.offs`, Buffer.from(Int32Array.from(offs).buffer));
  const persons = tags.filter((t, i) => t === 1 && cand[i]).length;
  console.log(`${name}: ${texts.length} texts, ${tags.length} tokens, ${cand.filter(Boolean).length} candidates, ${persons} person candidates`);
}

/** Compositional texts (random record formats and sentences) of the given locales. */
function composed(locales: string[], count: number, seed: number): Text[] {
  const out: Text[] = [];
  for (let i = 0; i < count; i++) out.push(composedSample(locales[i % locales.length], seed + i));
  return out;
}

/** Texts without personal data: half generated, half Python standard library chunks; a tenth upper-cased. */
function negatives(count: number, seed: number): Text[] {
  const locales = [F.fakerEN, F.fakerEN_GB, F.fakerDE, F.fakerFR, F.fakerES, F.fakerIT, F.fakerPL, F.fakerPT_BR, F.fakerSV];
  const out: Text[] = [];
  for (let i = 0; i < Math.ceil(count / 2); i++) {
    const f: Faker = locales[i % locales.length];
    f.seed(seed + i);
    const s = negativeSample(f);
    out.push({ text: s.text, spans: s.spans });
  }
  for (const chunk of stdlibChunks(Math.floor(count / 2), seed)) out.push({ text: chunk, spans: [] });
  return out.map((t, i) => (i % 10 === 3 && t.spans.length === 0 ? { text: t.text.toUpperCase(), spans: [] } : t));
}

/** Template and compositional texts with names partly invented (deterministic per seed). */
function withInvented(texts: Text[], seed: number): Text[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return ((a ^ (a >>> 13)) >>> 0) / 4294967296;
  };
  return texts.map((t) => (t.spans.some((s) => s.entity_type === 'PERSON') && rand() < INVENT_SHARE ? inventNames(t.text, t.spans, rand, 0.6) : t));
}
const INVENT_SHARE = Number(process.env.SHIELD_INVENT_SHARE ?? 0.33);

/**
 * Cross-validation inside the v1 data: 5 of its 20 families and one locale per group (where a group has
 * two or more) are left out of training and used for validation, so the validation figures measure
 * unseen wording and unseen locales, as the held-out evaluation does. Threshold and model choices are
 * made on such folds; the v2 held-out set is never used for them.
 */
function cvSplit(salt: string) {
  const order = (xs: string[]) => [...xs].sort((a, b) => fnv1a(`${salt}:${a}`) - fnv1a(`${salt}:${b}`));
  const cvFamilies = new Set(order(FAMILIES.map((f) => f.name)).slice(0, 5));
  const cvLocales = new Set(
    Object.values(LOCALE_GROUPS)
      .filter((ls) => ls.length >= 2)
      .map((ls) => order(ls)[0]),
  );
  return {
    trainLocales: ALL_LOCALES.filter((l) => !cvLocales.has(l)),
    trainFamilies: FAMILIES.filter((f) => !cvFamilies.has(f.name)),
    validLocales: [...cvLocales],
    validFamilies: FAMILIES.filter((f) => cvFamilies.has(f.name)),
  };
}

/**
 * The context fold (`--cv ctx`): the v2 families chat_transcript, travel_booking and git_pr (lone and
 * lower-case names, speaker labels, trailers) and one v2 locale per group (two or more locales) are left
 * out of training; everything else of v1 and v2 trains.
 */
function ctxSplit() {
  const held = new Set(['chat_transcript', 'travel_booking', 'git_pr']);
  const order = (xs: string[]) => [...xs].sort((a, b) => fnv1a(`shield-cv-ctx:${a}`) - fnv1a(`shield-cv-ctx:${b}`));
  const cvLocales = new Set(
    Object.values(LOCALE_GROUPS_V2)
      .filter((ls) => ls.length >= 2)
      .map((ls) => order(ls)[0]),
  );
  const families = [...FAMILIES, ...FAMILIES_V2];
  return {
    trainLocales: [...ALL_LOCALES, ...V2_LOCALES].filter((l) => !cvLocales.has(l)),
    trainFamilies: [...families.filter((f) => !held.has(f.name)), ...FAMILIES_EXTRA],
    validLocales: [...cvLocales],
    validFamilies: families.filter((f) => held.has(f.name)),
  };
}

/** The splits' locales and template families, each development data since its held-out report. */
const SPLITS: Record<string, { locales: string[]; families: typeof FAMILIES }> = {
  v1: { locales: ALL_LOCALES, families: FAMILIES },
  v2: { locales: V2_LOCALES, families: FAMILIES_V2 },
  v3: { locales: V3_LOCALES, families: FAMILIES_V3 },
  v4: { locales: V4_LOCALES, families: FAMILIES_V4 },
  v5: { locales: V5_LOCALES, families: FAMILIES_V5 },
  v6: { locales: V6_LOCALES, families: FAMILIES_V6 },
  v7: { locales: V7_LOCALES, families: FAMILIES_V7 },
};

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--dir')) OUT = args[args.indexOf('--dir') + 1];
  const flag = (n: string, d: number) => (args.includes(n) ? Number(args[args.indexOf(n) + 1]) : d);
  const train = flag('--train', 45000);
  const valid = flag('--valid', 3000);
  mkdirSync(OUT, { recursive: true });
  const toText = (s: { full_text: string; spans: GenSpan[] }) => ({ text: s.full_text, spans: s.spans });
  if (args.includes('--cv')) {
    const fold = args[args.indexOf('--cv') + 1];
    const cv = fold === 'ctx' ? ctxSplit() : cvSplit(`shield-cv-${fold && !fold.startsWith('--') ? fold : 'v1'}`);
    console.log(`cv: validation families ${cv.validFamilies.map((f) => f.name).join(', ')}; locales ${cv.validLocales.join(', ')}`);
    if (args.includes('--eval-only')) {
      writeFileSync(`${OUT}/cv-${fold}.json`, JSON.stringify(generateFrom(cv.validLocales, cv.validFamilies, 2000, 913)));
      return;
    }
    write('train', [
      ...withInvented([...generateFrom(cv.trainLocales, cv.trainFamilies, train, 911).map(toText), ...composed(cv.trainLocales, train, 31000)], 77),
      ...negatives(Math.round(train / 2), 5000),
    ]);
    write('valid', [...generateFrom(cv.validLocales, cv.validFamilies, valid, 912).map(toText), ...negatives(Math.round(valid / 3), 9000000)]);
    // The same fold as an evaluation set for scripts/shield-eval.ts (span level, whole detector).
    writeFileSync(`${OUT}/cv-valid.json`, JSON.stringify(generateFrom(cv.validLocales, cv.validFamilies, 2000, 913)));
  } else {
    // Every split's locales and families (each is development data since its report) and the
    // training-only families; `--without v6,v7` leaves whole splits out (leave-one-split-out model choice).
    const without = new Set(args.includes('--without') ? args[args.indexOf('--without') + 1].split(',') : []);
    const splits = Object.entries(SPLITS).filter(([name]) => !without.has(name));
    console.log(`splits: ${splits.map(([name]) => name).join(', ')}`);
    const locales = splits.flatMap(([, s]) => s.locales);
    const families = [...splits.flatMap(([, s]) => s.families), ...FAMILIES_EXTRA];
    write('train', [
      ...withInvented([...generateFrom(locales, families, train, 911).map(toText), ...composed(locales, train, 31000)], 77),
      ...negatives(Math.round(train / 2), 5000),
    ]);
    write('valid', [...generateFrom(locales, families, valid, 912).map(toText), ...negatives(Math.round(valid / 3), 9000000)]);
  }
  writeFileSync(`${OUT}/meta.json`, JSON.stringify({ buckets: BUCKETS, maxFeatures: MAX_FEATURES }));
}

main();

/**
 * The held-out split v8 (training/shield/gen/custom-locales-v8.ts, templates-v8.ts) stays out of every
 * training, development and threshold path, and its generation is deterministic. No detector runs here:
 * the held-out texts are generated and compared, never scored. v7 (and v6, v5, v4, v3 before it), scored
 * once for its report, is development data now and may be trained on.
 */
import { describe, expect, it } from 'vitest';
import { composedSample } from '../../training/shield/gen/compose';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { V4_LOCALES } from '../../training/shield/gen/custom-locales-v4';
import { V5_LOCALES } from '../../training/shield/gen/custom-locales-v5';
import { V6_LOCALES } from '../../training/shield/gen/custom-locales-v6';
import { V7_LOCALES } from '../../training/shield/gen/custom-locales-v7';
import { LOCALE_GROUPS_V8, LOCALE_SPECS_V8, V8_LOCALES } from '../../training/shield/gen/custom-locales-v8';
import {
  HELDOUT_V8_COUNT,
  HELDOUT_V8_SEED,
  assertNotHeldOutV8,
  generate,
  generateFrom,
  type Split,
} from '../../training/shield/gen/generate';
import { ALL_LOCALES, DEV_LOCALES, HELD_LOCALES, V2_LOCALES, localeSource } from '../../training/shield/gen/locales';
import { FAMILIES } from '../../training/shield/gen/templates';
import { FAMILIES_EXTRA } from '../../training/shield/gen/templates-extra';
import { FAMILIES_V2 } from '../../training/shield/gen/templates-v2';
import { FAMILIES_V3 } from '../../training/shield/gen/templates-v3';
import { FAMILIES_V4 } from '../../training/shield/gen/templates-v4';
import { FAMILIES_V5 } from '../../training/shield/gen/templates-v5';
import { FAMILIES_V6 } from '../../training/shield/gen/templates-v6';
import { FAMILIES_V7 } from '../../training/shield/gen/templates-v7';
import { FAMILIES_V8 } from '../../training/shield/gen/templates-v8';
import { frozenSplitChecks } from './split-checks';

const TRAINING_SPLITS: Split[] = [
  'dev',
  'heldout',
  'heldout-locales',
  'heldout-families',
  'heldout-v2',
  'heldout-v3',
  'heldout-v4',
  'heldout-v5',
  'heldout-v6',
  'heldout-v7',
  'all-v1',
];
const V8_FAMILY_NAMES = new Set(FAMILIES_V8.map((f) => f.name));
const EARLIER_FAMILIES = [
  ...FAMILIES,
  ...FAMILIES_V2,
  ...FAMILIES_V3,
  ...FAMILIES_V4,
  ...FAMILIES_V5,
  ...FAMILIES_V6,
  ...FAMILIES_V7,
  ...FAMILIES_EXTRA,
];

describe('held-out split v8', () => {
  it('keeps the seed and size it is scored with', () => {
    expect(HELDOUT_V8_SEED).toBe(20261212);
    expect(HELDOUT_V8_COUNT).toBe(2000);
  });

  frozenSplitChecks({
    version: 'v8',
    split: 'heldout-v8',
    locales: V8_LOCALES,
    groups: LOCALE_GROUPS_V8,
    specs: LOCALE_SPECS_V8,
    families: FAMILIES_V8,
    earlierLocales: [
      ...ALL_LOCALES,
      ...V2_LOCALES,
      ...V3_LOCALES,
      ...V4_LOCALES,
      ...V5_LOCALES,
      ...V6_LOCALES,
      ...V7_LOCALES,
      ...CUSTOM_LOCALES.map((c) => c.locale),
      ...CUSTOM_LOCALES_V2.map((c) => c.locale),
    ],
    earlierFamilies: EARLIER_FAMILIES,
    minLocales: 20,
    minFamilies: 9,
    units: true,
    seed: HELDOUT_V8_SEED,
    count: HELDOUT_V8_COUNT,
    definitionsSha256: 'bb429260e95547407753a57ce4969553adc9e0ac5e029e8ea7f76c78a089b110',
    // sha256 of the 2,000-sample set as written by `npm run shield:gen -- --split heldout-v8` when the split was fixed.
    setSha256: '884d27e26f6a918348da5e144bd44a88d8e7158cb7c19a757058dd4275e579f1',
  });

  it('keeps v8 locales and families out of every training and development split, v3 to v7 included', () => {
    for (const list of [ALL_LOCALES, DEV_LOCALES, HELD_LOCALES, V2_LOCALES, V3_LOCALES, V4_LOCALES, V5_LOCALES, V6_LOCALES, V7_LOCALES])
      for (const l of V8_LOCALES) expect(list).not.toContain(l);
    for (const f of EARLIER_FAMILIES) expect(V8_FAMILY_NAMES.has(f.name)).toBe(false);
    for (const split of TRAINING_SPLITS) {
      const samples = generate(split, 300, 4242);
      for (const s of samples) {
        expect(V8_LOCALES, `${split} locale`).not.toContain(s.locale);
        expect(V8_FAMILY_NAMES.has(s.family), `${split} family ${s.family}`).toBe(false);
      }
      expect(() => assertNotHeldOutV8(samples)).not.toThrow();
    }
  });

  it('refuses v8 locales and families on the paths training, cross-validation and threshold sweeps use, and allows v7 (and v6, v5, v4, v3) there', () => {
    expect(() => generateFrom([V8_LOCALES[0]], FAMILIES, 5, 1)).toThrow(/held-out v8/);
    expect(() => generateFrom(DEV_LOCALES, [FAMILIES_V8[0]], 5, 1)).toThrow(/held-out v8/);
    expect(() => generateFrom(DEV_LOCALES, FAMILIES, 5, 1)).not.toThrow();
    // v7 (and v6, v5, v4, v3 before it) is development data since its report: training and sweeps may use it.
    const v7dev = generateFrom(V7_LOCALES, FAMILIES_V7, 20, 1);
    expect(v7dev.every((s) => V7_LOCALES.includes(s.locale) && FAMILIES_V7.some((f) => f.name === s.family))).toBe(true);
    expect(() => generateFrom(V6_LOCALES, FAMILIES_V6, 20, 1)).not.toThrow();
    expect(() => generateFrom(V5_LOCALES, FAMILIES_V5, 20, 1)).not.toThrow();
    expect(() => generateFrom(V4_LOCALES, FAMILIES_V4, 20, 1)).not.toThrow();
    expect(() => generateFrom(V3_LOCALES, FAMILIES_V3, 20, 1)).not.toThrow();
    for (const split of ['heldout-v7', 'heldout-v6', 'heldout-v5', 'heldout-v4', 'heldout-v3'] as const)
      expect(() => assertNotHeldOutV8(generate(split, 20, 1)), split).not.toThrow();
    // Compositional training texts reach v7 locales (development data) but know no v8 locale.
    for (const l of V7_LOCALES) expect(composedSample(l, 1).text.length, l).toBeGreaterThan(0);
    for (const l of V8_LOCALES) {
      expect(() => localeSource(l, 1), l).toThrow();
      expect(() => composedSample(l, 1), l).toThrow();
    }
    // A file of v8 samples (or one v8 sample among others) is refused by the sweep's check.
    const v8 = generate('heldout-v8', 3, HELDOUT_V8_SEED);
    expect(() => assertNotHeldOutV8(v8)).toThrow(/held-out v8/);
    expect(() => assertNotHeldOutV8([...generate('dev', 3, 1), { ...v8[0], locale: 'en_GB' }])).toThrow(/held-out v8/);
    expect(() => assertNotHeldOutV8([...generate('dev', 3, 1), { ...generate('dev', 1, 2)[0], locale: V8_LOCALES[1] }])).toThrow(
      /held-out v8/,
    );
  });
});

/**
 * The held-out split v5 (training/shield/gen/custom-locales-v5.ts, templates-v5.ts) stays out of every
 * training, development and threshold path, and its generation is deterministic. No detector runs here:
 * the held-out texts are generated and compared, never scored. v4 (and v3 before it), scored once for
 * its report, is development data now and may be trained on.
 */
import { describe, expect, it } from 'vitest';
import { composedSample } from '../../training/shield/gen/compose';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { V4_LOCALES } from '../../training/shield/gen/custom-locales-v4';
import { LOCALE_GROUPS_V5, LOCALE_SPECS_V5, V5_LOCALES } from '../../training/shield/gen/custom-locales-v5';
import {
  HELDOUT_V5_COUNT,
  HELDOUT_V5_SEED,
  assertNotHeldOutV5,
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
import { frozenSplitChecks } from './split-checks';

const TRAINING_SPLITS: Split[] = [
  'dev',
  'heldout',
  'heldout-locales',
  'heldout-families',
  'heldout-v2',
  'heldout-v3',
  'heldout-v4',
  'all-v1',
];
const V5_FAMILY_NAMES = new Set(FAMILIES_V5.map((f) => f.name));
const EARLIER_FAMILIES = [...FAMILIES, ...FAMILIES_V2, ...FAMILIES_V3, ...FAMILIES_V4, ...FAMILIES_EXTRA];

describe('held-out split v5', () => {
  it('keeps the seed and size it is scored with', () => {
    expect(HELDOUT_V5_SEED).toBe(20261209);
    expect(HELDOUT_V5_COUNT).toBe(2000);
  });

  frozenSplitChecks({
    version: 'v5',
    split: 'heldout-v5',
    locales: V5_LOCALES,
    groups: LOCALE_GROUPS_V5,
    specs: LOCALE_SPECS_V5,
    families: FAMILIES_V5,
    earlierLocales: [
      ...ALL_LOCALES,
      ...V2_LOCALES,
      ...V3_LOCALES,
      ...V4_LOCALES,
      ...CUSTOM_LOCALES.map((c) => c.locale),
      ...CUSTOM_LOCALES_V2.map((c) => c.locale),
    ],
    earlierFamilies: EARLIER_FAMILIES,
    minLocales: 20,
    minFamilies: 8,
    units: true,
    seed: HELDOUT_V5_SEED,
    count: HELDOUT_V5_COUNT,
    definitionsSha256: 'ca8983817f581b0bdf4a751470f84965579a88da08dbee5eff0fb3315f48ef4f',
    // sha256 of the 2,000-sample set as written by `npm run shield:gen -- --split heldout-v5` when the split was fixed.
    setSha256: '44d5df0e0c8330a22d60462058e6926206304fe772dd01ff9999f3a93ab82b0f',
  });

  it('keeps v5 locales and families out of every training and development split, v3 and v4 included', () => {
    for (const list of [ALL_LOCALES, DEV_LOCALES, HELD_LOCALES, V2_LOCALES, V3_LOCALES, V4_LOCALES])
      for (const l of V5_LOCALES) expect(list).not.toContain(l);
    for (const f of EARLIER_FAMILIES) expect(V5_FAMILY_NAMES.has(f.name)).toBe(false);
    for (const split of TRAINING_SPLITS) {
      const samples = generate(split, 300, 4242);
      for (const s of samples) {
        expect(V5_LOCALES, `${split} locale`).not.toContain(s.locale);
        expect(V5_FAMILY_NAMES.has(s.family), `${split} family ${s.family}`).toBe(false);
      }
      expect(() => assertNotHeldOutV5(samples)).not.toThrow();
    }
  });

  it('refuses v5 locales and families on the paths training, cross-validation and threshold sweeps use, and allows v4 (and v3) there', () => {
    expect(() => generateFrom([V5_LOCALES[0]], FAMILIES, 5, 1)).toThrow(/held-out v5/);
    expect(() => generateFrom(DEV_LOCALES, [FAMILIES_V5[0]], 5, 1)).toThrow(/held-out v5/);
    expect(() => generateFrom(DEV_LOCALES, FAMILIES, 5, 1)).not.toThrow();
    // v4 (and v3 before it) is development data since its report: training and sweeps may use it.
    const v4dev = generateFrom(V4_LOCALES, FAMILIES_V4, 20, 1);
    expect(v4dev.every((s) => V4_LOCALES.includes(s.locale))).toBe(true);
    expect(() => generateFrom(V3_LOCALES, FAMILIES_V3, 20, 1)).not.toThrow();
    expect(() => assertNotHeldOutV5(generate('heldout-v4', 20, 1))).not.toThrow();
    expect(() => assertNotHeldOutV5(generate('heldout-v3', 20, 1))).not.toThrow();
    // Compositional training texts take locales through localeSource, which knows no v5 locale.
    for (const l of V5_LOCALES) {
      expect(() => localeSource(l, 1), l).toThrow();
      expect(() => composedSample(l, 1), l).toThrow();
    }
    // A file of v5 samples (or one v5 sample among others) is refused by the sweep's check.
    const v5 = generate('heldout-v5', 3, HELDOUT_V5_SEED);
    expect(() => assertNotHeldOutV5(v5)).toThrow(/held-out v5/);
    expect(() => assertNotHeldOutV5([...generate('dev', 3, 1), { ...v5[0], locale: 'en_GB' }])).toThrow(/held-out v5/);
    expect(() => assertNotHeldOutV5([...generate('dev', 3, 1), { ...generate('dev', 1, 2)[0], locale: V5_LOCALES[1] }])).toThrow(
      /held-out v5/,
    );
  });
});

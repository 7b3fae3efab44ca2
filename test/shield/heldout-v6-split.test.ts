/**
 * The held-out split v6 (training/shield/gen/custom-locales-v6.ts, templates-v6.ts) stays out of every
 * training, development and threshold path, and its generation is deterministic. No detector runs here:
 * the held-out texts are generated and compared, never scored. v5 (and v4, v3 before it), scored once
 * for its report, is development data now and may be trained on.
 */
import { describe, expect, it } from 'vitest';
import { composedSample } from '../../training/shield/gen/compose';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { V4_LOCALES } from '../../training/shield/gen/custom-locales-v4';
import { V5_LOCALES } from '../../training/shield/gen/custom-locales-v5';
import { LOCALE_GROUPS_V6, LOCALE_SPECS_V6, V6_LOCALES } from '../../training/shield/gen/custom-locales-v6';
import {
  HELDOUT_V6_COUNT,
  HELDOUT_V6_SEED,
  assertNotHeldOutV6,
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
  'all-v1',
];
const V6_FAMILY_NAMES = new Set(FAMILIES_V6.map((f) => f.name));
const EARLIER_FAMILIES = [...FAMILIES, ...FAMILIES_V2, ...FAMILIES_V3, ...FAMILIES_V4, ...FAMILIES_V5, ...FAMILIES_EXTRA];

describe('held-out split v6', () => {
  it('keeps the seed and size it is scored with', () => {
    expect(HELDOUT_V6_SEED).toBe(20261210);
    expect(HELDOUT_V6_COUNT).toBe(2000);
  });

  frozenSplitChecks({
    version: 'v6',
    split: 'heldout-v6',
    locales: V6_LOCALES,
    groups: LOCALE_GROUPS_V6,
    specs: LOCALE_SPECS_V6,
    families: FAMILIES_V6,
    earlierLocales: [
      ...ALL_LOCALES,
      ...V2_LOCALES,
      ...V3_LOCALES,
      ...V4_LOCALES,
      ...V5_LOCALES,
      ...CUSTOM_LOCALES.map((c) => c.locale),
      ...CUSTOM_LOCALES_V2.map((c) => c.locale),
    ],
    earlierFamilies: EARLIER_FAMILIES,
    minLocales: 20,
    minFamilies: 9,
    units: true,
    seed: HELDOUT_V6_SEED,
    count: HELDOUT_V6_COUNT,
    definitionsSha256: '49eb4027eef0b5165700c2430ae86c5dea4b6fbc1d0bfa3bc332f409e2d35099',
    // sha256 of the 2,000-sample set as written by `npm run shield:gen -- --split heldout-v6` when the split was fixed.
    setSha256: 'e23ed9b78f4367cf94795addb5e4245de672ddcab2bfb2452dc5b3c2b9c43fc5',
  });

  it('keeps v6 locales and families out of every training and development split, v3, v4 and v5 included', () => {
    for (const list of [ALL_LOCALES, DEV_LOCALES, HELD_LOCALES, V2_LOCALES, V3_LOCALES, V4_LOCALES, V5_LOCALES])
      for (const l of V6_LOCALES) expect(list).not.toContain(l);
    for (const f of EARLIER_FAMILIES) expect(V6_FAMILY_NAMES.has(f.name)).toBe(false);
    for (const split of TRAINING_SPLITS) {
      const samples = generate(split, 300, 4242);
      for (const s of samples) {
        expect(V6_LOCALES, `${split} locale`).not.toContain(s.locale);
        expect(V6_FAMILY_NAMES.has(s.family), `${split} family ${s.family}`).toBe(false);
      }
      expect(() => assertNotHeldOutV6(samples)).not.toThrow();
    }
  });

  it('refuses v6 locales and families on the paths training, cross-validation and threshold sweeps use, and allows v5 (and v4, v3) there', () => {
    expect(() => generateFrom([V6_LOCALES[0]], FAMILIES, 5, 1)).toThrow(/held-out v6/);
    expect(() => generateFrom(DEV_LOCALES, [FAMILIES_V6[0]], 5, 1)).toThrow(/held-out v6/);
    expect(() => generateFrom(DEV_LOCALES, FAMILIES, 5, 1)).not.toThrow();
    // v5 (and v4, v3 before it) is development data since its report: training and sweeps may use it.
    const v5dev = generateFrom(V5_LOCALES, FAMILIES_V5, 20, 1);
    expect(v5dev.every((s) => V5_LOCALES.includes(s.locale) && FAMILIES_V5.some((f) => f.name === s.family))).toBe(true);
    expect(() => generateFrom(V4_LOCALES, FAMILIES_V4, 20, 1)).not.toThrow();
    expect(() => generateFrom(V3_LOCALES, FAMILIES_V3, 20, 1)).not.toThrow();
    for (const split of ['heldout-v5', 'heldout-v4', 'heldout-v3'] as const)
      expect(() => assertNotHeldOutV6(generate(split, 20, 1)), split).not.toThrow();
    // Compositional training texts take locales through localeSource, which knows no v6 locale.
    for (const l of V6_LOCALES) {
      expect(() => localeSource(l, 1), l).toThrow();
      expect(() => composedSample(l, 1), l).toThrow();
    }
    // A file of v6 samples (or one v6 sample among others) is refused by the sweep's check.
    const v6 = generate('heldout-v6', 3, HELDOUT_V6_SEED);
    expect(() => assertNotHeldOutV6(v6)).toThrow(/held-out v6/);
    expect(() => assertNotHeldOutV6([...generate('dev', 3, 1), { ...v6[0], locale: 'en_GB' }])).toThrow(/held-out v6/);
    expect(() => assertNotHeldOutV6([...generate('dev', 3, 1), { ...generate('dev', 1, 2)[0], locale: V6_LOCALES[1] }])).toThrow(
      /held-out v6/,
    );
  });
});

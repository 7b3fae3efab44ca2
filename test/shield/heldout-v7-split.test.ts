/**
 * The held-out split v7 (training/shield/gen/custom-locales-v7.ts, templates-v7.ts) stays out of every
 * training, development and threshold path, and its generation is deterministic. No detector runs here:
 * the held-out texts are generated and compared, never scored. v6 (and v5, v4, v3 before it), scored once
 * for its report, is development data now and may be trained on.
 */
import { describe, expect, it } from 'vitest';
import { composedSample } from '../../training/shield/gen/compose';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { V4_LOCALES } from '../../training/shield/gen/custom-locales-v4';
import { V5_LOCALES } from '../../training/shield/gen/custom-locales-v5';
import { V6_LOCALES } from '../../training/shield/gen/custom-locales-v6';
import { LOCALE_GROUPS_V7, LOCALE_SPECS_V7, V7_LOCALES } from '../../training/shield/gen/custom-locales-v7';
import {
  HELDOUT_V7_COUNT,
  HELDOUT_V7_SEED,
  assertNotHeldOutV7,
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
  'all-v1',
];
const V7_FAMILY_NAMES = new Set(FAMILIES_V7.map((f) => f.name));
const EARLIER_FAMILIES = [...FAMILIES, ...FAMILIES_V2, ...FAMILIES_V3, ...FAMILIES_V4, ...FAMILIES_V5, ...FAMILIES_V6, ...FAMILIES_EXTRA];

describe('held-out split v7', () => {
  it('keeps the seed and size it is scored with', () => {
    expect(HELDOUT_V7_SEED).toBe(20261211);
    expect(HELDOUT_V7_COUNT).toBe(2000);
  });

  frozenSplitChecks({
    version: 'v7',
    split: 'heldout-v7',
    locales: V7_LOCALES,
    groups: LOCALE_GROUPS_V7,
    specs: LOCALE_SPECS_V7,
    families: FAMILIES_V7,
    earlierLocales: [
      ...ALL_LOCALES,
      ...V2_LOCALES,
      ...V3_LOCALES,
      ...V4_LOCALES,
      ...V5_LOCALES,
      ...V6_LOCALES,
      ...CUSTOM_LOCALES.map((c) => c.locale),
      ...CUSTOM_LOCALES_V2.map((c) => c.locale),
    ],
    earlierFamilies: EARLIER_FAMILIES,
    minLocales: 20,
    minFamilies: 9,
    units: true,
    seed: HELDOUT_V7_SEED,
    count: HELDOUT_V7_COUNT,
    definitionsSha256: '31d254a01c6816d25d7a95ec4cd079a208f14f6fbf94059ee5eac6df3085b6dd',
    // sha256 of the 2,000-sample set as written by `npm run shield:gen -- --split heldout-v7` when the split was fixed.
    setSha256: 'ba204d0c54ac2e472d8d005bb0dbf1c52f53ceca4a257d1bdf4661a8fdaed41c',
  });

  it('keeps v7 locales and families out of every training and development split, v3 to v6 included', () => {
    for (const list of [ALL_LOCALES, DEV_LOCALES, HELD_LOCALES, V2_LOCALES, V3_LOCALES, V4_LOCALES, V5_LOCALES, V6_LOCALES])
      for (const l of V7_LOCALES) expect(list).not.toContain(l);
    for (const f of EARLIER_FAMILIES) expect(V7_FAMILY_NAMES.has(f.name)).toBe(false);
    for (const split of TRAINING_SPLITS) {
      const samples = generate(split, 300, 4242);
      for (const s of samples) {
        expect(V7_LOCALES, `${split} locale`).not.toContain(s.locale);
        expect(V7_FAMILY_NAMES.has(s.family), `${split} family ${s.family}`).toBe(false);
      }
      expect(() => assertNotHeldOutV7(samples)).not.toThrow();
    }
  });

  it('refuses v7 locales and families on the paths training, cross-validation and threshold sweeps use, and allows v6 (and v5, v4, v3) there', () => {
    expect(() => generateFrom([V7_LOCALES[0]], FAMILIES, 5, 1)).toThrow(/held-out v7/);
    expect(() => generateFrom(DEV_LOCALES, [FAMILIES_V7[0]], 5, 1)).toThrow(/held-out v7/);
    expect(() => generateFrom(DEV_LOCALES, FAMILIES, 5, 1)).not.toThrow();
    // v6 (and v5, v4, v3 before it) is development data since its report: training and sweeps may use it.
    const v6dev = generateFrom(V6_LOCALES, FAMILIES_V6, 20, 1);
    expect(v6dev.every((s) => V6_LOCALES.includes(s.locale) && FAMILIES_V6.some((f) => f.name === s.family))).toBe(true);
    expect(() => generateFrom(V5_LOCALES, FAMILIES_V5, 20, 1)).not.toThrow();
    expect(() => generateFrom(V4_LOCALES, FAMILIES_V4, 20, 1)).not.toThrow();
    expect(() => generateFrom(V3_LOCALES, FAMILIES_V3, 20, 1)).not.toThrow();
    for (const split of ['heldout-v6', 'heldout-v5', 'heldout-v4', 'heldout-v3'] as const)
      expect(() => assertNotHeldOutV7(generate(split, 20, 1)), split).not.toThrow();
    // Compositional training texts take locales through localeSource, which knows no v7 locale.
    for (const l of V7_LOCALES) {
      expect(() => localeSource(l, 1), l).toThrow();
      expect(() => composedSample(l, 1), l).toThrow();
    }
    // A file of v7 samples (or one v7 sample among others) is refused by the sweep's check.
    const v7 = generate('heldout-v7', 3, HELDOUT_V7_SEED);
    expect(() => assertNotHeldOutV7(v7)).toThrow(/held-out v7/);
    expect(() => assertNotHeldOutV7([...generate('dev', 3, 1), { ...v7[0], locale: 'en_GB' }])).toThrow(/held-out v7/);
    expect(() => assertNotHeldOutV7([...generate('dev', 3, 1), { ...generate('dev', 1, 2)[0], locale: V7_LOCALES[1] }])).toThrow(
      /held-out v7/,
    );
  });
});

/**
 * The split v5 (training/shield/gen/custom-locales-v5.ts, templates-v5.ts) as it was fixed for its
 * report: its definitions stay as frozen and its generation is deterministic. Scored once, it is
 * development data since (test/shield/heldout-v8-split.test.ts checks that training may use it and
 * that the held-out v8 split stays out). No detector runs here.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { V4_LOCALES } from '../../training/shield/gen/custom-locales-v4';
import { LOCALE_GROUPS_V5, LOCALE_SPECS_V5, V5_LOCALES } from '../../training/shield/gen/custom-locales-v5';
import { HELDOUT_V5_COUNT, HELDOUT_V5_SEED } from '../../training/shield/gen/generate';
import { ALL_LOCALES, V2_LOCALES } from '../../training/shield/gen/locales';
import { FAMILIES } from '../../training/shield/gen/templates';
import { FAMILIES_EXTRA } from '../../training/shield/gen/templates-extra';
import { FAMILIES_V2 } from '../../training/shield/gen/templates-v2';
import { FAMILIES_V3 } from '../../training/shield/gen/templates-v3';
import { FAMILIES_V4 } from '../../training/shield/gen/templates-v4';
import { FAMILIES_V5 } from '../../training/shield/gen/templates-v5';
import { frozenSplitChecks } from './split-checks';

describe('split v5 (held out for its report, development data since)', () => {
  it('keeps the seed and size it was scored with', () => {
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
    earlierFamilies: [...FAMILIES, ...FAMILIES_V2, ...FAMILIES_V3, ...FAMILIES_V4, ...FAMILIES_EXTRA],
    minLocales: 20,
    minFamilies: 8,
    units: true,
    seed: HELDOUT_V5_SEED,
    count: HELDOUT_V5_COUNT,
    definitionsSha256: 'ca8983817f581b0bdf4a751470f84965579a88da08dbee5eff0fb3315f48ef4f',
    // sha256 of the 2,000-sample set as written by `npm run shield:gen -- --split heldout-v5` when the split was fixed.
    setSha256: '44d5df0e0c8330a22d60462058e6926206304fe772dd01ff9999f3a93ab82b0f',
  });
});

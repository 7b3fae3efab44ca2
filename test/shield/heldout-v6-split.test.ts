/**
 * The split v6 (training/shield/gen/custom-locales-v6.ts, templates-v6.ts) as it was fixed for its
 * report: its definitions stay as frozen and its generation is deterministic. Scored once, it is
 * development data since (test/shield/heldout-v8-split.test.ts checks that training may use it and
 * that the held-out v8 split stays out). No detector runs here.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { V4_LOCALES } from '../../training/shield/gen/custom-locales-v4';
import { V5_LOCALES } from '../../training/shield/gen/custom-locales-v5';
import { LOCALE_GROUPS_V6, LOCALE_SPECS_V6, V6_LOCALES } from '../../training/shield/gen/custom-locales-v6';
import { HELDOUT_V6_COUNT, HELDOUT_V6_SEED } from '../../training/shield/gen/generate';
import { ALL_LOCALES, V2_LOCALES } from '../../training/shield/gen/locales';
import { FAMILIES } from '../../training/shield/gen/templates';
import { FAMILIES_EXTRA } from '../../training/shield/gen/templates-extra';
import { FAMILIES_V2 } from '../../training/shield/gen/templates-v2';
import { FAMILIES_V3 } from '../../training/shield/gen/templates-v3';
import { FAMILIES_V4 } from '../../training/shield/gen/templates-v4';
import { FAMILIES_V5 } from '../../training/shield/gen/templates-v5';
import { FAMILIES_V6 } from '../../training/shield/gen/templates-v6';
import { frozenSplitChecks } from './split-checks';

describe('split v6 (held out for its report, development data since)', () => {
  it('keeps the seed and size it was scored with', () => {
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
    earlierFamilies: [...FAMILIES, ...FAMILIES_V2, ...FAMILIES_V3, ...FAMILIES_V4, ...FAMILIES_V5, ...FAMILIES_EXTRA],
    minLocales: 20,
    minFamilies: 9,
    units: true,
    seed: HELDOUT_V6_SEED,
    count: HELDOUT_V6_COUNT,
    definitionsSha256: '49eb4027eef0b5165700c2430ae86c5dea4b6fbc1d0bfa3bc332f409e2d35099',
    // sha256 of the 2,000-sample set as written by `npm run shield:gen -- --split heldout-v6` when the split was fixed.
    setSha256: 'e23ed9b78f4367cf94795addb5e4245de672ddcab2bfb2452dc5b3c2b9c43fc5',
  });
});

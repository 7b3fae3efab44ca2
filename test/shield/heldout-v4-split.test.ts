/**
 * The split v4 (training/shield/gen/custom-locales-v4.ts, templates-v4.ts) as it was fixed for its
 * report: its definitions stay as frozen and its generation is deterministic. Scored once, it is
 * development data since (test/shield/heldout-v8-split.test.ts checks that training may use it and
 * that the held-out v8 split stays out). No detector runs here.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { LOCALE_GROUPS_V4, LOCALE_SPECS_V4, V4_LOCALES } from '../../training/shield/gen/custom-locales-v4';
import { HELDOUT_V4_COUNT, HELDOUT_V4_SEED } from '../../training/shield/gen/generate';
import { ALL_LOCALES, V2_LOCALES } from '../../training/shield/gen/locales';
import { FAMILIES } from '../../training/shield/gen/templates';
import { FAMILIES_EXTRA } from '../../training/shield/gen/templates-extra';
import { FAMILIES_V2 } from '../../training/shield/gen/templates-v2';
import { FAMILIES_V3 } from '../../training/shield/gen/templates-v3';
import { FAMILIES_V4 } from '../../training/shield/gen/templates-v4';
import { frozenSplitChecks } from './split-checks';

describe('split v4 (held out for its report, development data since)', () => {
  it('keeps the seed and size it was scored with', () => {
    expect(HELDOUT_V4_SEED).toBe(20261208);
    expect(HELDOUT_V4_COUNT).toBe(2000);
  });

  frozenSplitChecks({
    version: 'v4',
    split: 'heldout-v4',
    locales: V4_LOCALES,
    groups: LOCALE_GROUPS_V4,
    specs: LOCALE_SPECS_V4,
    families: FAMILIES_V4,
    earlierLocales: [
      ...ALL_LOCALES,
      ...V2_LOCALES,
      ...V3_LOCALES,
      ...CUSTOM_LOCALES.map((c) => c.locale),
      ...CUSTOM_LOCALES_V2.map((c) => c.locale),
    ],
    earlierFamilies: [...FAMILIES, ...FAMILIES_V2, ...FAMILIES_V3, ...FAMILIES_EXTRA],
    minLocales: 24,
    minFamilies: 8,
    units: true,
    seed: HELDOUT_V4_SEED,
    count: HELDOUT_V4_COUNT,
    definitionsSha256: '1e01981e9b21d58c55c907a512ebed47975cdf5cd9f71b8900bbf4d9e00359b8',
    // sha256 of the 2,000-sample set as written by `npm run shield:gen -- --split heldout-v4` when the split was fixed.
    setSha256: '96cde00526801c87519f7bc546d2e10ae761f2251b83d7fa5bffd8aa830a65b8',
  });
});

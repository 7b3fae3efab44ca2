/**
 * The split v7 (training/shield/gen/custom-locales-v7.ts, templates-v7.ts) as it was fixed for its
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
import { V6_LOCALES } from '../../training/shield/gen/custom-locales-v6';
import { LOCALE_GROUPS_V7, LOCALE_SPECS_V7, V7_LOCALES } from '../../training/shield/gen/custom-locales-v7';
import { HELDOUT_V7_COUNT, HELDOUT_V7_SEED } from '../../training/shield/gen/generate';
import { ALL_LOCALES, V2_LOCALES } from '../../training/shield/gen/locales';
import { FAMILIES } from '../../training/shield/gen/templates';
import { FAMILIES_EXTRA } from '../../training/shield/gen/templates-extra';
import { FAMILIES_V2 } from '../../training/shield/gen/templates-v2';
import { FAMILIES_V3 } from '../../training/shield/gen/templates-v3';
import { FAMILIES_V4 } from '../../training/shield/gen/templates-v4';
import { FAMILIES_V5 } from '../../training/shield/gen/templates-v5';
import { FAMILIES_V6 } from '../../training/shield/gen/templates-v6';
import { FAMILIES_V7 } from '../../training/shield/gen/templates-v7';
import { frozenSplitChecks } from './split-checks';

describe('split v7 (held out for its report, development data since)', () => {
  it('keeps the seed and size it was scored with', () => {
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
    earlierFamilies: [...FAMILIES, ...FAMILIES_V2, ...FAMILIES_V3, ...FAMILIES_V4, ...FAMILIES_V5, ...FAMILIES_V6, ...FAMILIES_EXTRA],
    minLocales: 20,
    minFamilies: 9,
    units: true,
    seed: HELDOUT_V7_SEED,
    count: HELDOUT_V7_COUNT,
    definitionsSha256: '31d254a01c6816d25d7a95ec4cd079a208f14f6fbf94059ee5eac6df3085b6dd',
    // sha256 of the 2,000-sample set as written by `npm run shield:gen -- --split heldout-v7` when the split was fixed.
    setSha256: 'ba204d0c54ac2e472d8d005bb0dbf1c52f53ceca4a257d1bdf4661a8fdaed41c',
  });
});

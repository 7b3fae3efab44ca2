/**
 * The split v3 (training/shield/gen/custom-locales-v3.ts, templates-v3.ts) as it was fixed for its
 * report: its definitions stay as frozen and its generation is deterministic. Scored once, it is
 * development data since (test/shield/heldout-v8-split.test.ts checks that training may use it and
 * that the held-out split stays out). No detector runs here.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { LOCALE_SPECS_V3, LOCALE_GROUPS_V3, V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { HELDOUT_V3_COUNT, HELDOUT_V3_SEED } from '../../training/shield/gen/generate';
import { ALL_LOCALES, V2_LOCALES } from '../../training/shield/gen/locales';
import { FAMILIES } from '../../training/shield/gen/templates';
import { FAMILIES_V2 } from '../../training/shield/gen/templates-v2';
import { FAMILIES_V3 } from '../../training/shield/gen/templates-v3';
import { frozenSplitChecks } from './split-checks';

describe('split v3 (held out for its report, development data since)', () => {
  it('keeps the seed and size it was scored with', () => {
    expect(HELDOUT_V3_SEED).toBe(20261207);
    expect(HELDOUT_V3_COUNT).toBe(2000);
  });

  frozenSplitChecks({
    version: 'v3',
    split: 'heldout-v3',
    locales: V3_LOCALES,
    groups: LOCALE_GROUPS_V3,
    specs: LOCALE_SPECS_V3,
    families: FAMILIES_V3,
    earlierLocales: [...ALL_LOCALES, ...V2_LOCALES, ...CUSTOM_LOCALES.map((c) => c.locale), ...CUSTOM_LOCALES_V2.map((c) => c.locale)],
    earlierFamilies: [...FAMILIES, ...FAMILIES_V2],
    minLocales: 24,
    minFamilies: 6,
    units: false,
    seed: HELDOUT_V3_SEED,
    count: HELDOUT_V3_COUNT,
    definitionsSha256: '79400c08aca46d11f678223dce8330fe35e99a6263d97d4a6612e6cb0661748c',
  });
});

/**
 * The split v4 (training/shield/gen/custom-locales-v4.ts, templates-v4.ts) as it was fixed for its
 * report: its definitions stay as frozen and its generation is deterministic. Scored once, it is
 * development data since (test/shield/heldout-v5-split.test.ts checks that training may use it and
 * that the held-out v5 split stays out). No detector runs here.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { LOCALE_GROUPS_V4, LOCALE_SPECS_V4, V4_LOCALES } from '../../training/shield/gen/custom-locales-v4';
import { HELDOUT_V4_COUNT, HELDOUT_V4_SEED, generate } from '../../training/shield/gen/generate';
import { ALL_LOCALES, V2_LOCALES } from '../../training/shield/gen/locales';
import { FAMILIES } from '../../training/shield/gen/templates';
import { FAMILIES_EXTRA } from '../../training/shield/gen/templates-extra';
import { FAMILIES_V2 } from '../../training/shield/gen/templates-v2';
import { FAMILIES_V3 } from '../../training/shield/gen/templates-v3';
import { FAMILIES_V4 } from '../../training/shield/gen/templates-v4';

const FROZEN_V4_DEFINITIONS = '1e01981e9b21d58c55c907a512ebed47975cdf5cd9f71b8900bbf4d9e00359b8';
// sha256 of the 2,000-sample set as written by `npm run shield:gen -- --split heldout-v4` when the split was fixed.
const FROZEN_V4_SET = '96cde00526801c87519f7bc546d2e10ae761f2251b83d7fa5bffd8aa830a65b8';
const V4_FAMILY_NAMES = new Set(FAMILIES_V4.map((f) => f.name));
const EARLIER_FAMILIES = [...FAMILIES, ...FAMILIES_V2, ...FAMILIES_V3, ...FAMILIES_EXTRA];
const language = (locale: string) => locale.split('_')[0].toLowerCase();

async function sha256(s: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('split v4 (held out for its report, development data since)', () => {
  it('has at least 24 locales, none of them (nor their language) used by v1, v2 or v3', () => {
    expect(V4_LOCALES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(V4_LOCALES).size).toBe(V4_LOCALES.length);
    expect(Object.values(LOCALE_GROUPS_V4).flat().sort()).toEqual([...V4_LOCALES].sort());
    const earlier = [
      ...ALL_LOCALES,
      ...V2_LOCALES,
      ...V3_LOCALES,
      ...CUSTOM_LOCALES.map((c) => c.locale),
      ...CUSTOM_LOCALES_V2.map((c) => c.locale),
    ];
    const earlierLanguages = new Set(earlier.map(language));
    for (const l of V4_LOCALES) {
      expect(earlier, l).not.toContain(l);
      expect(earlierLanguages.has(language(l)), `language of ${l}`).toBe(false);
    }
  });

  it('writes every locale by hand: 25+ given names with 12+ per sex, 25+ surnames, cities, streets, postcode and phone forms', () => {
    const distinct = (xs: string[]) => new Set(xs).size;
    for (const s of LOCALE_SPECS_V4) {
      expect(distinct(s.male), s.locale).toBeGreaterThanOrEqual(12);
      expect(distinct(s.female), s.locale).toBeGreaterThanOrEqual(12);
      expect(distinct([...s.male, ...s.female]), s.locale).toBeGreaterThanOrEqual(25);
      expect(distinct(s.surnames), s.locale).toBeGreaterThanOrEqual(25);
      expect(distinct(s.cities), s.locale).toBeGreaterThanOrEqual(8);
      expect(distinct(s.streets), s.locale).toBeGreaterThanOrEqual(8);
      expect(s.postcodes.length, s.locale).toBeGreaterThan(0);
      expect(s.streetFormats.length, s.locale).toBeGreaterThanOrEqual(3);
      expect(s.units.length, s.locale).toBeGreaterThan(0);
      expect(
        s.phones.some((p) => p.startsWith('+')),
        `${s.locale} international phone`,
      ).toBe(true);
      expect(
        s.phones.some((p) => !p.startsWith('+')),
        `${s.locale} national phone`,
      ).toBe(true);
      expect(
        s.phones.some((p) => /(\bext\.?|\bx) ?#/i.test(p)),
        `${s.locale} phone with extension`,
      ).toBe(true);
    }
  });

  it('has at least 8 template families whose names and templates appear in no v1, v2, v3 or training-only family', () => {
    expect(FAMILIES_V4.length).toBeGreaterThanOrEqual(8);
    const earlierNames = new Set(EARLIER_FAMILIES.map((f) => f.name));
    const earlierTemplates = new Set(EARLIER_FAMILIES.flatMap((f) => f.templates));
    for (const f of FAMILIES_V4) {
      expect(earlierNames.has(f.name), f.name).toBe(false);
      expect(f.templates.length, f.name).toBeGreaterThanOrEqual(5);
      for (const t of f.templates) expect(earlierTemplates.has(t), t).toBe(false);
    }
  });

  it('keeps the v4 locale and template definitions as frozen before any tuning on them', async () => {
    // Recorded with the v4 set's hash when the split was fixed; a change here means a new split, not an edit.
    expect(await sha256(JSON.stringify({ locales: LOCALE_SPECS_V4, families: FAMILIES_V4 }))).toBe(FROZEN_V4_DEFINITIONS);
  });

  it('generates the same texts for the same seed, only from v4 locales and families, with consistent spans', async () => {
    expect(HELDOUT_V4_SEED).toBe(20261208);
    expect(HELDOUT_V4_COUNT).toBe(2000);
    const a = generate('heldout-v4', 400, HELDOUT_V4_SEED);
    const b = generate('heldout-v4', 400, HELDOUT_V4_SEED);
    expect(await sha256(JSON.stringify(a))).toBe(await sha256(JSON.stringify(b)));
    expect(await sha256(JSON.stringify(generate('heldout-v4', 400, HELDOUT_V4_SEED + 1)))).not.toBe(await sha256(JSON.stringify(a)));
    for (const s of a) {
      expect(V4_LOCALES).toContain(s.locale);
      expect(V4_FAMILY_NAMES.has(s.family)).toBe(true);
      expect(LOCALE_GROUPS_V4[s.group]).toContain(s.locale);
      for (const sp of s.spans) expect(s.full_text.slice(sp.start_position, sp.end_position)).toBe(sp.entity_value);
    }
    // The split covers every locale and family, and names, addresses, phones and e-mails in each family.
    const big = generate('heldout-v4', HELDOUT_V4_COUNT, HELDOUT_V4_SEED);
    expect(await sha256(JSON.stringify(big))).toBe(FROZEN_V4_SET);
    expect(new Set(big.map((s) => s.locale)).size).toBe(V4_LOCALES.length);
    for (const f of FAMILIES_V4) {
      const types = new Set(big.filter((s) => s.family === f.name).flatMap((s) => s.spans.map((sp) => sp.entity_type)));
      for (const t of ['PERSON', 'PHONE_NUMBER', 'EMAIL_ADDRESS', 'STREET_ADDRESS']) expect(types.has(t), `${f.name} ${t}`).toBe(true);
    }
  });
});

/**
 * The split v3 (training/shield/gen/custom-locales-v3.ts, templates-v3.ts) as it was fixed for its
 * report: its definitions stay as frozen and its generation is deterministic. Scored once, it is
 * development data since (test/shield/heldout-v4-split.test.ts checks that training may use it and
 * that the held-out v4 split stays out). No detector runs here.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOM_LOCALES } from '../../training/shield/gen/custom-locales';
import { CUSTOM_LOCALES_V2 } from '../../training/shield/gen/custom-locales-v2';
import { LOCALE_SPECS_V3, LOCALE_GROUPS_V3, V3_LOCALES } from '../../training/shield/gen/custom-locales-v3';
import { HELDOUT_V3_COUNT, HELDOUT_V3_SEED, generate } from '../../training/shield/gen/generate';
import { ALL_LOCALES, V2_LOCALES } from '../../training/shield/gen/locales';
import { FAMILIES } from '../../training/shield/gen/templates';
import { FAMILIES_V2 } from '../../training/shield/gen/templates-v2';
import { FAMILIES_V3 } from '../../training/shield/gen/templates-v3';

const FROZEN_V3_DEFINITIONS = '79400c08aca46d11f678223dce8330fe35e99a6263d97d4a6612e6cb0661748c';
const V3_FAMILY_NAMES = new Set(FAMILIES_V3.map((f) => f.name));
const language = (locale: string) => locale.split('_')[0].toLowerCase();

async function sha256(s: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('split v3 (held out for its report, development data since)', () => {
  it('has at least 24 locales, none of them (nor their language) used by v1 or v2', () => {
    expect(V3_LOCALES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(V3_LOCALES).size).toBe(V3_LOCALES.length);
    expect(Object.values(LOCALE_GROUPS_V3).flat().sort()).toEqual([...V3_LOCALES].sort());
    const earlier = [...ALL_LOCALES, ...V2_LOCALES, ...CUSTOM_LOCALES.map((c) => c.locale), ...CUSTOM_LOCALES_V2.map((c) => c.locale)];
    const earlierLanguages = new Set(earlier.map(language));
    for (const l of V3_LOCALES) {
      expect(earlier, l).not.toContain(l);
      expect(earlierLanguages.has(language(l)), `language of ${l}`).toBe(false);
    }
  });

  it('writes every locale by hand: 25+ given names of both sexes, 25+ surnames, cities, streets, postcode and phone forms', () => {
    const distinct = (xs: string[]) => new Set(xs).size;
    for (const s of LOCALE_SPECS_V3) {
      expect(distinct(s.male), s.locale).toBeGreaterThanOrEqual(12);
      expect(distinct(s.female), s.locale).toBeGreaterThanOrEqual(12);
      expect(distinct([...s.male, ...s.female]), s.locale).toBeGreaterThanOrEqual(25);
      expect(distinct(s.surnames), s.locale).toBeGreaterThanOrEqual(25);
      expect(distinct(s.cities), s.locale).toBeGreaterThanOrEqual(8);
      expect(distinct(s.streets), s.locale).toBeGreaterThanOrEqual(8);
      expect(s.postcodes.length, s.locale).toBeGreaterThan(0);
      expect(s.streetFormats.length, s.locale).toBeGreaterThanOrEqual(3);
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

  it('has at least 6 template families whose names and templates appear in no v1 or v2 family', () => {
    expect(FAMILIES_V3.length).toBeGreaterThanOrEqual(6);
    const earlierNames = new Set([...FAMILIES, ...FAMILIES_V2].map((f) => f.name));
    const earlierTemplates = new Set([...FAMILIES, ...FAMILIES_V2].flatMap((f) => f.templates));
    for (const f of FAMILIES_V3) {
      expect(earlierNames.has(f.name), f.name).toBe(false);
      expect(f.templates.length, f.name).toBeGreaterThanOrEqual(5);
      for (const t of f.templates) expect(earlierTemplates.has(t), t).toBe(false);
    }
  });

  it('keeps the v3 locale and template definitions as frozen before any tuning on them', async () => {
    // Recorded with the v3 set's hash when the split was fixed; a change here means a new split, not an edit.
    expect(await sha256(JSON.stringify({ locales: LOCALE_SPECS_V3, families: FAMILIES_V3 }))).toBe(FROZEN_V3_DEFINITIONS);
  });

  it('generates the same texts for the same seed, only from v3 locales and families, with consistent spans', async () => {
    expect(HELDOUT_V3_SEED).toBe(20261207);
    expect(HELDOUT_V3_COUNT).toBe(2000);
    const a = generate('heldout-v3', 400, HELDOUT_V3_SEED);
    const b = generate('heldout-v3', 400, HELDOUT_V3_SEED);
    expect(await sha256(JSON.stringify(a))).toBe(await sha256(JSON.stringify(b)));
    expect(await sha256(JSON.stringify(generate('heldout-v3', 400, HELDOUT_V3_SEED + 1)))).not.toBe(await sha256(JSON.stringify(a)));
    for (const s of a) {
      expect(V3_LOCALES).toContain(s.locale);
      expect(V3_FAMILY_NAMES.has(s.family)).toBe(true);
      expect(LOCALE_GROUPS_V3[s.group]).toContain(s.locale);
      for (const sp of s.spans) expect(s.full_text.slice(sp.start_position, sp.end_position)).toBe(sp.entity_value);
    }
    // The split covers every locale and family, and names, addresses and phones in each family.
    const big = generate('heldout-v3', 2000, HELDOUT_V3_SEED);
    expect(new Set(big.map((s) => s.locale)).size).toBe(V3_LOCALES.length);
    for (const f of FAMILIES_V3) {
      const types = new Set(big.filter((s) => s.family === f.name).flatMap((s) => s.spans.map((sp) => sp.entity_type)));
      for (const t of ['PERSON', 'PHONE_NUMBER', 'EMAIL_ADDRESS', 'STREET_ADDRESS']) expect(types.has(t), `${f.name} ${t}`).toBe(true);
    }
  });
});

/**
 * The checks every synthetic split fixed for a held-out report passes (test/shield/heldout-v*-split.test.ts):
 * new locales and languages, hand-written locale lists, new template families, definitions frozen by hash
 * and deterministic generation. No detector runs here: the texts are generated and compared, never scored.
 */
import { expect, it } from 'vitest';
import type { LocaleSpecV3 } from '../../training/shield/gen/custom-locales-v3';
import { generate, type Split } from '../../training/shield/gen/generate';
import type { Family } from '../../training/shield/gen/templates';

export interface FrozenSplit {
  version: string;
  split: Split;
  locales: string[];
  groups: Record<string, string[]>;
  specs: LocaleSpecV3[];
  families: Family[];
  /** Locales and families of every earlier split and training-only family. */
  earlierLocales: string[];
  earlierFamilies: Family[];
  minLocales: number;
  minFamilies: number;
  /** Whether each locale must list unit designators (required from v4 on). */
  units: boolean;
  seed: number;
  count: number;
  definitionsSha256: string;
  /** sha256 of the whole generated set, pinned from v4 on. */
  setSha256?: string;
}

export async function sha256(s: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const language = (locale: string) => locale.split('_')[0].toLowerCase();
const distinct = (xs: string[]) => new Set(xs).size;

/** Registers the shared checks as tests of the enclosing describe block. */
export function frozenSplitChecks(s: FrozenSplit): void {
  it(`has at least ${s.minLocales} locales, none of them (nor their language) used before ${s.version}`, () => {
    expect(s.locales.length).toBeGreaterThanOrEqual(s.minLocales);
    expect(new Set(s.locales).size).toBe(s.locales.length);
    expect(Object.values(s.groups).flat().sort()).toEqual([...s.locales].sort());
    const earlierLanguages = new Set(s.earlierLocales.map(language));
    for (const l of s.locales) {
      expect(s.earlierLocales, l).not.toContain(l);
      expect(earlierLanguages.has(language(l)), `language of ${l}`).toBe(false);
    }
  });

  it('writes every locale by hand: 25+ given names with 12+ per sex, 25+ surnames, cities, streets, postcode and phone forms', () => {
    for (const spec of s.specs) expectHandWritten(spec, s.units);
  });

  it(`has at least ${s.minFamilies} template families whose names and templates appear in no earlier family`, () => {
    expect(s.families.length).toBeGreaterThanOrEqual(s.minFamilies);
    const earlierNames = new Set(s.earlierFamilies.map((f) => f.name));
    const earlierTemplates = new Set(s.earlierFamilies.flatMap((f) => f.templates));
    for (const f of s.families) {
      expect(earlierNames.has(f.name), f.name).toBe(false);
      expect(f.templates.length, f.name).toBeGreaterThanOrEqual(5);
      for (const t of f.templates) expect(earlierTemplates.has(t), t).toBe(false);
    }
  });

  it(`keeps the ${s.version} locale and template definitions as frozen before any tuning on them`, async () => {
    // Recorded when the split was fixed; a change here means a new split, not an edit.
    expect(await sha256(JSON.stringify({ locales: s.specs, families: s.families }))).toBe(s.definitionsSha256);
  });

  it(`generates the same texts for the same seed, only from ${s.version} locales and families, with consistent spans`, async () => {
    await expectDeterministic(s);
  });
}

function expectHandWritten(spec: LocaleSpecV3, units: boolean): void {
  expect(distinct(spec.male), spec.locale).toBeGreaterThanOrEqual(12);
  expect(distinct(spec.female), spec.locale).toBeGreaterThanOrEqual(12);
  expect(distinct([...spec.male, ...spec.female]), spec.locale).toBeGreaterThanOrEqual(25);
  expect(distinct(spec.surnames), spec.locale).toBeGreaterThanOrEqual(25);
  expect(distinct(spec.cities), spec.locale).toBeGreaterThanOrEqual(8);
  expect(distinct(spec.streets), spec.locale).toBeGreaterThanOrEqual(8);
  expect(spec.postcodes.length, spec.locale).toBeGreaterThan(0);
  expect(spec.streetFormats.length, spec.locale).toBeGreaterThanOrEqual(3);
  if (units) expect(spec.units.length, spec.locale).toBeGreaterThan(0);
  expect(
    spec.phones.some((p) => p.startsWith('+')),
    `${spec.locale} international phone`,
  ).toBe(true);
  expect(
    spec.phones.some((p) => !p.startsWith('+')),
    `${spec.locale} national phone`,
  ).toBe(true);
  expect(
    spec.phones.some((p) => /(\bext\.?|\bx) ?#/i.test(p)),
    `${spec.locale} phone with extension`,
  ).toBe(true);
}

async function expectDeterministic(s: FrozenSplit): Promise<void> {
  const familyNames = new Set(s.families.map((f) => f.name));
  const a = generate(s.split, 400, s.seed);
  const b = generate(s.split, 400, s.seed);
  expect(await sha256(JSON.stringify(a))).toBe(await sha256(JSON.stringify(b)));
  expect(await sha256(JSON.stringify(generate(s.split, 400, s.seed + 1)))).not.toBe(await sha256(JSON.stringify(a)));
  for (const sample of a) {
    expect(s.locales).toContain(sample.locale);
    expect(familyNames.has(sample.family)).toBe(true);
    expect(s.groups[sample.group]).toContain(sample.locale);
    for (const sp of sample.spans) expect(sample.full_text.slice(sp.start_position, sp.end_position)).toBe(sp.entity_value);
  }
  // The split covers every locale and family, and names, addresses, phones and e-mails in each family.
  const big = generate(s.split, s.count, s.seed);
  if (s.setSha256) expect(await sha256(JSON.stringify(big))).toBe(s.setSha256);
  expect(new Set(big.map((x) => x.locale)).size).toBe(s.locales.length);
  for (const f of s.families) {
    const types = new Set(big.filter((x) => x.family === f.name).flatMap((x) => x.spans.map((sp) => sp.entity_type)));
    for (const t of ['PERSON', 'PHONE_NUMBER', 'EMAIL_ADDRESS', 'STREET_ADDRESS']) expect(types.has(t), `${f.name} ${t}`).toBe(true);
  }
}

/**
 * Synthetic presidio-research format samples: `{full_text, spans, locale, group, family, split}`.
 * Deterministic for a given seed, split and count (faker is pinned to an exact version).
 */
import { ALL_LOCALES, DEV_LOCALES, HELD_LOCALES, V2_LOCALES, fnv1a, groupOf, localeSource, type LocaleSource } from './locales';
import { FAMILIES, type Family } from './templates';
import { FAMILIES_V2 } from './templates-v2';
import { V3_LOCALES, groupOfV3, isV3Locale, v3Source } from './custom-locales-v3';
import { FAMILIES_V3 } from './templates-v3';
import { V4_LOCALES, groupOfV4, isV4Locale, v4Source } from './custom-locales-v4';
import { FAMILIES_V4 } from './templates-v4';
import { V5_LOCALES, groupOfV5, isV5Locale, v5Source } from './custom-locales-v5';
import { FAMILIES_V5 } from './templates-v5';
import { V6_LOCALES, groupOfV6, isV6Locale, v6Source } from './custom-locales-v6';
import { FAMILIES_V6 } from './templates-v6';
import { V7_LOCALES, groupOfV7, isV7Locale, v7Source } from './custom-locales-v7';
import { FAMILIES_V7 } from './templates-v7';
import { V8_LOCALES, groupOfV8, isV8Locale, v8Source } from './custom-locales-v8';
import { FAMILIES_V8 } from './templates-v8';
import * as V from './values';
import type { Piece } from './values';

export interface GenSpan {
  entity_type: string;
  entity_value: string;
  start_position: number;
  end_position: number;
}
export interface GenSample {
  full_text: string;
  spans: GenSpan[];
  locale: string;
  group: string;
  family: string;
  template: number;
}

function heldOutFamilies(): Set<string> {
  const n = Math.ceil(FAMILIES.length / 3);
  const sorted = [...FAMILIES].sort((a, b) => fnv1a(`shield-split-v1:${a.name}`) - fnv1a(`shield-split-v1:${b.name}`));
  return new Set(sorted.slice(0, n).map((f) => f.name));
}
export const HELD_OUT_FAMILIES: ReadonlySet<string> = heldOutFamilies();
export const DEV_FAMILIES: Family[] = FAMILIES.filter((f) => !HELD_OUT_FAMILIES.has(f.name));
export const HELD_FAMILIES: Family[] = FAMILIES.filter((f) => HELD_OUT_FAMILIES.has(f.name));

/**
 * dev: v1 development locales × development families; heldout: v1 held-out locales × held-out families
 * (scored once; development data since); heldout-v2: v2 locales × v2 families (locales.ts,
 * templates-v2.ts; scored once, development data since); heldout-v3: v3 locales × v3 families
 * (custom-locales-v3.ts, templates-v3.ts; scored once, development data since); heldout-v4: v4 locales ×
 * v4 families (custom-locales-v4.ts, templates-v4.ts; scored once, development data since); heldout-v5:
 * v5 locales × v5 families (custom-locales-v5.ts, templates-v5.ts; scored once, development data since);
 * heldout-v6: v6 locales × v6 families (custom-locales-v6.ts, templates-v6.ts; scored once, development
 * data since); heldout-v7: v7 locales × v7 families (custom-locales-v7.ts, templates-v7.ts; scored once,
 * development data since); heldout-v8: v8 locales × v8 families (custom-locales-v8.ts, templates-v8.ts),
 * the held-out set now;
 * all-v1: every v1 locale × every v1 family (training data).
 */
export type Split =
  | 'dev'
  | 'heldout'
  | 'heldout-locales'
  | 'heldout-families'
  | 'heldout-v2'
  | 'heldout-v3'
  | 'heldout-v4'
  | 'heldout-v5'
  | 'heldout-v6'
  | 'heldout-v7'
  | 'heldout-v8'
  | 'all-v1';

/** The v3 set's seed and size, as fixed for its report (development data since). */
export const HELDOUT_V3_SEED = 20261207;
export const HELDOUT_V3_COUNT = 2000;

/** The v4 set's seed and size, as fixed for its report (development data since). */
export const HELDOUT_V4_SEED = 20261208;
export const HELDOUT_V4_COUNT = 2000;

/** The v5 set's seed and size, as fixed for its report (development data since). */
export const HELDOUT_V5_SEED = 20261209;
export const HELDOUT_V5_COUNT = 2000;

/** The v6 set's seed and size, as fixed for its report (development data since). */
export const HELDOUT_V6_SEED = 20261210;
export const HELDOUT_V6_COUNT = 2000;

/** The v7 set's seed and size, as fixed for its report (development data since). */
export const HELDOUT_V7_SEED = 20261211;
export const HELDOUT_V7_COUNT = 2000;

/** The held-out v8 set: seed and size, fixed before any tuning on it (as v7's were). */
export const HELDOUT_V8_SEED = 20261212;
export const HELDOUT_V8_COUNT = 2000;

const V8_FAMILY_NAMES = new Set(FAMILIES_V8.map((f) => f.name));

/** Throws when v8 locales or families would reach training, cross-validation or a threshold sweep. */
export function assertNotHeldOutV8(items: ReadonlyArray<{ locale?: string; family?: string }>): void {
  for (const it of items)
    if ((it.locale && isV8Locale(it.locale)) || (it.family && V8_FAMILY_NAMES.has(it.family)))
      throw new Error(`held-out v8 data (${it.locale ?? ''} ${it.family ?? ''}) is for the final score only: never train, tune or sweep on it`);
}

function partsOf(split: Split): { locales: string[]; families: Family[] } {
  switch (split) {
    case 'dev':
      return { locales: DEV_LOCALES, families: DEV_FAMILIES };
    case 'heldout':
      return { locales: HELD_LOCALES, families: HELD_FAMILIES };
    case 'heldout-locales':
      return { locales: HELD_LOCALES, families: DEV_FAMILIES };
    case 'heldout-families':
      return { locales: DEV_LOCALES, families: HELD_FAMILIES };
    case 'heldout-v2':
      return { locales: V2_LOCALES, families: FAMILIES_V2 };
    case 'heldout-v3':
      return { locales: V3_LOCALES, families: FAMILIES_V3 };
    case 'heldout-v4':
      return { locales: V4_LOCALES, families: FAMILIES_V4 };
    case 'heldout-v5':
      return { locales: V5_LOCALES, families: FAMILIES_V5 };
    case 'heldout-v6':
      return { locales: V6_LOCALES, families: FAMILIES_V6 };
    case 'heldout-v7':
      return { locales: V7_LOCALES, families: FAMILIES_V7 };
    case 'heldout-v8':
      return { locales: V8_LOCALES, families: FAMILIES_V8 };
    case 'all-v1':
      return { locales: ALL_LOCALES, families: FAMILIES };
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Context {
  private people = new Map<number, V.Person>();
  private cache = new Map<string, Piece[]>();
  constructor(readonly src: LocaleSource) {}

  person(k: number): V.Person {
    let p = this.people.get(k);
    if (!p) this.people.set(k, (p = V.makePerson(this.src)));
    return p;
  }

  slot(name: string): Piece[] {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const value = this.make(name);
    this.cache.set(name, value);
    return value;
  }

  private make(slot: string): Piece[] {
    const f = this.src.faker;
    const m = /^([a-z_]+?)(\d?)$/.exec(slot)!;
    const base = m[1];
    const k = m[2] ? Number(m[2]) : 1;
    switch (base) {
      case 'name':
        return V.fullName(f, this.person(k));
      case 'first':
        return V.nameOnly(f, this.person(k).first);
      case 'last':
        return V.nameOnly(f, this.person(k).last);
      case 'tname':
        return V.titledName(f, this.person(k));
      case 'email':
        return V.email(f, this.person(k));
      case 'phone':
        return V.phone(this.src);
      case 'addr':
        return V.fullAddress(this.src, false);
      case 'addr_ml':
        return V.fullAddress(this.src, true);
      case 'street':
        return V.streetLine(this.src);
      case 'unit':
        return V.secondaryUnit(this.src);
      case 'city':
        return [{ text: this.src.city(), type: 'LOCATION' }];
      case 'zip':
        return [{ text: this.src.postcode(), type: 'ADDRESS' }];
      case 'country':
        return [{ text: this.src.country(), type: 'LOCATION' }];
      case 'card':
        return V.cardNumber(f);
      case 'iban':
        return V.iban(f);
      case 'ssn':
        return V.ssn(f);
      case 'ip':
        return V.ipAddress(f);
      case 'company':
        return V.company(f);
      case 'product':
        return V.product(f);
      case 'job':
        return V.jobTitle(f);
      case 'date':
        return V.dateText(f);
      case 'money':
        return V.money(f);
      case 'order':
        return V.orderId(f);
      case 'time':
        return V.timeText(f);
      case 'host':
        return V.hostname(f);
      default:
        throw new Error(`unknown slot {${slot}}`);
    }
  }
}

const SLOT = /\{([a-z_]+\d?)\}/g;

export function renderTemplate(template: string, ctx: Context, lower: boolean): { text: string; spans: GenSpan[] } {
  let text = '';
  const spans: GenSpan[] = [];
  const low = (s: string) => (lower ? s.toLowerCase() : s);
  let at = 0;
  for (const m of template.matchAll(SLOT)) {
    text += low(template.slice(at, m.index));
    at = m.index + m[0].length;
    for (const piece of ctx.slot(m[1])) {
      const t = low(piece.text);
      if (piece.type) spans.push({ entity_type: piece.type, entity_value: t, start_position: text.length, end_position: text.length + t.length });
      text += t;
    }
  }
  text += low(template.slice(at));
  return { text, spans };
}

export function generate(split: Split, count: number, seed: number): GenSample[] {
  const { locales, families } = partsOf(split);
  return samplesOf(locales, families, count, seed ^ fnv1a(split));
}

/**
 * Samples of the given locales and families (training, cross-validation folds, threshold sweeps); the
 * held-out v8 locales and families are refused here and reachable only through generate('heldout-v8').
 */
export function generateFrom(locales: string[], families: Family[], count: number, seed: number): GenSample[] {
  assertNotHeldOutV8([...locales.map((locale) => ({ locale })), ...families.map((f) => ({ family: f.name }))]);
  return samplesOf(locales, families, count, seed);
}

/** Each split's hand-written locales: how to tell one, make its values and name its group; v1 and v2 locales are faker's (locales.ts). */
const CUSTOM_LOCALES = [
  { is: isV8Locale, source: v8Source, group: groupOfV8 },
  { is: isV7Locale, source: v7Source, group: groupOfV7 },
  { is: isV6Locale, source: v6Source, group: groupOfV6 },
  { is: isV5Locale, source: v5Source, group: groupOfV5 },
  { is: isV4Locale, source: v4Source, group: groupOfV4 },
  { is: isV3Locale, source: v3Source, group: groupOfV3 },
];
const FAKER_LOCALES = { source: localeSource, group: groupOf };

function localeKit(locale: string): { source: typeof localeSource; group: (locale: string) => string } {
  return CUSTOM_LOCALES.find((k) => k.is(locale)) ?? FAKER_LOCALES;
}

function samplesOf(locales: string[], families: Family[], count: number, seed: number): GenSample[] {
  const rand = mulberry32(seed);
  const out: GenSample[] = [];
  for (let i = 0; i < count; i++) {
    const locale = locales[Math.floor(rand() * locales.length)];
    const family = families[Math.floor(rand() * families.length)];
    const template = Math.floor(rand() * family.templates.length);
    const kit = localeKit(locale);
    const src = kit.source(locale, Math.floor(rand() * 2 ** 31));
    const lower = rand() < family.lower;
    const { text, spans } = renderTemplate(family.templates[template], new Context(src), lower);
    const group = kit.group(locale);
    out.push({ full_text: text, spans, locale, group, family: family.name, template });
  }
  return out;
}

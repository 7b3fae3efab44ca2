/**
 * Locales of the synthetic PII texts, their groups and the development / held-out split.
 *
 * The split is fixed up front: in every group a third of the locales (rounded up) is held out, first the
 * ones named in the evaluation plan (is, et, ja, nl_BE, fi, tr, vi), then the lowest FNV-1a hashes of
 * `shield-split-v1:<locale>`. Held-out locales are never looked at while tuning the detectors and never
 * used for training; they are scored once, for the report.
 */
import * as F from '@faker-js/faker';
import type { Faker } from '@faker-js/faker';
import { CUSTOM_LOCALES, type CustomLocale } from './custom-locales';

export const LOCALE_GROUPS: Record<string, string[]> = {
  anglo: ['en_US', 'en_GB', 'en_AU', 'en_AU_ocker', 'en_CA', 'en_IE', 'en_ZA', 'cy'],
  west_europe: ['de', 'de_AT', 'de_CH', 'nl', 'nl_BE', 'fr', 'fr_BE', 'fr_CA', 'fr_CH', 'fr_LU', 'it', 'es', 'pt_PT', 'eo'],
  nordic: ['da', 'sv', 'nb_NO', 'fi', 'is'],
  east_europe: ['cs_CZ', 'sk', 'pl', 'hu', 'hr', 'sl_SI', 'sr_RS_latin', 'ro', 'ro_MD', 'lv', 'et', 'ru', 'uk', 'mk', 'el'],
  turkic: ['tr', 'az', 'uz_UZ_latin', 'ku_kmr_latin'],
  africa: ['af_ZA', 'zu_ZA', 'yo_NG', 'en_NG', 'en_GH', 'fr_SN'],
  asia: ['vi', 'id_ID', 'en_IN', 'en_NP', 'en_HK', 'ja_Latn'],
  latam: ['es_MX', 'pt_BR'],
};

const PLANNED_HELD_OUT = new Set(['is', 'et', 'ja_Latn', 'nl_BE', 'fi', 'tr', 'vi']);

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function heldOutOf(locales: string[]): string[] {
  const n = Math.ceil(locales.length / 3);
  const planned = locales.filter((l) => PLANNED_HELD_OUT.has(l));
  const rest = locales
    .filter((l) => !PLANNED_HELD_OUT.has(l))
    .sort((a, b) => fnv1a(`shield-split-v1:${a}`) - fnv1a(`shield-split-v1:${b}`));
  return [...planned, ...rest].slice(0, Math.max(n, planned.length));
}

export const HELD_OUT_LOCALES: ReadonlySet<string> = new Set(Object.values(LOCALE_GROUPS).flatMap(heldOutOf));
export const ALL_LOCALES: string[] = Object.values(LOCALE_GROUPS).flat();
export const DEV_LOCALES: string[] = ALL_LOCALES.filter((l) => !HELD_OUT_LOCALES.has(l));
export const HELD_LOCALES: string[] = ALL_LOCALES.filter((l) => HELD_OUT_LOCALES.has(l));

export function groupOf(locale: string): string {
  for (const [g, ls] of Object.entries(LOCALE_GROUPS)) if (ls.includes(locale)) return g;
  throw new Error(`unknown locale ${locale}`);
}

/** Countries whose addresses put the postcode before the city ("1011 AB Amsterdam"). */
const POSTCODE_FIRST = new Set([
  'de',
  'de_AT',
  'de_CH',
  'nl',
  'nl_BE',
  'fr',
  'fr_BE',
  'fr_CH',
  'fr_LU',
  'it',
  'es',
  'pt_PT',
  'da',
  'sv',
  'nb_NO',
  'fi',
  'is',
  'cs_CZ',
  'sk',
  'pl',
  'hu',
  'hr',
  'sl_SI',
  'sr_RS_latin',
  'ro',
  'ro_MD',
  'lv',
  'et',
  'tr',
  'el',
  'eo',
]);

/** Country name written at the end of a full address, in the locale's own language where easy. */
const COUNTRY: Record<string, string> = {
  en_US: 'USA',
  en_GB: 'United Kingdom',
  en_AU: 'Australia',
  en_AU_ocker: 'Australia',
  en_CA: 'Canada',
  en_IE: 'Ireland',
  en_ZA: 'South Africa',
  cy: 'Wales',
  de: 'Deutschland',
  de_AT: 'Österreich',
  de_CH: 'Schweiz',
  nl: 'Nederland',
  nl_BE: 'België',
  fr: 'France',
  fr_BE: 'Belgique',
  fr_CA: 'Canada',
  fr_CH: 'Suisse',
  fr_LU: 'Luxembourg',
  it: 'Italia',
  es: 'España',
  pt_PT: 'Portugal',
  eo: 'Esperantujo',
  da: 'Danmark',
  sv: 'Sverige',
  nb_NO: 'Norge',
  fi: 'Suomi',
  is: 'Iceland',
  cs_CZ: 'Česká republika',
  sk: 'Slovensko',
  pl: 'Polska',
  hu: 'Magyarország',
  hr: 'Hrvatska',
  sl_SI: 'Slovenija',
  sr_RS_latin: 'Srbija',
  ro: 'România',
  ro_MD: 'Moldova',
  lv: 'Latvija',
  et: 'Estonia',
  ru: 'Russia',
  uk: 'Ukraine',
  mk: 'North Macedonia',
  el: 'Greece',
  tr: 'Türkiye',
  az: 'Azərbaycan',
  uz_UZ_latin: 'Oʻzbekiston',
  ku_kmr_latin: 'Kurdistan',
  af_ZA: 'Suid-Afrika',
  zu_ZA: 'South Africa',
  yo_NG: 'Nigeria',
  en_NG: 'Nigeria',
  en_GH: 'Ghana',
  fr_SN: 'Sénégal',
  vi: 'Việt Nam',
  id_ID: 'Indonesia',
  en_IN: 'India',
  en_NP: 'Nepal',
  en_HK: 'Hong Kong',
  ja_Latn: 'Japan',
  es_MX: 'México',
  pt_BR: 'Brasil',
};

// Faker locales written in Cyrillic or Greek are transliterated: the texts stay in Latin script.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', ѓ: 'gj', е: 'e', є: 'ye', ё: 'yo', ж: 'zh', з: 'z', ѕ: 'dz', и: 'i', і: 'i',
  ї: 'yi', й: 'y', ј: 'j', к: 'k', ќ: 'kj', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', џ: 'dzh', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
}; // prettier-ignore
const GREEK: Record<string, string> = {
  α: 'a', ά: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', έ: 'e', ζ: 'z', η: 'i', ή: 'i', θ: 'th', ι: 'i', ί: 'i', ϊ: 'i', ΐ: 'i',
  κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', ό: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', ύ: 'y', ϋ: 'y',
  φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o', ώ: 'o',
}; // prettier-ignore

export function transliterate(s: string): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const t = CYRILLIC[lower] ?? GREEK[lower];
    if (t === undefined) out += ch;
    else out += ch !== lower && t.length > 0 ? t[0].toUpperCase() + t.slice(1) : t;
  }
  return out;
}
const TRANSLITERATED = new Set(['ru', 'uk', 'mk', 'el']);

/** What a template needs from a locale; faker-backed or one of the project's own small locales. */
export interface LocaleSource {
  locale: string;
  faker: Faker; // seeded per sample; used for randomness and locale-independent values
  firstName(): string;
  lastName(): string;
  prefix(): string | null;
  buildingStreet(): string; // "Lucielaan 605b", "123 Main Street"
  secondary(): string | null; // "Apt. 611", "2e verdieping"
  city(): string;
  state(): string | null;
  postcode(): string;
  country(): string;
  phone(): string;
  postcodeFirst: boolean;
  nationalPhoneRegion: string | null; // libphonenumber region for generated national numbers
}

/** faker's export for a locale: fakerDE_AT, fakerSR_RS_latin, fakerKU_kmr_latin (matched without case). */
function fakerFor(locale: string): Faker | undefined {
  const want = `faker${locale}`.replace(/_/g, '').toLowerCase();
  const key = Object.keys(F).find((k) => k.replace(/_/g, '').toLowerCase() === want);
  return key ? (F as unknown as Record<string, Faker>)[key] : undefined;
}

const REGION: Record<string, string> = {
  en_US: 'US', en_GB: 'GB', en_AU: 'AU', en_AU_ocker: 'AU', en_CA: 'CA', en_IE: 'IE', en_ZA: 'ZA', cy: 'GB', de: 'DE',
  de_AT: 'AT', de_CH: 'CH', nl: 'NL', nl_BE: 'BE', fr: 'FR', fr_BE: 'BE', fr_CA: 'CA', fr_CH: 'CH', fr_LU: 'LU', it: 'IT',
  es: 'ES', pt_PT: 'PT', da: 'DK', sv: 'SE', nb_NO: 'NO', fi: 'FI', is: 'IS', cs_CZ: 'CZ', sk: 'SK', pl: 'PL', hu: 'HU',
  hr: 'HR', sl_SI: 'SI', sr_RS_latin: 'RS', ro: 'RO', ro_MD: 'MD', lv: 'LV', et: 'EE', ru: 'RU', uk: 'UA', mk: 'MK',
  el: 'GR', tr: 'TR', az: 'AZ', uz_UZ_latin: 'UZ', ku_kmr_latin: 'IQ', af_ZA: 'ZA', zu_ZA: 'ZA', yo_NG: 'NG', en_NG: 'NG',
  en_GH: 'GH', fr_SN: 'SN', vi: 'VN', id_ID: 'ID', en_IN: 'IN', en_NP: 'NP', en_HK: 'HK', ja_Latn: 'JP', es_MX: 'MX',
  pt_BR: 'BR',
}; // prettier-ignore

function fakerSource(locale: string, seed: number): LocaleSource {
  const f = fakerFor(locale);
  if (!f) throw new Error(`faker has no locale ${locale}`);
  f.seed(seed);
  const tr = TRANSLITERATED.has(locale) ? transliterate : (s: string) => s;
  const opt = (fn: () => string): string | null => {
    try {
      return tr(fn());
    } catch {
      return null;
    }
  };
  return {
    locale,
    faker: f,
    firstName: () => tr(f.person.firstName()),
    lastName: () => tr(f.person.lastName()),
    prefix: () => opt(() => f.person.prefix()),
    buildingStreet: () => tr(f.location.streetAddress(false)),
    secondary: () => opt(() => f.location.secondaryAddress()),
    city: () => tr(f.location.city()),
    state: () => opt(() => f.location.state({ abbreviated: locale === 'en_US' || locale === 'en_CA' || locale === 'en_AU' })),
    postcode: () => opt(() => f.location.zipCode()) ?? String(f.number.int({ min: 10000, max: 99999 })),
    country: () => COUNTRY[locale],
    phone: () => tr(f.phone.number()),
    postcodeFirst: POSTCODE_FIRST.has(locale),
    nationalPhoneRegion: REGION[locale] ?? null,
  };
}

function customSource(c: CustomLocale, seed: number): LocaleSource {
  const f = F.fakerEN;
  f.seed(seed);
  const pick = <T>(xs: readonly T[]) => f.helpers.arrayElement(xs);
  return {
    locale: c.locale,
    faker: f,
    firstName: () => c.firstName(pick),
    lastName: () => c.lastName(pick),
    prefix: () => null,
    buildingStreet: () => c.street(pick, f),
    secondary: () => (c.secondary ? c.secondary(pick, f) : null),
    city: () => pick(c.cities),
    state: () => null,
    postcode: () => f.helpers.replaceSymbols(c.postcodeFormat),
    country: () => COUNTRY[c.locale],
    phone: () => f.helpers.replaceSymbols(pick(c.phoneFormats)),
    postcodeFirst: POSTCODE_FIRST.has(c.locale),
    nationalPhoneRegion: REGION[c.locale] ?? null,
  };
}

export function localeSource(locale: string, seed: number): LocaleSource {
  const custom = CUSTOM_LOCALES.find((c) => c.locale === locale);
  return custom ? customSource(custom, seed) : fakerSource(locale, seed);
}

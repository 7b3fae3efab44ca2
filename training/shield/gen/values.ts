/**
 * Values for the template slots: people, addresses, phones, cards, IBANs, SSNs, IPs, e-mails, and
 * non-personal fillers (companies, products, dates, amounts, ids). A value is a list of pieces; a piece
 * with a type becomes a gold span (presidio-research entity types).
 *
 * Card numbers come from this file's own issuer table (not from the detector's), so the evaluation does
 * not share the detector's assumptions.
 */
import { getExampleNumber, isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import type { Faker } from '@faker-js/faker';
import type { LocaleSource } from './locales';

export interface Piece {
  text: string;
  type?: string;
}

export interface Person {
  first: string;
  last: string;
  middleInitial: string;
  second?: string; // second surname (Spanish, Portuguese)
  prefix: string | null;
}

const TWO_SURNAMES = new Set(['es', 'es_MX', 'pt_BR', 'pt_PT']);

export function makePerson(src: LocaleSource): Person {
  const f = src.faker;
  const first = src.firstName();
  const last = src.lastName();
  const second = TWO_SURNAMES.has(src.locale) && f.datatype.boolean(0.5) ? src.lastName() : undefined;
  return { first, last, second, middleInitial: f.string.alpha({ length: 1, casing: 'upper' }), prefix: src.prefix() };
}

const maybeLower = (f: Faker, s: string) => (f.datatype.boolean(0.04) ? s.toLowerCase() : s);

/** A full-name mention in one of the written forms people use. */
export function fullName(f: Faker, p: Person): Piece[] {
  const last = p.second ? `${p.last} ${p.second}` : p.last;
  const r = f.number.float({ min: 0, max: 1 });
  let text: string;
  if (r < 0.7) text = `${p.first} ${last}`;
  else if (r < 0.8) text = `${p.first} ${p.middleInitial}. ${last}`;
  else if (r < 0.85) text = `${p.first} ${p.middleInitial} ${last}`;
  else if (r < 0.9) text = `${p.first[0]}. ${last}`;
  else if (r < 0.95) text = `${last}, ${p.first}`;
  else text = `${p.first} ${last}`.toUpperCase();
  return [{ text: maybeLower(f, text), type: 'PERSON' }];
}

export function titledName(f: Faker, p: Person): Piece[] {
  const title = p.prefix ?? f.helpers.arrayElement(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mr', 'Ms', 'Dr']);
  const name = f.datatype.boolean(0.5) ? p.last : `${p.first} ${p.last}`;
  return [{ text: `${title} ` }, { text: maybeLower(f, name), type: 'PERSON' }];
}

export const nameOnly = (f: Faker, s: string): Piece[] => [{ text: maybeLower(f, s), type: 'PERSON' }];

/* ---------- addresses ---------- */

function military(src: LocaleSource): Piece[] {
  const f = src.faker;
  const d = (n: number) => f.string.numeric({ length: n, allowLeadingZeros: true });
  const state = f.helpers.arrayElement(['AA', 'AE', 'AP']);
  const zip = state === 'AA' ? `340${d(2)}` : state === 'AE' ? `09${d(3)}` : `96${f.number.int({ min: 200, max: 699 })}`;
  const sep = f.helpers.arrayElement(['\n', ', ', ' ']);
  const r = f.number.int({ min: 0, max: 3 });
  let text: string;
  if (r === 0) text = `PSC ${d(4)}, Box ${d(4)}${sep}APO ${state} ${zip}`;
  else if (r === 1) text = `Unit ${d(4)} Box ${d(4)}${sep}DPO ${state} ${zip}`;
  else if (r === 2) text = `${f.helpers.arrayElement(['USNS', 'USS', 'USCGC', 'USNV'])} ${f.person.lastName()}${sep}FPO ${state} ${zip}`;
  else text = `PSC ${d(4)}, Box ${d(4)}${sep}FPO ${state} ${zip}`;
  return [{ text, type: 'STREET_ADDRESS' }];
}

/** The street line alone: "605b Lucielaan", "123 Main Street". */
export function streetLine(src: LocaleSource): Piece[] {
  return [{ text: src.buildingStreet(), type: 'STREET_ADDRESS' }];
}

export function secondaryUnit(src: LocaleSource): Piece[] {
  const f = src.faker;
  const own = src.secondary();
  const text =
    own && f.datatype.boolean(0.6)
      ? own
      : `${f.helpers.arrayElement(['Apt.', 'Apt', 'apt.', 'Suite', 'Ste', 'Ste.', 'Unit', '#', 'Flat', 'Floor', 'Room'])} ${f.number.int({ min: 1, max: 999 }).toString().padStart(f.datatype.boolean(0.3) ? 3 : 1, '0')}`;
  return [{ text, type: 'STREET_ADDRESS' }];
}

/** A full postal address (street, unit, city, state, postcode, country), inline or over lines. */
export function fullAddress(src: LocaleSource, multiline: boolean): Piece[] {
  const f = src.faker;
  if (src.locale.startsWith('en_US') && f.datatype.boolean(0.12)) return military(src);
  if (f.datatype.boolean(0.02)) return military(src);
  const sep = multiline ? '\n' : ', ';
  const out: Piece[] = [...streetLine(src)];
  if (f.datatype.boolean(0.35)) out.push({ text: multiline && f.datatype.boolean(0.5) ? '\n' : f.helpers.arrayElement([', ', ' ']) }, ...secondaryUnit(src));
  out.push({ text: sep });
  const city: Piece = { text: src.city(), type: 'LOCATION' };
  const zip: Piece = { text: src.postcode(), type: 'ADDRESS' };
  const state = src.state();
  if (src.postcodeFirst) out.push(zip, { text: ' ' }, city);
  else {
    out.push(city);
    if (state && f.datatype.boolean(0.8)) out.push({ text: ', ' }, { text: state, type: 'LOCATION' });
    out.push({ text: f.datatype.boolean(0.85) ? ' ' : ', ' }, zip);
  }
  if (f.datatype.boolean(0.3)) out.push({ text: sep }, { text: src.country(), type: 'LOCATION' });
  return out;
}

/* ---------- phones ---------- */

const EXT_FORMS = [' x', ' ext. ', ' ext ', ' Ext. ', ', ext. ', ' #', ' extension '];

export function phone(src: LocaleSource): Piece[] {
  const f = src.faker;
  let text: string;
  const region = src.nationalPhoneRegion as CountryCode | null;
  if (region && f.datatype.boolean(0.6)) text = libPhone(f, region) ?? src.phone();
  else text = src.phone();
  if (!/x|ext/i.test(text) && f.datatype.boolean(0.08)) text += f.helpers.arrayElement(EXT_FORMS) + f.string.numeric({ length: { min: 2, max: 4 } });
  return [{ text, type: 'PHONE_NUMBER' }];
}

/** A valid number for the region, written nationally or internationally. */
function libPhone(f: Faker, region: CountryCode): string | null {
  const example = getExampleNumber(region, examples);
  if (!example) return null;
  const nsn = example.nationalNumber as string;
  for (let tries = 0; tries < 8; tries++) {
    const keep = Math.min(nsn.length - 3, f.number.int({ min: 2, max: 4 }));
    const candidate = nsn.slice(0, keep) + f.string.numeric({ length: nsn.length - keep, allowLeadingZeros: true });
    const parsed = parsePhoneNumberFromString(candidate, region);
    if (!parsed || !isValidPhoneNumber(candidate, region)) continue;
    const form = f.helpers.arrayElement(['NATIONAL', 'NATIONAL', 'INTERNATIONAL', 'INTERNATIONAL', 'E.164'] as const);
    let s = parsed.format(form);
    if (form === 'INTERNATIONAL' && f.datatype.boolean(0.2)) s = s.replace(/^\+/, '00');
    if (f.datatype.boolean(0.15)) s = s.replace(/ /g, f.helpers.arrayElement(['-', '.']));
    return s;
  }
  return null;
}

/* ---------- cards ---------- */

interface Issuer {
  name: string;
  prefixes: Array<[number, number]>; // inclusive ranges of leading digits
  lengths: number[];
  luhn: boolean;
}
const ISSUERS: Issuer[] = [
  { name: 'visa', prefixes: [[4, 4]], lengths: [16, 16, 16, 13, 19], luhn: true },
  { name: 'mastercard', prefixes: [[51, 55], [2221, 2720]], lengths: [16], luhn: true },
  { name: 'amex', prefixes: [[34, 34], [37, 37]], lengths: [15], luhn: true },
  { name: 'discover', prefixes: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: [16, 16, 19], luhn: true },
  { name: 'jcb', prefixes: [[3528, 3589]], lengths: [16, 16, 19], luhn: true },
  { name: 'jcb15', prefixes: [[2131, 2131], [1800, 1800]], lengths: [15], luhn: true },
  { name: 'diners', prefixes: [[300, 305], [36, 36], [38, 39]], lengths: [14, 14, 16], luhn: true },
  { name: 'maestro', prefixes: [[5018, 5018], [5020, 5020], [5038, 5038], [5893, 5893], [6304, 6304], [6759, 6759], [6761, 6763]], lengths: [12, 13, 16, 19], luhn: true },
  { name: 'unionpay', prefixes: [[62, 62]], lengths: [16, 19], luhn: true },
  { name: 'rupay', prefixes: [[60, 60], [81, 82], [508, 508]], lengths: [16], luhn: true },
  { name: 'mir', prefixes: [[2200, 2204]], lengths: [16], luhn: true },
]; // prettier-ignore

function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function cardNumber(f: Faker): Piece[] {
  const issuer = f.helpers.arrayElement(ISSUERS);
  const [lo, hi] = f.helpers.arrayElement(issuer.prefixes);
  const prefix = String(f.number.int({ min: lo, max: hi }));
  const len = f.helpers.arrayElement(issuer.lengths);
  const body = prefix + f.string.numeric({ length: len - 1 - prefix.length, allowLeadingZeros: true });
  const digits = body + luhnDigit(body);
  const sep = f.helpers.arrayElement(['', ' ', ' ', '-', '-', '.']);
  let groups: number[];
  if (len === 15 && issuer.name === 'amex') groups = [4, 6, 5];
  else if (len === 14) groups = [4, 6, 4];
  else if (len === 19 && f.datatype.boolean(0.5)) groups = [6, 13];
  else groups = [];
  let text = digits;
  if (sep) {
    const parts: string[] = [];
    if (groups.length) {
      let at = 0;
      for (const g of groups) parts.push(digits.slice(at, (at += g)));
    } else for (let at = 0; at < len; at += 4) parts.push(digits.slice(at, at + 4));
    text = parts.join(sep);
  }
  return [{ text, type: 'CREDIT_CARD' }];
}

/* ---------- other identifiers ---------- */

export function ssn(f: Faker): Piece[] {
  let area: number;
  do area = f.number.int({ min: 1, max: 899 });
  while (area === 666);
  const g = String(f.number.int({ min: 1, max: 99 })).padStart(2, '0');
  const s = String(f.number.int({ min: 1, max: 9999 })).padStart(4, '0');
  const a = String(area).padStart(3, '0');
  const sep = f.helpers.arrayElement(['-', '-', '-', ' ']);
  return [{ text: `${a}${sep}${g}${sep}${s}`, type: 'US_SSN' }];
}

export function iban(f: Faker): Piece[] {
  return [{ text: f.finance.iban({ formatted: f.datatype.boolean(0.5) }), type: 'IBAN_CODE' }];
}

export function ipAddress(f: Faker): Piece[] {
  if (f.datatype.boolean(0.75)) return [{ text: f.internet.ipv4(), type: 'IP_ADDRESS' }];
  let v6 = f.internet.ipv6();
  if (f.datatype.boolean(0.5)) {
    // Compressed form: one run of zero groups written as "::".
    const g = v6.split(':');
    const at = f.number.int({ min: 1, max: 5 });
    const n = f.number.int({ min: 2, max: 3 });
    v6 = `${g.slice(0, at).join(':')}::${g.slice(at + n).join(':')}`.replace(/\b0+(?=[0-9a-f])/g, '');
  }
  return [{ text: v6, type: 'IP_ADDRESS' }];
}

export function email(f: Faker, p: Person | null): Piece[] {
  const text = p && f.datatype.boolean(0.7) ? f.internet.email({ firstName: p.first, lastName: p.last }) : f.internet.email();
  return [{ text: f.datatype.boolean(0.1) ? text.toLowerCase() : text, type: 'EMAIL_ADDRESS' }];
}

/* ---------- non-personal fillers ---------- */

export const company = (f: Faker): Piece[] => [{ text: f.company.name(), type: 'ORGANIZATION' }];
export const product = (f: Faker): Piece[] => [{ text: f.commerce.productName() }];
export const jobTitle = (f: Faker): Piece[] => [{ text: f.person.jobTitle(), type: 'TITLE' }];
export const dateText = (f: Faker): Piece[] => {
  const d = f.date.between({ from: '2019-01-01', to: '2027-12-31' });
  const forms = [
    d.toISOString().slice(0, 10),
    d.toDateString().slice(4),
    `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`,
    `${d.toLocaleString('en-US', { month: 'long' })} ${d.getDate()}, ${d.getFullYear()}`,
  ];
  return [{ text: f.helpers.arrayElement(forms), type: 'DATE_TIME' }];
};
export const money = (f: Faker): Piece[] => [
  { text: f.helpers.arrayElement(['$', '€', '£', '']) + f.finance.amount({ min: 3, max: 4000, dec: 2 }) },
];
export const orderId = (f: Faker): Piece[] => [
  {
    text: f.helpers.arrayElement([
      f.string.numeric({ length: { min: 6, max: 10 } }),
      `${f.string.alpha({ length: 2, casing: 'upper' })}-${f.string.numeric(6)}`,
      f.string.uuid(),
      `#${f.string.numeric(5)}`,
    ]),
  },
];
export const timeText = (f: Faker): Piece[] => [
  { text: `${f.number.int({ min: 0, max: 23 })}:${String(f.number.int({ min: 0, max: 59 })).padStart(2, '0')}` },
];
export const hostname = (f: Faker): Piece[] => [{ text: f.internet.domainName() }];
export const username = (f: Faker): Piece[] => [{ text: f.internet.username() }];

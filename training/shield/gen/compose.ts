/**
 * Compositional training texts for the name tagger (training only, never evaluated): records in random
 * formats with random field labels, and sentences built from random parts, so the tagger learns what a
 * name looks like in many contexts rather than the wording of a few templates. Values come from the
 * same locale sources and value makers as the evaluation sets; the development locales only.
 */
import type { Faker } from '@faker-js/faker';
import type { GenSpan } from './generate';
import { isV3Locale, v3Source } from './custom-locales-v3';
import { isV4Locale, v4Source } from './custom-locales-v4';
import { isV5Locale, v5Source } from './custom-locales-v5';
import { isV6Locale, v6Source } from './custom-locales-v6';
import { isV7Locale, v7Source } from './custom-locales-v7';
import { localeSource, type LocaleSource } from './locales';
import * as V from './values';
import type { Piece } from './values';

type Field = { labels: string[]; value: (c: Ctx) => Piece[] };
interface Ctx {
  src: LocaleSource;
  f: Faker;
  person: V.Person;
  people: V.Person[];
}

const NAME_LABELS = ['name', 'full_name', 'fullName', 'Name', 'customer', 'client', 'person', 'employee', 'nombre', 'nome', 'naam', 'navn', 'nimi', 'imię i nazwisko', 'jméno', 'név', 'contact', 'holder', 'patient', 'owner', 'user', 'passenger', 'member', 'student', 'driver', 'guest', 'beneficiary', 'signed by', 'requested by', 'assignee'];
const FIRST_LABELS = ['first_name', 'firstName', 'First name', 'given name', 'prénom', 'vorname', 'voornaam', 'fornavn', 'etunimi', 'imię', 'nome', 'keresztnév', 'forename'];
const LAST_LABELS = ['last_name', 'lastName', 'Last name', 'surname', 'nom', 'nachname', 'achternaam', 'efternavn', 'sukunimi', 'nazwisko', 'apellido', 'cognome', 'family name'];

const FIELDS: Field[] = [
  { labels: NAME_LABELS, value: (c) => V.fullName(c.f, c.person) },
  { labels: FIRST_LABELS, value: (c) => V.nameOnly(c.f, c.person.first) },
  { labels: LAST_LABELS, value: (c) => V.nameOnly(c.f, c.person.last) },
  { labels: ['email', 'e-mail', 'mail', 'correo', 'courriel'], value: (c) => V.email(c.f, c.person) },
  { labels: ['phone', 'tel', 'mobile', 'telefon', 'téléphone', 'cell', 'contact number'], value: (c) => V.phone(c.src) },
  { labels: ['street', 'address', 'adresse', 'dirección', 'indirizzo', 'straße', 'adres'], value: (c) => V.streetLine(c.src) },
  { labels: ['city', 'town', 'ville', 'stadt', 'ciudad', 'miasto', 'kaupunki'], value: (c) => [{ text: c.src.city(), type: 'LOCATION' }] },
  { labels: ['zip', 'postcode', 'plz', 'cp', 'postal code'], value: (c) => [{ text: c.src.postcode(), type: 'ADDRESS' }] },
  { labels: ['country', 'land', 'pays', 'país'], value: (c) => [{ text: c.src.country(), type: 'LOCATION' }] },
  { labels: ['company', 'employer', 'organisation', 'firma', 'empresa', 'vendor', 'bank'], value: (c) => V.company(c.f) },
  { labels: ['title', 'role', 'position', 'job'], value: (c) => V.jobTitle(c.f) },
  { labels: ['product', 'item', 'sku name', 'plan'], value: (c) => V.product(c.f) },
  { labels: ['date', 'created', 'updated_at', 'dob', 'fecha', 'datum'], value: (c) => V.dateText(c.f) },
  { labels: ['id', 'ref', 'order', 'ticket', 'invoice'], value: (c) => V.orderId(c.f) },
  { labels: ['amount', 'total', 'price', 'balance'], value: (c) => V.money(c.f) },
  { labels: ['status', 'state', 'priority'], value: (c) => [{ text: c.f.helpers.arrayElement(['Open', 'Closed', 'Pending', 'High', 'Low', 'Active', 'Suspended', 'Resolved']) }] },
  { labels: ['team', 'department', 'group'], value: (c) => [{ text: c.f.commerce.department() }] },
  { labels: ['field', 'value', 'col3', 'x', 'data'], value: (c) => V.fullName(c.f, c.person) },
]; // prettier-ignore

function renderRecord(c: Ctx, fields: Array<[string, Piece[]]>, format: number): Piece[] {
  const f = c.f;
  const out: Piece[] = [];
  const q = (p: Piece[]) => p.map((x) => ({ ...x, text: x.text.replace(/"/g, "'") }));
  switch (format) {
    case 0: // JSON
      out.push({ text: '{' });
      fields.forEach(([l, v], i) => out.push({ text: `${i ? ', ' : ''}"${l.replace(/ /g, '_')}": "` }, ...q(v), { text: '"' }));
      out.push({ text: '}' });
      break;
    case 1: // key: value lines
      fields.forEach(([l, v], i) => out.push({ text: `${i ? '\n' : ''}${l}: ` }, ...v));
      break;
    case 2: // CSV with header
      out.push({ text: fields.map(([l]) => l.replace(/ /g, '_')).join(',') + '\n' });
      fields.forEach(([, v], i) => out.push({ text: i ? ',' : '' }, ...v.map((x) => ({ ...x, text: x.text.replace(/,/g, ' ') }))));
      break;
    case 3: // YAML
      fields.forEach(([l, v], i) => out.push({ text: `${i ? '\n' : '- '}${i ? '  ' : ''}${l.replace(/ /g, '_')}: ` }, ...v));
      break;
    case 4: // markdown table
      out.push({ text: `| ${fields.map(([l]) => l).join(' | ')} |\n|${fields.map(() => '---').join('|')}|\n| ` });
      fields.forEach(([, v], i) => out.push({ text: i ? ' | ' : '' }, ...v));
      out.push({ text: ' |' });
      break;
    case 5: // log key=value
      out.push({ text: `${f.date.recent().toISOString()} ${f.helpers.arrayElement(['INFO', 'WARN', 'DEBUG'])} ` });
      fields.forEach(([l, v], i) => out.push({ text: `${i ? ' ' : ''}${l.replace(/ /g, '_')}="` }, ...q(v), { text: '"' }));
      break;
    case 6: // XML
      fields.forEach(([l, v]) => {
        const tag = l.replace(/[^A-Za-z_]/g, '') || 'field';
        out.push({ text: `<${tag}>` }, ...v, { text: `</${tag}>` });
      });
      break;
    default: // values only, separated
      fields.forEach(([, v], i) => out.push({ text: i ? f.helpers.arrayElement([' | ', ', ', '\n', ' – ', '; ']) : '' }, ...v));
  }
  return out;
}

function record(c: Ctx): Piece[] {
  const f = c.f;
  const n = f.number.int({ min: 2, max: 6 });
  const chosen = f.helpers.arrayElements(FIELDS, n);
  const fields: Array<[string, Piece[]]> = chosen.map((fl) => [f.helpers.arrayElement(fl.labels), fl.value(c)]);
  return renderRecord(c, fields, f.number.int({ min: 0, max: 7 }));
}

/* ---------- sentences ---------- */

type Slot = (c: Ctx) => Piece[];
const personRef: Slot = (c) => {
  const f = c.f;
  const r = f.number.int({ min: 0, max: 5 });
  if (r === 0) return V.titledName(f, c.person);
  if (r === 1) return V.nameOnly(f, c.person.first);
  if (r === 2) return V.nameOnly(f, c.person.last);
  return V.fullName(f, c.person);
};
const nonPerson: Slot = (c) => {
  const f = c.f;
  return f.helpers.arrayElement<() => Piece[]>([
    () => V.company(f),
    () => V.product(f),
    () => [{ text: c.src.city(), type: 'LOCATION' }],
    () => [{ text: c.src.country(), type: 'LOCATION' }],
    () => [{ text: f.helpers.arrayElement(['the team', 'our manager', 'the client', 'support', 'Finance', 'Legal', 'HR', 'the Board', 'my landlord', 'the courier']) }],
    () => [{ text: f.date.weekday() }],
    () => [{ text: f.date.month() }],
    () => [{ text: f.music.songName() }],
    () => [{ text: f.vehicle.vehicle() }],
    () => [{ text: f.commerce.department() }],
  ])();
};
const ref: Slot = (c) => (c.f.datatype.boolean(0.6) ? personRef({ ...c, person: c.f.helpers.arrayElement(c.people) }) : nonPerson(c));

const VERBS = ['met', 'called', 'emailed', 'thanked', 'invited', 'replaced', 'interviewed', 'paid', 'visited', 'hired', 'introduced', 'forwarded the file to', 'sat next to', 'asked', 'reminded', 'congratulated', 'blamed', 'waited for', 'helped', 'followed up with', 'will call', 'should contact', 'cannot reach', 'has notified', 'escalated it to', 'assigned the ticket to', 'is replacing', 'mentored', 'recommended', 'texted', 'phoned', 'trained', 'warned', 'booked a room for', 'sent flowers to', 'approved the leave of', 'reviewed the code of', 'signed for', 'owes money to'];
const INTRANS = ['left early', 'is on holiday', 'joined last year', 'signed the form', 'approved it', 'will present', 'moved abroad', 'is out sick', 'has the keys', 'sent the invoice', 'called back', 'booked the flight', 'noticed the outage', 'rolled back the release', 'opened a ticket', 'was promoted', 'retired in June', 'is allergic to nuts', 'lost the badge', 'forgot the password', 'asked for a refund', 'cancelled the order', 'missed the train'];
const PREPS = ['for', 'from', 'with', 'by', 'to', 'about', 'near', 'after', 'before', 'behind', 'like', 'than', 'on behalf of', 'together with', 'instead of', 'except', 'via', 'under', 'against', 'thanks to'];
const NOUNS = ['the account of', 'a message from', 'results for', 'a call with', 'the contract with', 'an invoice for', 'a parcel for', 'the password of', 'a complaint about', 'the file of', 'the visa of', 'a reference for', 'the laptop of', 'a meeting with', 'the salary of', 'the wedding of', 'a gift for', 'the badge of'];
const OPENERS = ['', 'Yesterday ', 'Last week ', 'This morning ', 'On Monday ', 'After lunch ', 'Honestly, ', 'FYI ', 'Btw ', 'As discussed, ', 'Unfortunately ', 'In 2019 ', 'Before the merger ', 'According to the report, ', 'Note: ', 'Update - ', 'Reminder: ', 'PS ', 'At 9:30 ', 'Since March ', 'Per policy, ', 'Sadly ', 'Good news: '];
const ENDINGS = ['.', '.', '.', '!', '?', '', ' :)', '...', ' in the morning.', ' at the airport.', ' before the deadline.', ' on Slack.', ' twice.', ' last night.', ' again.', ', see attached.', ' (urgent).', ' asap'];
const SUBJECTS = ['I', 'We', 'She', 'He', 'They', 'The system', 'Our team', 'Someone', 'Nobody', 'The bank', 'The doctor', 'The agent'];

function sentence(c: Ctx): Piece[] {
  const f = c.f;
  const opener = f.helpers.arrayElement(OPENERS);
  const pp = (): Piece[] => (f.datatype.boolean(0.5) ? [{ text: ` ${f.helpers.arrayElement(PREPS)} ` }, ...ref(c)] : []);
  const end = (): Piece[] => [{ text: f.helpers.arrayElement(ENDINGS) }];
  switch (f.number.int({ min: 0, max: 8 })) {
    case 0:
    case 1:
      return [{ text: opener }, ...ref(c), { text: ` ${f.helpers.arrayElement(VERBS)} ` }, ...ref(c), ...pp(), ...end()];
    case 2:
      return [{ text: opener }, ...ref(c), { text: ` ${f.helpers.arrayElement(INTRANS)}` }, ...pp(), ...end()];
    case 3:
      return [...ref(c), { text: f.helpers.arrayElement(["'s ", '’s ']) + f.helpers.arrayElement(['car', 'laptop', 'address', 'report', 'team', 'birthday', 'flight', 'badge', 'phone']) + ' ' + f.helpers.arrayElement(['is ready', 'was late', 'changed', 'is missing', 'broke']) + '.' }];
    case 4:
      return [...ref(c), { text: f.helpers.arrayElement([', ', ' and ', ' & ', ' or ', ' with ']) }, ...ref(c), { text: f.helpers.arrayElement([' will attend', ' are in copy', ' signed', ' disagree', ' left together']) }, ...end()];
    case 5:
      return [{ text: `${opener}${f.helpers.arrayElement(SUBJECTS)} ${f.helpers.arrayElement(VERBS)} ` }, ...ref(c), ...pp(), ...end()];
    case 6:
      return [{ text: `${opener}${f.helpers.arrayElement(SUBJECTS)} found ${f.helpers.arrayElement(NOUNS)} ` }, ...ref(c), ...pp(), ...end()];
    case 7:
      return [{ text: opener }, ...ref(c), { text: ` was ${f.helpers.arrayElement(['seen', 'paid', 'invited', 'hired', 'replaced', 'contacted', 'reported'])} by ` }, ...ref(c), ...end()];
    default:
      return [{ text: `${f.helpers.arrayElement(['Ask', 'Tell', 'Thank', 'Call', 'Email', 'Invite', 'Ping', 'Remind', 'See'])} ` }, ...ref(c), { text: ` ${f.helpers.arrayElement(['about', 'for', 'regarding'])} the ${f.hacker.noun()}` }, ...end()];
  }
}

function prose(c: Ctx): Piece[] {
  const f = c.f;
  const out: Piece[] = [];
  const n = f.number.int({ min: 1, max: 4 });
  for (let i = 0; i < n; i++) {
    if (i) out.push({ text: f.helpers.arrayElement([' ', ' ', '\n', '\n\n']) });
    out.push(...sentence(c));
  }
  return out;
}

export function composedSample(locale: string, seed: number): { text: string; spans: GenSpan[] } {
  const src = (isV7Locale(locale) ? v7Source : isV6Locale(locale) ? v6Source : isV5Locale(locale) ? v5Source : isV4Locale(locale) ? v4Source : isV3Locale(locale) ? v3Source : localeSource)(
    locale,
    seed,
  );
  const f = src.faker;
  const people = [V.makePerson(src), V.makePerson(src), V.makePerson(src)];
  const c: Ctx = { src, f, person: people[0], people };
  const pieces = f.datatype.boolean(0.5) ? record(c) : prose(c);
  const lower = f.datatype.boolean(0.2);
  let text = '';
  const spans: GenSpan[] = [];
  for (const p of pieces) {
    const t = lower ? p.text.toLowerCase() : p.text;
    if (p.type) spans.push({ entity_type: p.type, entity_value: t, start_position: text.length, end_position: text.length + t.length });
    text += t;
  }
  return { text, spans };
}

import { GIVEN_NAMES, NAME_PARTICLES, SURNAMES_SET } from '../names';
import { ROLE_NOUNS } from './role-words';
import { COMMON_WORDS, FUNCTION_WORDS } from './words';

/*
 * Labelled values: the value of a field whose label says what it holds. Four written forms:
 *   "Full name: Ana Lima" / "Mobile      0412 345 678" (a label at a line start, then ":" or a wide gap),
 *   "name": "Ana Lima" (JSON),  name="Ana Lima" (logs),  and CSV/TSV columns named in a header line.
 * Only the label decides the kind; each detector still checks the value's shape (a person's value must
 * read as a name, a phone value as a phone number).
 */

export type FieldKind = 'person' | 'people' | 'address' | 'postcode' | 'phone';
export interface FieldValue {
  kind: FieldKind;
  start: number;
  end: number;
  /** The label only names a person in records about people ("name" next to "email"). */
  ambiguous: boolean;
  /** A CSV column: its header was read as a whole, so its values are records. */
  column?: boolean;
  /** Labelled by a role ("Night Auditor"), not a person field as such: the value may be a role too. */
  role?: boolean;
}

const PERSON_LABELS = new Set([
  'fullname',
  'firstname',
  'lastname',
  'surname',
  'surnames',
  'givenname',
  'givennames',
  'forename',
  'middlename',
  'maidenname',
  'customer',
  'customername',
  'holder',
  'accountholder',
  'nameofaccountholder',
  'cardholder',
  'cardholdername',
  'patient',
  'patientname',
  'applicant',
  'employee',
  'employeename',
  'recipient',
  'emergencycontact',
  'fn',
  'reporter',
  'buyer',
  'seller',
  'sender',
  'guest',
  'passenger',
  'tenant',
  'landlord',
  'beneficiary',
  'payee',
  'payer',
  'signatory',
  'candidate',
  'nextofkin',
  'spouse',
  'insured',
  'policyholder',
  'affecteduser',
  'agentname',
  'contactname',
  'contactperson',
  'traveller',
  'traveler',
  'signedoffby',
  'coauthoredby',
  'reportedby',
  'reviewedby',
  'ackedby',
  'testedby',
  'suggestedby',
  'requestedby',
  'approvedby',
  'committer',
  'assignee',
  'assignedto',
  'reviewer',
  'approver',
  'requester',
  'driver',
  'guardian',
  'pax',
  // Forms and case records: the person the record is about.
  'taxpayer',
  'deceased',
  'decedent',
  'student',
  'parentguardian',
  'parentorguardian',
  'importerofrecord',
  'referee',
  'player',
  'informant',
]);
// Labels that name people only in records about people ("name" of a build step, "owner" of a repo).
const AMBIGUOUS_PERSON_LABELS = new Set(['name', 'user', 'owner', 'contact', 'client', 'member', 'manager', 'author', 'username']);
const PEOPLE_LABELS = new Set([
  'attendees',
  'participants',
  'cc',
  'panel',
  'guests',
  'invitees',
  'present',
  'members',
  'interviewers',
  'reviewers',
  'assignees',
  'approvers',
  'watchers',
  'travellers',
  'travelers',
  'passengers',
  'players',
  'children',
  'grandchildren',
  'dependents',
  'dependants',
]);
const ADDRESS_LABELS = new Set([
  'address',
  'addr',
  'adr',
  'street',
  'streetaddress',
  'homeaddress',
  'billingaddress',
  'shippingaddress',
  'currentaddress',
  'mailingaddress',
  'postaladdress',
  'deliveryaddress',
  'home',
  'residence',
  'addressline1',
  'address1',
  'line1',
]);
const POSTCODE_LABELS = new Set(['zip', 'zipcode', 'postcode', 'postalcode', 'plz', 'cep']);
const PHONE_LABELS = new Set([
  'phone',
  'tel',
  'telephone',
  'mobile',
  'mob',
  'cell',
  'cellphone',
  'fax',
  'phonenumber',
  'contactnumber',
  'whatsapp',
  'office',
  'landline',
  'homephone',
  'workphone',
]);
// Single letters as labels only at a line start in a signature or card ("T 020 7946 0958").
const LETTER_LABELS: Record<string, FieldKind> = { t: 'phone', m: 'phone', p: 'phone', f: 'phone' };

/** "Full name" → "fullname"; "E-mail" → "email"; "customer_name" → "customername". */
function normalize(label: string): string {
  return label.toLowerCase().replace(/[^\p{L}\d]/gu, '');
}

function kindOf(label: string, allowLetters: boolean): [FieldKind, boolean, boolean?] | null {
  const k = normalize(label);
  // A numbered person label ("Traveller 2", "Guest 1") is the label.
  if (PERSON_LABELS.has(k) || PERSON_LABELS.has(k.replace(/\d{1,2}$/, ''))) return ['person', false];
  if (AMBIGUOUS_PERSON_LABELS.has(k)) return ['person', true];
  if (PEOPLE_LABELS.has(k)) return ['people', false];
  if (ADDRESS_LABELS.has(k)) return ['address', false];
  if (POSTCODE_LABELS.has(k)) return ['postcode', false];
  if (PHONE_LABELS.has(k)) return ['phone', false];
  if (allowLetters && LETTER_LABELS[k]) return [LETTER_LABELS[k], false];
  if (roleLabel(label)) return ['person', false, true];
  return null;
}

// Role words that also label things or groups ("Account holder", "Emergency contact") or are plural.
const NOT_ROLE_LABELS = new Set(['contact', 'contacts', 'emergency', 'next', 'kin', 'head', 'account', 'user', 'rep', 'partner']);

/** "Night Auditor", "Duty pharmacist", "Loss adjuster": a label of one to three words ending in a person's role. */
function roleLabel(label: string): boolean {
  const words = label.trim().split(/[\s_-]+/);
  if (words.length > 3) return false;
  const last = words[words.length - 1].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return ROLE_NOUNS.has(last) && !NOT_ROLE_LABELS.has(last) && !/[^s]s$/.test(last) && !AMBIGUOUS_PERSON_LABELS.has(last);
}

const LINE_FIELD =
  /^[ \t]*([\p{L}][\p{L} _()/-]{0,30}?(?: \d{1,2})?)(?:[ \t]*[:=][ \t]*|[ \t]{2,}|\t+|(?<=^[ \t]*\p{L}) )(\S[^\n]*?)[ \t]*$/gmu;
const JSON_FIELD = /"([\p{L}_][\p{L}\d_ -]{0,30})"[ \t]*:[ \t]*"((?:[^"\\\n]|\\.){1,200})"/gu;
const KV_FIELD = /(?<![\w.])([A-Za-z_][\w]{0,30})=(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([^\s"',;]{1,100}))/g;

function csvFields(text: string, out: FieldValue[]): void {
  const lines = text.split('\n');
  let offset = 0;
  const starts = lines.map((l) => {
    const s = offset;
    offset += l.length + 1;
    return s;
  });
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = lines[i];
    const delim = [',', ';', '\t', '|'].find(
      (d) => header.split(d).length >= 2 && header.split(d).every((c) => /^\s*"?[\p{L}][\p{L}\d _-]{0,30}"?\s*$/u.test(c)),
    );
    if (!delim) continue;
    const cols = header.split(delim).map((c) => kindOf(c.replace(/"/g, '').trim(), false));
    if (cols.every((c) => c === null)) continue;
    for (let r = i + 1; r < lines.length && lines[r].trim() !== ''; r++) {
      let cells = lines[r].split(delim);
      if (cells.length < cols.length) break;
      // More cells than columns: an unquoted value holds the delimiter ("May 5, 2021"). Columns before
      // the last keep their cells; the last column takes the rest.
      if (cells.length > cols.length) cells = [...cells.slice(0, cols.length - 1), cells.slice(cols.length - 1).join(delim)];
      let at = starts[r];
      cells.forEach((cell, c) => {
        const kind = cols[c];
        const lead = cell.length - cell.trimStart().length;
        const value = cell.trim().replace(/^"(.*)"$/, '$1');
        const quote = cell.trim().startsWith('"') && cell.trim().endsWith('"') && cell.trim().length > 1 ? 1 : 0;
        if (kind && value)
          out.push({ kind: kind[0], start: at + lead + quote, end: at + lead + quote + value.length, ambiguous: kind[1], column: true });
        at += cell.length + delim.length;
      });
    }
  }
}

/** All labelled values in the text. */
export function labelledValues(text: string): FieldValue[] {
  const out: FieldValue[] = [];
  const push = (label: string, valueStart: number, value: string, allowLetters: boolean) => {
    const kind = kindOf(label, allowLetters);
    if (kind) out.push({ kind: kind[0], start: valueStart, end: valueStart + value.length, ambiguous: kind[1], role: kind[2] });
  };
  if (text.includes(':') || text.includes('  ') || text.includes('\t') || /^\p{L} /mu.test(text)) {
    for (const m of text.matchAll(LINE_FIELD))
      push(m[1], m.index + m[0].length - m[2].length - (m[0].length - m[0].trimEnd().length), m[2], m[1].length === 1);
  }
  if (text.includes('"')) {
    for (const m of text.matchAll(JSON_FIELD)) push(m[1], m.index + m[0].length - m[2].length - 1, m[2], false);
  }
  if (text.includes('=')) {
    for (const m of text.matchAll(KV_FIELD)) {
      const value = m[2] ?? m[3] ?? m[4];
      const quoted = m[2] !== undefined || m[3] !== undefined ? 1 : 0;
      push(m[1], m.index + m[0].length - value.length - quoted, value, false);
    }
  }
  if (text.includes('\n')) csvFields(text, out);
  return out;
}

let lastText: string | null = null;
let lastValues: FieldValue[] = [];
/** labelledValues, remembered for the last text (the detectors of one text each ask for it). */
export function labelledValuesCached(text: string): FieldValue[] {
  if (text !== lastText) {
    lastValues = labelledValues(text);
    lastText = text;
  }
  return lastValues;
}

/** Records about people: an e-mail, phone or address field, or an e-mail address, near the field. */
export function personalContext(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 300), at + 300);
  return /@[\w-]+\.\w|\b(?:e-?mail|phone|mobile|tel|address|street|zip|postcode|ssn|dob|birth|iban|card)\b/i.test(window);
}

// A lower-case initial ("marciano m. venetiaan") is a name token too.
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|\p{Lu}\.|\p{Ll}\.|[\p{Ll}][\p{L}\p{M}'’-]*)$/u;
const NOT_NAMES = new Set([
  'string',
  'null',
  'none',
  'undefined',
  'unknown',
  'test',
  'admin',
  'user',
  'name',
  'n/a',
  'example',
  'true',
  'false',
  'anonymous',
  'guest',
  'root',
]);

/**
 * The name at the start of a person field's value ("Mack Yundt – 0450…" → "Mack Yundt"), as [start, end]
 * relative to the value, or null if the value does not start with a name. A label that only may name a
 * person (`strict`: "name", "user") needs a capitalized name of uncommon words; a person label ("last_name",
 * "Patient") also takes names written in lower case (three words at most, the whole value) and names
 * that are common words but in the name lists ("Rose").
 */
export function nameInValue(value: string, lowerText: boolean, strict = true): [number, number] | null {
  const m = /^[\p{L}][\p{L}\p{M}'’.,-]*(?: [\p{L}][\p{L}\p{M}'’.-]*){0,4}/u.exec(value);
  if (!m) return null;
  const words = m[0].split(' ');
  const kept: string[] = [];
  const lowerValue = !strict && /^\p{Ll}/u.test(value);
  for (const w of words) {
    const bare = w.replace(/,$/, '');
    if (!NAME_TOKEN.test(bare)) break;
    const lower = /^\p{Ll}/u.test(bare);
    if (lower && !lowerText && !lowerValue && !NAME_PARTICLES.has(bare)) break;
    if (lowerValue && kept.length === 3) return null;
    kept.push(w);
    if (w.endsWith(',') && kept.length > 1) break;
  }
  while (kept.length && (NAME_PARTICLES.has(kept[kept.length - 1]) || kept[kept.length - 1].endsWith(','))) {
    const last = kept[kept.length - 1];
    // "Last, First": a comma after the first word only.
    if (last.endsWith(',') && kept.length === 1) break;
    kept.pop();
  }
  if (kept.length === 0 || (kept.length === 1 && kept[0].endsWith(','))) return null;
  const keys = kept.map((w) => w.replace(/[.,]$/, '').toLowerCase());
  const nameWord = (k: string) => !strict && (GIVEN_NAMES.has(k) || SURNAMES_SET.has(k));
  if (keys.every((k) => (COMMON_WORDS.has(k) && !nameWord(k)) || NOT_NAMES.has(k) || k.length < 2)) return null;
  if (keys.some((k) => NOT_NAMES.has(k))) return null;
  // A lower-case value with an ordinary word in it is a sentence ("sorry about that", "coming down now").
  if (lowerValue && keys.some((k) => (COMMON_WORDS.has(k) || FUNCTION_WORDS.has(k)) && !GIVEN_NAMES.has(k) && !SURNAMES_SET.has(k)))
    return null;
  const end = kept.join(' ').length;
  // The name is the whole value or ends at a separator ("Ana Lima – 0412…", "Ana Lima (CEO)"), not inside a
  // token such as "Mozilla/5.0".
  if (end < value.length && !/^(?:\s*[–—|,;(<-]|\s*$|\s+\d|\s+\S+@)/.test(value.slice(end))) return null;
  if (lowerValue && end < value.length && !/^\s*[–—|,;(<-]/.test(value.slice(end))) return null;
  return [0, end];
}

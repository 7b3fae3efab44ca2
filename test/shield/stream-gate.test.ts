import { describe, expect, it } from 'vitest';
import { shieldFor } from '../../src/flow/shield-request';
import { mulberry32 } from '../../src/lib';
import { createShieldSession, ENTITY_TYPES, type ShieldSession } from '../../src/shield';
import { gatedStreamRestorer, placeholderStart } from '../../src/shield/stream-gate';
import { LABELS } from '../../src/shield/tokens';
import { keySettingsSchema } from '../../src/tenancy/types';
import { keyWith } from '../routing/helpers';

const shieldOn = keySettingsSchema.parse({ shield: { mode: 'on' } });

/** A session that issued PERSON_1, EMAIL_1 and PHONE_1 (and nothing else). */
function sessionWithTokens(): { session: ShieldSession; labels: string[] } {
  const session = createShieldSession({ mode: 'on' });
  const cloaked = session.cloakText('Customer Maria Keller (maria.keller@example.com, +49 30 901820) called.');
  expect(cloaked).toContain('[PERSON_1]');
  expect(cloaked).toContain('[EMAIL_1]');
  expect(cloaked).toContain('[PHONE_1]');
  const found = session.found();
  return { session, labels: ENTITY_TYPES.filter((t) => found[t] > 0).map((t) => LABELS[t]) };
}

// Issued placeholders in every tolerated variant, look-alikes that are not placeholders, label words and prefixes.
const PIECES = [
  '[PERSON_1]',
  'PERSON_1',
  '[person_1]',
  '[ EMAIL_1 ]',
  '[PHONE 1]',
  'PERSON 1]',
  '[PHONE-1',
  'EMAIL_1]',
  '[PERSON_9]',
  'PERSON_12',
  'xPERSON_1',
  '1EMAIL_1',
  '[CARD_1]',
  'CARD_1',
  'person',
  'Person ',
  'email -',
  'Phone_',
  'P',
  'Em',
  'PERS',
  '[',
  ']',
  '_',
  '-',
  ' ',
  '.',
  ',\n',
  'é',
  '"',
  '{"to":"',
  'The quick brown fox',
  ' jumps',
  'ok',
];

function randomText(r: () => number): string {
  let s = '';
  const n = 2 + Math.floor(r() * 12);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)] + (r() < 0.4 ? ' ' : '');
  return s;
}

function randomChunks(r: () => number, text: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = 1 + Math.floor(r() * 16);
    chunks.push(text.slice(i, i + n));
    i += n;
  }
  return chunks;
}

/** Per-chunk outputs of the session's own stream restorer and of the gated one, content and one tool channel. */
function both(session: ShieldSession, labels: string[], chunks: string[]) {
  const plain = session.createStreamRestorer();
  const gated = gatedStreamRestorer(session, labels);
  const a = chunks.map((c) => [plain.pushContent(c), plain.pushToolArguments(0, c)]);
  const b = chunks.map((c) => [gated.content(c), gated.toolArguments(0, c)]);
  const fa = plain.flush();
  const fb = gated.flush();
  return {
    plain: { chunks: a, content: fa.content, tool: fa.toolArguments[0] ?? '' },
    gated: { chunks: b, content: fb.content, tool: fb.toolArguments[0] ?? '' },
  };
}

describe('gated stream restoration', () => {
  it('a chunk with no placeholder and no start of one passes through unchanged, with nothing held back', () => {
    const { session, labels } = sessionWithTokens();
    const filter = gatedStreamRestorer(session, labels);
    for (const chunk of ['The', ' quick', ' brown fox', ' jumps over', ' the lazy dog.', ' über Größe 12', ' x_y-z ']) {
      expect(filter.content(chunk)).toBe(chunk);
    }
    expect(filter.flush()).toEqual({ content: '', toolArguments: {} });
  });

  it('a placeholder split across chunks is still restored', () => {
    const { session, labels } = sessionWithTokens();
    const filter = gatedStreamRestorer(session, labels);
    const out = ['Write to ', '[EMA', 'IL_', '1] or call P', 'HONE_1', ' — ask for ', 'Person_1', '.'].map((c) => filter.content(c));
    expect(out.join('') + filter.flush().content).toBe('Write to maria.keller@example.com or call +49 30 901820 — ask for Maria Keller.');
    // The fixed words before the placeholder went out at once; the placeholder's pieces were held until complete.
    expect(out[0]).toBe('Write to ');
    expect(out[1]).toBe('');
  });

  it('tool-call arguments are restored as JSON string content, split or not', () => {
    const { session, labels } = sessionWithTokens();
    const filter = gatedStreamRestorer(session, labels);
    const args = ['{"to": "', '[EMAIL', '_1]", "name": "[PERSON_1]"', '}'].map((c) => filter.toolArguments(2, c)).join('');
    expect(JSON.parse(args + (filter.flush().toolArguments[2] ?? ''))).toEqual({ to: 'maria.keller@example.com', name: 'Maria Keller' });
  });

  it("equals the session's own stream restorer chunk for chunk, over random texts and chunkings", () => {
    const { session, labels } = sessionWithTokens();
    const r = mulberry32(20261207);
    for (let n = 0; n < 1500; n++) {
      const text = randomText(r);
      const chunks = randomChunks(r, text);
      const { plain, gated } = both(session, labels, chunks);
      expect(gated, JSON.stringify(chunks)).toEqual(plain);
    }
  });

  it('every two-chunk split of placeholder-dense texts matches, with a word character before or not', () => {
    const { session, labels } = sessionWithTokens();
    const texts = [
      'ab[PERSON_1] PERSON_1 xPERSON_1 [ EMAIL_1 ] PHONE 1] [PHONE-1 done.',
      'x EMAIL_1]PERSON_12 person_1, Person [person_1]',
      '{"a":"[EMAIL_1]","b":"PHONE_1"} P',
      // A placeholder look-alike right after a word character, then a real start later in the same chunk.
      'okPERSON_1 [EMAIL_1] 7EMAIL_1 [x',
    ];
    for (const text of texts) {
      for (let i = 0; i <= text.length; i++) {
        for (const lead of ['', 'w', ' ', '.']) {
          const chunks = [lead, text.slice(0, i), text.slice(i)].filter((c) => c !== '');
          const { plain, gated } = both(session, labels, chunks);
          expect(gated, JSON.stringify(chunks)).toEqual(plain);
        }
      }
    }
  });

  it('a session that issued nothing: the gated restorer still answers as the plain one (brackets engage it)', () => {
    const session = createShieldSession({ mode: 'on' });
    expect(session.cloakText('nothing personal here')).toBe('nothing personal here');
    const r = mulberry32(7);
    for (let n = 0; n < 200; n++) {
      const chunks = randomChunks(r, randomText(r));
      const { plain, gated } = both(session, [], chunks);
      expect(gated).toEqual(plain);
    }
  });

  it('placeholderStart finds brackets, issued labels after a non-word character, and label prefixes at the end', () => {
    const labels = ['PERSON', 'EMAIL'];
    expect(placeholderStart(labels, 'no placeholder here', false)).toBe(-1);
    expect(placeholderStart(labels, 'see [x', false)).toBe(4);
    expect(placeholderStart(labels, 'to person_2', false)).toBe(3);
    // A label word before a space may still be `PERSON 1]`: the restorer decides.
    expect(placeholderStart(labels, 'a person is', false)).toBe(2);
    expect(placeholderStart(labels, 'a personal note', false)).toBe(-1);
    expect(placeholderStart(labels, 'call Pers', false)).toBe(5);
    expect(placeholderStart(labels, 'Pers', true)).toBe(-1);
    expect(placeholderStart(labels, 'xPERSON_1', false)).toBe(-1);
    expect(placeholderStart(labels, 'PHONE_1', false)).toBe(-1);
  });

  it('a shielded request in which nothing was found gets no output filter; one with personal data restores', () => {
    const key = keyWith(shieldOn, `key_${Math.random()}`);
    const clean = shieldFor(key, { model: 'auto', messages: [{ role: 'user', content: 'Summarise the [PERSON_1] ticket.' }] }, 'p');
    expect(clean.summary).toEqual({});
    expect(clean.filter).toBeUndefined();
    const named = shieldFor(key, { model: 'auto', messages: [{ role: 'user', content: 'Mail maria.keller@example.com.' }] }, 'p');
    expect(named.summary).toEqual({ EMAIL: 1 });
    const stream = named.filter!.stream();
    expect(['Sent to [EMA', 'IL_1', '].'].map((d) => stream.content(d)).join('') + stream.flush().content).toBe(
      'Sent to maria.keller@example.com.',
    );
  });
});

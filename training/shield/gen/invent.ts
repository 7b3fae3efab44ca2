/**
 * Invented names for the tagger's training texts (training only): the words of a text's PERSON spans
 * are swapped, consistently within the text, for pronounceable words from random syllables that no name
 * list holds. Without this the tagger can lean on list membership and on the few thousand names faker
 * knows; with it, it must also read a name from its context and its letters.
 */
import type { GenSpan } from './generate';

const ONSETS = 'b d g k l m n p r s t v z f h j y w sh ch kh zh ts dz ng ny mb nd tr kr br gr st sk pl dr bl th gh'.split(' ');
const VOWELS = 'a e i o u a e i o u ai ei ou ia io ua aa ee oo ä ö ü é á ó í ı ã ê ô'.split(' ');
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 't', 'k', 'm', 'ng', 'sh', 'v', 'z', 'd', 'rt', 'nk', 'ld'];
const ENDINGS = ['', '', '', '', 'ov', 'ova', 'ev', 'enko', 'escu', 'ić', 'son', 'sen', 'oğlu', 'ini', 'ez', 'eiro', 'ski', 'ová', 'ei', 'ane', 'ito', 'ema', 'ole'];

/** Particles keep their meaning (and their features): "van", "bin", "de" are not invented away. */
const PARTICLES = new Set('van von der den de da di del della la le du dos das do ter ten al el bin binti ibn bint mac mc ó ní'.split(' '));

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

export function inventWord(rand: Rand): string {
  const n = 1 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(rand, ONSETS) + pick(rand, VOWELS) + (i === n - 1 || rand() < 0.3 ? pick(rand, CODAS) : '');
  w += pick(rand, ENDINGS);
  if (w.length < 3) w += pick(rand, VOWELS) + pick(rand, ONSETS);
  return w;
}

/** The invented word in the written case of the original ("ANNA" → "KORVEI", "anna" → "korvei"). */
function cased(orig: string, w: string): string {
  if (orig === orig.toUpperCase() && orig !== orig.toLowerCase()) return w.toUpperCase();
  if (orig === orig.toLowerCase()) return w;
  return w[0].toUpperCase() + w.slice(1);
}

/**
 * The text with each name word (a PERSON span's words of two or more letters) swapped, with probability
 * `share`, for an invented word; the same word gets the same replacement everywhere in the text.
 */
export function inventNames(text: string, spans: GenSpan[], rand: Rand, share: number): { text: string; spans: GenSpan[] } {
  const map = new Map<string, string>();
  const sorted = [...spans].sort((a, b) => a.start_position - b.start_position);
  let out = '';
  let at = 0;
  const next: GenSpan[] = [];
  for (const s of sorted) {
    if (s.start_position < at) {
      next.push({ ...s, start_position: s.start_position + out.length - at, end_position: s.end_position + out.length - at });
      continue;
    }
    out += text.slice(at, s.start_position);
    let value = text.slice(s.start_position, s.end_position);
    if (s.entity_type === 'PERSON') {
      value = value.replace(/\p{L}{2,}/gu, (word) => {
        const key = word.toLowerCase();
        if (PARTICLES.has(key)) return word;
        if (!map.has(key)) map.set(key, rand() < share ? inventWord(rand) : word.toLowerCase());
        const w = map.get(key)!;
        return w === key ? word : cased(word, w);
      });
    }
    next.push({ ...s, entity_value: value, start_position: out.length, end_position: out.length + value.length });
    out += value;
    at = s.end_position;
  }
  out += text.slice(at);
  return { text: out, spans: next };
}

/**
 * The tagger's decision thresholds against PERSON precision and recall, whole detector, span level.
 *
 *   npx tsx training/shield/sweep-thresholds.ts training/shield/.cache/train/cv-valid.json [more.json] [negatives.txt]
 *
 * Run after `export-features.ts --cv FOLD` and `train_tagger.py` (weights trained without the fold): the
 * fold's families and locales are unseen, as the held-out set's are. A .txt file counts PERSON detections
 * in text without personal data.
 */
import { readFileSync } from 'node:fs';
import { detectEntities } from '../../src/shield/detect';
import { TAGGER_THRESHOLDS } from '../../src/shield/model/tagger';
import { emptyCounts, prf, type Sample, scoreSample } from '../../src/shield/scoring';
import { assertNotHeldOutV8 } from './gen/generate';

const GRID: Array<[number, number, number]> = [
  [0.5, 0.5, 0.5],
  [0.5, 0.8, 0.5],
  [0.5, 0.9, 0.5],
  [0.5, 0.9, 0.7],
  [0.5, 0.9, 0.8],
  [0.5, 0.95, 0.8],
  [0.6, 0.9, 0.8],
  [0.7, 0.95, 0.8],
  [0.4, 0.9, 0.8],
  [0.4, 0.8, 0.6],
  [0.3, 0.9, 0.7],
  [0.3, 0.8, 0.5],
];

const files = process.argv.slice(2);
const original = { ...TAGGER_THRESHOLDS };
console.log('word singleWord singleListed | per file: PERSON P/R, or PERSON detections in a .txt');
for (const [word, singleWord, singleListed] of GRID) {
  Object.assign(TAGGER_THRESHOLDS, { word, singleWord, singleListed });
  const cells = files.map((f) => {
    if (f.endsWith('.txt')) return `${detectEntities(readFileSync(f, 'utf8')).filter((d) => d.type === 'PERSON').length} found`;
    const counts = emptyCounts();
    const samples = JSON.parse(readFileSync(f, 'utf8')) as Array<Sample & { locale?: string; family?: string }>;
    assertNotHeldOutV8(samples); // thresholds are never chosen on the held-out set
    for (const s of samples) scoreSample(s, detectEntities(s.full_text), counts);
    const r = prf(counts.PERSON);
    return `${r.precision}/${r.recall}`;
  });
  console.log(`${word} ${singleWord} ${singleListed} | ${cells.join(' | ')}`);
}
Object.assign(TAGGER_THRESHOLDS, original);

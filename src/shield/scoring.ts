/**
 * Span-level scoring of llmshield detections against presidio-research style gold spans.
 * Pure; used by scripts/shield-eval.ts and the tests. The match rule is documented in scripts/shield-eval.ts.
 */
import type { Detection, EntityType } from './types';

export interface GoldSpan {
  entity_type: string;
  entity_value?: string;
  start_position: number;
  end_position: number;
}
export interface Sample {
  full_text: string;
  spans: GoldSpan[];
}

export const GOLD_MAP: Record<string, EntityType> = {
  PERSON: 'PERSON',
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  CREDIT_CARD: 'CREDIT_CARD',
  IBAN_CODE: 'IBAN',
  US_SSN: 'US_SSN',
  IP_ADDRESS: 'IP_ADDRESS',
  STREET_ADDRESS: 'ADDRESS',
  ADDRESS: 'ADDRESS',
};
export const SCORED: EntityType[] = ['PERSON', 'EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS', 'ADDRESS'];

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export interface Counts {
  tp: number; // predictions judged correct
  fp: number;
  goldFound: number;
  gold: number;
}

export function scoreSample(sample: Sample, preds: Detection[], counts: Record<string, Counts>, errors?: string[]): void {
  const gold = sample.spans.map((s) => ({ ...s, mapped: GOLD_MAP[s.entity_type] as EntityType | undefined }));
  for (const g of gold) {
    if (!g.mapped) continue;
    const c = counts[g.mapped];
    c.gold++;
    const len = g.end_position - g.start_position;
    const hit = preds.some((p) => p.type === g.mapped && overlap(p.start, p.end, g.start_position, g.end_position) * 2 >= len);
    if (hit) c.goldFound++;
    else errors?.push(`FN ${g.mapped} ${JSON.stringify(sample.full_text.slice(g.start_position, g.end_position))}`);
  }
  for (const p of preds) {
    if (!SCORED.includes(p.type)) continue;
    const c = counts[p.type];
    const same = gold.filter((g) => g.mapped === p.type);
    const coversGold = same.some((g) => overlap(p.start, p.end, g.start_position, g.end_position) * 2 >= g.end_position - g.start_position);
    const inside = same.reduce((acc, g) => acc + overlap(p.start, p.end, g.start_position, g.end_position), 0);
    if (coversGold || inside * 2 >= p.end - p.start) {
      c.tp++;
      continue;
    }
    const touchesUnscored = gold.some((g) => !g.mapped && overlap(p.start, p.end, g.start_position, g.end_position) > 0);
    if (touchesUnscored) continue;
    c.fp++;
    errors?.push(`FP ${p.type} ${JSON.stringify(sample.full_text.slice(p.start, p.end))}`);
  }
}

export function prf(c: Counts) {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.gold === 0 ? 1 : c.goldFound / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { precision: r(precision), recall: r(recall), f1: r(f1), gold: c.gold, found: c.goldFound, tp: c.tp, fp: c.fp };
}

export function emptyCounts(): Record<string, Counts> {
  return Object.fromEntries(SCORED.map((t) => [t, { tp: 0, fp: 0, goldFound: 0, gold: 0 }]));
}

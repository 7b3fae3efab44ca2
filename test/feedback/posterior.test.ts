import { describe, expect, it } from 'vitest';
import {
  DECAY_EPOCH_MS,
  HALF_LIFE_MS,
  betaMean,
  evidenceAt,
  keyPosterior,
  posterior,
  scaledDelta,
  type PosteriorRow,
} from '../../src/routing/feedback-posterior';
import { blendQuality, isExplorationDecision, preferenceOf, thompsonQuality } from '../../src/routing/feedback-preference';
import { betaDraw, seededRandom } from '../../src/lib';
import { applyChangeToTable, signalsFromRows } from '../../src/feedback/signals';

const H = HALF_LIFE_MS;
const T = DECAY_EPOCH_MS + 100 * 24 * 3600 * 1000;

function table() {
  return new Map<string, PosteriorRow>();
}

describe('posterior update (hand computation)', () => {
  it('one thumbs up, read one half-life later, is half a rating: Beta(1.5, 1), mean 0.6', () => {
    const t = table();
    applyChangeToTable(t, { keyId: 'k', endpointId: 'e', taskClass: 'sql' }, { rating: 1, ratedAt: T });
    const row = t.get('*|e|sql')!;
    const e = evidenceAt(row, T + H);
    expect(e.up).toBeCloseTo(0.5, 12);
    expect(e.down).toBe(0);
    expect(posterior(e)).toEqual({ alpha: 1.5, beta: 1 });
    expect(betaMean(posterior(e))).toBeCloseTo(0.6, 12);
  });

  it('up at T, down at T+H, down at T+2H, read at T+2H: up 0.25, down 1.5 → mean 1.25/3.75', () => {
    const t = table();
    const r = { keyId: 'k', endpointId: 'e', taskClass: 'sql' };
    applyChangeToTable(t, r, { rating: 1, ratedAt: T });
    applyChangeToTable(t, r, { rating: -1, ratedAt: T + H });
    applyChangeToTable(t, r, { rating: -1, ratedAt: T + 2 * H });
    const e = evidenceAt(t.get('*|e|sql')!, T + 2 * H);
    expect(e.up).toBeCloseTo(0.25, 10);
    expect(e.down).toBeCloseTo(1.5, 10);
    expect(betaMean(posterior(e))).toBeCloseTo(1.25 / 3.75, 10);
    // The key's own row saw the same ratings; the global row too.
    expect(evidenceAt(t.get('k|e|sql')!, T + 2 * H)).toEqual(e);
  });

  it('a replaced rating removes exactly the weight it added', () => {
    const t = table();
    const r = { keyId: 'k', endpointId: 'e', taskClass: 'sql' };
    applyChangeToTable(t, r, { rating: 1, ratedAt: T });
    applyChangeToTable(t, r, { rating: -1, ratedAt: T + H / 2, previous: { rating: 1, ratedAt: T } });
    const e = evidenceAt(t.get('*|e|sql')!, T + H / 2);
    expect(e.up).toBeCloseTo(0, 10);
    expect(e.down).toBeCloseTo(1, 10);
    // Replaying the same rating only refreshes its time: still one rating's worth.
    applyChangeToTable(t, r, { rating: -1, ratedAt: T + H, previous: { rating: -1, ratedAt: T + H / 2 } });
    const e2 = evidenceAt(t.get('*|e|sql')!, T + H);
    expect(e2.down).toBeCloseTo(1, 10);
    expect(scaledDelta({ rating: 1, ratedAt: DECAY_EPOCH_MS })).toEqual({ up: 1, down: 0 });
  });

  it('key posterior: global mean held with 4 pseudo-ratings, plus the key’s own', () => {
    // Global mean 0.6, key 2 ups: Beta(2.4 + 2, 1.6) → 4.4 / 6.
    expect(betaMean(keyPosterior(0.6, { up: 2, down: 0 }))).toBeCloseTo(4.4 / 6, 12);
    const p = preferenceOf({ up: 3, down: 1 }, { up: 2, down: 0 })!;
    expect(p.globalMean).toBeCloseTo(4 / 6, 12);
    expect(p.keyMean).toBeCloseTo((4 * (4 / 6) + 2) / 6, 12);
    expect(p.mean).toBe(p.keyMean);
    expect(p.weight).toBe(6);
    expect(preferenceOf(undefined, undefined)).toBeUndefined();
    expect(preferenceOf({ up: 1, down: 0 }, undefined)!.keyMean).toBeUndefined();
  });

  it('snapshot maps: global mean per cell, key evidence per key', () => {
    const t = table();
    applyChangeToTable(t, { keyId: 'k1', endpointId: 'e', taskClass: 'sql' }, { rating: 1, ratedAt: T });
    applyChangeToTable(t, { keyId: 'k2', endpointId: 'e', taskClass: 'sql' }, { rating: -1, ratedAt: T });
    const s = signalsFromRows(t.values(), T);
    expect(s.satisfaction.get('e|sql')).toBeCloseTo(0.5, 12);
    expect(s.satisfactionEvidence.get('e|sql')).toEqual({ up: expect.closeTo(1, 10), down: expect.closeTo(1, 10) });
    expect(s.keySatisfaction.get('k1|e|sql')).toEqual({ up: expect.closeTo(1, 10), down: 0 });
    expect(s.keySatisfaction.get('k2|e|sql')).toEqual({ up: 0, down: expect.closeTo(1, 10) });
  });

  it('blend arithmetic', () => {
    expect(
      blendQuality([
        { value: 0.8, weight: 10 },
        { value: 0, weight: 0 },
        { value: 0.2, weight: 5 },
      ]),
    ).toBeCloseTo(0.6, 12);
    expect(blendQuality([{ value: 0.8, weight: 10 }])).toBe(0.8);
  });

  it('seeded Beta draws have the right mean and variance, and replay exactly', () => {
    const rnd = seededRandom('beta-check');
    const xs = Array.from({ length: 20_000 }, () => betaDraw(2, 5, rnd));
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
    expect(m).toBeCloseTo(2 / 7, 2);
    expect(v).toBeCloseTo((2 * 5) / (49 * 8), 3);
    expect(thompsonQuality(0.7, 10, 'k|1|e')).toBe(thompsonQuality(0.7, 10, 'k|1|e'));
    // Thin evidence draws wide, thick evidence narrow: sd = sqrt(m(1-m)/(κ+1)).
    const spread = (kappa: number) => {
      const d = Array.from({ length: 4000 }, (_, i) => thompsonQuality(0.7, kappa, `s${i}`));
      const mu = d.reduce((a, b) => a + b, 0) / d.length;
      return Math.sqrt(d.reduce((a, b) => a + (b - mu) ** 2, 0) / d.length);
    };
    expect(spread(10)).toBeCloseTo(Math.sqrt(0.21 / 11), 2);
    expect(spread(1000)).toBeCloseTo(Math.sqrt(0.21 / 1001), 3);
  });

  it('exploration decisions are ~10% of a key’s decisions, deterministic', () => {
    let n = 0;
    for (let i = 0; i < 20_000; i++) if (isExplorationDecision('key-x', T + i)) n++;
    expect(n / 20_000).toBeGreaterThan(0.085);
    expect(n / 20_000).toBeLessThan(0.115);
    expect(isExplorationDecision('key-x', T + 7)).toBe(isExplorationDecision('key-x', T + 7));
  });
});

import { describe, expect, it } from 'vitest';
import { BAND_CUTS, complexityBand, evalBandCellKey, evalCellKey, type ComplexityBand } from '../../src/routing/complexity-band';
import { rankCandidates } from '../../src/routing/objectives';
import type { EvalCell } from '../../src/routing/snapshot';
import { BAND_SHRINKAGE_SAMPLES, bandShift, qualityStage } from '../../src/routing/stages/12-quality';
import type { ClassificationSignal, RoutingContext } from '../../src/routing/types';
import { context, endpoint } from './helpers';

const CHEAP = 'a/cheap';
const STRONG = 'b/strong';
const cell = (passRate: number, samples: number): EvalCell => ({ passRate, ciLow: 0, samples });

/**
 * Two endpoints that look almost alike per class (0.85 vs 0.88 over 200 items) at twice the price for the
 * strong one; per band, the cheap one is as good on easy prompts and fails half the hard ones.
 */
function evals(withBands: boolean): Map<string, EvalCell> {
  const m = new Map<string, EvalCell>([
    [evalCellKey(CHEAP, 'reasoning'), cell(0.85, 200)],
    [evalCellKey(STRONG, 'reasoning'), cell(0.88, 200)],
  ]);
  if (withBands) {
    const bands: [string, ComplexityBand, EvalCell][] = [
      [CHEAP, 'low', cell(0.95, 100)], [CHEAP, 'high', cell(0.5, 100)],
      [STRONG, 'low', cell(0.95, 100)], [STRONG, 'high', cell(0.95, 100)],
    ];
    for (const [id, band, c] of bands) m.set(evalBandCellKey(id, 'reasoning', band), c);
  }
  return m;
}

function quality(complexity: number, withBands: boolean, source: ClassificationSignal['source'] = 'model'): RoutingContext {
  const endpoints = [endpoint(CHEAP, { price: 1 }), endpoint(STRONG, { price: 2 })];
  const base = context({ endpoints, classification: { taskClass: 'reasoning', complexity, source } });
  base.snapshot.evals = evals(withBands);
  return qualityStage({ ...base, candidates: endpoints.map((e) => ({ endpoint: e, simulated: true })) });
}

/** The balanced strategy's winner once costs are set (the strong endpoint costs twice as much). */
function winner(ctx: RoutingContext): string {
  const priced = ctx.candidates.map((c) => ({ ...c, scores: { ...c.scores!, costUsd: c.endpoint.id === STRONG ? 2e-3 : 1e-3, latencyMs: 1000 } }));
  return rankCandidates(priced, 'balanced', ctx.classification!.complexity)[0].candidate.endpoint.id;
}
const q = (ctx: RoutingContext, id: string) => ctx.candidates.find((c) => c.endpoint.id === id)!.scores!;

describe('complexity bands', () => {
  it('cuts the calibrated complexity at 0.17 and 0.31', () => {
    expect(BAND_CUTS).toEqual({ mid: 0.17, high: 0.31 });
    expect([0, 0.169, BAND_CUTS.mid, 0.309, BAND_CUTS.high, 1].map(complexityBand)).toEqual(['low', 'low', 'mid', 'mid', 'high', 'high']);
  });
  it('shrinks the band pass rate toward the class by n / (n + K)', () => {
    expect(bandShift(cell(0.8, 100), cell(0.5, BAND_SHRINKAGE_SAMPLES))).toBeCloseTo(0.5 * (0.5 - 0.8), 12);
    expect(bandShift(cell(0.8, 100), undefined)).toBe(0);
    expect(bandShift(undefined, cell(0.5, 50))).toBe(0);
  });
});

describe('12 quality per (task class, complexity band)', () => {
  it('without band evidence the class ranking holds for easy and hard prompts: the cheap endpoint wins both', () => {
    expect(winner(quality(0.1, false))).toBe(CHEAP);
    expect(winner(quality(0.9, false))).toBe(CHEAP);
  });
  it('band evidence sends the hard prompt to the strong endpoint and keeps the easy one on the cheap endpoint', () => {
    const easy = quality(0.1, true);
    const hard = quality(0.9, true);
    expect(winner(easy)).toBe(CHEAP);
    expect(winner(hard)).toBe(STRONG);
    expect(q(hard, STRONG).quality).toBeGreaterThan(q(hard, CHEAP).quality);
    expect(q(hard, CHEAP).terms).toMatchObject({ band: 'high', eval: 0.85, eval_band: 0.5, eval_band_n: 100 });
    expect(q(hard, CHEAP).terms.band_shift).toBeCloseTo((100 / (100 + BAND_SHRINKAGE_SAMPLES)) * (0.5 - 0.85), 4);
    expect(hard.trace.at(-1)!.note).toContain('(high)');
  });
  it('a band without its own cell (mid here) gives exactly the class-only quality', () => {
    for (const k of [0.25, 0.3]) {
      const banded = quality(k, true);
      const classOnly = quality(k, false);
      for (const id of [CHEAP, STRONG]) {
        expect(q(banded, id).quality).toBe(q(classOnly, id).quality);
        expect(q(banded, id).terms.eval_band).toBeUndefined();
      }
    }
  });
  it('a neutral classification (no per-prompt complexity) ignores band cells', () => {
    const banded = quality(0.9, true, 'neutral');
    const classOnly = quality(0.9, false, 'neutral');
    for (const id of [CHEAP, STRONG]) {
      expect(q(banded, id).quality).toBe(q(classOnly, id).quality);
      expect(q(banded, id).terms.band).toBeUndefined();
    }
  });
});

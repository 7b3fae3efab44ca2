import { describe, expect, it } from 'vitest';
import {
  BAND_CUTS,
  complexityBand,
  evalBandCellKey,
  evalCellKey,
  parseEvalBandCellKey,
  type ComplexityBand,
} from '../../src/routing/complexity-band';
import { rankCandidates } from '../../src/routing/objectives';
import { bandShift, qualityStage } from '../../src/routing/stages/12-quality';
import {
  DEFAULT_BAND_SHRINKAGE_SAMPLES as BAND_SHRINKAGE_SAMPLES,
  estimateBandShrinkage,
  MIN_BAND_CELLS_FOR_ESTIMATE,
} from '../../src/routing/band-shrinkage';
import type { ClassificationSignal, RoutingContext } from '../../src/routing';
import { context, endpoint } from './helpers';
import type { EvalCell } from '../../src/hub';

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
      [CHEAP, 'low', cell(0.95, 100)],
      [CHEAP, 'high', cell(0.5, 100)],
      [STRONG, 'low', cell(0.95, 100)],
      [STRONG, 'high', cell(0.95, 100)],
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
  const priced = ctx.candidates.map((c) => ({
    ...c,
    scores: { ...c.scores!, costUsd: c.endpoint.id === STRONG ? 2e-3 : 1e-3, latencyMs: 1000 },
  }));
  return rankCandidates(priced, 'balanced', ctx.classification!.complexity)[0].candidate.endpoint.id;
}
const q = (ctx: RoutingContext, id: string) => ctx.candidates.find((c) => c.endpoint.id === id)!.scores!;

describe('complexity bands', () => {
  it('cuts the calibrated complexity at 0.17 and 0.31', () => {
    expect(BAND_CUTS).toEqual({ mid: 0.17, high: 0.31 });
    expect([0, 0.169, BAND_CUTS.mid, 0.309, BAND_CUTS.high, 1].map(complexityBand)).toEqual(['low', 'low', 'mid', 'mid', 'high', 'high']);
  });
  it('parses band cell keys back and refuses class cell keys', () => {
    expect(parseEvalBandCellKey(evalBandCellKey('openai/gpt-4o', 'math', 'high'))).toEqual({
      endpointId: 'openai/gpt-4o',
      taskClass: 'math',
      band: 'high',
    });
    expect(parseEvalBandCellKey(evalCellKey('openai/gpt-4o', 'math'))).toBeNull();
    expect(parseEvalBandCellKey('low')).toBeNull();
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

describe('band shrinkage K, estimated per task class', () => {
  /** Seeded LCG, so the simulated eval counts are the same on every run. */
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  }
  /**
   * 12 endpoints × 3 bands of `perBand` graded items each; each endpoint's true pass rate is `base` in every
   * band shifted by ±`effect` (low band +, high band −): effect 0 = bands differ by sampling noise only.
   */
  function simulated(effect: number, perBand: number, seed: number): Map<string, EvalCell> {
    const draw = rng(seed);
    const m = new Map<string, EvalCell>();
    for (let e = 0; e < 12; e++) {
      const base = 0.55 + 0.03 * e;
      let passed = 0;
      const bands: [ComplexityBand, number][] = [
        ['low', effect],
        ['mid', 0],
        ['high', -effect],
      ];
      for (const [band, shift] of bands) {
        let k = 0;
        for (let i = 0; i < perBand; i++) if (draw() < base + shift) k++;
        passed += k;
        m.set(evalBandCellKey(`p${e}/m`, 'math', band), cell(k / perBand, perBand));
      }
      m.set(evalCellKey(`p${e}/m`, 'math'), cell(passed / (3 * perBand), 3 * perBand));
    }
    return m;
  }

  it('ignores bands that differ by sampling noise only, and trusts bands that really differ', () => {
    const noise = [1, 2, 3, 4, 5].map((seed) => estimateBandShrinkage(simulated(0, 60, seed)).get('math')!);
    // Pure noise: K is infinite or large (≥ 100 on these seeds), so a 60-item band moves quality by well under half its gap.
    for (const k of noise) expect(k).toBeGreaterThan(80);
    // τ = 0.15·√(2/3) ≈ 0.12, p(1−p) ≈ 0.2: K ≈ 14, well under the noise-only values.
    const real = [1, 2, 3, 4, 5].map((seed) => estimateBandShrinkage(simulated(0.15, 60, seed)).get('math')!);
    for (const k of real) (expect(k).toBeGreaterThan(4.9), expect(k).toBeLessThan(40));
  });

  it('keeps the default without enough band cells, and a band shift of 0 for an infinite K', () => {
    const few = new Map<string, EvalCell>([[evalCellKey('a/x', 'math'), cell(0.8, 100)]]);
    for (let i = 0; i < MIN_BAND_CELLS_FOR_ESTIMATE - 1; i++) few.set(evalBandCellKey(`e${i}/x`, 'math', 'low'), cell(0.5, 10));
    expect(estimateBandShrinkage(few).has('math')).toBe(false);
    expect(bandShift(cell(0.8, 100), cell(0.2, 50), Infinity)).toBe(0);
  });

  it('drives stage 12: noise-only bands leave the class ranking alone, real ones shift it', () => {
    const endpoints = Array.from({ length: 12 }, (_, e) => endpoint(`p${e}/m`, { price: 1 }));
    const run = (evals: Map<string, EvalCell>) => {
      const base = context({ endpoints, classification: { taskClass: 'math', complexity: 0.9, source: 'model' } });
      base.snapshot.evals = evals;
      return qualityStage({ ...base, candidates: endpoints.map((e) => ({ endpoint: e, simulated: true })) });
    };
    const noisy = run(simulated(0, 60, 7));
    const real = run(simulated(0.15, 60, 7));
    const shifts = (ctx: RoutingContext) => ctx.candidates.map((c) => Math.abs(Number(c.scores!.terms.band_shift ?? 0)));
    expect(Math.max(...shifts(noisy))).toBeLessThan(Math.max(...shifts(real)));
    expect(real.candidates[0].scores!.terms.band_k).toBeTypeOf('number');
  });
});

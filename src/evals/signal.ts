import type { Env } from '../env';
import {
  COMPLEXITY_BANDS,
  evalBandCellKey,
  evalCellKey,
  type ComplexityBand,
  type RoutingSnapshot,
  DEFAULT_EVAL_THRESHOLDS,
  parseEvalThresholds,
  type EvalThresholds,
  type SignalSource,
} from '../routing';
import { readCells, type EvalCellsRecord } from './store';
import { SUITE_VERSION } from './suite';
import type { EvalCell } from '../hub';
import { wilsonInterval } from '../lib';

/**
 * Eval scores → routing. The cron writes one compact KV record after every slice (pass counts per
 * (endpoint, task class) and per (endpoint, task class, complexity band), pooled over categories; stage 12
 * reads both); each isolate reloads it at most once a minute,
 * so a new verdict reaches routing within ~1 min of the slice (plus KV propagation).
 */
export const EVAL_SIGNAL_INTERVAL_MS = 60_000;

export function cellsToMap(record: EvalCellsRecord | null, suiteVersion = SUITE_VERSION): Map<string, EvalCell> {
  const map = new Map<string, EvalCell>();
  // Scores of another suite version measured other items: routing treats the fleet as unevaluated.
  if (!record || record.suiteVersion !== suiteVersion) return map;
  const cell = (passed: number, total: number): EvalCell => ({
    passRate: passed / total,
    ciLow: wilsonInterval(passed, total).low,
    samples: total,
  });
  for (const [endpointId, taskClass, passed, total] of record.cells) {
    if (total > 0) map.set(evalCellKey(endpointId, taskClass), cell(passed, total));
  }
  // Absent in records written before bands existed. An unknown band name (a later band scheme) is skipped.
  for (const [endpointId, taskClass, band, passed, total] of record.bandCells ?? []) {
    if (total > 0 && COMPLEXITY_BANDS.includes(band as ComplexityBand))
      map.set(evalBandCellKey(endpointId, taskClass, band as ComplexityBand), cell(passed, total));
  }
  return map;
}

function thresholdsOf(env: Env): EvalThresholds {
  try {
    return parseEvalThresholds(env.EVAL_THRESHOLDS);
  } catch (err) {
    console.error('EVAL_THRESHOLDS ignored:', err instanceof Error ? err.message : String(err));
    return DEFAULT_EVAL_THRESHOLDS;
  }
}

export async function loadEvalSignal(env: Env): Promise<(snapshot: RoutingSnapshot) => void> {
  const cells = cellsToMap(await readCells(env));
  const thresholds = thresholdsOf(env);
  return (snapshot) => {
    snapshot.evals = cells;
    snapshot.evalThresholds = thresholds;
  };
}

/** Eval scores as a routing signal; the composition root registers it. */
export const evalSignalSource: SignalSource = { name: 'evals', intervalMs: EVAL_SIGNAL_INTERVAL_MS, load: loadEvalSignal };

import { complexity as SUITE_COMPLEXITY } from '../../evals/suite/complexity.generated';
import { complexityBand, type ComplexityBand } from '../routing';
import type { EvalItem } from './types';

/**
 * Complexity bands of the eval suite's items, so production evals learn quality per (task class, complexity
 * band) as stage 12 reads it. The complexity of each item's prompt is precomputed offline with the shipped
 * classifier model (`npx tsx scripts/eval-complexity.ts` writes evals/suite/complexity.generated.ts) because
 * the cron must not load onnxruntime for it; test/evals/suite-complexity.test.ts fails when that file no longer
 * matches the shipped model or the suite. An item missing from the map has no band: its results count in the
 * class scores only.
 */

/** An item as the score aggregation needs it: the band is optional. */
export type ScoredItem = Pick<EvalItem, 'id' | 'category' | 'taskClasses'> & { band?: ComplexityBand };

export function itemComplexity(itemId: string, table: Record<string, number> = SUITE_COMPLEXITY): number | undefined {
  const k = Object.hasOwn(table, itemId) ? table[itemId] : undefined;
  return k !== undefined && Number.isFinite(k) ? k : undefined;
}

export function withBands(items: EvalItem[], table: Record<string, number> = SUITE_COMPLEXITY): ScoredItem[] {
  return items.map((item) => {
    const k = itemComplexity(item.id, table);
    return k === undefined ? item : { ...item, band: complexityBand(k) };
  });
}

import { describe, expect, it } from 'vitest';
import modelBytes from '../../src/classifier/model/intent.bin';
import { complexity, modelSha256, suiteVersion } from '../../evals/suite/complexity.generated';
import { itemComplexity, withBands } from '../../src/evals/complexity';
import { loadSuite } from '../../src/evals';

/**
 * evals/suite/complexity.generated.ts must describe the shipped classifier and the current suite: a stale file
 * files eval results into the wrong complexity bands (quietly: routing would still work).
 */
const REGENERATE = 'regenerate it: `npx tsx scripts/eval-complexity.ts`';
const suite = loadSuite();

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('eval suite complexity (generated)', () => {
  it('was computed with the shipped classifier model', async () => {
    const shipped = await sha256Hex(modelBytes);
    expect(
      modelSha256,
      `evals/suite/complexity.generated.ts was computed with another classifier model (src/classifier/model/intent.bin changed); ${REGENERATE}`,
    ).toBe(shipped);
  });

  it('covers exactly the current suite items', () => {
    expect(suiteVersion, `the eval suite changed since evals/suite/complexity.generated.ts was written; ${REGENERATE}`).toBe(suite.version);
    const ids = suite.items.map((i) => i.id).sort();
    expect(Object.keys(complexity).sort(), `item ids differ from the suite; ${REGENERATE}`).toEqual(ids);
    for (const k of Object.values(complexity)) {
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThanOrEqual(1);
    }
  });

  it('gives every item a band, and items missing from the table none', () => {
    const banded = withBands(suite.items);
    expect(banded.every((i) => i.band !== undefined)).toBe(true);
    // Not every item in one band: the complexity varies over the suite.
    expect(new Set(banded.map((i) => i.band)).size).toBeGreaterThan(1);
    const [first, second] = suite.items;
    const partial = withBands([first, second], { [first.id]: 0.9 });
    expect(partial.map((i) => i.band)).toEqual(['high', undefined]);
    expect(itemComplexity('no-such-item')).toBeUndefined();
    expect(itemComplexity('x', { x: Number.NaN })).toBeUndefined();
  });
});

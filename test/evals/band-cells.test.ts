import { describe, expect, it } from 'vitest';
import { evalCellsOf, latestPerItem, type GradedResult } from '../../src/evals/stats';
import { wilsonInterval } from '../../src/lib';

const r = (endpointId: string, itemId: string, pass: boolean, extra: Partial<GradedResult> = {}): GradedResult => ({
  endpointId,
  itemId,
  category: 'intelligence',
  taskClasses: ['math'],
  pass,
  score: pass ? 1 : 0,
  ...extra,
});

describe('eval cells per task class and complexity band', () => {
  it('counts every result in its class cell and results with a complexity also in their band cell', () => {
    const cells = evalCellsOf(
      latestPerItem([
        r('a', 'm1', true, { complexity: 0.1 }),
        r('a', 'm2', false, { complexity: 0.15 }),
        r('a', 'm3', false, { complexity: 0.9 }),
        r('a', 'm4', true), // no complexity: class cell only
        r('a', 'm5', true, { complexity: 0.25, taskClasses: ['math', 'reasoning'] }),
        r('a', 'm3', true, { complexity: 0.9, createdAt: -1 }), // an older result of m3: dropped by latestPerItem
        r('a', 't1', true, { category: 'tool_calling', taskClasses: ['tool_use'], complexity: Number.NaN }),
        r('b', 'm1', false, { complexity: 0.1 }),
      ]),
    );
    expect(cells.get('a|math')).toEqual({ passRate: 3 / 5, ciLow: wilsonInterval(3, 5).low, samples: 5 });
    expect(cells.get('a|math|low')).toMatchObject({ passRate: 0.5, samples: 2 });
    expect(cells.get('a|math|mid')).toMatchObject({ passRate: 1, samples: 1 });
    expect(cells.get('a|math|high')).toMatchObject({ passRate: 0, samples: 1 });
    expect(cells.get('a|reasoning')).toMatchObject({ samples: 1 });
    expect(cells.get('a|reasoning|mid')).toMatchObject({ samples: 1 });
    expect(cells.get('a|tool_use')).toMatchObject({ passRate: 1, samples: 1 });
    expect(cells.get('b|math|low')).toMatchObject({ passRate: 0, samples: 1 });
    expect([...cells.keys()].sort()).toEqual([
      'a|math',
      'a|math|high',
      'a|math|low',
      'a|math|mid',
      'a|reasoning',
      'a|reasoning|mid',
      'a|tool_use',
      'b|math',
      'b|math|low',
    ]);
  });
  it('pools categories into one class cell, as the router loads them', () => {
    const cells = evalCellsOf([r('a', 'x1', true), r('a', 'x2', false, { category: 'open_ended' })]);
    expect(cells.get('a|math')).toMatchObject({ passRate: 0.5, samples: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/hub';
import { parseJudgeScore } from '../../src/evals/judge';
import {
  appliesTo,
  EVAL_SUBREQUESTS_PER_TICK,
  initialCursor,
  planSlice,
  runSlice,
  WORKERS_SUBREQUESTS_FREE,
  type EvalEndpoint,
  type EvalInvoke,
  type JudgeInvoke,
} from '../../src/evals/runner';
import { simulatedEvalAnswer, simulatedJudgeReply } from '../../src/sim/skill';
import { aggregateScores } from '../../src/evals/stats';
import { EVAL_SEED, loadSuite, SUITE_VERSION } from '../../src/evals/suite';

const { items } = loadSuite();
const ENDPOINTS: EvalEndpoint[] = [
  { id: 'sim/alpha', capabilities: { tools: true, vision: true, jsonSchema: true } },
  { id: 'sim/beta', capabilities: { tools: true, vision: false, jsonSchema: true } },
  { id: 'sim/gamma', capabilities: { tools: false, vision: false, jsonSchema: false } },
];

describe('planSlice', () => {
  it('keeps each slice within the subrequest budget, below the free-plan limit', () => {
    expect(EVAL_SUBREQUESTS_PER_TICK).toBeLessThan(WORKERS_SUBREQUESTS_FREE);
    const plan = planSlice(ENDPOINTS, items, initialCursor(SUITE_VERSION));
    expect(plan.subrequests).toBeLessThanOrEqual(40);
    expect(plan.subrequests).toBe(plan.pairs.reduce((n, p) => n + p.subrequests, 0));
    expect(plan.pairs.length).toBeGreaterThan(30);
    for (const budget of [1, 2, 3, 7, 40]) {
      let cursor = initialCursor(SUITE_VERSION);
      for (let i = 0; i < 50; i++) {
        const p = planSlice(ENDPOINTS, items, cursor, budget);
        expect(p.subrequests).toBeLessThanOrEqual(budget);
        cursor = p.nextCursor;
      }
    }
  });

  it('covers every applicable pair exactly once over successive cursors, then starts a new cycle', () => {
    const expected = new Set(ENDPOINTS.flatMap((e) => items.filter((i) => appliesTo(i, e)).map((i) => `${e.id}|${i.id}`)));
    const seen: string[] = [];
    let cursor = initialCursor(SUITE_VERSION);
    let slices = 0;
    for (;;) {
      const plan = planSlice(ENDPOINTS, items, cursor, 40);
      seen.push(...plan.pairs.map((p) => `${p.endpointId}|${p.item.id}`));
      cursor = plan.nextCursor;
      slices++;
      if (plan.cycleCompleted) break;
      expect(slices).toBeLessThan(1000);
    }
    expect(seen.length).toBe(expected.size);
    expect(new Set(seen)).toEqual(expected);
    expect(cursor).toEqual({ suiteVersion: SUITE_VERSION, position: 0, cycle: 1 });
    // Capability gating: no vision for beta, nothing capability-gated for gamma.
    expect(seen.some((s) => s.startsWith('sim/beta|vision-'))).toBe(false);
    expect(seen.some((s) => /^sim\/gamma\|(tool|json|vision)-/.test(s))).toBe(false);
  });

  it('charges the judge call and can leave judged items out', () => {
    const judged = items.filter((i) => i.grading.kind === 'judge');
    const plan = planSlice(ENDPOINTS, judged, initialCursor(SUITE_VERSION), 10);
    expect(plan.pairs).toHaveLength(5);
    expect(plan.pairs.every((p) => p.subrequests === 2)).toBe(true);
    expect(planSlice(ENDPOINTS, judged, initialCursor(SUITE_VERSION), 10, { includeJudged: false }).pairs).toHaveLength(0);
    // A budget below a pair's cost skips it instead of stalling.
    const tiny = planSlice(ENDPOINTS, judged, initialCursor(SUITE_VERSION), 1);
    expect(tiny.pairs).toHaveLength(0);
    expect(tiny.cycleCompleted).toBe(true);
  });

  it('restarts the sweep when the suite version changes and handles an empty fleet', () => {
    const plan = planSlice(ENDPOINTS, items, { suiteVersion: 'v0.old', position: 120, cycle: 9 }, 5, { suiteVersion: SUITE_VERSION });
    expect(plan.nextCursor.suiteVersion).toBe(SUITE_VERSION);
    expect(plan.nextCursor.cycle).toBe(0);
    expect(plan.pairs[0].item.id).toBe([...items].sort((a, b) => a.id.localeCompare(b.id))[0].id);
    expect(planSlice([], items, initialCursor(SUITE_VERSION)).pairs).toEqual([]);
  });
});

const simInvoke: EvalInvoke = async (endpointId, request, { itemId }) => {
  const item = items.find((i) => i.id === itemId)!;
  expect(request).toMatchObject({ temperature: 0, seed: EVAL_SEED });
  const a = simulatedEvalAnswer(item, endpointId);
  return {
    message: {
      role: 'assistant',
      content: a.content,
      tool_calls: a.toolCalls.length ? a.toolCalls.map((c, i) => ({ id: `c${i}`, type: 'function' as const, function: c })) : undefined,
    },
    finishReason: a.toolCalls.length ? 'tool_calls' : 'stop',
    latencyMs: 100,
  };
};
const simJudge: JudgeInvoke = async (request: ChatRequest, { itemId, testedEndpointId }) => {
  expect(request.messages[1].content).toContain('<<<CANDIDATE');
  return { message: { role: 'assistant', content: simulatedJudgeReply(itemId, testedEndpointId) }, finishReason: 'stop', latencyMs: 50 };
};

describe('runSlice', () => {
  it('grades a full sweep with the simulated fleet and yields differentiated scores', async () => {
    const fleet: EvalEndpoint[] = [{ id: 'sim/strong' }, { id: 'sim/weak' }];
    const pairs = planSlice(fleet, items, initialCursor(SUITE_VERSION), 10_000).pairs;
    const results = await runSlice(pairs, simInvoke, simJudge);
    expect(results).toHaveLength(pairs.length);
    expect(results.every((r) => r.status === 'graded')).toBe(true);
    const rate = (id: string) => results.filter((r) => r.endpointId === id && r.pass).length / (pairs.length / 2);
    expect(rate('sim/strong')).not.toBe(rate('sim/weak'));
    for (const id of ['sim/strong', 'sim/weak']) {
      expect(rate(id)).toBeGreaterThan(0.1);
      expect(rate(id)).toBeLessThan(0.99);
    }
    const rows = aggregateScores(results.map((r) => ({ ...r })));
    expect(rows.length).toBeGreaterThan(20);
    // Deterministic: a second run grades identically.
    const again = await runSlice(pairs, simInvoke, simJudge);
    expect(again.map((r) => r.pass)).toEqual(results.map((r) => r.pass));
  });

  it('keeps provider errors and missing judges out of the graded results', async () => {
    const pairs = planSlice([{ id: 'sim/x' }], items, initialCursor(SUITE_VERSION), 10_000).pairs;
    const judged = pairs.filter((p) => p.item.grading.kind === 'judge');
    const failing: EvalInvoke = async () => ({ error: 'upstream 503' });
    const errs = await runSlice(pairs.slice(0, 3), failing);
    expect(errs.every((r) => r.status === 'error' && r.latencyMs === null)).toBe(true);
    const throwing: EvalInvoke = async () => {
      throw new Error('boom');
    };
    expect((await runSlice(pairs.slice(0, 1), throwing))[0]).toMatchObject({ status: 'error', reason: 'invoke failed: boom' });
    // Open-ended answers that pass the hard constraints need a judge.
    const passing: EvalInvoke = async (_e, _r, { itemId }) => ({
      message: {
        role: 'assistant',
        content: simulatedEvalAnswer(
          items.find((i) => i.id === itemId)!,
          'x',
          { skill: 1 },
        ).content,
      },
      finishReason: 'stop',
      latencyMs: 10,
    });
    const noJudge = await runSlice(judged, passing);
    expect(noJudge.every((r) => r.status === 'ungraded')).toBe(true);
    const badJudge: JudgeInvoke = async () => ({
      message: { role: 'assistant', content: 'Looks fine to me.' },
      finishReason: 'stop',
      latencyMs: 5,
    });
    expect((await runSlice(judged.slice(0, 1), passing, badJudge))[0]).toMatchObject({
      status: 'ungraded',
      reason: 'judge gave no parsable score',
    });
    const goodJudge: JudgeInvoke = async () => ({
      message: { role: 'assistant', content: 'Good.\nSCORE: 8' },
      finishReason: 'stop',
      latencyMs: 5,
    });
    const graded = (await runSlice(judged.slice(0, 1), passing, goodJudge))[0];
    expect(graded).toMatchObject({ status: 'graded', pass: true });
    expect(graded.score).toBeCloseTo(7 / 9);
    expect(parseJudgeScore('SCORE: 8')).toBe(8);
  });
});

import { describe, expect, it } from 'vitest';
import { getEndpoint, allEndpoints } from '../../src/catalog/catalog';
import { gradeItem } from '../../src/evals/graders';
import { itemSkill, simulatedCorrect, simulatedEvalAnswer, simulatedJudgeReply, simulatedSkill } from '../../src/sim/skill';
import { parseJudgeScore } from '../../src/evals/judge';
import { loadSuite } from '../../src/evals';

const { items } = loadSuite();

describe('simulated skill', () => {
  it('is deterministic and within (0, 1)', () => {
    const a = simulatedSkill('sim/x', 'intelligence', 'math', 0.7);
    expect(simulatedSkill('sim/x', 'intelligence', 'math', 0.7)).toBe(a);
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(1);
  });
  it('differs between endpoints, categories and classes, and follows the prior', () => {
    const ids = ['sim/a', 'sim/b', 'sim/c', 'sim/d'];
    const skills = ids.map((id) => simulatedSkill(id, 'intelligence', 'math', 0.6));
    expect(new Set(skills).size).toBe(ids.length);
    expect(simulatedSkill('sim/a', 'vision', 'vision', 0.6)).not.toBe(simulatedSkill('sim/a', 'tool_calling', 'tool_use', 0.6));
    expect(simulatedSkill('sim/a', 'intelligence', 'math', 0.9)).toBeGreaterThan(simulatedSkill('sim/a', 'intelligence', 'math', 0.4));
  });
  it('takes the prior from the catalog when the endpoint is known', () => {
    const e = allEndpoints()[0];
    expect(e).toBeDefined();
    expect(simulatedSkill(e.id, 'intelligence', 'math')).toBe(
      simulatedSkill(e.id, 'intelligence', 'math', getEndpoint(e.id)!.qualityPrior),
    );
  });
});

describe('simulated eval answers', () => {
  it('are deterministic per endpoint and item', () => {
    for (const item of items.slice(0, 40)) expect(simulatedEvalAnswer(item, 'sim/a')).toEqual(simulatedEvalAnswer(item, 'sim/a'));
  });
  it('are correct at a rate close to the skill, and graded accordingly', () => {
    const gradable = items.filter((i) => i.grading.kind !== 'judge');
    for (const [id, prior] of [
      ['sim/high', 0.9],
      ['sim/low', 0.35],
    ] as const) {
      let expected = 0;
      let passed = 0;
      for (const item of gradable) {
        expected += itemSkill(item, id, prior);
        const correct = simulatedCorrect(item, id, { qualityPrior: prior });
        const pass = gradeItem(item, simulatedEvalAnswer(item, id, { qualityPrior: prior })).pass;
        expect(pass, `${id} ${item.id}`).toBe(correct);
        if (pass) passed++;
      }
      // Binomial sd ≈ sqrt(n p (1-p)) ≤ 7 for n ≈ 200; allow 4 sd.
      expect(Math.abs(passed - expected)).toBeLessThan(28);
    }
  });
  it('gives stronger endpoints more passes', () => {
    const passes = (prior: number) =>
      items.filter((i) => i.grading.kind !== 'judge' && gradeItem(i, simulatedEvalAnswer(i, 'sim/same', { qualityPrior: prior })).pass)
        .length;
    expect(passes(0.9)).toBeGreaterThan(passes(0.4) + 40);
  });
  it('has a simulated judge that agrees with the simulated correctness', () => {
    const judged = items.filter((i) => i.grading.kind === 'judge');
    for (const item of judged) {
      for (const id of ['sim/a', 'sim/b', 'sim/c']) {
        const score = parseJudgeScore(simulatedJudgeReply(item.id, id))!;
        expect(score >= 7, `${item.id} ${id}`).toBe(simulatedCorrect(item, id));
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createTestKey } from '../helpers/gateway';
import { chatAndRate, completion, decisionTrace } from './helpers';

/**
 * The whole loop through the worker: the wired classifier assigns the task class, the user rates
 * what `auto` served (POST /v1/feedback), and `auto` moves each class to the endpoint the user
 * prefers — within RATINGS_PER_CLASS ratings — while an unrated class keeps its routing.
 */

const RATINGS_PER_CLASS = 40;
const SQL =
  'Write a SQL query that selects the customers whose orders total more than 100, joined with the orders table and grouped by country.';
const POEM = 'Write a short poem about the sea at night, with a melancholy tone.';
const MATH = 'Solve for x: 3x + 7 = 22. Show the algebra step by step.';

interface Trace {
  taskClass: string;
  trace: { chain: string[]; candidates: { id: string; exploration?: number }[] };
}

async function traceOf(key: string, id: string): Promise<Trace> {
  return (await (await decisionTrace(key, id)).json()) as Trace;
}

describe('feedback through the classifier', () => {
  it(
    `SQL goes to the endpoint SQL users like, creative writing to theirs, math unchanged (${RATINGS_PER_CLASS} ratings per class)`,
    { timeout: 180_000 },
    async () => {
      const { key } = await createTestKey({ name: 'fb-classes' });
      const first = { sql: await completion(key, SQL), poem: await completion(key, POEM), math: await completion(key, MATH) };
      expect(first.sql.taskClass).toBe('sql');
      expect(first.poem.taskClass).toBe('creative_writing');
      expect(first.math.taskClass).not.toBe('sql');
      expect(first.math.taskClass).not.toBe('creative_writing');
      const mathChain = (await traceOf(key, first.math.id)).trace.chain;

      const sqlRank = (await traceOf(key, first.sql.id)).trace.candidates.map((c) => c.id);
      const poemRank = (await traceOf(key, first.poem.id)).trace.candidates.map((c) => c.id);
      const B = sqlRank[4];
      const A = poemRank.find((id, i) => i >= 4 && id !== B)!;
      expect(first.sql.endpoint).not.toBe(B);
      expect(first.poem.endpoint).not.toBe(A);

      for (let i = 0; i < RATINGS_PER_CLASS; i++) {
        for (const [prompt, preferred] of [
          [SQL, B],
          [POEM, A],
        ] as const) {
          const { status } = await chatAndRate(key, prompt, (endpoint) => (endpoint === preferred ? 'up' : 'down'));
          expect(status).toBe(200);
        }
      }

      let exploited = 0;
      for (let i = 0; i < 10; i++) {
        for (const [prompt, preferred] of [
          [SQL, B],
          [POEM, A],
        ] as const) {
          const served = await completion(key, prompt);
          const t = await traceOf(key, served.id);
          if (t.trace.candidates.some((c) => c.exploration !== undefined)) continue; // an exploration decision
          exploited++;
          expect(served.endpoint).toBe(preferred);
        }
      }
      expect(exploited).toBeGreaterThanOrEqual(12);
      const mathAfter = await completion(key, MATH);
      expect((await traceOf(key, mathAfter.id)).trace.chain).toEqual(mathChain);
    },
  );
});

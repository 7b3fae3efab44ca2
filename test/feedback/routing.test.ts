import { env } from 'cloudflare:test';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/hub';
import { type PosteriorRow, decide, routingSnapshot, type ClassificationSignal } from '../../src/routing';
import { isExplorationDecision } from '../../src/routing/feedback-preference';
import { applyChangeToTable, applySignals, signalsFromRows } from '../../src/feedback/signals';
import { type KeyRecord, keySettingsSchema } from '../../src/tenancy/types';

/**
 * Pipeline-level feedback loop: simulated users rate what `auto` routes them to, ratings go through
 * the real posterior update and snapshot refresh, and routing is re-run through decide() with an
 * explicit classification (the classifier is wired separately).
 */

/** Documented: after this many ratings per class, `auto` routes each class to the preferred endpoint. */
const RATINGS_PER_CLASS = 40;

const request = { model: 'auto', messages: [{ role: 'user', content: 'hello' }] } as ChatRequest;
const cls = (taskClass: string): ClassificationSignal => ({ taskClass, complexity: 0.5, source: 'model' });
const keyRecord = (id: string, settings: Record<string, unknown> = {}): KeyRecord => ({
  id,
  teamId: 'team-fb',
  name: id,
  keyPrefix: 'cai_x',
  scopes: ['api'],
  settings: keySettingsSchema.parse(settings),
  createdAt: 0,
  revokedAt: null,
});
const T0 = Date.UTC(2026, 5, 1);

let rows = new Map<string, PosteriorRow>();
const refresh = (now: number) => applySignals(routingSnapshot(env), signalsFromRows(rows.values(), now));

function route(key: KeyRecord, taskClass: string, now: number) {
  return decide(env, { request, key, classification: cls(taskClass), now });
}

/** `count` decision times for which this key exploits (no exploration bonus). */
function exploitTimes(keyId: string, from: number, count: number): number[] {
  const out: number[] = [];
  for (let t = from; out.length < count; t++) if (!isExplorationDecision(keyId, t)) out.push(t);
  return out;
}

function rate(key: KeyRecord, endpointId: string, taskClass: string, up: boolean, now: number) {
  applyChangeToTable(rows, { keyId: key.id, endpointId, taskClass }, { rating: up ? 1 : -1, ratedAt: now });
  refresh(now);
}

beforeEach(() => {
  rows = new Map();
  refresh(T0);
});
afterAll(() => {
  rows = new Map();
  refresh(T0);
});

describe('feedback steers auto routing per task class', () => {
  it(`users preferring B for SQL and A for creative writing get them after ${RATINGS_PER_CLASS} ratings per class; other classes unchanged`, () => {
    const user = keyRecord('sim-users');
    const before = (c: string) => route(user, c, T0).candidates.map((x) => x.endpoint.id);
    const sqlRank = before('sql');
    const creativeRank = before('creative_writing');
    const mathChain = exploitTimes(user.id, T0, 5).map((t) => route(user, 'math', t).chain.map((c) => c.endpoint.id));
    // Preferred endpoints are ones auto would NOT pick without feedback.
    const B = sqlRank[5];
    const A = creativeRank.find((id, i) => i >= 3 && id !== B)!;
    expect(sqlRank[0]).not.toBe(B);
    expect(creativeRank[0]).not.toBe(A);

    const firstStable: Record<string, number> = {};
    let now = T0;
    for (let i = 1; i <= RATINGS_PER_CLASS; i++) {
      for (const [taskClass, preferred] of [
        ['sql', B],
        ['creative_writing', A],
      ] as const) {
        now += 60_000;
        const served = route(user, taskClass, now).chain[0].endpoint.id;
        rate(user, served, taskClass, served === preferred, now);
        // Converged = every exploit decision from then on serves the preferred endpoint.
        if (isExplorationDecision(user.id, now)) continue;
        if (served !== preferred) delete firstStable[taskClass];
        else firstStable[taskClass] ??= i;
      }
    }
    for (const t of exploitTimes(user.id, now + 1, 20)) {
      expect(route(user, 'sql', t).chain[0].endpoint.id).toBe(B);
      expect(route(user, 'creative_writing', t).chain[0].endpoint.id).toBe(A);
    }
    // A new key (no ratings of its own) follows the global posterior too.
    expect(route(keyRecord('newcomer'), 'sql', exploitTimes('newcomer', now + 1, 1)[0]).chain[0].endpoint.id).toBe(B);
    // Classes without ratings are untouched, chain for chain.
    expect(exploitTimes(user.id, T0, 5).map((t) => route(user, 'math', t).chain.map((c) => c.endpoint.id))).toEqual(mathChain);
    // Converged well within the documented budget.
    expect(firstStable.sql).toBeLessThanOrEqual(30);
    expect(firstStable.creative_writing).toBeLessThanOrEqual(30);

    // The decision trace shows the satisfaction term used.
    const top = route(user, 'sql', exploitTimes(user.id, now + 100, 1)[0]).candidates[0];
    expect(top.endpoint.id).toBe(B);
    expect(top.scores!.terms.satisfaction).toBeGreaterThan(0.9);
    expect(top.scores!.terms.satisfaction_key).toBeGreaterThan(0.9);
    expect(top.scores!.terms.satisfaction_n).toBeGreaterThan(2);
  });

  it("one key's ratings do not change another key's per-key model", () => {
    const k1 = keyRecord('iso-1');
    const k2 = keyRecord('iso-2');
    const target = route(k1, 'sql', T0).chain[0].endpoint.id;
    rate(k2, target, 'sql', true, T0 + 1000);
    const k2Row = { ...rows.get(`iso-2|${target}|sql`)! };
    for (let i = 0; i < 10; i++) rate(k1, target, 'sql', false, T0 + 2000 + i);
    const snap = routingSnapshot(env);
    expect(rows.get(`iso-2|${target}|sql`)).toEqual(k2Row);
    expect(snap.keySatisfaction!.get(`iso-2|${target}|sql`)!.down).toBe(0);
    expect(snap.keySatisfaction!.get(`iso-1|${target}|sql`)!.down).toBeCloseTo(10, 5);
    const t = T0 + 5000;
    const k2View = route(k2, 'sql', t).candidates.find((c) => c.endpoint.id === target)!;
    const k1View = route(k1, 'sql', t).candidates.find((c) => c.endpoint.id === target);
    // Same global evidence, different per-key posteriors: k2's own thumbs up keeps it above k1's.
    expect(k2View.scores!.terms.satisfaction_key).toBeCloseTo((4 * (2 / 13) + 1) / 5, 3);
    expect(
      k1View === undefined || (k1View.scores!.terms.satisfaction_key as number) < (k2View.scores!.terms.satisfaction_key as number),
    ).toBe(true);
    // A key that never rated sees only the global term.
    const k3View = route(keyRecord('iso-3'), 'sql', t).candidates.find((c) => c.endpoint.id === target);
    if (k3View) expect(k3View.scores!.terms.satisfaction_key).toBeUndefined();
  });

  it('an endpoint without ratings is tried on exploration decisions only, ~10% of a key’s traffic', () => {
    // Three providers keep this many-decision test fast; the mechanism is the same for the whole catalog.
    const user = keyRecord('explorer', { allowProviders: ['openai', 'anthropic', 'google'] });
    const rank = route(user, 'sql', T0).candidates.map((c) => c.endpoint.id);
    // The leaders get good ratings; rank[2] stays unrated (think: newly added).
    const fresh = rank[2];
    for (const id of rank) if (id !== fresh) for (let i = 0; i < 5; i++) rate(keyRecord('others'), id, 'sql', true, T0 + i);
    const served = { explore: new Map<string, number>(), exploit: new Map<string, number>() };
    for (let t = T0 + 10_000; t < T0 + 12_000; t++) {
      const d = route(user, 'sql', t);
      const exploring = isExplorationDecision(user.id, t);
      for (const c of d.candidates) {
        if (exploring) expect(typeof c.scores!.terms.exploration).toBe('number');
        else expect(c.scores!.terms.exploration).toBeUndefined();
      }
      const m = exploring ? served.explore : served.exploit;
      m.set(d.chain[0].endpoint.id, (m.get(d.chain[0].endpoint.id) ?? 0) + 1);
    }
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(total(served.explore) / 2000).toBeLessThan(0.13);
    expect(served.exploit.size).toBe(1);
    expect(served.exploit.has(fresh)).toBe(false);
    expect(served.explore.get(fresh) ?? 0).toBeGreaterThan(0);
    expect(served.explore.size).toBeGreaterThan(2);
  });
});

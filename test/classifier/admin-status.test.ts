import { describe, expect, it } from 'vitest';
import { admin, workerFetch } from '../helpers/gateway';

describe('GET /admin/classifier', () => {
  it('needs the admin secret', async () => {
    const res = await workerFetch('http://gateway.test/admin/classifier');
    expect(res.status).toBe(401);
  });

  it('reports the isolate state; a pinned heuristic is never loaded, even when asked to warm', async () => {
    const before = (await (await admin('/classifier')).json()) as Record<string, unknown>;
    const res = await admin('/classifier?warm=true');
    expect(res.status).toBe(200);
    const after = (await res.json()) as Record<string, unknown>;
    // The test pool pins CAILOS_CLASSIFIER=heuristic (vitest.config.ts): warming must not start a load.
    expect(after).toMatchObject({ object: 'classifier.status', pinnedHeuristic: true, state: before.state });
    expect(['not_loaded', 'loading', 'ready', 'failed']).toContain(after.state);
    expect(typeof after.importMs).toBe('number');
  });
});

import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { buildSnapshot } from '../../src/routing/snapshot';
import { csrfTokenFor, csrfTokenValid, decodeSession, encodeSession, newSession } from '../../src/dashboard/session';
import { scopesFromForm, settingsFromForm } from '../../src/dashboard/team-keys';
import { attemptStats, endpointViews, fillBuckets, percentile, seriesByProvider, sortEndpointViews } from '../../src/dashboard/stats';

describe('dashboard aggregation', () => {
  it('percentile is nearest-rank', () => {
    const xs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('counts a failed attempt against the endpoint that failed, not the one that answered', () => {
    const trace = (attempts: unknown[]) => JSON.stringify({ chain: [], attempts });
    const stats = attemptStats([
      trace([
        { endpointId: 'a/x', outcome: 'failed', ms: 5 },
        { endpointId: 'b/y', outcome: 'ok', ms: 100 },
      ]),
      trace([{ endpointId: 'b/y', outcome: 'ok', ms: 300 }]),
      trace([{ endpointId: 'c/z', outcome: 'skipped', ms: 0 }]),
      'not json',
    ]);
    expect(stats.get('a/x')).toMatchObject({ ok: 0, failed: 1, errorRate: 1, p50Ms: null });
    expect(stats.get('b/y')).toMatchObject({ ok: 2, failed: 0, errorRate: 0, p50Ms: 100, p95Ms: 300 });
    expect(stats.has('c/z')).toBe(false);
  });

  it('fills empty buckets with zeros and aligns provider series on them', () => {
    const h = 3600_000;
    const rows = [
      { t: 2 * h, requests: 3, errors: 1, cachedRequests: 1, inputTokens: 10, outputTokens: 20, costUsd: 0.5, baselineCostUsd: 2 },
    ];
    const buckets = fillBuckets(rows, 0, 3 * h, h);
    expect(buckets.map((b) => b.requests)).toEqual([0, 0, 3, 0]);
    const series = seriesByProvider(buckets, [
      { t: 2 * h, provider: 'groq', costUsd: 0.5 },
      { t: 99 * h, provider: 'groq', costUsd: 9 },
    ]);
    expect(series).toEqual({ groq: [0, 0, 0.5, 0] });
  });

  it('shows the health map state of each endpoint and puts open breakers first', () => {
    const snapshot = buildSnapshot({ ...env, CAILOS_SIMULATE: 'true' });
    const [first, second] = snapshot.endpoints;
    snapshot.health.set(second.endpoint.id, { state: 'open', errorRate: 0.6, openUntil: 123 });
    snapshot.satisfaction.set(`${second.endpoint.id}|code`, 0.8);
    const views = sortEndpointViews(endpointViews(snapshot, new Map(), new Map()));
    expect(views[0]).toMatchObject({
      id: second.endpoint.id,
      breaker: { state: 'open', errorRate: 0.6, openUntil: 123 },
      satisfaction: [{ taskClass: 'code', score: 0.8 }],
    });
    expect(views.find((v) => v.id === first.endpoint.id)?.breaker.state).toBe('closed');
    expect(views).toHaveLength(snapshot.endpoints.length);
  });
});

describe('dashboard session cookie', () => {
  it('round-trips, and rejects tampering, expiry and a foreign secret', async () => {
    const s = newSession('team-a', 'admin');
    const cookie = await encodeSession(env, s);
    expect(await decodeSession(env, cookie)).toEqual(s);
    const [payload, sig] = cookie.split('.');
    const forged = btoa(JSON.stringify({ ...s, team: 'team-b' }))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(await decodeSession(env, `${forged}.${sig}`)).toBeNull();
    expect(await decodeSession(env, `${payload}.${sig.slice(0, -2)}AA`)).toBeNull();
    expect(await decodeSession(env, cookie, s.exp + 1)).toBeNull();
    expect(await decodeSession({ ...env, KEY_PEPPER: 'other-pepper' }, cookie)).toBeNull();
    expect(await decodeSession(env, 'garbage')).toBeNull();
  });

  it('derives a CSRF token bound to the session', async () => {
    const a = newSession('team-a', 'admin');
    const b = newSession('team-a', 'admin');
    const token = await csrfTokenFor(env, a);
    expect(await csrfTokenValid(env, a, token)).toBe(true);
    expect(await csrfTokenValid(env, b, token)).toBe(false);
    expect(await csrfTokenValid(env, a, '')).toBe(false);
    expect(await csrfTokenValid(env, a, null)).toBe(false);
  });
});

describe('key settings form', () => {
  it('maps form strings onto a validated settings patch', () => {
    expect(
      settingsFromForm({
        defaultStrategy: 'cost',
        minTrustLevel: '2',
        monthlyBudgetUsd: '12.5',
        requestsPerMinute: '60',
        shieldMode: 'block',
      }),
    ).toEqual({
      defaultStrategy: 'cost',
      minTrustLevel: 2,
      monthlyBudgetUsd: 12.5,
      requestsPerMinute: 60,
      shield: { mode: 'block' },
    });
    // Empty strategy = classifier chooses; empty budget = no budget; absent fields are left alone.
    expect(settingsFromForm({ defaultStrategy: '', monthlyBudgetUsd: '' })).toEqual({ defaultStrategy: null, monthlyBudgetUsd: null });
    expect(settingsFromForm({})).toEqual({});
    expect(() => settingsFromForm({ minTrustLevel: '7' })).toThrow();
    expect(() => settingsFromForm({ requestsPerMinute: '0' })).toThrow();
  });

  it('maps the control fields onto the admin API shapes: empty is none, rules by line or comma, cache on/off', () => {
    expect(
      settingsFromForm({
        dailyBudgetUsd: '',
        weeklyBudgetUsd: '7',
        tokensPerMinute: '',
        allowMode: 'list',
        allowModels: ' gpt-4o \n\nprovider:groq, family:claude ',
        denyModels: '',
        residency: ' eu ',
        expiresAt: '1900000000000',
        cacheEnabled: 'yes',
        cacheTtlSeconds: '',
      }),
    ).toEqual({
      dailyBudgetUsd: null,
      weeklyBudgetUsd: 7,
      tokensPerMinute: null,
      allowModels: ['gpt-4o', 'provider:groq', 'family:claude'],
      denyModels: null,
      residency: 'eu',
      expiresAt: 1900000000000,
      responseCache: { enabled: true, ttlSeconds: 3600 },
    });
    expect(settingsFromForm({ allowMode: 'any', allowModels: 'gpt-4o' })).toEqual({ allowModels: null });
    expect(settingsFromForm({ allowMode: 'list', allowModels: '' })).toEqual({ allowModels: [] });
    expect(settingsFromForm({ expiresAt: '2030-01-01T00:00:00Z', residency: '' })).toEqual({
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
      residency: null,
    });
    expect(() => settingsFromForm({ expiresAt: '2030-01-01' })).toThrow();
    expect(() => settingsFromForm({ tokensPerMinute: '1.5' })).toThrow();
  });

  it('keeps only known scopes and defaults to api', () => {
    expect(scopesFromForm({ scopes: ['api', 'dashboard', 'root'] })).toEqual(['api', 'dashboard']);
    expect(scopesFromForm({ scopes: 'dashboard' })).toEqual(['dashboard']);
    expect(scopesFromForm({})).toEqual(['api']);
  });
});

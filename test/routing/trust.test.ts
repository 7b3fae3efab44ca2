import { describe, expect, it } from 'vitest';
import { jsx } from 'hono/jsx';
import { type ChatRequest, ApiError, STRATEGIES } from '../../src/hub';
import { maxTrustFromEvidence } from '../../src/catalog/trust';
import type { Endpoint } from '../../src/catalog';
import { endpointViews } from '../../src/dashboard/stats';
import { EndpointsPage } from '../../src/dashboard/views/endpoints';
import type { Env } from '../../src/env';
import { runPipeline } from '../../src/routing/pipeline';
import { buildSnapshot, type RoutingSnapshot } from '../../src/routing/snapshot';
import type { KeyRecord } from '../../src/tenancy';
import { context, keyWith } from './helpers';

const ANTHROPIC_ZDR = { provider: 'anthropic', level: 2, agreement: 'ZDR addendum 2026-03, ref ABC-123' };
const snapshotWith = (vars: Record<string, string> = {}) => buildSnapshot({ CAILOS_SIMULATE: 'true', ...vars } as unknown as Env);
const ask = (model: string, extra: Partial<ChatRequest> = {}) =>
  ({ model, messages: [{ role: 'user', content: 'Summarise our contract terms.' }], ...extra }) as ChatRequest;

function route(snapshot: RoutingSnapshot, request: ChatRequest, key: KeyRecord = keyWith()) {
  try {
    return runPipeline(context({ request, key, snapshot, classification: { taskClass: 'chat', complexity: 0.3, source: 'model' } }));
  } catch (err) {
    if (err instanceof ApiError) return null; // refusing is always allowed
    throw err;
  }
}

/** Every model spec a client can send: each endpoint id, each family, auto under each strategy. */
function allSpecs(snapshot: RoutingSnapshot): string[] {
  const ids = snapshot.endpoints.map((e) => e.endpoint.id);
  const families = [...new Set(snapshot.endpoints.map((e) => e.endpoint.codename))];
  return [...ids, ...families, 'auto', ...STRATEGIES.map((s) => `auto:${s}`)];
}

/** An endpoint may serve trust_level 2 only if its evidence does (no retention, no training, SOC 2/GDPR) or an operator agreement says so. */
function mayServeLevel2(e: Endpoint): boolean {
  if (e.trustOverride) return e.trustOverride.level >= 2 && e.trustOverride.agreement.length > 0;
  const ev = e.trustEvidence!;
  return maxTrustFromEvidence(ev) >= 2 && (ev.retentionDays === 0 || ev.enclave === true || ev.onPremise === true);
}

function sweep(snapshot: RoutingSnapshot) {
  const served = new Set<string>();
  let refused = 0;
  for (const model of allSpecs(snapshot)) {
    const ctx = route(snapshot, ask(model, { trust_level: 2 }));
    if (!ctx) {
      refused++;
      continue;
    }
    for (const c of [...ctx.candidates, ...ctx.chain]) {
      expect(mayServeLevel2(c.endpoint), `${model} → ${c.endpoint.id}`).toBe(true);
      served.add(c.endpoint.provider);
    }
  }
  return { served, refused };
}

describe('trust_level 2 never reaches an endpoint that keeps inputs on default terms', () => {
  it('sweeps every endpoint, family and auto strategy of the catalog through routing', () => {
    const { served, refused } = sweep(snapshotWith());
    expect([...served]).toEqual(['tinfoil']);
    expect(refused).toBeGreaterThan(50);
  });

  it('with an agreement on record, that provider (and only it) serves level 2', () => {
    const { served } = sweep(snapshotWith({ TRUST_OVERRIDES: JSON.stringify([ANTHROPIC_ZDR]) }));
    expect([...served].sort()).toEqual(['anthropic', 'tinfoil']);
  });
});

describe('the trust stage names the override that decided', () => {
  it('for kept endpoints', () => {
    const ctx = route(snapshotWith({ TRUST_OVERRIDES: JSON.stringify([ANTHROPIC_ZDR]) }), ask('claude-sonnet', { trust_level: 2 }))!;
    expect(ctx.chain[0].endpoint.provider).toBe('anthropic');
    const stage = ctx.trace.find((t) => t.stage === 'trust')!;
    expect(stage.note).toBe(`kept under override anthropic 1→2 (${ANTHROPIC_ZDR.agreement})`);
  });

  it('for dropped endpoints', () => {
    const lowered = { provider: 'groq', level: 0, agreement: 'internal review 2026-11: treat as training' };
    const ctx = route(snapshotWith({ TRUST_OVERRIDES: JSON.stringify([lowered]) }), ask('gpt-oss-120b', { trust_level: 1 }))!;
    const groq = ctx.dropped.find((d) => d.id === 'groq/openai/gpt-oss-120b')!;
    expect(groq).toEqual({
      id: 'groq/openai/gpt-oss-120b',
      stage: 'trust',
      reason: `trust 0 < required 1 (override groq 1→0 (${lowered.agreement}))`,
    });
    expect(ctx.chain.every((c) => c.endpoint.provider !== 'groq')).toBe(true);
  });
});

describe('level-0 endpoints only when the request and the key both allow 0', () => {
  const snapshot = snapshotWith();
  const freeIds = snapshot.endpoints.filter((e) => e.endpoint.trustLevel === 0).map((e) => e.endpoint.id);

  it('a key that opts into 0 and trust_level 0 with auto:cost gets a free endpoint', () => {
    const ctx = route(snapshot, ask('auto:cost', { trust_level: 0 }), keyWith({ minTrustLevel: 0 }))!;
    expect(ctx.chain[0].endpoint.pricing).toMatchObject({ inputPerMTok: 0, outputPerMTok: 0 });
    expect(ctx.chain[0].endpoint.freeTier).toBeDefined();
  });

  it('the default key never does, whatever the request says; nor does trust_level 1 on an opted-in key', () => {
    expect(keyWith().settings.minTrustLevel).toBe(1);
    expect(freeIds.length).toBeGreaterThan(0);
    for (const [model, trust, key] of [
      ['auto:cost', 0, keyWith()],
      ['auto', undefined, keyWith()],
      ['gpt-oss-120b:cost', 0, keyWith()],
      ['auto:cost', 1, keyWith({ minTrustLevel: 0 })],
    ] as const) {
      const ctx = route(snapshot, ask(model, trust === undefined ? {} : { trust_level: trust }), key)!;
      for (const c of [...ctx.candidates, ...ctx.chain]) expect(c.endpoint.trustLevel, `${model} ${trust}`).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the dashboard endpoint view', () => {
  it('shows the level in force and the agreement that set it', async () => {
    const snapshot = snapshotWith({ TRUST_OVERRIDES: JSON.stringify([ANTHROPIC_ZDR]) });
    const views = endpointViews(snapshot, new Map(), new Map());
    const claude = views.find((v) => v.provider === 'anthropic')!;
    expect(claude.trust).toEqual({
      defaultLevel: 1,
      limitedBy: 'inputs kept up to 30 days',
      override: { level: 2, agreement: ANTHROPIC_ZDR.agreement },
    });
    const free = views.find((v) => v.provider === 'openrouter-free')!;
    expect(free.freeTier).toMatchObject({ requestsPerMinute: 20, requestsPerDay: 50 });
    const viewer = { team: 't', role: 'admin', canManage: true, via: 'bearer' } as never;
    const html = String(
      await jsx(EndpointsPage, { viewer, report: { window: '24h', suiteVersion: null, builtAt: 0, data: [claude, free] } }),
    );
    expect(html).toContain('2 · high');
    expect(html).toContain(`override: ${ANTHROPIC_ZDR.agreement} (default 1 · standard)`);
    expect(html).toContain('free tier: 20 rpm, 50 per day');
  });
});

import type { Attempt, ChatRequest } from '../../src/hub';
import type { Endpoint, ProviderId, TrustLevel } from '../../src/catalog/types';
import type { RoutingSnapshot, Candidate, RoutingContext } from '../../src/routing';
import { keySettingsSchema, type KeyRecord, type KeySettings } from '../../src/tenancy/types';

/** A hand-built endpoint: $1/M in and out, 200 ms ttft, 100 tok/s, unless overridden. */
export function endpoint(id: string, over: Partial<Endpoint> & { price?: number } = {}): Endpoint {
  const price = over.price ?? 1;
  const provider = (over.provider ?? id.split('/')[0]) as ProviderId;
  return {
    id,
    provider,
    model: id.split('/')[1] ?? id,
    codename: over.codename ?? id.split('/')[1] ?? id,
    wireFormat: 'openai',
    pricing: { inputPerMTok: price, outputPerMTok: price, asOf: '2026-01-01', source: 'test' },
    contextWindow: 128_000,
    maxOutputTokens: 8_192,
    capabilities: { tools: true, vision: false, jsonSchema: true, streaming: true },
    trustLevel: 1 as TrustLevel,
    regions: ['global'],
    latency: { ttftMs: 200, tokensPerSec: 100 },
    qualityPrior: 0.7,
    ...over,
  };
}

export function snapshotOf(endpoints: Endpoint[]): RoutingSnapshot {
  return {
    builtAt: 0,
    endpoints: endpoints.map((e) => ({ endpoint: e, simulated: true })),
    health: new Map(),
    latency: new Map(),
    evals: new Map(),
    satisfaction: new Map(),
  };
}

export function keyWith(settings: Partial<KeySettings> = {}, id = 'key-1'): KeyRecord {
  return {
    id,
    teamId: 'team-1',
    name: 't',
    keyPrefix: 'cai_x',
    scopes: ['api'],
    settings: keySettingsSchema.parse(settings),
    createdAt: 0,
    revokedAt: null,
  };
}

export function request(over: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'auto', messages: [{ role: 'user', content: 'Say hello.' }], ...over } as ChatRequest;
}

export function context(over: Partial<RoutingContext> & { endpoints?: Endpoint[] } = {}): RoutingContext {
  const { endpoints, ...rest } = over;
  const req = rest.request ?? request();
  return {
    now: 1_000_000,
    request: req,
    hints: req.routing ?? {},
    key: keyWith(),
    snapshot: snapshotOf(endpoints ?? []),
    candidates: [],
    dropped: [],
    chain: [],
    trace: [],
    ...rest,
  };
}

/** A candidate with precomputed scores, for the objectives. */
export function scored(id: string, quality: number, costUsd: number, latencyMs = 1000, provider?: string): Candidate {
  return {
    endpoint: endpoint(id, provider ? { provider: provider as ProviderId } : {}),
    simulated: true,
    scores: { quality, costUsd, latencyMs, ttftMs: 100, objective: 0, terms: {} },
  };
}

export { mulberry32 as prng } from '../../src/lib';

/** One attempt of a settled request: ok answers 200, failures 503. */
export function attempt(endpointId: string, outcome: Attempt['outcome'], extra: Partial<Attempt> = {}): Attempt {
  return { endpointId, provider: 'x', simulated: true, outcome, status: outcome === 'ok' ? 200 : 503, ms: 300, startedAtMs: 0, ...extra };
}

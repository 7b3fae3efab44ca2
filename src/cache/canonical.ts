import type { ChatRequest } from '../hub';

/**
 * The canonical form of what a cached answer answers: JSON with object keys sorted at every depth, so
 * the same request hashes the same whatever order its client wrote the fields in. Array order is kept
 * (messages, tools and stop sequences are ordered).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const fields: string[] = [];
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) fields.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
  }
  return `{${fields.join(',')}}`;
}

/**
 * Request fields that change how an answer is delivered, never what it says. Everything else counts,
 * including fields Cailos does not know (they pass through to providers), `user`, and the routing hints
 * (they decide which endpoint answers).
 */
const DELIVERY_FIELDS = new Set(['stream', 'stream_options']);

/**
 * Key settings that never change an answer: limits, accounting and the cache's own setting. Every other
 * setting (strategy, tier, trust minimum, providers, regions, llmshield, and any setting added later)
 * can change which endpoint answers or what it is sent, so keys that differ in one never share entries.
 */
const NON_ROUTING_SETTINGS = new Set([
  'requestsPerMinute',
  'monthlyBudgetUsd',
  'baselineModel',
  'storeFeedbackComments',
  'expiresAt',
  'responseCache',
]);

/** The request as the cache key sees it: the model spec as sent, the messages and every answer-changing field. */
export function requestMaterial(req: ChatRequest): string {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(req)) if (!DELIVERY_FIELDS.has(k)) kept[k] = v;
  return canonicalJson(kept);
}

/** The key's routing policy as the cache key sees it. */
export function policyMaterial(settings: object): string {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(settings)) if (!NON_ROUTING_SETTINGS.has(k)) kept[k] = v;
  return canonicalJson(kept);
}

import { expect, it } from 'vitest';
import type { EmbeddingEndpoint } from '../../src/catalog';
import type { EmbeddingsCall } from '../../src/hub';
import type { EmbeddingAdapter } from '../../src/providers/embedding-types';
import type { UpstreamTarget } from '../../src/providers/types';
import { answerEmbeddings } from '../../src/sim/embeddings';
import type { SimFormat } from '../../src/sim/types';
import { thrownUpstreamError } from '../helpers/errors';

/**
 * Golden fixtures of an embedding adapter (test/fixtures/<format>/embeddings.json):
 * requests   [{ name, call: EmbeddingsCall, url?, expected: native body }]
 * responses  [{ name, body: native 2xx body, expected: NormalizedEmbeddings } | { name, body, error: failure }]
 * errors     [{ name, status, headers?, body, expected: failure }]
 */
export interface EmbeddingFixtures {
  requests: { name: string; call: unknown; url?: string; expected: unknown }[];
  responses: { name: string; body: unknown; expected?: unknown; error?: Record<string, unknown> }[];
  errors: { name: string; status: number; headers?: Record<string, string>; body: unknown; expected: Record<string, unknown> }[];
}

export function targetFor(endpoint: EmbeddingEndpoint, baseUrl: string): UpstreamTarget {
  return { endpoint, baseUrl, apiKey: 'test-key' };
}

export function requestCases(adapter: EmbeddingAdapter, fixtures: EmbeddingFixtures, target: UpstreamTarget, defaultUrl: string): void {
  for (const f of fixtures.requests) {
    it(f.name, () => {
      const http = adapter.buildRequest(f.call as EmbeddingsCall, target);
      expect(http.method).toBe('POST');
      expect(http.url).toBe(f.url ?? defaultUrl);
      expect(http.headers['content-type']).toBe('application/json');
      expect(JSON.parse(http.body)).toEqual(f.expected);
    });
  }
}

export function responseCases(adapter: EmbeddingAdapter, fixtures: EmbeddingFixtures): void {
  for (const f of fixtures.responses) {
    it(f.name, () => {
      if (f.error) {
        expect(thrownUpstreamError(() => adapter.parseResponse(f.body)).failure).toMatchObject(f.error);
        return;
      }
      expect(adapter.parseResponse(f.body)).toEqual(f.expected);
    });
  }
}

export function errorCases(adapter: EmbeddingAdapter, fixtures: EmbeddingFixtures): void {
  for (const f of fixtures.errors) {
    it(f.name, () => {
      const failure = adapter.classifyError(f.status, JSON.stringify(f.body), new Headers(f.headers ?? {}));
      expect(failure).toMatchObject(f.expected);
    });
  }
}

/** The adapter's request answered by the simulated fleet in the same format, and the answer parsed back. */
export function simRoundTrip(adapter: EmbeddingAdapter, sim: SimFormat, target: UpstreamTarget, call: EmbeddingsCall) {
  const http = adapter.buildRequest(call, target);
  const answer = answerEmbeddings(sim, target.endpoint.id, new URL(http.url), http.body);
  return { answer, parsed: answer.status === 200 ? adapter.parseResponse(JSON.parse(answer.body)) : undefined };
}

export function norm(v: number[]): number {
  return Math.hypot(...v);
}

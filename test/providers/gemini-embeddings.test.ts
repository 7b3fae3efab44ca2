import { describe, expect, it } from 'vitest';
import { getEmbeddingEndpoint } from '../../src/catalog';
import { geminiEmbeddingAdapter } from '../../src/providers/gemini/embeddings';
import { geminiSimFormat } from '../../src/sim/formats/gemini';
import fixtures from '../fixtures/gemini/embeddings.json';
import { thrownUpstreamError } from '../helpers/errors';
import { errorCases, norm, requestCases, responseCases, simRoundTrip, targetFor } from './embedding-fixtures';

const endpoint = getEmbeddingEndpoint('google/gemini-embedding-001')!;
const target = targetFor(endpoint, 'https://generativelanguage.googleapis.com/v1beta');

describe('gemini embeddings buildRequest (golden fixtures)', () => {
  requestCases(geminiEmbeddingAdapter, fixtures, target, 'unused: every fixture names its url');

  it('sends the key in x-goog-api-key, never in the URL', () => {
    const http = geminiEmbeddingAdapter.buildRequest({ inputs: { kind: 'text', texts: ['x'] } }, target);
    expect(http.headers['x-goog-api-key']).toBe('test-key');
    expect(http.url).not.toContain('test-key');
  });

  it('refuses token ids', () => {
    const err = thrownUpstreamError(() => geminiEmbeddingAdapter.buildRequest({ inputs: { kind: 'tokens', tokens: [[1]] } }, target));
    expect(err.failure).toMatchObject({ kind: 'bad_request', retryable: true });
  });
});

describe('gemini embeddings parseResponse (golden fixtures)', () => {
  responseCases(geminiEmbeddingAdapter, fixtures);
});

describe('gemini embeddings classifyError (golden fixtures)', () => {
  errorCases(geminiEmbeddingAdapter, fixtures);
});

describe('the simulated fleet answers embedContent and batchEmbedContents (SIMULATION)', () => {
  it('one text through embedContent, several through batchEmbedContents, no usage (as Gemini)', () => {
    const one = simRoundTrip(geminiEmbeddingAdapter, geminiSimFormat, target, { inputs: { kind: 'text', texts: ['solo'] } });
    expect(one.parsed!.vectors).toHaveLength(1);
    expect(one.parsed!.vectors[0]).toHaveLength(3072);
    expect(one.parsed!.promptTokens).toBeUndefined();
    const batch = simRoundTrip(geminiEmbeddingAdapter, geminiSimFormat, target, {
      inputs: { kind: 'text', texts: ['solo', 'duo'] },
      dimensions: 768,
    });
    expect(batch.parsed!.vectors.map((v) => v.length)).toEqual([768, 768]);
    expect(norm(batch.parsed!.vectors[1])).toBeCloseTo(1, 6);
  });

  it("refuses over 100 requests in one batch, with Google's error shape", () => {
    const texts = Array.from({ length: 101 }, (_, i) => `t${i}`);
    const { answer } = simRoundTrip(geminiEmbeddingAdapter, geminiSimFormat, target, { inputs: { kind: 'text', texts } });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.status).toBe('INVALID_ARGUMENT');
  });
});

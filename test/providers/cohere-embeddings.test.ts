import { describe, expect, it } from 'vitest';
import { getEmbeddingEndpoint } from '../../src/catalog';
import { cohereEmbeddingAdapter } from '../../src/providers/cohere/embeddings';
import { cohereSimFormat } from '../../src/sim/formats/cohere';
import fixtures from '../fixtures/cohere/embeddings.json';
import { thrownUpstreamError } from '../helpers/errors';
import { errorCases, norm, requestCases, responseCases, simRoundTrip, targetFor } from './embedding-fixtures';

const endpoint = getEmbeddingEndpoint('cohere/embed-v4.0')!;
const target = targetFor(endpoint, 'https://api.cohere.com/');

describe('cohere embeddings buildRequest (golden fixtures)', () => {
  requestCases(cohereEmbeddingAdapter, fixtures, target, 'https://api.cohere.com/v2/embed');

  it('refuses token ids, retryably (an OpenAI endpoint may take them)', () => {
    const err = thrownUpstreamError(() => cohereEmbeddingAdapter.buildRequest({ inputs: { kind: 'tokens', tokens: [[1, 2]] } }, target));
    expect(err.failure).toMatchObject({ kind: 'bad_request', retryable: true });
  });

  it('authenticates with a bearer token', () => {
    expect(cohereEmbeddingAdapter.buildRequest({ inputs: { kind: 'text', texts: ['x'] } }, target).headers.authorization).toBe(
      'Bearer test-key',
    );
  });
});

describe('cohere embeddings parseResponse (golden fixtures)', () => {
  responseCases(cohereEmbeddingAdapter, fixtures);
});

describe('cohere embeddings classifyError (golden fixtures)', () => {
  errorCases(cohereEmbeddingAdapter, fixtures);
});

describe('the simulated fleet answers Cohere embed requests natively (SIMULATION)', () => {
  it('float vectors and billed units, shortened to an output_dimension Cohere offers', () => {
    const { parsed } = simRoundTrip(cohereEmbeddingAdapter, cohereSimFormat, target, {
      inputs: { kind: 'text', texts: ['hello', 'world'] },
      dimensions: 512,
    });
    expect(parsed!.vectors.map((v) => v.length)).toEqual([512, 512]);
    expect(norm(parsed!.vectors[0])).toBeCloseTo(1, 6);
    expect(parsed!.promptTokens).toBe(4);
  });

  it('refuses a length Cohere does not offer, and a batch over 96 texts', () => {
    const odd = simRoundTrip(cohereEmbeddingAdapter, cohereSimFormat, target, { inputs: { kind: 'text', texts: ['x'] }, dimensions: 300 });
    expect(odd.answer.status).toBe(400);
    const many = simRoundTrip(cohereEmbeddingAdapter, cohereSimFormat, target, {
      inputs: { kind: 'text', texts: Array.from({ length: 97 }, (_, i) => `t${i}`) },
    });
    expect(many.answer.status).toBe(400);
    expect(cohereEmbeddingAdapter.classifyError(400, many.answer.body, new Headers())).toMatchObject({ kind: 'bad_request' });
  });

  it('an input over the model limit is a context-length failure (embed-english-v3.0 takes 512 tokens)', () => {
    const v3 = targetFor(getEmbeddingEndpoint('cohere/embed-english-v3.0')!, 'https://api.cohere.com');
    const long = simRoundTrip(cohereEmbeddingAdapter, cohereSimFormat, v3, { inputs: { kind: 'text', texts: ['word '.repeat(600)] } });
    expect(long.answer.status).toBe(400);
    expect(cohereEmbeddingAdapter.classifyError(400, long.answer.body, new Headers())).toMatchObject({
      kind: 'context_length',
      retryable: true,
    });
  });
});

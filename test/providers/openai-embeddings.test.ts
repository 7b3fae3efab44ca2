import { describe, expect, it } from 'vitest';
import { getEmbeddingEndpoint } from '../../src/catalog';
import { base64ToFloat32, float32ToBase64 } from '../../src/lib';
import { openaiEmbeddingAdapter } from '../../src/providers/openai/embeddings';
import { openaiSimFormat } from '../../src/sim/formats/openai';
import fixtures from '../fixtures/openai/embeddings.json';
import { errorCases, norm, requestCases, responseCases, simRoundTrip, targetFor } from './embedding-fixtures';

const endpoint = getEmbeddingEndpoint('openai/text-embedding-3-small')!;
const target = targetFor(endpoint, 'https://api.openai.com/v1/');

describe('openai embeddings buildRequest (golden fixtures)', () => {
  requestCases(openaiEmbeddingAdapter, fixtures, target, 'https://api.openai.com/v1/embeddings');

  it('sends the key as a bearer token, and none to a keyless self-hosted server', () => {
    const call = { inputs: { kind: 'text' as const, texts: ['x'] } };
    expect(openaiEmbeddingAdapter.buildRequest(call, target).headers.authorization).toBe('Bearer test-key');
    expect(openaiEmbeddingAdapter.buildRequest(call, { ...target, apiKey: '' }).headers.authorization).toBeUndefined();
  });
});

describe('openai embeddings parseResponse (golden fixtures)', () => {
  responseCases(openaiEmbeddingAdapter, fixtures);
});

describe('openai embeddings classifyError (golden fixtures)', () => {
  errorCases(openaiEmbeddingAdapter, fixtures);
});

describe('base64 float32, as OpenAI encodes vectors', () => {
  it('is little-endian IEEE-754 float32', () => {
    // 1.0 = 0x3F800000, least significant byte first; -2.0 = 0xC0000000.
    expect(float32ToBase64([1, -2])).toBe('AACAPwAAAMA=');
    expect(base64ToFloat32('AACAPwAAAMA=')).toEqual([1, -2]);
  });

  it('round-trips a long vector to float32 precision and rejects what is not float32', () => {
    const v = Array.from({ length: 3072 }, (_, i) => Math.sin(i) / 7);
    const back = base64ToFloat32(float32ToBase64(v))!;
    expect(back).toHaveLength(3072);
    back.forEach((x, i) => expect(x).toBeCloseTo(v[i], 6));
    expect(base64ToFloat32('AAA=')).toBeUndefined();
    expect(base64ToFloat32('not base64!')).toBeUndefined();
  });
});

describe('the simulated fleet answers OpenAI-format embedding requests (SIMULATION)', () => {
  const call = { inputs: { kind: 'text' as const, texts: ['alpha', 'beta', 'alpha'] } };

  it('one unit vector per input, of the default length, the same for the same text', () => {
    const { parsed } = simRoundTrip(openaiEmbeddingAdapter, openaiSimFormat, target, call);
    expect(parsed!.vectors).toHaveLength(3);
    for (const v of parsed!.vectors) {
      expect(v).toHaveLength(1536);
      expect(norm(v)).toBeCloseTo(1, 6);
    }
    expect(parsed!.vectors[2]).toEqual(parsed!.vectors[0]);
    expect(parsed!.vectors[1]).not.toEqual(parsed!.vectors[0]);
    // ~4 characters per token: alpha 2, beta 1, alpha 2.
    expect(parsed!.promptTokens).toBe(5);
  });

  it('another host of the same family gives the same vectors; another family different ones', () => {
    const viaRouter = targetFor(getEmbeddingEndpoint('openrouter/openai/text-embedding-3-small')!, 'https://openrouter.ai/api/v1');
    const large = targetFor(getEmbeddingEndpoint('openai/text-embedding-3-large')!, 'https://api.openai.com/v1');
    const a = simRoundTrip(openaiEmbeddingAdapter, openaiSimFormat, target, call).parsed!;
    expect(simRoundTrip(openaiEmbeddingAdapter, openaiSimFormat, viaRouter, call).parsed!.vectors).toEqual(a.vectors);
    expect(simRoundTrip(openaiEmbeddingAdapter, openaiSimFormat, large, call).parsed!.vectors[0].slice(0, 5)).not.toEqual(
      a.vectors[0].slice(0, 5),
    );
  });

  it('shortens to the asked length, renormalised; token ids are embedded too', () => {
    const { parsed } = simRoundTrip(openaiEmbeddingAdapter, openaiSimFormat, target, {
      inputs: { kind: 'tokens', tokens: [[1, 2, 3]] },
      dimensions: 256,
    });
    expect(parsed!.vectors[0]).toHaveLength(256);
    expect(norm(parsed!.vectors[0])).toBeCloseTo(1, 6);
    expect(parsed!.promptTokens).toBe(3);
  });

  it('refuses what the real endpoint refuses: a length or token ids a fixed-length text model cannot take', () => {
    const bge = targetFor(getEmbeddingEndpoint('deepinfra/BAAI/bge-m3-multi-8k')!, 'https://api.deepinfra.com/v1/openai');
    const dims = simRoundTrip(openaiEmbeddingAdapter, openaiSimFormat, bge, { inputs: { kind: 'text', texts: ['x'] }, dimensions: 256 });
    expect(dims.answer.status).toBe(400);
    expect(openaiEmbeddingAdapter.classifyError(400, dims.answer.body, new Headers())).toMatchObject({
      kind: 'bad_request',
      retryable: false,
    });
    const tokens = simRoundTrip(openaiEmbeddingAdapter, openaiSimFormat, bge, { inputs: { kind: 'tokens', tokens: [[1]] } });
    expect(tokens.answer.status).toBe(400);
  });
});

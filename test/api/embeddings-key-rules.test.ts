import { describe, expect, it } from 'vitest';
import { apiRefusal, createTestKey, openaiClient } from '../helpers/gateway';

/** A key's model rules and strict residency bind /v1/embeddings exactly as they bind chat. */

describe('embeddings under the key’s model rules and residency', () => {
  it('refuses a denied embedding model with 403 model_not_allowed, and auto avoids denied providers', async () => {
    const { key } = await createTestKey({ name: 'emb-deny', settings: { denyModels: ['text-embedding-3-small', 'provider:cohere'] } });
    const client = openaiClient(key);
    const err = await apiRefusal(client.embeddings.create({ model: 'text-embedding-3-small', input: 'rivers and lakes' }));
    expect(err.status).toBe(403);
    expect(err.code).toBe('model_not_allowed');
    const { response } = await client.embeddings.create({ model: 'auto:cost', input: 'rivers and lakes' }).withResponse();
    const endpoint = response.headers.get('x-cailos-endpoint') ?? '';
    expect(endpoint).not.toMatch(/^cohere\//);
    expect(endpoint).not.toMatch(/text-embedding-3-small$/);
  });

  it('never sends an embedding request outside the key’s residency region', async () => {
    const { key } = await createTestKey({ name: 'emb-eu', settings: { residency: 'eu' } });
    const err = await apiRefusal(openaiClient(key).embeddings.create({ model: 'text-embedding-3-small', input: 'rivers and lakes' }));
    // No embedding endpoint of the catalog is sourced to process in the EU: refused, not sent elsewhere.
    expect(err.status).toBe(422);
    expect(err.code).toBe('residency_unavailable');
  });
});

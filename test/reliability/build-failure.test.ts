import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { type ChatRequest, chatRequest, ApiError, type Attempt } from '../../src/hub';
import { getEndpoint } from '../../src/catalog';
import type { Env } from '../../src/env';
import { breakerView } from '../../src/reliability/breaker-view';
import { executeCompletion } from '../../src/reliability';
import { observationsOf } from '../../src/routing/live-stats';
import type { Candidate } from '../../src/routing';
import { resetBreakers } from './helpers';

/**
 * An exception thrown while the gateway builds a provider's request happens before anything is sent: it is
 * the gateway's (or the request's), never the provider's. Driven through the executor with the simulated
 * fleet, independent of any nesting limit the HTTP body parser may apply before the request gets here.
 */

const gemini = getEndpoint('google/gemini-2.5-flash')!;
const pending: Promise<unknown>[] = [];
const opts = { expectedOutputTokens: 16, waitUntil: (p: Promise<unknown>) => void pending.push(p) };

/** A JSON Schema nested `depth` levels, built in a loop (the test itself must not recurse). */
function deepSchema(depth: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < depth; i++) schema = { type: 'object', properties: { a: schema } };
  return schema;
}

function request(extra: Record<string, unknown> = {}): ChatRequest {
  return chatRequest.parse({ model: gemini.id, messages: [{ role: 'user', content: 'call f' }], ...extra });
}

async function failureOf(chain: Candidate[], req: ChatRequest): Promise<ApiError & { attempts: Attempt[] }> {
  const err = await executeCompletion(env as unknown as Env, chain, req, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  await Promise.allSettled(pending.splice(0));
  return err as ApiError & { attempts: Attempt[] };
}

/** What the settled request would feed the live statistics. */
const liveObservations = (attempts: Attempt[]) =>
  observationsOf(
    { status: 400, usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }, attempts, stream: false },
    0,
    0,
    () => undefined,
  );

beforeEach(async () => {
  await resetBreakers();
});

describe('a request the gateway cannot build', () => {
  it('too deeply nested for the gemini translator: 400 naming the parameter; no breaker failure, no live-stat sample', async () => {
    const req = request({ tools: [{ type: 'function', function: { name: 'f', parameters: deepSchema(20_000) } }] });
    for (let i = 0; i < 3; i++) {
      const err = await failureOf([{ endpoint: gemini, simulated: true }], req);
      expect(err.status).toBe(400);
      expect(err.body().error).toMatchObject({
        type: 'invalid_request_error',
        param: 'tools[0].function.parameters',
        code: 'request_too_deep',
      });
      expect(err.message).toContain('nested too deeply');
      expect(err.attempts).toEqual([
        expect.objectContaining({ endpointId: gemini.id, outcome: 'failed', errorKind: 'untranslatable', blame: 'client' }),
      ]);
      expect(liveObservations(err.attempts)).toEqual([]);
    }
    expect(breakerView(gemini.id)).toMatchObject({ status: 'closed', consecutiveFailures: 0 });
  });

  it('a fault of the gateway itself is a 500 api_error; no breaker failure, no live-stat sample', async () => {
    // An endpoint whose provider the gateway does not know: building its request fails inside the gateway.
    const broken: Candidate = { endpoint: { ...gemini, provider: 'no-such-provider' as typeof gemini.provider }, simulated: true };
    for (let i = 0; i < 3; i++) {
      const err = await failureOf([broken], request());
      expect(err.status).toBe(500);
      expect(err.body().error).toMatchObject({ type: 'api_error', param: null });
      expect(err.attempts).toEqual([
        expect.objectContaining({ endpointId: gemini.id, outcome: 'failed', errorKind: 'gateway_error', blame: 'gateway' }),
      ]);
      expect(liveObservations(err.attempts)).toEqual([]);
    }
    expect(breakerView(gemini.id)).toMatchObject({ status: 'closed', consecutiveFailures: 0 });
  });
});

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { admin, BASE, chat, clearFaults, createTestKey, env, openaiClient, type TestKey } from '../helpers/gateway';
import type { ReceivedExport } from './otlp-receiver';

/**
 * OpenTelemetry export inside workerd: the worker sends OTLP/JSON traces to a loopback receiver started
 * by the project's global setup (test/telemetry/global-setup.ts); the tests decode what it received.
 */

const receiverUrl = () => (env as unknown as { OTLP_RECEIVER_URL: string }).OTLP_RECEIVER_URL;

interface AnyValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
}
interface KeyValue {
  key: string;
  value: AnyValue;
}
interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: KeyValue[];
  status?: { code?: number; message?: string };
}
interface ExportBody {
  resourceSpans: {
    resource: { attributes: KeyValue[] };
    scopeSpans: { scope: { name: string; attributes?: KeyValue[] }; spans: Span[] }[];
  }[];
}

async function received(): Promise<ReceivedExport[]> {
  return (await (await fetch(`${receiverUrl()}/__control/received`)).json()) as ReceivedExport[];
}

async function resetReceiver(): Promise<void> {
  await fetch(`${receiverUrl()}/__control`, { method: 'DELETE' });
}

async function failNextExports(status: number, times: number): Promise<void> {
  await fetch(`${receiverUrl()}/__control/status`, { method: 'POST', body: JSON.stringify({ status, times }) });
}

function plain(v: AnyValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(plain);
  return undefined;
}

const attrs = (kvs: KeyValue[] | undefined): Record<string, unknown> =>
  Object.fromEntries((kvs ?? []).map((kv) => [kv.key, plain(kv.value)]));

const spansOf = (e: ReceivedExport): Span[] =>
  ((e.body as ExportBody | null)?.resourceSpans ?? []).flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));

/** The export that carries this decision's spans, and its spans; polls until it arrived or 5 s pass. */
async function trace(decisionId: string): Promise<{ exp: ReceivedExport; root: Span; children: Span[] }> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    for (const exp of await received()) {
      const spans = spansOf(exp);
      const root = spans.find((s) => attrs(s.attributes)['cailos.decision_id'] === decisionId && !s.parentSpanId);
      if (root) return { exp, root, children: spans.filter((s) => s.parentSpanId === root.spanId) };
    }
    if (Date.now() > deadline) throw new Error(`no spans for decision ${decisionId} reached the receiver`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const nanos = (s: string) => BigInt(s);

let key: TestKey;
beforeEach(async () => {
  await resetReceiver();
  await clearFaults();
  key = await createTestKey({ name: 'otel', team: 'team-otel' });
});
afterEach(async () => {
  await clearFaults();
});

describe('OTLP trace export', () => {
  it('a request is one server span with a client span per upstream attempt, sent with the configured headers', async () => {
    const marker = `PROMPT-${crypto.randomUUID()}`;
    await admin('/sim/faults', { body: { target: '*', fault: 'http_503', times: 1 } });
    const res = await chat(key.key, {
      model: 'auto:cost',
      max_tokens: 50,
      temperature: 0.3,
      top_p: 0.9,
      messages: [
        { role: 'system', content: `system ${marker}` },
        { role: 'user', content: `Please repeat ${marker}` },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      model: string;
      choices: { finish_reason: string }[];
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    const decisionId = res.headers.get('x-cailos-decision-id')!;
    const { exp, root, children } = await trace(decisionId);

    // Transport: OTLP/HTTP JSON at <endpoint>/v1/traces, headers from OTEL_EXPORTER_OTLP_HEADERS (values URL-decoded).
    expect(exp.path).toBe('/collector/v1/traces');
    expect(exp.contentType).toMatch(/^application\/json/);
    expect(exp.headers.authorization).toBe('Bearer otlp-test-token');
    expect(exp.headers['x-scope']).toBe('gateway,tests');
    const resource = attrs((exp.body as ExportBody).resourceSpans[0]!.resource.attributes);
    expect(resource['service.name']).toBe('cailos-test');

    // The request's span: SERVER, GenAI attributes and Cailos's own.
    expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(root.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(root.kind).toBe(2);
    expect(root.name).toBe('chat auto:cost');
    const a = attrs(root.attributes);
    expect(a).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'auto:cost',
      'gen_ai.response.model': body.model,
      'gen_ai.response.id': `chatcmpl-${decisionId}`,
      'gen_ai.usage.input_tokens': body.usage.prompt_tokens,
      'gen_ai.usage.output_tokens': body.usage.completion_tokens,
      'gen_ai.request.max_tokens': 50,
      'gen_ai.request.temperature': 0.3,
      'gen_ai.request.top_p': 0.9,
      'gen_ai.request.stream': false,
      'gen_ai.response.finish_reasons': [body.choices[0]!.finish_reason],
      'http.response.status_code': 200,
      'cailos.decision_id': decisionId,
      'cailos.endpoint': res.headers.get('x-cailos-endpoint'),
      'cailos.strategy': 'cost',
      'cailos.attempts': 2,
      'cailos.api': 'chat',
      'cailos.team_id': 'team-otel',
      'cailos.key_id': key.id,
      'cailos.simulated': true,
    });
    expect(a['gen_ai.provider.name']).toEqual(expect.any(String));
    expect(a['cailos.cost_usd']).toEqual(expect.any(Number));
    expect(a['error.type']).toBeUndefined();
    expect(root.status?.code ?? 0).toBe(0);
    // Integer attributes travel as OTLP intValue, fractional ones as doubleValue.
    const tokens = root.attributes.find((kv) => kv.key === 'gen_ai.usage.input_tokens')!.value;
    expect(tokens.intValue).toBeDefined();

    // One CLIENT span per upstream attempt, children of the request's span: the failed one, then the answer.
    expect(children).toHaveLength(2);
    const [failed, ok] = [...children].sort((x, y) => (nanos(x.startTimeUnixNano) < nanos(y.startTimeUnixNano) ? -1 : 1));
    for (const child of children) {
      expect(child.traceId).toBe(root.traceId);
      expect(child.kind).toBe(3);
      expect(child.spanId).not.toBe(root.spanId);
      expect(attrs(child.attributes)['gen_ai.operation.name']).toBe('chat');
      expect(nanos(child.startTimeUnixNano)).toBeGreaterThanOrEqual(nanos(root.startTimeUnixNano));
      expect(nanos(child.endTimeUnixNano)).toBeLessThanOrEqual(nanos(root.endTimeUnixNano));
    }
    const f = attrs(failed!.attributes);
    expect(f['error.type']).toEqual(expect.any(String));
    expect(f['cailos.attempt.outcome']).toBe('failed');
    expect(failed!.status?.code).toBe(2);
    const o = attrs(ok!.attributes);
    expect(o['cailos.endpoint']).toBe(res.headers.get('x-cailos-endpoint'));
    expect(o['gen_ai.response.model']).toBe(body.model);
    expect(o['gen_ai.usage.output_tokens']).toBe(body.usage.completion_tokens);
    expect(ok!.name).toBe(`chat ${body.model}`);
    expect(o['error.type']).toBeUndefined();

    // Never prompt or completion text (the simulated model echoes the marker back), never the key.
    const everything = JSON.stringify(await received());
    expect(everything).not.toContain(marker);
    expect(everything).not.toContain(key.key);
  });

  it('a streamed request is exported with its time to first chunk and finish reason', async () => {
    const marker = `STREAM-${crypto.randomUUID()}`;
    const stream = await openaiClient(key.key)
      .chat.completions.create({ model: 'auto', stream: true, messages: [{ role: 'user', content: `stream ${marker}` }] })
      .withResponse();
    let text = '';
    for await (const chunk of stream.data) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toContain(marker);
    const { root, children } = await trace(stream.response.headers.get('x-cailos-decision-id')!);
    const a = attrs(root.attributes);
    expect(a['gen_ai.request.stream']).toBe(true);
    expect(a['gen_ai.response.finish_reasons']).toEqual(['stop']);
    expect(a['gen_ai.response.time_to_first_chunk']).toEqual(expect.any(Number));
    expect(children).toHaveLength(1);
    expect(JSON.stringify(await received())).not.toContain(marker);
  });

  it('a request no endpoint answered is an error span, its failed attempts error children', async () => {
    await admin('/sim/faults', { body: { target: '*', fault: 'http_503' } });
    const res = await chat(key.key, { model: 'auto', routing: { max_attempts: 2 }, messages: [{ role: 'user', content: 'hello' }] });
    expect(res.status).toBe(502);
    const { root, children } = await trace(res.headers.get('x-cailos-decision-id')!);
    const a = attrs(root.attributes);
    expect(root.status?.code).toBe(2);
    expect(a['error.type']).toBe('upstream_unavailable');
    expect(a['http.response.status_code']).toBe(502);
    expect(a['gen_ai.response.model']).toBeUndefined();
    expect(children.length).toBeGreaterThanOrEqual(1);
    for (const child of children) expect(child.status?.code).toBe(2);
  });

  it('spans of concurrent requests leave together in one batch, after the responses', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => chat(key.key, { model: 'auto', messages: [{ role: 'user', content: `batch ${i}` }] })),
    );
    const ids = responses.map((r) => r.headers.get('x-cailos-decision-id')!);
    // Answered before any export left: the batch waits for its flush delay off the response path.
    expect((await received()).length).toBe(0);
    for (const id of ids) await trace(id);
    const carrying = (await received()).filter((e) =>
      spansOf(e).some((s) => ids.includes(attrs(s.attributes)['cailos.decision_id'] as string)),
    );
    expect(carrying.length).toBeLessThanOrEqual(2);
  });

  it('an answer from the response cache is a span with cailos.cache "hit" and no upstream attempt', async () => {
    const body = { model: 'auto', messages: [{ role: 'user', content: `cache me ${crypto.randomUUID()}` }] };
    const first = await chat(key.key, body, { 'x-cailos-cache': 'use' });
    expect(first.status).toBe(200);
    await first.text();
    await trace(first.headers.get('x-cailos-decision-id')!); // stored after the first answer
    let hit = await chat(key.key, body, { 'x-cailos-cache': 'use' });
    for (let i = 0; i < 20 && hit.headers.get('x-cailos-cache') !== 'hit'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      hit = await chat(key.key, body, { 'x-cailos-cache': 'use' });
    }
    expect(hit.headers.get('x-cailos-cache')).toBe('hit');
    const { root, children } = await trace(hit.headers.get('x-cailos-decision-id')!);
    expect(attrs(root.attributes)).toMatchObject({ 'cailos.cache': 'hit', 'cailos.attempts': 0, 'cailos.cost_usd': 0 });
    expect(children).toEqual([]);
  });

  it('nothing is exported when OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    const off = { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: undefined };
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`${BASE}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'auto', messages: [{ role: 'user', content: 'no telemetry' }] }),
      }),
      off,
      ctx,
    );
    expect(res.status).toBe(200);
    await res.text();
    await waitOnExecutionContext(ctx);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await received()).toEqual([]);
  });

  it('a full queue drops spans and a failed export loses its batch; the next export reports how many', async () => {
    // A queue of 2 spans cannot take a request with two attempts (3 spans): all 3 are dropped.
    await admin('/sim/faults', { body: { target: '*', fault: 'http_503', times: 1 } });
    const small = { ...env, OTEL_BSP_MAX_QUEUE_SIZE: '2' };
    const ctx = createExecutionContext();
    const dropped = await worker.fetch(
      new Request(`${BASE}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'auto', messages: [{ role: 'user', content: 'dropped' }] }),
      }),
      small,
      ctx,
    );
    await dropped.text();
    await waitOnExecutionContext(ctx);
    // The collector answers 503 once: that batch (one request: its span and its attempt's) is lost too.
    await failNextExports(503, 1);
    const lost = await chat(key.key, { model: 'auto', messages: [{ role: 'user', content: 'lost' }] });
    await lost.text();
    const deadline = Date.now() + 5_000;
    while (!(await received()).some((e) => e.status === 503) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const res = await chat(key.key, { model: 'auto', messages: [{ role: 'user', content: 'reported' }] });
    const { exp } = await trace(res.headers.get('x-cailos-decision-id')!);
    const scope = (exp.body as ExportBody).resourceSpans[0]!.scopeSpans[0]!.scope;
    // 3 spans that did not fit, and the failed export's 2 (the request's and its one attempt's).
    const failed = (await received()).filter((e) => e.status === 503);
    expect(failed).toHaveLength(1);
    expect(spansOf(failed[0]!)).toHaveLength(2);
    expect(attrs(scope.attributes)['cailos.telemetry.dropped_spans']).toBe(5);
    expect(spansOf(exp).some((s) => attrs(s.attributes)['cailos.decision_id'] === dropped.headers.get('x-cailos-decision-id'))).toBe(false);
    // Reported once: the next export carries no count.
    const after = await chat(key.key, { model: 'auto', messages: [{ role: 'user', content: 'after' }] });
    const next = (await trace(after.headers.get('x-cailos-decision-id')!)).exp;
    expect(
      attrs((next.body as ExportBody).resourceSpans[0]!.scopeSpans[0]!.scope.attributes)['cailos.telemetry.dropped_spans'],
    ).toBeUndefined();
  });
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BASE, admin, chat, createTestKey, workerFetch } from '../helpers/gateway';

/**
 * llmshield beyond message text: `user` and the other end-user identifiers, a message's `name`,
 * `stop` and pass-through fields such as `metadata`. The simulated provider records what it
 * received; none of the values below may arrive as sent while the shield is on.
 */

const EMAIL = 'jane.doe@example.org';
const CARD = '4111 1111 1111 1111';
// Not in the name list and without a cue: only treating `name` as a name as a whole hides it.
const NAME = 'Xochiquetzal';

let key: string;
beforeAll(async () => {
  key = (await createTestKey({ name: 'shield-side-fields', settings: { shield: { mode: 'on' } } })).key;
});
afterEach(async () => {
  await admin('/sim/recorder', { body: { on: false } });
});

type Upstream = Record<string, unknown> & { messages?: { name?: string; content: unknown }[]; metadata?: Record<string, unknown> };

async function recorded(): Promise<{ raw: string; body: Upstream }[]> {
  const { data } = (await (await admin('/sim/received')).json()) as { data: { body: string }[] };
  expect(data.length).toBeGreaterThan(0);
  return data.map((d) => ({ raw: d.body, body: JSON.parse(d.body) as Upstream }));
}

/** The one body the provider received since the recorder was switched on. */
async function lastReceived(): Promise<{ raw: string; body: Upstream }> {
  const all = await recorded();
  expect(all).toHaveLength(1);
  return all[0];
}

async function withRecorder<T>(send: () => Promise<T>): Promise<T> {
  await admin('/sim/recorder', { body: { on: true } });
  return send();
}

function post(apiKey: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return workerFetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const HASHED = /^[0-9a-f]{32}$/;

const sideFieldsBody = (user: string) => ({
  model: 'openai/gpt-4o',
  user,
  safety_identifier: user,
  prompt_cache_key: `cache-${user}`,
  stop: [`Regards, ${NAME}`],
  metadata: { card: CARD, note: `contact ${EMAIL}`, nested: { deeper: [`mail ${EMAIL}`] } },
  messages: [{ role: 'user', name: NAME, content: `Hello, please summarize my order.` }],
});

describe('llmshield outside message text (chat completions)', () => {
  it('user, name, stop and metadata never reach the provider as sent', async () => {
    const res = await withRecorder(() => chat(key, sideFieldsBody(EMAIL)));
    expect(res.status).toBe(200);
    const { raw, body } = await lastReceived();
    for (const value of [EMAIL, CARD, NAME, '4111111111111111']) expect(raw).not.toContain(value);
    expect(body.user).toMatch(HASHED);
    expect(body.safety_identifier).toBe(body.user);
    expect(body.prompt_cache_key).toMatch(HASHED);
    expect(body.prompt_cache_key).not.toBe(body.user);
    expect(body.messages![0].name).toBe('[PERSON_1]');
    expect(body.stop).toEqual(['Regards, [PERSON_1]']);
    expect(body.metadata).toEqual({ card: '[CARD_1]', note: 'contact [EMAIL_1]', nested: { deeper: ['mail [EMAIL_1]'] } });
  });

  it('the hashed user is stable per end user and team, distinct across users and teams', async () => {
    const userOf = async (apiKey: string, user: string) => {
      await withRecorder(() => chat(apiKey, { model: 'openai/gpt-4o', user, messages: [{ role: 'user', content: 'hi' }] }));
      return (await lastReceived()).body.user;
    };
    const first = await userOf(key, EMAIL);
    expect(first).toMatch(HASHED);
    expect(await userOf(key, EMAIL)).toBe(first);
    expect(await userOf(key, 'john.roe@example.org')).not.toBe(first);
    const sameTeam = (await createTestKey({ name: 'shield-side-fields-2' })).key;
    expect(await userOf(sameTeam, EMAIL)).toBe(first);
    const otherTeam = (await createTestKey({ name: 'shield-side-fields-3', team: 'team-other' })).key;
    expect(await userOf(otherTeam, EMAIL)).not.toBe(first);
  });

  it('stop strings are cloaked like the text, so they still stop the (cloaked) output', async () => {
    // The simulated model quotes the user's message: with the stop cloaked to [EMAIL_1] it stops
    // right before the quoted address; a raw stop string would never match the cloaked output.
    const res = await withRecorder(() =>
      chat(key, { model: 'openai/gpt-4o', stop: EMAIL, messages: [{ role: 'user', content: `${EMAIL} gets the report` }] }),
    );
    expect(res.status).toBe(200);
    const { raw, body } = await lastReceived();
    expect(raw).not.toContain(EMAIL);
    expect(body.stop).toBe('[EMAIL_1]');
    const choice = ((await res.json()) as { choices: { message: { content: string }; finish_reason: string }[] }).choices[0];
    expect(choice.finish_reason).toBe('stop');
    expect(choice.message.content).not.toContain(EMAIL);
    expect(choice.message.content).not.toContain('gets the report');
  });

  it('a placeholder the model writes for the name comes back as the name', async () => {
    const res = await withRecorder(() =>
      chat(key, { model: 'openai/gpt-4o', messages: [{ role: 'user', name: NAME, content: `I am ${NAME}, hi` }] }),
    );
    expect(res.status).toBe(200);
    const { raw } = await lastReceived();
    expect(raw).not.toContain(NAME);
    const answer = ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0].message.content;
    // The simulated model quotes the (cloaked) message; the client reads the name again.
    expect(answer).toContain(`I am ${NAME}`);
  });
});

describe('llmshield outside message text (other inbound APIs)', () => {
  it('Responses API: user arrives hashed, the same id as through chat completions', async () => {
    await withRecorder(() => chat(key, { model: 'openai/gpt-4o', user: EMAIL, messages: [{ role: 'user', content: 'hi' }] }));
    const viaChat = (await lastReceived()).body.user;
    const res = await withRecorder(() => post(key, '/v1/responses', { model: 'openai/gpt-4o', user: EMAIL, input: 'hi' }));
    expect(res.status).toBe(200);
    const { raw, body } = await lastReceived();
    expect(raw).not.toContain(EMAIL);
    expect(body.user).toBe(viaChat);
  });

  it('Messages API: metadata.user_id arrives hashed at Anthropic, the same id as through chat completions', async () => {
    await withRecorder(() => chat(key, { model: 'openai/gpt-4o', user: EMAIL, messages: [{ role: 'user', content: 'hi' }] }));
    const viaChat = (await lastReceived()).body.user;
    const res = await withRecorder(() =>
      post(
        key,
        '/v1/messages',
        {
          model: 'anthropic/claude-sonnet-4-6',
          max_tokens: 50,
          metadata: { user_id: EMAIL },
          stop_sequences: [EMAIL],
          messages: [{ role: 'user', content: `write to ${EMAIL}` }],
        },
        { 'anthropic-version': '2023-06-01' },
      ),
    );
    expect(res.status).toBe(200);
    const { raw, body } = await lastReceived();
    expect(raw).not.toContain(EMAIL);
    expect((body.metadata as { user_id: string }).user_id).toBe(viaChat);
    expect(body.stop_sequences).toEqual(['[EMAIL_1]']);
  });
});

describe('other shield modes', () => {
  it('block mode refuses PII in metadata and stop, hashes user and cloaks names', async () => {
    const blocked = (await createTestKey({ name: 'shield-side-block', settings: { shield: { mode: 'block' } } })).key;
    const inMetadata = await chat(blocked, {
      model: 'openai/gpt-4o',
      metadata: { card: CARD },
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(inMetadata.status).toBe(400);
    expect(((await inMetadata.json()) as { error: { code: string } }).error.code).toBe('pii_blocked');
    const inStop = await chat(blocked, { model: 'openai/gpt-4o', stop: [EMAIL], messages: [{ role: 'user', content: 'hi' }] });
    expect(inStop.status).toBe(400);

    const res = await withRecorder(() =>
      chat(blocked, { model: 'openai/gpt-4o', user: EMAIL, messages: [{ role: 'user', name: NAME, content: 'hi' }] }),
    );
    expect(res.status).toBe(200);
    const { raw, body } = await lastReceived();
    expect(raw).not.toContain(EMAIL);
    expect(raw).not.toContain(NAME);
    expect(body.user).toMatch(HASHED);
  });

  it('shield off: the request goes as sent, user and metadata included', async () => {
    const off = (await createTestKey({ name: 'shield-side-off', settings: { shield: { mode: 'off' } } })).key;
    const res = await withRecorder(() => chat(off, sideFieldsBody(EMAIL)));
    expect(res.status).toBe(200);
    const { body } = await lastReceived();
    expect(body.user).toBe(EMAIL);
    expect(body.messages![0].name).toBe(NAME);
    expect(body.metadata).toEqual(sideFieldsBody(EMAIL).metadata);
  });
});

import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/hub';
import { ShieldBlockedError, createShieldSession } from '../../src/shield';

const conversation = (): ChatRequest => ({
  model: 'auto',
  tools: [
    { type: 'function', function: { name: 'lookup_customer', parameters: { type: 'object', properties: { email: { type: 'string' } } } } },
  ],
  messages: [
    { role: 'system', content: 'You are a support agent.' },
    { role: 'user', content: 'My name is Maria Garcia, email maria.garcia@example.com. Card 4111 1111 1111 1111.' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: {
            name: 'lookup_customer',
            arguments: '{"email":"maria.garcia@example.com","note":"Maria Garcia said \\"hi\\" C:\\\\path"}',
          },
        },
      ],
    },
    {
      role: 'tool',
      tool_call_id: 'call_1',
      content: '{"customer":{"name":"Maria Garcia","email":"maria.garcia@example.com","ip":"203.0.113.45"}}',
    },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Also cc tom.becker@example.org; Maria Garcia again.' },
        { type: 'image_url', image_url: { url: 'https://img.example/maria.garcia@example.com.png' } },
      ],
    },
  ],
});

describe('cloakRequest', () => {
  it('uses one token per value across messages, tool arguments and tool results', () => {
    const s = createShieldSession();
    const out = s.cloakRequest(conversation());
    const user = out.messages[1].content as string;
    expect(user).toBe('My name is [PERSON_1], email [EMAIL_1]. Card [CARD_1].');
    const call = out.messages[2].role === 'assistant' ? out.messages[2].tool_calls![0] : undefined;
    const args = JSON.parse(call!.function.arguments);
    expect(args).toEqual({ email: '[EMAIL_1]', note: '[PERSON_1] said "hi" C:\\path' });
    expect(call!.function.name).toBe('lookup_customer');
    const tool = JSON.parse(out.messages[3].content as string);
    expect(tool).toEqual({ customer: { name: '[PERSON_1]', email: '[EMAIL_1]', ip: '[IP_1]' } });
    const parts = out.messages[4].content as Array<{ type: string; text?: string; image_url?: { url: string } }>;
    expect(parts[0].text).toBe('Also cc [EMAIL_2]; [PERSON_1] again.');
    expect(parts[1].image_url!.url).toBe('https://img.example/maria.garcia@example.com.png');
    expect(out.tools).toEqual(conversation().tools);
    expect(s.found()).toMatchObject({ PERSON: 4, EMAIL: 4, CREDIT_CARD: 1, IP_ADDRESS: 1 });
    expect(JSON.stringify(s.found())).not.toContain('maria');
  });

  it('numbers deterministically in order of appearance', () => {
    const a = createShieldSession().cloakRequest(conversation());
    const b = createShieldSession().cloakRequest(conversation());
    expect(a).toEqual(b);
  });

  it('never issues a token that already appears in the input, and leaves look-alikes alone', () => {
    const s = createShieldSession();
    const out = s.cloakRequest({
      model: 'auto',
      messages: [
        { role: 'user', content: 'Template uses [EMAIL_1] and PERSON_1 literally.' },
        { role: 'user', content: 'Write to anna@example.org about Maria Garcia' },
      ],
    });
    expect(out.messages[0].content).toBe('Template uses [EMAIL_1] and PERSON_1 literally.');
    expect(out.messages[1].content).toBe('Write to [EMAIL_2] about [PERSON_2]');
    expect(s.restoreText('[EMAIL_1] [EMAIL_2] PERSON_1 [PERSON_2]')).toBe('[EMAIL_1] anna@example.org PERSON_1 Maria Garcia');
  });

  it('keeps tool-call JSON valid and restores values with quotes and backslashes', () => {
    const s = createShieldSession({ entities: ['PERSON', 'EMAIL'] });
    const tricky = 'o"brien\\x@example.com';
    const name = 'Dr. Zoë "Z" O\'Brien';
    const args = JSON.stringify({ to: 'o"brien\\x@example.com', who: name });
    const out = s.cloakRequest({
      model: 'auto',
      messages: [
        { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'send', arguments: args } }] },
      ],
    });
    const cloakedArgs = out.messages[0].role === 'assistant' ? out.messages[0].tool_calls![0].function.arguments : '';
    expect(() => JSON.parse(cloakedArgs)).not.toThrow();
    // The model answers with the tokens it saw, brackets dropped inside JSON.
    const modelArgs = JSON.stringify(JSON.parse(cloakedArgs)).replace(/\[|\]/g, '');
    const restored = s.restoreToolArguments(modelArgs);
    const parsed = JSON.parse(restored);
    expect(Object.values(parsed).join('|')).not.toMatch(/PERSON_|EMAIL_/);
    expect(JSON.parse(s.restoreToolArguments(JSON.stringify({ a: 'x [PERSON_1] y' }))).a).toBe(`x ${s.restoreText('[PERSON_1]')} y`);
    void tricky;
  });

  it('restores every tolerated variant of issued tokens only', () => {
    const s = createShieldSession();
    s.cloakText('Contact Maria Garcia at maria@example.com');
    const v = 'Maria Garcia';
    expect(s.restoreText('[PERSON_1]|PERSON_1|[person_1]|[PERSON 1]|[ PERSON_1 ]|[Person-1]|PERSON_1]|[PERSON_1')).toBe(
      [v, v, v, v, v, v, v, v].join('|'),
    );
    expect(s.restoreText('[PERSON_9] PERSON_12 xPERSON_1 PERSON_1x [PHONE_1] PERSON 1')).toBe(
      '[PERSON_9] PERSON_12 xPERSON_1 PERSON_1x [PHONE_1] PERSON 1',
    );
    expect(s.restoreText('$& $1 $$ [EMAIL_1]')).toBe('$& $1 $$ maria@example.com');
  });
});

describe('modes', () => {
  it('off mode is identity', () => {
    const s = createShieldSession({ mode: 'off' });
    const req = conversation();
    expect(s.cloakRequest(req)).toBe(req);
    expect(s.cloakText('Maria Garcia maria@example.com')).toBe('Maria Garcia maria@example.com');
    expect(s.restoreText('[PERSON_1]')).toBe('[PERSON_1]');
  });

  it('block mode throws naming types only', () => {
    const s = createShieldSession({ mode: 'block' });
    let err: unknown;
    try {
      s.cloakRequest(conversation());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ShieldBlockedError);
    const msg = (err as Error).message;
    expect(msg).toContain('PERSON');
    expect(msg).toContain('EMAIL');
    expect(msg).toContain('CREDIT_CARD');
    expect(msg).not.toMatch(/maria|4111|203\.0/i);
    expect((err as ShieldBlockedError).types).toEqual(expect.arrayContaining(['PERSON', 'EMAIL', 'CREDIT_CARD', 'IP_ADDRESS']));
  });

  it('block mode lets clean requests through unchanged', () => {
    const s = createShieldSession({ mode: 'block' });
    const req: ChatRequest = { model: 'auto', messages: [{ role: 'user', content: 'What is 2 + 2?' }] };
    expect(s.cloakRequest(req)).toBe(req);
  });

  it('entities policy limits what is cloaked', () => {
    const s = createShieldSession({ entities: ['EMAIL'] });
    expect(s.cloakText('Maria Garcia, maria@example.com, +44 20 7946 0958')).toBe('Maria Garcia, [EMAIL_1], +44 20 7946 0958');
  });
});

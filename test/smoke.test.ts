import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
it('boots', async () => {
  const res = await (exports as any).default.fetch('http://x/');
  expect(await res.text()).toBe('ok');
  const r = await env.DB.prepare('select count(*) as n from _boot').first();
  expect(r).toEqual({ n: 0 });
});

import { describe, expect, it } from 'vitest';
import { ADMIN_SECRET, BASE, chat, createTestKey, workerFetch } from '../helpers/gateway';
import { dashGet, login, sessionCookieOf, signIn, signInAdmin } from './helpers';

const json = { 'content-type': 'application/json' };

describe('dashboard sign-in', () => {
  it('sends a browser without a session to the sign-in page, and a script to a 401', async () => {
    const page = await dashGet(null, '/feed');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/dashboard/login');
    const api = await dashGet(null, '/api/feed');
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: { type: string } }).error.type).toBe('authentication_error');
    const form = await dashGet(null, '/login');
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<label for="credential">');
    expect(form.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses a wrong secret, an API-only key and a revoked key, with no cookie', async () => {
    const apiOnly = await createTestKey({ team: 'auth-t1', scopes: ['api'] });
    const dash = await createTestKey({ team: 'auth-t1', scopes: ['dashboard'] });
    await workerFetch(`${BASE}/admin/keys/${dash.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_SECRET}` } });
    for (const credential of ['wrong-secret', `${ADMIN_SECRET}x`, apiOnly.key, dash.key, '']) {
      const res = await login(credential, 'auth-t1');
      expect(res.status).toBe(401);
      expect(sessionCookieOf(res)).toBeNull();
      expect(await res.text()).toContain('Sign-in failed');
    }
  });

  it('signs in with the admin secret into the named team: HttpOnly, Secure, SameSite=Strict cookie', async () => {
    const res = await login(ADMIN_SECRET, 'auth-t2');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard/feed');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/dashboard/);
    const who = await dashGet({ cookie: sessionCookieOf(res)!, csrf: '' }, '/api/whoami');
    expect(await who.json()).toMatchObject({ team: 'auth-t2', role: 'admin', via: 'cookie' });
  });

  it('signs in with a dashboard key into that key’s team, and the session dies with the key', async () => {
    const k = await createTestKey({ team: 'auth-t3', scopes: ['dashboard'] });
    const s = await signIn(k.key, 'some-other-team');
    expect(await (await dashGet(s, '/api/whoami')).json()).toMatchObject({ team: 'auth-t3', role: 'key', keyId: k.id });
    await workerFetch(`${BASE}/admin/keys/${k.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_SECRET}` } });
    expect((await dashGet(s, '/api/whoami')).status).toBe(401);
    expect((await dashGet(s, '/feed')).headers.get('location')).toBe('/dashboard/login');
  });

  it('refuses a cross-site sign-in form and a tampered cookie', async () => {
    expect((await login(ADMIN_SECRET, 'auth-t4', 'https://evil.example')).status).toBe(403);
    const s = await signInAdmin('auth-t4');
    const tampered = { cookie: s.cookie.slice(0, -3) + 'abc', csrf: s.csrf };
    expect((await dashGet(tampered, '/api/whoami')).status).toBe(401);
  });

  it('logs out by clearing the cookie (CSRF-checked)', async () => {
    const s = await signInAdmin('auth-t5');
    const noToken = await workerFetch(`${BASE}/dashboard/logout`, { method: 'POST', headers: { cookie: s.cookie }, redirect: 'manual' });
    expect(noToken.status).toBe(403);
    const res = await workerFetch(`${BASE}/dashboard/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: s.csrf }),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/cailos_dash=;.*Max-Age=0/);
  });
});

describe('dashboard CSRF', () => {
  it('refuses cookie-session writes without the token, from another origin, or with another session’s token', async () => {
    const s = await signInAdmin('csrf-t1');
    const other = await signInAdmin('csrf-t1');
    const post = (headers: Record<string, string>) =>
      workerFetch(`${BASE}/dashboard/api/keys`, {
        method: 'POST',
        headers: { cookie: s.cookie, ...json, ...headers },
        body: JSON.stringify({ name: 'x' }),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-csrf-token': other.csrf })).status).toBe(403);
    expect((await post({ 'x-csrf-token': s.csrf, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': s.csrf, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const ok = await post({ 'x-csrf-token': s.csrf, origin: BASE });
    expect(ok.status).toBe(201);

    // HTML forms carry the token as _csrf.
    const form = (body: Record<string, string>) =>
      workerFetch(`${BASE}/dashboard/keys`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body),
        redirect: 'manual',
      });
    expect((await form({ name: 'no-token' })).status).toBe(403);
    const created = await form({ name: 'with-token', _csrf: s.csrf });
    expect(created.status).toBe(200);
    expect(await created.text()).toMatch(/data-testid="new-key"[^>]*>cai_[0-9A-Za-z]{40}</);
  });

  it('lets scripts use a dashboard key or the admin secret as a Bearer token (no ambient credential, no CSRF)', async () => {
    const k = await createTestKey({ team: 'csrf-t2', scopes: ['dashboard', 'keys:manage'] });
    const apiOnly = await createTestKey({ team: 'csrf-t2', scopes: ['api'] });
    const bearer = (token: string, path: string, init: RequestInit = {}) =>
      workerFetch(`${BASE}/dashboard${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...json } });
    expect(await (await bearer(k.key, '/api/whoami')).json()).toMatchObject({ team: 'csrf-t2', via: 'bearer' });
    expect(
      (await bearer(k.key, '/api/keys', { method: 'POST', body: JSON.stringify({ name: 'scripted', scopes: ['dashboard'] }) })).status,
    ).toBe(201);
    expect((await bearer(apiOnly.key, '/api/whoami')).status).toBe(401);
    expect((await bearer('wrong', '/api/whoami')).status).toBe(401);
    expect((await bearer(ADMIN_SECRET, '/api/whoami')).status).toBe(400);
    expect(await (await bearer(ADMIN_SECRET, '/api/whoami?team=csrf-t2')).json()).toMatchObject({ team: 'csrf-t2', role: 'admin' });
    // An API key is not a dashboard credential, and a dashboard-only key is not an API key.
    expect((await chat(k.key, { model: 'auto', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(403);
  });
});

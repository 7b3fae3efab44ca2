import { describe, expect, it } from 'vitest';
import { ADMIN_SECRET, admin, BASE, createTestKey, workerFetch } from '../helpers/gateway';
import { dashGet, signInAdmin } from './helpers';

/** Names every plain object inherits: a lookup that is not own-property-only finds them. */
const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

interface Envelope {
  error: { message: string; type: string; param: string | null; code: string | null };
}

async function expectEnvelope(res: Response, status: number, code?: string): Promise<Envelope['error']> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as Envelope;
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

describe('dashboard query values that name Object.prototype members', () => {
  it('answers the JSON API with a 400 naming the window, and renders the page with the default window', async () => {
    const s = await signInAdmin('hostile-win');
    for (const name of [...PROTO_NAMES, 'fortnight']) {
      for (const path of ['/api/spend', '/api/endpoints']) {
        const e = await expectEnvelope(await dashGet(s, `${path}?window=${name}`), 400, 'invalid_window');
        expect(e.param).toBe('window');
        expect(e.message).toMatch(/24h/);
      }
      for (const path of ['/spend', '/endpoints']) {
        const page = await dashGet(s, `${path}?window=${name}`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('data-window="24h"');
      }
    }
    // The windows the views offer still work, and no window means 24 h.
    expect(((await (await dashGet(s, '/api/spend?window=7d')).json()) as { window: string }).window).toBe('7d');
    expect(((await (await dashGet(s, '/api/spend')).json()) as { window: string }).window).toBe('24h');
  });

  it('serves no asset for a prototype member name', async () => {
    for (const name of PROTO_NAMES) expect((await dashGet(null, `/assets/${name}`)).status).toBe(404);
    expect((await dashGet(null, '/assets/app.js')).status).toBe(200);
  });
});

describe('malformed session cookies', () => {
  const shapes = { 'a.b': 'a.b', 'a.bcdef': 'a.bcdef', '64 KB': `${'A'.repeat(32 * 1024)}.${'B'.repeat(32 * 1024 + 1)}` };
  for (const [label, value] of Object.entries(shapes)) {
    it(`treats cookie ${label} as signed out: the sign-in page for a browser, 401 for the JSON API`, async () => {
      const cookie = { cookie: `cailos_dash=${value}`, csrf: '' };
      for (const path of ['/feed', '/spend', '/endpoints', '/keys', '/login']) {
        const page = await dashGet(cookie, path);
        if (path === '/login') expect(page.status).toBe(200);
        else {
          expect(page.status).toBe(303);
          expect(page.headers.get('location')).toBe('/dashboard/login');
        }
      }
      const e = await expectEnvelope(await dashGet(cookie, '/api/whoami'), 401, 'dashboard_auth');
      expect(e.type).toBe('authentication_error');
    });
  }
});

describe('every dashboard error carries message, type, param and code', () => {
  it('auth, CSRF, validation, not-found and unknown-route errors', async () => {
    const s = await signInAdmin('hostile-env');
    await expectEnvelope(await dashGet(null, '/api/feed'), 401, 'dashboard_auth');
    await expectEnvelope(await dashGet(null, '/api/feed', { authorization: 'Bearer wrong' }), 401, 'dashboard_auth');
    const noTeam = await expectEnvelope(
      await dashGet(null, '/api/feed', { authorization: `Bearer ${ADMIN_SECRET}` }),
      400,
      'dashboard_auth',
    );
    expect(noTeam.type).toBe('invalid_request_error');
    const csrf = await workerFetch(`${BASE}/dashboard/api/keys`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await expectEnvelope(csrf, 403, 'dashboard_auth')).type).toBe('permission_error');
    expect((await expectEnvelope(await dashGet(s, '/api/feed?limit=-1'), 400, 'invalid_parameter')).param).toBe('limit');
    expect((await expectEnvelope(await dashGet(s, '/api/decisions/nope'), 404, 'not_found')).param).toBe('id');
    await expectEnvelope(await dashGet(s, '/api/nothing-here'), 404, 'unknown_route');
    await expectEnvelope(
      await workerFetch(`${BASE}/dashboard/api/whoami`, { method: 'DELETE', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } }),
      404,
      'unknown_route',
    );
  });

  it('echoes at most a short prefix of a long query value', async () => {
    const s = await signInAdmin('hostile-echo');
    const long = 'x'.repeat(100_000);
    const e = await expectEnvelope(await dashGet(s, `/api/feed?limit=${long}`), 400, 'invalid_parameter');
    expect(e.message.length).toBeLessThan(300);
    const w = await expectEnvelope(await dashGet(s, `/api/spend?window=${long}`), 400, 'invalid_window');
    expect(w.message.length).toBeLessThan(300);
  });
});

describe('Strict-Transport-Security', () => {
  it('is set on dashboard pages, dashboard JSON, assets, redirects and gateway responses', async () => {
    const s = await signInAdmin('hostile-hsts');
    const responses = [
      await dashGet(null, '/login'),
      await dashGet(null, '/feed'),
      await dashGet(s, '/api/whoami'),
      await dashGet(null, '/api/whoami'),
      await dashGet(null, '/assets/app.css'),
      await workerFetch(`${BASE}/health`),
      await workerFetch(`${BASE}/no-such-route`),
    ];
    for (const res of responses) expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('markup in operator-set values on the keys page', () => {
  it('escapes key names, model rules and team names wherever they appear (list, edit form, team panel)', async () => {
    const team = `hostile-ctl-${crypto.randomUUID().slice(0, 8)}`;
    const TEAM_NAME = '<img src=x onerror=alert(1)>';
    const DENY = '</textarea><script>alert(2)</script>';
    const ALLOW = '"><b onmouseover=alert(3)>x</b>';
    const KEY_NAME = '<svg onload=alert(4)>';
    expect((await admin('/teams', { body: { id: team, name: TEAM_NAME } })).status).toBe(201);
    const k = await createTestKey({ name: KEY_NAME, team, settings: { denyModels: [DENY], allowModels: [ALLOW] } });
    // A rotation puts the key's name in the successor's "replaces …" and the old row's "replaced by …".
    expect((await admin(`/keys/${k.id}/rotate`, { method: 'POST', body: { gracePeriodSeconds: 60 } })).status).toBe(201);
    const s = await signInAdmin(team);
    const page = await (await dashGet(s, '/keys')).text();
    for (const raw of [TEAM_NAME, DENY, ALLOW, KEY_NAME, '<script>', '<svg', '<img', '<b ']) expect(page).not.toContain(raw);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;b onmouseover=alert(3)&gt;x&lt;/b&gt;');
    expect(page).toContain('replaces &lt;svg onload=alert(4)&gt;');
    // The values round-trip: they are stored as given, only their display is escaped.
    const json = (await (await dashGet(s, '/api/keys')).json()) as { data: { name: string; settings: { denyModels: string[] } }[] };
    expect(json.data.every((x) => x.name === KEY_NAME && x.settings.denyModels[0] === DENY)).toBe(true);
    expect(((await (await dashGet(s, '/api/team')).json()) as { name: string }).name).toBe(TEAM_NAME);
  });
});

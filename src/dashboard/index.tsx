import { type Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ZodError } from 'zod';
import { ApiError, fromZodError } from '../hub';
import { dashboardApi, endpointsReport } from './api';
import { assets } from './assets';
import { checkCredential, type DashEnv, DashboardAuthError, requireCsrf, resolveViewer, sameOrigin } from './auth';
import { decision, feed, spend } from './queries';
import { encodeSession, newSession, SESSION_COOKIE, SESSION_TTL_MS, sessionCookieHeader } from './session';
import { parseWindow } from './stats';
import { dataExport, keysReport } from './controls';
import {
  createKeyInput,
  createTeamKey,
  revokeTeamKey,
  rotateTeamKey,
  rotationFromForm,
  scopesFromForm,
  settingsFromForm,
  teamKeys,
  updateTeamKey,
} from './team-keys';
import { DecisionPage } from './views/decision';
import { EndpointsPage } from './views/endpoints';
import { FeedPage } from './views/feed';
import { KeysPage, type NewKey } from './views/keys';
import { Document } from './views/layout';
import { LoginPage } from './views/login';
import { SpendPage } from './views/spend';

/**
 * /dashboard: server-rendered pages (hono/jsx) for one team, a small bundled script for live updates
 * and charts, and /dashboard/api/* JSON behind every view. Sign-in: a key with the 'dashboard' (view)
 * or 'keys:manage' (view and manage keys) scope, or the admin secret plus a team; the session is a
 * signed HttpOnly cookie (see session.ts).
 */

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

async function page(
  c: Context<DashEnv>,
  node: HtmlEscapedString | Promise<HtmlEscapedString>,
  status: 200 | 400 | 401 | 403 | 404 = 200,
): Promise<Response> {
  return c.html(`<!DOCTYPE html>${await node}`, status);
}

const wantsJson = (c: Context<DashEnv>) =>
  new URL(c.req.url).pathname.startsWith('/dashboard/api/') || Boolean(c.req.header('authorization'));

const AUTH_ERROR_TYPE = { 400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error' } as const;

export const dashboard = new Hono<DashEnv>();

dashboard.use('*', async (c, next) => {
  await next();
  c.header('content-security-policy', CSP);
  c.header('x-content-type-options', 'nosniff');
  c.header('x-frame-options', 'DENY');
  c.header('referrer-policy', 'same-origin');
  if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
});

dashboard.onError((err, c) => {
  if (err instanceof DashboardAuthError) {
    if (wantsJson(c))
      return new ApiError(err.status, { message: err.message, type: AUTH_ERROR_TYPE[err.status], code: 'dashboard_auth' }).toResponse();
    if (err.status === 401) return page(c, <LoginPage error={err.message} />, 401);
    return page(c, <ErrorPage status={err.status} message={err.message} />, 403);
  }
  const apiErr = err instanceof ApiError ? err : err instanceof ZodError ? fromZodError(err) : null;
  if (apiErr) {
    if (wantsJson(c)) return apiErr.toResponse();
    return page(
      c,
      <ErrorPage status={apiErr.status} message={apiErr.message} />,
      apiErr.status === 404 ? 404 : apiErr.status === 400 ? 400 : 403,
    );
  }
  console.error('dashboard error', err.name, err.message);
  return new ApiError(500, { message: 'Internal error in the dashboard.', type: 'api_error', code: 'internal_error' }).toResponse();
});

const ErrorPage = ({ status, message }: { status: number; message: string }) => (
  <Document title="Error">
    <main id="main">
      <h1>{status === 404 ? 'Not found' : 'Request refused'}</h1>
      <p role="alert">{message}</p>
      <p>
        <a href="/dashboard/feed">Back to the dashboard</a>
      </p>
    </main>
  </Document>
);

dashboard.route('/assets', assets);

dashboard.get('/login', async (c) => {
  if (await resolveViewer(c).catch(() => null)) return c.redirect('/dashboard/feed', 303);
  return page(c, <LoginPage />);
});

dashboard.post('/login', async (c) => {
  // Login CSRF: a cross-site form must not sign the victim into the attacker's team.
  if (!sameOrigin(c)) throw new DashboardAuthError(403, 'Cross-site sign-in refused.');
  const form = await c.req.parseBody();
  const credential = typeof form.credential === 'string' ? form.credential : '';
  const team = typeof form.team === 'string' ? form.team : undefined;
  const check = await checkCredential(c.env, credential, team);
  if (!check.ok)
    return page(c, <LoginPage error="Sign-in failed: that key or secret does not give access to the dashboard." team={team} />, 401);
  const session = newSession(check.team, check.role, check.keyId);
  c.header('set-cookie', sessionCookieHeader(await encodeSession(c.env, session), SESSION_TTL_MS / 1000));
  return c.redirect('/dashboard/feed', 303);
});

/** Everything below needs a viewer; cookie-session writes also need the CSRF token. */
const authed = new Hono<DashEnv>();

authed.use('*', async (c, next) => {
  const viewer = await resolveViewer(c);
  if (!viewer) {
    if (wantsJson(c)) throw new DashboardAuthError(401, 'Sign in first: POST /dashboard/login, or send a dashboard key as a Bearer token.');
    return c.redirect('/dashboard/login', 303);
  }
  c.set('viewer', viewer);
  await next();
});
authed.use('*', requireCsrf());

authed.route('/api', dashboardApi);

authed.get('/', (c) => c.redirect('/dashboard/feed', 303));

authed.post('/logout', (c) => {
  setCookie(c, SESSION_COOKIE, '', { path: '/dashboard', maxAge: 0, httpOnly: true, secure: true, sameSite: 'Strict' });
  return c.redirect('/dashboard/login', 303);
});

authed.get('/feed', async (c) => {
  const viewer = c.get('viewer');
  return page(c, <FeedPage viewer={viewer} items={await feed(c.env, viewer.team, { limit: 100 })} />);
});

authed.get('/decisions/:id', async (c) => {
  const viewer = c.get('viewer');
  const d = await decision(c.env, viewer.team, c.req.param('id'));
  if (!d)
    throw new ApiError(404, { message: 'No decision with this id in this team.', type: 'not_found_error', param: 'id', code: 'not_found' });
  return page(c, <DecisionPage viewer={viewer} d={d} />);
});

authed.get('/endpoints', async (c) => {
  const viewer = c.get('viewer');
  const report = await endpointsReport(c.env, viewer.team, parseWindow(c.req.query('window')), (p) => c.executionCtx.waitUntil(p));
  return page(c, <EndpointsPage viewer={viewer} report={report} />);
});

authed.get('/spend', async (c) => {
  const viewer = c.get('viewer');
  const report = await spend(c.env, viewer.team, parseWindow(c.req.query('window')));
  return page(c, <SpendPage viewer={viewer} report={report} data={dataExport(c.env)} />);
});

/** The keys page with the team's keys, their controls and the team panel, read fresh for every render. */
async function keysPage(
  c: Context<DashEnv>,
  extra: { created?: NewKey; error?: string; notice?: string } = {},
  status: 200 | 400 | 403 = 200,
): Promise<Response> {
  const viewer = c.get('viewer');
  const report = await keysReport(c.env, viewer.team, await teamKeys(c.env, viewer.team));
  return page(c, <KeysPage viewer={viewer} report={report} {...extra} />, status);
}

/**
 * A form asking for something invalid, or more than the signed-in key holds: said on the keys page,
 * next to the form, rather than on a bare error page. Anything else is not the form's fault.
 */
function formRefusal(err: unknown): { status: 400 | 403; message: string } {
  if (err instanceof ZodError) return { status: 400, message: fromZodError(err).message };
  if (err instanceof ApiError && err.code === 'exceeds_own_limits') return { status: 403, message: err.message };
  if (err instanceof ApiError && err.status === 400) return { status: 400, message: err.message };
  throw err;
}

const NOTICES: Record<string, string> = { revoked: 'Key revoked: it now gets 401 from the API.', saved: 'Settings saved.' };

authed.get('/keys', async (c) => {
  const done = c.req.query('done');
  return keysPage(c, { notice: done && Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined });
});

const text = (v: unknown) => (typeof v === 'string' ? v : '');

authed.post('/keys', async (c) => {
  const viewer = c.get('viewer');
  const form = await c.req.parseBody({ all: true });
  if (!viewer.canManage)
    throw new DashboardAuthError(403, "Creating keys needs a key with the 'keys:manage' scope (this one can only view).");
  try {
    const input = createKeyInput.parse({ name: text(form.name), scopes: scopesFromForm(form), settings: settingsFromForm(form) });
    return keysPage(c, { created: await createTeamKey(c.env, viewer, input) });
  } catch (err) {
    const refused = formRefusal(err);
    return keysPage(c, { error: refused.message }, refused.status);
  }
});

authed.post('/keys/:id/revoke', async (c) => {
  if (!(await revokeTeamKey(c.env, c.get('viewer'), c.req.param('id'))))
    throw new ApiError(404, {
      message: 'No active key with this id in this team.',
      type: 'not_found_error',
      param: 'id',
      code: 'not_found',
    });
  return c.redirect('/dashboard/keys?done=revoked', 303);
});

authed.post('/keys/:id/settings', async (c) => {
  const form = await c.req.parseBody();
  let record;
  try {
    record = await updateTeamKey(c.env, c.get('viewer'), c.req.param('id'), settingsFromForm(form));
  } catch (err) {
    const refused = formRefusal(err);
    return keysPage(c, { error: refused.message }, refused.status);
  }
  if (!record)
    throw new ApiError(404, { message: 'No key with this id in this team.', type: 'not_found_error', param: 'id', code: 'not_found' });
  return c.redirect('/dashboard/keys?done=saved', 303);
});

authed.post('/keys/:id/rotate', async (c) => {
  const form = await c.req.parseBody();
  let rotated;
  try {
    rotated = await rotateTeamKey(c.env, c.get('viewer'), c.req.param('id'), rotationFromForm(form));
  } catch (err) {
    const refused = formRefusal(err);
    return keysPage(c, { error: refused.message }, refused.status);
  }
  if (!rotated)
    throw new ApiError(404, {
      message: 'No active key with this id in this team.',
      type: 'not_found_error',
      param: 'id',
      code: 'not_found',
    });
  const previous = { id: rotated.previous.id, expiresAt: rotated.previous.expiresAt };
  return keysPage(c, { created: { apiKey: rotated.apiKey, record: rotated.record, previous } });
});

dashboard.route('/', authed);

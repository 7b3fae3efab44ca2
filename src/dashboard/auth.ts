import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  presentedKey,
  safeEqual,
  resolveKey,
  getKey,
  loadKeyByHash,
  pepperOf,
  hashApiKey,
  looksLikeApiKey,
  canManageKeys,
  canViewDashboard,
  keyExpired,
  type KeyScope,
} from '../tenancy';
import type { Env } from '../env';
import { csrfTokenFor, csrfTokenValid, decodeSession, SESSION_COOKIE, type Session, type SessionRole } from './session';

/**
 * Who is looking at the dashboard. Browsers come with the session cookie (and must prove CSRF on
 * writes); scripts send the same credentials as a Bearer token: a key with the 'dashboard' (view) or
 * 'keys:manage' (view and manage keys) scope, or the admin secret plus `?team=`. Either way a viewer
 * sees exactly one team.
 */
export interface Viewer {
  team: string;
  role: SessionRole;
  keyId?: string;
  /** The admin secret, or a key with 'keys:manage': decides which key controls the pages show. Writes re-check the key in D1. */
  canManage: boolean;
  via: 'cookie' | 'bearer';
  session?: Session;
  /** CSRF token to embed in forms (cookie sessions only). */
  csrf?: string;
}

export type DashEnv = { Bindings: Env; Variables: { viewer: Viewer } };

export const TEAM_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

export type CredentialCheck = { ok: true; team: string; role: SessionRole; keyId?: string; scopes?: KeyScope[] } | { ok: false };

/** Checks a sign-in credential: the admin secret (with a team to view) or a key that may view the dashboard. */
export async function checkCredential(env: Env, credential: string, team: string | undefined): Promise<CredentialCheck> {
  const value = credential.trim();
  if (!value) return { ok: false };
  if (looksLikeApiKey(value)) {
    const hash = await hashApiKey(value, pepperOf(env));
    const key = await resolveKey(hash, (h) => loadKeyByHash(env, h));
    if (!key || keyExpired(key) || !canViewDashboard(key.scopes)) return { ok: false };
    return { ok: true, team: key.teamId, role: 'key', keyId: key.id, scopes: key.scopes };
  }
  if (env.ADMIN_SECRET && safeEqual(value, env.ADMIN_SECRET)) {
    const t = team?.trim() || 'default';
    if (!TEAM_PATTERN.test(t)) return { ok: false };
    return { ok: true, team: t, role: 'admin' };
  }
  return { ok: false };
}

/**
 * A key-based session lasts only as long as its key is active, in the same team, with a dashboard
 * scope; null once it ended. Otherwise says whether the session may manage keys right now.
 */
async function sessionAccess(env: Env, session: Session): Promise<{ canManage: boolean } | null> {
  if (session.role === 'admin') return env.ADMIN_SECRET ? { canManage: true } : null;
  if (!session.keyId) return null;
  const key = await getKey(env, session.keyId);
  if (!key || key.revokedAt || keyExpired(key) || key.teamId !== session.team || !canViewDashboard(key.scopes)) return null;
  return { canManage: canManageKeys(key.scopes) };
}

export class DashboardAuthError extends Error {
  constructor(
    readonly status: 400 | 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

async function viewerFromBearer(c: Context<DashEnv>, presented: string): Promise<Viewer> {
  const team = c.req.query('team') ?? c.req.header('x-cailos-team');
  const check = await checkCredential(c.env, presented, team);
  if (!check.ok)
    throw new DashboardAuthError(401, 'Invalid credential: send a key with the dashboard scope, or the admin secret with ?team=.');
  if (check.role === 'admin' && !team)
    throw new DashboardAuthError(400, 'With the admin secret, name the team: ?team=<id> or x-cailos-team.');
  const canManage = check.role === 'admin' || canManageKeys(check.scopes ?? []);
  return { team: check.team, role: check.role, keyId: check.keyId, canManage, via: 'bearer' };
}

/** Resolves the viewer or returns null (the caller decides between a redirect and a 401). */
export async function resolveViewer(c: Context<DashEnv>): Promise<Viewer | null> {
  const presented = presentedKey(c.req.raw.headers);
  if (presented) return viewerFromBearer(c, presented);
  const session = await decodeSession(c.env, getCookie(c, SESSION_COOKIE));
  const access = session ? await sessionAccess(c.env, session) : null;
  if (!session || !access) return null;
  return {
    team: session.team,
    role: session.role,
    keyId: session.keyId,
    canManage: access.canManage,
    via: 'cookie',
    session,
    csrf: await csrfTokenFor(c.env, session),
  };
}

/**
 * Same-origin check for state-changing browser requests (defence in depth beside SameSite=Strict).
 * Sec-Fetch-Site is set by the browser and cannot be forged by a page, so it decides when present;
 * older clients fall back to the Origin header (absent for non-browser clients, which hold no cookie
 * unless they copied one).
 */
export function sameOrigin(c: Context<DashEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = c.req.header('origin');
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // includes "null"
  }
  // Behind `wrangler dev` (and some proxies) the URL the worker sees is rewritten; the Host header is
  // what the browser addressed.
  return originHost === new URL(c.req.url).host || originHost === c.req.header('host');
}

/**
 * Writes from a cookie session must carry the session's CSRF token (form field `_csrf` or header
 * `x-csrf-token`) and come from this origin. Bearer callers carry no ambient credential: exempt.
 */
export function requireCsrf(): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    const viewer = c.get('viewer');
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || viewer.via === 'bearer') return next();
    if (!sameOrigin(c)) throw new DashboardAuthError(403, 'Cross-site request refused.');
    let token = c.req.header('x-csrf-token');
    if (!token && (c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
      const form = await c.req.parseBody();
      token = typeof form._csrf === 'string' ? form._csrf : undefined;
    }
    if (!viewer.session || !(await csrfTokenValid(c.env, viewer.session, token)))
      throw new DashboardAuthError(403, 'Missing or invalid CSRF token: reload the page and try again.');
    return next();
  };
}

import { ADMIN_SECRET, BASE, workerFetch } from '../helpers/gateway';

/** A signed-in browser, as far as the worker can tell: the session cookie plus the page's CSRF token. */
export interface DashSession {
  cookie: string;
  csrf: string;
}

export async function login(credential: string, team?: string, origin = BASE): Promise<Response> {
  const form = new URLSearchParams({ credential, team: team ?? '' });
  return workerFetch(`${BASE}/dashboard/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: form,
    redirect: 'manual',
  });
}

export function sessionCookieOf(res: Response): string | null {
  const header = res.headers.get('set-cookie');
  const m = header && /cailos_dash=([^;]*)/.exec(header);
  return m && m[1] ? `cailos_dash=${m[1]}` : null;
}

export async function dashGet(session: DashSession | null, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return workerFetch(`${BASE}/dashboard${path}`, {
    headers: { ...(session ? { cookie: session.cookie } : {}), ...headers },
    redirect: 'manual',
  });
}

export async function signIn(credential: string, team?: string): Promise<DashSession> {
  const res = await login(credential, team);
  const cookie = sessionCookieOf(res);
  if (res.status !== 303 || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  const page = await (await dashGet({ cookie, csrf: '' }, '/feed')).text();
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no csrf token on the page');
  return { cookie, csrf };
}

export const signInAdmin = (team: string) => signIn(ADMIN_SECRET, team);

/** Rows are written through waitUntil after the response: poll until the decision shows. */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

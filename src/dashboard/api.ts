import { Hono } from 'hono';
import { readJsonBody, ApiError } from '../hub';
import { echo } from '../hub';
import type { Env } from '../env';
import { refreshSignals, routingSnapshot } from '../routing';
import type { DashEnv } from './auth';
import { decision, feed, latestEvalScores, recentTraces, spend } from './queries';
import {
  attemptStats,
  DEFAULT_WINDOW,
  type EndpointView,
  endpointViews,
  isWindowName,
  sortEndpointViews,
  WINDOWS,
  type WindowName,
} from './stats';
import { createKeyInput, createTeamKey, revokeTeamKey, rotateTeamKey, teamKeys, updateTeamKey } from './team-keys';
import { keySettingsPatch, rotationRequest } from '../tenancy';
import { dataExport, keysReport } from './controls';

/**
 * JSON behind every view (/dashboard/api/*): the pages render from these same functions, so
 * anything on screen is scriptable with a dashboard key or the admin secret plus ?team=.
 */

export interface EndpointsReport {
  window: WindowName;
  suiteVersion: string | null;
  builtAt: number;
  data: EndpointView[];
}

export async function endpointsReport(
  env: Env,
  team: string,
  window: WindowName,
  waitUntil: (p: Promise<unknown>) => void,
): Promise<EndpointsReport> {
  // Same background refresh the gateway runs: breaker/eval/feedback signals land in the snapshot.
  refreshSignals(env, waitUntil);
  const snapshot = routingSnapshot(env);
  const since = Date.now() - WINDOWS[window].ms;
  const [traces, evals] = await Promise.all([recentTraces(env, team, since), latestEvalScores(env)]);
  return {
    window,
    suiteVersion: evals.suiteVersion,
    builtAt: snapshot.builtAt,
    data: sortEndpointViews(endpointViews(snapshot, attemptStats(traces), evals.byEndpoint)),
  };
}

const intParam = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0)
    throw new ApiError(400, {
      message: `Expected a non-negative number for '${name}', got '${echo(v)}'.`,
      param: name,
      code: 'invalid_parameter',
    });
  return Math.floor(n);
};

/** Scripts get a 400 for a window the API does not offer (pages fall back to the default instead). */
function windowParam(v: string | undefined): WindowName {
  if (v === undefined || v === '') return DEFAULT_WINDOW;
  if (isWindowName(v)) return v;
  throw new ApiError(400, {
    message: `Unknown window '${echo(v)}'. Use one of: ${Object.keys(WINDOWS).join(', ')} (default ${DEFAULT_WINDOW}).`,
    param: 'window',
    code: 'invalid_window',
  });
}

const notFound = (what: string) =>
  new ApiError(404, { message: `No ${what} in this team.`, type: 'not_found_error', param: 'id', code: 'not_found' });

export const dashboardApi = new Hono<DashEnv>();

dashboardApi.get('/whoami', (c) => {
  const v = c.get('viewer');
  return c.json({ team: v.team, role: v.role, keyId: v.keyId ?? null, via: v.via });
});

dashboardApi.get('/feed', async (c) => {
  const q = (name: string) => intParam(name, c.req.query(name));
  const data = await feed(c.env, c.get('viewer').team, { limit: q('limit'), since: q('since'), before: q('before') });
  return c.json({ object: 'list', data });
});

dashboardApi.get('/decisions/:id', async (c) => {
  const d = await decision(c.env, c.get('viewer').team, c.req.param('id'));
  if (!d) throw notFound('decision with this id');
  return c.json({ object: 'routing.decision', ...d });
});

dashboardApi.get('/endpoints', async (c) =>
  c.json({
    object: 'list',
    ...(await endpointsReport(c.env, c.get('viewer').team, windowParam(c.req.query('window')), (p) => c.executionCtx.waitUntil(p))),
  }),
);

dashboardApi.get('/spend', async (c) => c.json(await spend(c.env, c.get('viewer').team, windowParam(c.req.query('window')))));

const report = async (c: { env: Env; get(k: 'viewer'): { team: string } }, keyLimits = true) =>
  keysReport(c.env, c.get('viewer').team, await teamKeys(c.env, c.get('viewer').team), { keyLimits });

// Each key with its state (expired, rotated), its limits and the spend of each budget window so far.
dashboardApi.get('/keys', async (c) => c.json({ object: 'list', data: (await report(c)).keys }));

// Team-wide limits with spend, whether a webhook is set (host only), recent alert deliveries.
dashboardApi.get('/team', async (c) => c.json({ object: 'team', ...(await report(c, false)).team }));

// The request-log retention and OpenTelemetry export in effect (no URL path, no headers).
dashboardApi.get('/data', (c) => c.json({ object: 'data_export', ...dataExport(c.env) }));

dashboardApi.post('/keys', async (c) => {
  const input = await readJsonBody(c.req.raw, createKeyInput);
  const { apiKey, record } = await createTeamKey(c.env, c.get('viewer'), input);
  return c.json({ key: apiKey, note: 'Store this key now: it is shown only once.', ...record }, 201);
});

dashboardApi.post('/keys/:id/revoke', async (c) => {
  if (!(await revokeTeamKey(c.env, c.get('viewer'), c.req.param('id')))) throw notFound('active key with this id');
  return c.json({ id: c.req.param('id'), revoked: true });
});

dashboardApi.post('/keys/:id/rotate', async (c) => {
  // No body means the defaults, as in the admin API.
  const empty = !c.req.raw.body || c.req.header('content-length') === '0';
  const body = empty ? rotationRequest.parse({}) : await readJsonBody(c.req.raw, rotationRequest);
  const rotated = await rotateTeamKey(c.env, c.get('viewer'), c.req.param('id'), body);
  if (!rotated) throw notFound('active key with this id');
  const previous = { id: rotated.previous.id, expiresAt: rotated.previous.expiresAt };
  return c.json({ key: rotated.apiKey, note: 'Store this key now: it is shown only once.', ...rotated.record, previous }, 201);
});

dashboardApi.patch('/keys/:id', async (c) => {
  const patch = await readJsonBody(c.req.raw, keySettingsPatch);
  const record = await updateTeamKey(c.env, c.get('viewer'), c.req.param('id'), patch);
  if (!record) throw notFound('key with this id');
  return c.json(record);
});

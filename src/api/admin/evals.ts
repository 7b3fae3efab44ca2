import { Hono } from 'hono';
import { getEndpoint } from '../../catalog';
import type { AppEnv, Env } from '../../env';
import { DEFAULT_EVAL_THRESHOLDS, parseEvalThresholds, type EvalThresholds, routingSnapshot } from '../../routing';
import { breakdown, listSweeps, readModelVersions, scoresForEndpoint, scoresForSuite, loadSuite } from '../../evals';
import { requireAdmin } from '../../tenancy';
import { echo, ApiError } from '../../hub';

/** Operator view of the continuous evals: per-endpoint scores, eligibility per task class, sweep progress. */
export const adminEvals = new Hono<AppEnv>();
adminEvals.use('*', requireAdmin);

function thresholdsOf(env: Env): EvalThresholds {
  try {
    return parseEvalThresholds((env as unknown as Record<string, string | undefined>).EVAL_THRESHOLDS);
  } catch {
    return DEFAULT_EVAL_THRESHOLDS;
  }
}

function simulatedLookup(env: Env): (endpointId: string) => boolean | null {
  const fleet = new Map(routingSnapshot(env).endpoints.map((m) => [m.endpoint.id, m.simulated]));
  return (id) => fleet.get(id) ?? null;
}

adminEvals.get('/', async (c) => {
  const suite = loadSuite();
  const suiteVersion = c.req.query('suite') ?? suite.version;
  const [rows, sweeps] = await Promise.all([scoresForSuite(c.env, suiteVersion), listSweeps(c.env, suiteVersion)]);
  const data = breakdown(rows, { suiteVersion, thresholds: thresholdsOf(c.env), simulatedOf: simulatedLookup(c.env) });
  const active = sweeps.find((s) => s.finishedAt === null);
  return c.json({
    object: 'list',
    suiteVersion,
    currentSuiteVersion: suite.version,
    items: suite.items.length,
    sweeps: {
      active: active ? { id: active.id, startedAt: active.startedAt, position: active.cursor.position } : null,
      lastFinished: sweeps.find((s) => s.finishedAt !== null)?.finishedAt ?? null,
      count: sweeps.length,
    },
    note: data.some((d) => d.simulated)
      ? 'Endpoints marked simulated were answered by the simulated fleet: their scores come from simulated skill, not from a real model.'
      : undefined,
    data,
  });
});

adminEvals.get('/:endpoint{.+}', async (c) => {
  const endpointId = c.req.param('endpoint');
  const [rows, versions] = await Promise.all([scoresForEndpoint(c.env, endpointId), readModelVersions(c.env)]);
  if (rows.length === 0 && !getEndpoint(endpointId))
    throw new ApiError(404, {
      message: `No endpoint ${echo(endpointId)}.`,
      type: 'not_found_error',
      param: 'endpoint',
      code: 'endpoint_not_found',
    });
  const suiteVersion = c.req.query('suite') ?? loadSuite().version;
  const thresholds = thresholdsOf(c.env);
  const simulatedOf = simulatedLookup(c.env);
  const current = rows.filter((r) => r.suiteVersion === suiteVersion);
  const history = [...new Set(rows.map((r) => r.suiteVersion))].map((v) => {
    const [b] = breakdown(
      rows.filter((r) => r.suiteVersion === v),
      { suiteVersion: v, thresholds, simulatedOf },
    );
    return { suiteVersion: v, overall: b.overall, modelVersion: b.modelVersion, updatedAt: b.updatedAt };
  });
  const [detail] = breakdown(current, { suiteVersion, thresholds, simulatedOf });
  return c.json({
    endpoint: endpointId,
    simulated: simulatedOf(endpointId),
    suiteVersion,
    modelVersion: (Object.hasOwn(versions, endpointId) ? versions[endpointId] : undefined) ?? null,
    evaluated: !!detail,
    ...(detail
      ? {
          overall: detail.overall,
          categories: detail.categories,
          taskClasses: detail.taskClasses,
          eligibleFor: detail.eligibleFor,
          filteredFor: detail.filteredFor,
        }
      : {}),
    rows: current.map(({ suiteVersion: _v, endpointId: _e, ...r }) => r),
    history,
  });
});

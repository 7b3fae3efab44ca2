import { Hono } from 'hono';
import { z } from 'zod';
import { teamAlerts } from '../../alerts';
import type { AppEnv } from '../../env';
import { ApiError, readJsonBody } from '../../hub';
import {
  evictTeam,
  getTeam,
  listTeams,
  requireAdmin,
  type TeamChange,
  teamSettingsPatch,
  webhookSecretSchema,
  webhookUrlSchema,
  writeTeam,
} from '../../tenancy';

/**
 * Teams under /admin/teams: team-wide limits (request and token rates, daily / weekly / monthly
 * budgets across the team's keys), alert thresholds and the alert webhook. The webhook secret is
 * write-only: a response says whether one is set, and shows a generated one once.
 */

const teamId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9_-]+$/);

const changeFields = {
  name: z.string().min(1).max(100).optional(),
  settings: teamSettingsPatch.optional(),
  alertWebhookUrl: webhookUrlSchema.nullable().optional(),
  alertWebhookSecret: webhookSecretSchema.optional(),
};

const createBody = z.object({ id: teamId, ...changeFields }).strict();
const patchBody = z.object(changeFields).strict();

const notFound = () => new ApiError(404, { message: 'No such team.', type: 'not_found_error', param: 'id', code: 'team_not_found' });

export const adminTeams = new Hono<AppEnv>();
adminTeams.use('*', requireAdmin);

adminTeams.get('/', async (c) => c.json({ object: 'list', data: await listTeams(c.env) }));

adminTeams.post('/', async (c) => {
  const { id, ...change } = await readJsonBody(c.req.raw, createBody);
  const written = await writeTeam(c.env, id, change as TeamChange, true);
  if (!written)
    throw new ApiError(409, {
      message: `Team '${id}' exists already: PATCH /admin/teams/${id} changes it.`,
      param: 'id',
      code: 'team_exists',
    });
  evictTeam(id);
  return c.json({ ...written.team, ...(written.generatedSecret ? { alertWebhookSecret: written.generatedSecret } : {}) }, 201);
});

adminTeams.get('/:id', async (c) => {
  const team = await getTeam(c.env, c.req.param('id'));
  if (!team) throw notFound();
  return c.json(team);
});

adminTeams.patch('/:id', async (c) => {
  const change = await readJsonBody(c.req.raw, patchBody);
  const written = await writeTeam(c.env, c.req.param('id'), change as TeamChange, false);
  if (!written) throw notFound();
  evictTeam(c.req.param('id'));
  return c.json({ ...written.team, ...(written.generatedSecret ? { alertWebhookSecret: written.generatedSecret } : {}) });
});

/** The team's spend alerts and their delivery state, newest first. */
adminTeams.get('/:id/alerts', async (c) => c.json({ object: 'list', data: await teamAlerts(c.env, c.req.param('id')) }));

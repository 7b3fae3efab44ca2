import { Hono } from 'hono';
import { z } from 'zod';
import { catalogReport, syncCatalogToD1, simulationEnabled } from '../../catalog';
import { classifierStatus, warmClassifier } from '../../classifier';
import type { AppEnv } from '../../env';
import {
  clearSimFaults,
  listSimFaults,
  SIM_FAULTS,
  setSimFault,
  receivedBodies,
  servedStreams,
  setRecording,
  clearSimScripts,
  listSimScripts,
  setSimScript,
} from '../../sim';
import {
  evictKey,
  createKey,
  getKey,
  listKeys,
  revokeKey,
  updateKeySettings,
  keyScopesSchema,
  keySettingsPatch,
  requireAdmin,
  rotateKey,
  rotationRequest,
} from '../../tenancy';
import { readJsonBody, ApiError } from '../../hub';

const createKeyBody = z
  .object({
    name: z.string().min(1).max(100),
    team: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-zA-Z0-9_-]+$/)
      .default('default'),
    // API-only unless the operator asks for more; the operator may set any scope and limit.
    scopes: keyScopesSchema.default(['api']),
    settings: keySettingsPatch.optional(),
  })
  .strict();

const scriptBody = z
  .object({
    target: z.string().min(1),
    text: z.string().optional(),
    toolCalls: z.array(z.object({ name: z.string().min(1), arguments: z.string() }).strict()).optional(),
    finishReason: z.enum(['stop', 'length', 'tool_calls', 'content_filter']).optional(),
    times: z.number().int().positive().optional(),
  })
  .strict();

const faultBody = z
  .object({
    target: z.string().min(1),
    fault: z.enum(SIM_FAULTS),
    times: z.number().int().positive().optional(),
    probability: z.number().min(0).max(1).optional(),
    retryAfterSeconds: z.number().int().positive().optional(),
    seed: z.number().int().optional(),
  })
  .strict();

/** Operator API under /admin/*, guarded by the ADMIN_SECRET bearer token. */
export const admin = new Hono<AppEnv>();
admin.use('*', requireAdmin);

admin.post('/keys', async (c) => {
  const body = await readJsonBody(c.req.raw, createKeyBody);
  const { apiKey, record } = await createKey(c.env, { name: body.name, teamId: body.team, scopes: body.scopes, settings: body.settings });
  return c.json({ key: apiKey, note: 'Store this key now: it is shown only once.', ...record }, 201);
});

admin.get('/keys', async (c) => c.json({ object: 'list', data: await listKeys(c.env, c.req.query('team')) }));

admin.get('/keys/:id', async (c) => {
  const key = await getKey(c.env, c.req.param('id'));
  if (!key) throw new ApiError(404, { message: 'No such key.', type: 'not_found_error', param: 'id', code: 'key_not_found' });
  const { keyHash: _h, ...record } = key;
  return c.json(record);
});

admin.post('/keys/:id/revoke', async (c) => {
  const hashes = await revokeKey(c.env, c.req.param('id'));
  if (!hashes) throw new ApiError(404, { message: 'No such active key.', type: 'not_found_error', param: 'id', code: 'key_not_found' });
  hashes.forEach((h) => evictKey(h));
  return c.json({ id: c.req.param('id'), revoked: true, alsoRevoked: hashes.length - 1 });
});

// A new key with the same team, scopes and settings, its secret shown once; the old key expires after the grace period.
admin.post('/keys/:id/rotate', async (c) => {
  // No body at all means the defaults, so a bare `curl -X POST …/rotate` works.
  const empty = !c.req.raw.body || c.req.header('content-length') === '0';
  const body = empty ? rotationRequest.parse({}) : await readJsonBody(c.req.raw, rotationRequest);
  const rotated = await rotateKey(c.env, c.req.param('id'), { graceSeconds: body.gracePeriodSeconds, expiresAt: body.expiresAt });
  if (!rotated) throw new ApiError(404, { message: 'No such active key.', type: 'not_found_error', param: 'id', code: 'key_not_found' });
  evictKey(rotated.previous.keyHash);
  const { keyHash: _h, ...previous } = rotated.previous;
  return c.json({ key: rotated.apiKey, note: 'Store this key now: it is shown only once.', ...rotated.record, previous }, 201);
});

admin.patch('/keys/:id', async (c) => {
  const patch = await readJsonBody(c.req.raw, keySettingsPatch);
  const record = await updateKeySettings(c.env, c.req.param('id'), patch);
  if (!record) throw new ApiError(404, { message: 'No such key.', type: 'not_found_error', param: 'id', code: 'key_not_found' });
  const full = await getKey(c.env, record.id);
  if (full) evictKey(full.keyHash);
  return c.json(record);
});

// The intent model's state in the isolate that answers; `?warm=true` loads it first and reports the cold-load split.
admin.get('/classifier', async (c) => {
  const pinnedHeuristic = c.env.CAILOS_CLASSIFIER === 'heuristic';
  if (c.req.query('warm') === 'true' && !pinnedHeuristic) await warmClassifier();
  return c.json({ object: 'classifier.status', pinnedHeuristic, ...classifierStatus() });
});

admin.get('/catalog', (c) => c.json(catalogReport(c.env)));
admin.post('/catalog/sync', async (c) => c.json(await syncCatalogToD1(c.env, true)));

function requireSimulation(c: { env: AppEnv['Bindings'] }): void {
  if (!simulationEnabled(c.env))
    throw new ApiError(404, { message: 'The simulated fleet is off on this deployment.', type: 'not_found_error', code: 'simulation_off' });
}

/** SIMULATION controls: switch faults on simulated endpoints (dev and tests only). */
admin.get('/sim/faults', (c) => {
  requireSimulation(c);
  return c.json({ simulated: true, faults: listSimFaults() });
});
admin.post('/sim/faults', async (c) => {
  requireSimulation(c);
  const body = await readJsonBody(c.req.raw, faultBody);
  const { target, fault, ...opts } = body;
  setSimFault(target, fault, opts);
  return c.json({ simulated: true, faults: listSimFaults() });
});
admin.delete('/sim/faults', (c) => {
  requireSimulation(c);
  clearSimFaults();
  return c.json({ simulated: true, faults: [] });
});

/** SIMULATION controls: fix what a simulated endpoint answers (dev and tests only). */
admin.post('/sim/scripts', async (c) => {
  requireSimulation(c);
  const { target, ...script } = await readJsonBody(c.req.raw, scriptBody);
  setSimScript(target, script);
  return c.json({ simulated: true, scripts: listSimScripts() });
});
admin.delete('/sim/scripts', (c) => {
  requireSimulation(c);
  clearSimScripts();
  return c.json({ simulated: true, scripts: [] });
});

/** SIMULATION: what the simulated providers received (opt-in, in memory, dev and tests only). */
admin.post('/sim/recorder', async (c) => {
  requireSimulation(c);
  const { on } = await readJsonBody(c.req.raw, z.object({ on: z.boolean() }).strict());
  setRecording(on);
  return c.json({ simulated: true, recording: on });
});
admin.get('/sim/received', (c) => {
  requireSimulation(c);
  return c.json({ simulated: true, data: receivedBodies() });
});
/** SIMULATION: how the simulated providers' streams ended (completed, cancelled by the gateway, aborted). */
admin.get('/sim/streams', (c) => {
  requireSimulation(c);
  return c.json({ simulated: true, data: servedStreams() });
});

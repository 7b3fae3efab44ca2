import { z } from 'zod';
import { ApiError } from '../hub';
import type { Env } from '../env';
import {
  evictKey,
  changedFields,
  type GrantProblem,
  inheritLimits,
  scopeProblem,
  settingsProblems,
  createChildKey,
  createKey,
  getKey,
  listKeys,
  revokeKey,
  updateKeySettings,
  canManageKeys,
  keyExpired,
  type KeyRecord,
  keyScopesSchema,
  type KeySettings,
  keySettingsPatch,
  rotateKey,
  rotationRequest,
} from '../tenancy';

export { rotationFromForm, scopesFromForm, settingsFromForm } from './settings-form';

/**
 * Key management scoped to one team: every write names the team, so ids of other teams are inert.
 * Writes need the admin secret or a key with `keys:manage`, and such a key never hands out more than
 * it holds (src/tenancy/grants.ts).
 */

/** Who acts: the dashboard's viewer (the operator via the admin secret, or a key). */
export interface KeyActor {
  team: string;
  role: 'admin' | 'key';
  keyId?: string;
}

export const createKeyInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: keyScopesSchema.default(['api']),
    // Without defaults: a key creating a key fills what is unset from its own limits, not from the global defaults.
    settings: keySettingsPatch.optional(),
  })
  .strict();

export async function teamKeys(env: Env, team: string): Promise<KeyRecord[]> {
  const keys = await listKeys(env, team);
  return keys.sort((a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)) || b.createdAt - a.createdAt);
}

const forbidden = (message: string, param: string | null, code: string) =>
  new ApiError(403, { message, type: 'permission_error', param, code });

/**
 * The acting key, read from D1 (not the 30 s cache) so limits an operator just lowered, or a
 * revocation, apply to the very next write. Null for the operator, who may do anything.
 */
async function managingKey(env: Env, actor: KeyActor): Promise<KeyRecord | null> {
  if (actor.role === 'admin') return null;
  const key = actor.keyId ? await getKey(env, actor.keyId) : null;
  if (!key || key.revokedAt || keyExpired(key) || key.teamId !== actor.team || !canManageKeys(key.scopes)) {
    throw forbidden("Managing keys needs a key with the 'keys:manage' scope (this one can only view).", null, 'insufficient_scope');
  }
  return key;
}

function refuse(problem: GrantProblem, prefix = ''): never {
  throw forbidden(
    `A key cannot grant more than it has: this would give ${problem.message}.`,
    `${prefix}${problem.field}`,
    'exceeds_own_limits',
  );
}

export async function createTeamKey(env: Env, actor: KeyActor, input: z.infer<typeof createKeyInput>) {
  const parent = await managingKey(env, actor);
  if (!parent) return createKey(env, { name: input.name, teamId: actor.team, scopes: input.scopes, settings: input.settings });
  const scopes = scopeProblem(parent.scopes, input.scopes);
  if (scopes) refuse(scopes);
  const settings = inheritLimits(parent.settings, input.settings ?? {});
  const [problem] = settingsProblems(parent.settings, settings);
  if (problem) refuse(problem, 'settings.');
  const created = await createChildKey(env, parent.id, { name: input.name, teamId: actor.team, scopes: input.scopes, settings });
  if (!created) throw forbidden('The key creating this one was revoked meanwhile.', null, 'insufficient_scope');
  return created;
}

/** Revokes the key and those it minted, and evicts them from this isolate's cache, so the next API call with them gets 401 here. */
export async function revokeTeamKey(env: Env, actor: KeyActor, id: string): Promise<boolean> {
  await managingKey(env, actor);
  const hashes = await revokeKey(env, id, actor.team);
  if (!hashes) return false;
  hashes.forEach((h) => evictKey(h));
  return true;
}

/**
 * A form says "none" with null where a key record may hold nothing at all (a setting it never had):
 * the same setting, so not a change to hold against the acting key, nor one to write.
 */
function withoutSameNone(current: KeySettings, patch: Partial<KeySettings>): Partial<KeySettings> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === null && current[field as keyof KeySettings] == null) continue;
    out[field] = value;
  }
  return out as Partial<KeySettings>;
}

export async function updateTeamKey(env: Env, actor: KeyActor, id: string, patch: Partial<KeySettings>): Promise<KeyRecord | null> {
  const manager = await managingKey(env, actor);
  const existing = await getKey(env, id);
  if (!existing || existing.teamId !== actor.team) return null;
  // Changing the shield mode keeps the key's entity list (set through the admin API).
  const merged = withoutSameNone(
    existing.settings,
    patch.shield ? { ...patch, shield: { ...existing.settings.shield, ...patch.shield } } : patch,
  );
  // Only what changes is held against the acting key: values the operator set stay as they are.
  const [problem] = manager ? settingsProblems(manager.settings, changedFields(existing.settings, merged)) : [];
  if (problem) refuse(problem);
  const record = await updateKeySettings(env, id, merged, actor.team);
  if (record) evictKey(existing.keyHash);
  return record;
}

/**
 * A new key for an active key of the team, with its scopes and settings; the old one expires after
 * the grace period. The new key holds what the old one did, so a managing key may rotate only a key
 * it could have created: rotating would otherwise hand it the secret of a stronger key.
 */
export async function rotateTeamKey(env: Env, actor: KeyActor, id: string, opts: z.infer<typeof rotationRequest>) {
  const manager = await managingKey(env, actor);
  const existing = await getKey(env, id);
  if (!existing || existing.teamId !== actor.team || existing.revokedAt) return null;
  if (manager) {
    const scopes = scopeProblem(manager.scopes, existing.scopes);
    if (scopes) refuse(scopes);
    // A setting the key lacks (no allow list, no residency) is no limit: held against the manager's own.
    const held = { ...Object.fromEntries(Object.keys(manager.settings).map((f) => [f, undefined])), ...existing.settings };
    const [problem] = settingsProblems(manager.settings, held as KeySettings);
    if (problem) refuse(problem);
  }
  const rotated = await rotateKey(env, id, { graceSeconds: opts.gracePeriodSeconds, expiresAt: opts.expiresAt });
  if (rotated) evictKey(rotated.previous.keyHash);
  return rotated;
}

import { z } from 'zod';
import { ApiError, STRATEGIES } from '../hub';
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
  KEY_SCOPES,
  type KeyRecord,
  type KeyScope,
  keyScopesSchema,
  type KeySettings,
  keySettingsPatch,
  SHIELD_MODES,
} from '../tenancy';

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
  if (!key || key.revokedAt || key.teamId !== actor.team || !canManageKeys(key.scopes)) {
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

export async function updateTeamKey(env: Env, actor: KeyActor, id: string, patch: Partial<KeySettings>): Promise<KeyRecord | null> {
  const manager = await managingKey(env, actor);
  const existing = await getKey(env, id);
  if (!existing || existing.teamId !== actor.team) return null;
  // Changing the shield mode keeps the key's entity list (set through the admin API).
  const merged = patch.shield ? { ...patch, shield: { ...existing.settings.shield, ...patch.shield } } : patch;
  // Only what changes is held against the acting key: values the operator set stay as they are.
  const [problem] = manager ? settingsProblems(manager.settings, changedFields(existing.settings, merged)) : [];
  if (problem) refuse(problem);
  const record = await updateKeySettings(env, id, merged, actor.team);
  if (record) evictKey(existing.keyHash);
  return record;
}

const formText = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Maps the settings form (all strings) onto a settings patch; zod then validates ranges. */
export function settingsFromForm(form: Record<string, unknown>): Partial<KeySettings> {
  const patch: Record<string, unknown> = {};
  const strategy = formText(form.defaultStrategy);
  // "auto" (empty) means no default: the classifier picks a strategy per request.
  if ((STRATEGIES as readonly string[]).includes(strategy)) patch.defaultStrategy = strategy;
  else if ('defaultStrategy' in form && (strategy === '' || strategy === 'auto')) patch.defaultStrategy = null;
  const trust = formText(form.minTrustLevel);
  if (trust !== '') patch.minTrustLevel = Number(trust);
  if ('monthlyBudgetUsd' in form) {
    const budget = formText(form.monthlyBudgetUsd);
    patch.monthlyBudgetUsd = budget === '' ? null : Number(budget);
  }
  const rpm = formText(form.requestsPerMinute);
  if (rpm !== '') patch.requestsPerMinute = Number(rpm);
  const shield = formText(form.shieldMode);
  if ((SHIELD_MODES as readonly string[]).includes(shield)) patch.shield = { mode: shield };
  return keySettingsPatch.parse(patch);
}

export function scopesFromForm(form: Record<string, unknown>): KeyScope[] {
  const raw = form['scopes'] ?? form['scopes[]'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const scopes = list.filter((s): s is KeyScope => (KEY_SCOPES as readonly unknown[]).includes(s));
  return scopes.length ? [...new Set(scopes)] : ['api'];
}

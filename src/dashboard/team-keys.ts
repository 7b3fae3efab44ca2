import { z } from 'zod';
import type { Env } from '../env';
import { evictKey } from '../tenancy/key-cache';
import { createKey, getKey, listKeys, revokeKey, updateKeySettings } from '../tenancy/key-store';
import { type KeyRecord, type KeySettings, keySettingsPatch, keySettingsSchema, SHIELD_MODES } from '../tenancy/types';
import { STRATEGIES } from '../api/chat-schema';

/** Key management scoped to one team: every write names the team, so ids of other teams are inert. */

export const createKeyInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(['api', 'dashboard'])).min(1).default(['api']),
    settings: keySettingsSchema.partial().optional(), // defaults are right for a new key
  })
  .strict();

/**
 * A settings patch: every field optional and *without* its default. zod 4 fills defaults inside
 * `.partial()`, which would turn "set the budget" into "reset everything else to defaults".
 */
export async function teamKeys(env: Env, team: string): Promise<KeyRecord[]> {
  const keys = await listKeys(env, team);
  return keys.sort((a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)) || b.createdAt - a.createdAt);
}

export async function createTeamKey(env: Env, team: string, input: z.infer<typeof createKeyInput>) {
  return createKey(env, { name: input.name, teamId: team, scopes: input.scopes, settings: input.settings });
}

/** Revokes and evicts the key from this isolate's cache, so the next API call with it gets 401 here. */
export async function revokeTeamKey(env: Env, team: string, id: string): Promise<boolean> {
  const hash = await revokeKey(env, id, team);
  if (!hash) return false;
  evictKey(hash);
  return true;
}

export async function updateTeamKey(env: Env, team: string, id: string, patch: Partial<KeySettings>): Promise<KeyRecord | null> {
  const existing = await getKey(env, id);
  if (!existing || existing.teamId !== team) return null;
  // Changing the shield mode keeps the key's entity list (set through the admin API).
  const merged = patch.shield ? { ...patch, shield: { ...existing.settings.shield, ...patch.shield } } : patch;
  const record = await updateKeySettings(env, id, merged, team);
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

export function scopesFromForm(form: Record<string, unknown>): ('api' | 'dashboard')[] {
  const raw = form['scopes'] ?? form['scopes[]'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const scopes = list.filter((s): s is 'api' | 'dashboard' => s === 'api' || s === 'dashboard');
  return scopes.length ? [...new Set(scopes)] : ['api'];
}

import type { z } from 'zod';
import { STRATEGIES } from '../hub';
import {
  DEFAULT_ROTATION_GRACE_SECONDS,
  KEY_SCOPES,
  type KeyScope,
  type KeySettings,
  keySettingsPatch,
  rotationRequest,
  SHIELD_MODES,
} from '../tenancy';

/**
 * The key forms of the keys page (all strings) mapped onto the shapes the admin API takes; the admin
 * API's own schema (keySettingsPatch) then validates them, so the page accepts exactly what the API
 * does. A field absent from the form is left alone; an empty one means "none" where the setting has
 * a none (null).
 */

const formText = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Empty means none (null); anything else goes to the schema as a number (NaN included, which it refuses). */
function numberOrNull(form: Record<string, unknown>, name: string, patch: Record<string, unknown>): void {
  if (!(name in form)) return;
  const raw = formText(form[name]);
  patch[name] = raw === '' ? null : Number(raw);
}

/** One rule per line (commas also separate): rules never contain either. */
const rules = (v: unknown) =>
  formText(v)
    .split(/[\n,]/)
    .map((r) => r.trim())
    .filter(Boolean);

function modelRules(form: Record<string, unknown>, patch: Record<string, unknown>): void {
  // The allow list needs a switch: no list (any model) and an empty list (no model) differ.
  if (form.allowMode === 'any') patch.allowModels = null;
  else if (form.allowMode === 'list') patch.allowModels = rules(form.allowModels);
  else if ('allowModels' in form) patch.allowModels = rules(form.allowModels).length ? rules(form.allowModels) : null;
  if ('denyModels' in form) patch.denyModels = rules(form.denyModels).length ? rules(form.denyModels) : null;
}

function expiry(form: Record<string, unknown>, patch: Record<string, unknown>): void {
  if (!('expiresAt' in form)) return;
  const raw = formText(form.expiresAt);
  // The API takes an ISO 8601 date-time or epoch milliseconds; the schema decides which is valid.
  patch.expiresAt = raw === '' ? null : /^\d+$/.test(raw) ? Number(raw) : raw;
}

function responseCache(form: Record<string, unknown>, patch: Record<string, unknown>): void {
  if (!('cacheEnabled' in form) && !('cacheTtlSeconds' in form)) return;
  const ttl = formText(form.cacheTtlSeconds);
  patch.responseCache = { enabled: formText(form.cacheEnabled) === 'yes', ...(ttl === '' ? {} : { ttlSeconds: Number(ttl) }) };
}

/** Maps the settings form onto a settings patch; the admin API's schema validates it (throws ZodError). */
export function settingsFromForm(form: Record<string, unknown>): Partial<KeySettings> {
  const patch: Record<string, unknown> = {};
  const strategy = formText(form.defaultStrategy);
  // "auto" (empty) means no default: the classifier picks a strategy per request.
  if ((STRATEGIES as readonly string[]).includes(strategy)) patch.defaultStrategy = strategy;
  else if ('defaultStrategy' in form && (strategy === '' || strategy === 'auto')) patch.defaultStrategy = null;
  const trust = formText(form.minTrustLevel);
  if (trust !== '') patch.minTrustLevel = Number(trust);
  const rpm = formText(form.requestsPerMinute);
  if (rpm !== '') patch.requestsPerMinute = Number(rpm);
  for (const name of ['monthlyBudgetUsd', 'dailyBudgetUsd', 'weeklyBudgetUsd', 'tokensPerMinute']) numberOrNull(form, name, patch);
  const shield = formText(form.shieldMode);
  if ((SHIELD_MODES as readonly string[]).includes(shield)) patch.shield = { mode: shield };
  modelRules(form, patch);
  if ('residency' in form) patch.residency = formText(form.residency) === '' ? null : formText(form.residency);
  expiry(form, patch);
  responseCache(form, patch);
  return keySettingsPatch.parse(patch);
}

export function scopesFromForm(form: Record<string, unknown>): KeyScope[] {
  const raw = form['scopes'] ?? form['scopes[]'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const scopes = list.filter((s): s is KeyScope => (KEY_SCOPES as readonly unknown[]).includes(s));
  return scopes.length ? [...new Set(scopes)] : ['api'];
}

/** The grace periods the rotate form offers, in seconds. */
export const GRACE_CHOICES: readonly { seconds: number; label: string }[] = [
  { seconds: 0, label: 'none: the old key stops now' },
  { seconds: 3600, label: '1 hour' },
  { seconds: DEFAULT_ROTATION_GRACE_SECONDS, label: '24 hours (default)' },
  { seconds: 7 * 24 * 3600, label: '7 days' },
  { seconds: 30 * 24 * 3600, label: '30 days' },
];

/** The rotate form as the admin API's rotation body, validated by its schema (throws ZodError). */
export function rotationFromForm(form: Record<string, unknown>): z.infer<typeof rotationRequest> {
  const grace = formText(form.gracePeriodSeconds);
  return rotationRequest.parse(grace === '' ? {} : { gracePeriodSeconds: Number(grace) });
}

import type { Env } from '../env';
import { ApiError } from '../hub';
import { z } from 'zod';
import { type CreatedKey, getKey, KV_PREFIX, newRow, toRecord } from './key-store';
import { instant } from './key-fields';

/**
 * Rotation: a new key with the old one's team, name, scopes and settings, and a grace period during
 * which both work; then the old key expires (its `expiresAt`, so the refusal is `key_expired`).
 */

/** Long enough to roll a new secret out through deploys; short enough that a leaked key dies within a day. */
export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 3600;
export const MAX_ROTATION_GRACE_SECONDS = 30 * 24 * 3600;

/** The body of a rotation request (admin API and dashboard): both optional. */
export const rotationRequest = z
  .object({
    // How long the old key keeps working; then it expires (401 key_expired).
    gracePeriodSeconds: z.number().int().min(0).max(MAX_ROTATION_GRACE_SECONDS).default(DEFAULT_ROTATION_GRACE_SECONDS),
    // The new key's expiry; absent keeps the old key's.
    expiresAt: instant.nullable().optional(),
  })
  .strict();

export interface RotatedKey extends CreatedKey {
  /** The replaced key: it stops working at `expiresAt`. Its hash is for evicting caches, never for clients. */
  previous: { id: string; keyHash: string; expiresAt: number };
}

export interface RotationOptions {
  graceSeconds: number;
  /** The new key's expiry; undefined keeps the old key's. */
  expiresAt?: number | null;
}

/**
 * Rotates an active key; null when no active key has this id. One D1 batch (a transaction) inserts
 * the new key only while the old one is still active, shortens the old key's expiry to the end of the
 * grace period (never lengthens it), and moves the keys the old one minted to the new one, so revoking
 * the new key still revokes them.
 */
export async function rotateKey(env: Env, id: string, opts: RotationOptions, now = Date.now()): Promise<RotatedKey | null> {
  const old = await getKey(env, id);
  if (!old || old.revokedAt) return null;
  const graceEnd = now + opts.graceSeconds * 1000;
  const oldExpiry = old.settings.expiresAt == null ? graceEnd : Math.min(old.settings.expiresAt, graceEnd);
  const newExpiry = opts.expiresAt === undefined ? old.settings.expiresAt : opts.expiresAt;
  if (newExpiry != null && newExpiry <= now)
    throw new ApiError(400, {
      message: `The new key would expire at ${new Date(newExpiry).toISOString()}, which has passed: give the rotation an "expiresAt" in the future (or null).`,
      param: 'expiresAt',
      code: 'invalid_request',
    });

  const { apiKey, row } = await newRow(
    env,
    { name: old.name, teamId: old.teamId, scopes: old.scopes, settings: { ...old.settings, expiresAt: newExpiry } },
    old.createdBy ?? null,
  );
  row.rotatedFrom = old.id;
  const [inserted] = await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO api_keys (id, team_id, name, key_hash, key_prefix, scopes, settings, created_by, rotated_from, created_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM api_keys WHERE id = ? AND revoked_at IS NULL)`,
    ).bind(
      row.id,
      row.teamId,
      row.name,
      row.keyHash,
      row.keyPrefix,
      row.scopes,
      row.settings,
      row.createdBy,
      row.rotatedFrom,
      row.createdAt,
      old.id,
    ),
    env.DB.prepare(`UPDATE api_keys SET settings = ? WHERE id = ? AND EXISTS (SELECT 1 FROM api_keys WHERE id = ?)`).bind(
      JSON.stringify({ ...old.settings, expiresAt: oldExpiry }),
      old.id,
      row.id,
    ),
    env.DB.prepare(`UPDATE api_keys SET created_by = ? WHERE created_by = ? AND EXISTS (SELECT 1 FROM api_keys WHERE id = ?)`).bind(
      row.id,
      old.id,
      row.id,
    ),
  ]);
  if (inserted.meta.changes !== 1) return null;
  await env.KV.delete(KV_PREFIX + old.keyHash);
  return { apiKey, record: toRecord(row), previous: { id: old.id, keyHash: old.keyHash, expiresAt: oldExpiry } };
}

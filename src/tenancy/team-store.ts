import { eq } from 'drizzle-orm';
import { db, teams } from '../db';
import type { Env } from '../env';
import { randomBase62 } from './keys';
import { type TeamRecord, type TeamSettings, teamSettingsSchema } from './team-settings';

/** D1 and KV access for teams: the request path's cache miss, and the admin API. The webhook secret stays in D1. */

export const KV_PREFIX = 'team:';
const KV_TTL_SECONDS = 300;

type TeamRow = typeof teams.$inferSelect;

/** A team as the admin API shows it: whether a webhook secret is set, never the secret. */
export interface TeamView extends TeamRecord {
  alertWebhookSecretSet: boolean;
}

function toRecord(row: TeamRow): TeamRecord {
  return {
    id: row.id,
    name: row.name,
    settings: teamSettingsSchema.parse(JSON.parse(row.settings || '{}')),
    alertWebhookUrl: row.alertWebhookUrl ?? null,
    createdAt: row.createdAt,
  };
}

const toView = (row: TeamRow): TeamView => ({ ...toRecord(row), alertWebhookSecretSet: Boolean(row.alertWebhookSecret) });

/** KV first (edge-cached), D1 on a KV miss. Null: no such team (a key whose team row was never written). */
export async function loadTeam(env: Env, teamId: string): Promise<TeamRecord | null> {
  const cached = await env.KV.get<TeamRecord>(KV_PREFIX + teamId, { type: 'json', cacheTtl: 60 });
  if (cached) return cached;
  const row = await db(env.DB).select().from(teams).where(eq(teams.id, teamId)).get();
  if (!row) return null;
  const record = toRecord(row);
  await env.KV.put(KV_PREFIX + teamId, JSON.stringify(record), { expirationTtl: KV_TTL_SECONDS });
  return record;
}

export async function getTeam(env: Env, teamId: string): Promise<TeamView | null> {
  const row = await db(env.DB).select().from(teams).where(eq(teams.id, teamId)).get();
  return row ? toView(row) : null;
}

export async function listTeams(env: Env): Promise<TeamView[]> {
  return (await db(env.DB).select().from(teams).all()).map(toView);
}

export interface TeamChange {
  name?: string;
  settings?: Partial<TeamSettings>;
  /** null removes the webhook (and its secret). */
  alertWebhookUrl?: string | null;
  alertWebhookSecret?: string;
}

/** A fresh webhook secret, for a webhook set without one. */
function newSecret(): string {
  return `whsec_${randomBase62(40)}`;
}

/**
 * Creates the team (when `create`) or changes it. A webhook set without a secret, on a team that has
 * none, gets a generated one, returned here once. Null when the team does not exist (change) or already
 * does (create).
 */
export async function writeTeam(
  env: Env,
  teamId: string,
  change: TeamChange,
  create: boolean,
): Promise<{ team: TeamView; generatedSecret: string | null } | null> {
  const existing = await db(env.DB).select().from(teams).where(eq(teams.id, teamId)).get();
  if (create === Boolean(existing)) return null;
  const settings = teamSettingsSchema.parse({ ...(existing ? JSON.parse(existing.settings || '{}') : {}), ...change.settings });
  const url = change.alertWebhookUrl === undefined ? (existing?.alertWebhookUrl ?? null) : change.alertWebhookUrl;
  let secret = url === null ? null : (change.alertWebhookSecret ?? existing?.alertWebhookSecret ?? null);
  const generatedSecret = url !== null && secret === null ? newSecret() : null;
  secret ??= generatedSecret;
  const values = {
    name: change.name ?? existing?.name ?? teamId,
    settings: JSON.stringify(settings),
    alertWebhookUrl: url,
    alertWebhookSecret: secret,
  };
  const row = existing
    ? await db(env.DB).update(teams).set(values).where(eq(teams.id, teamId)).returning().get()
    : await db(env.DB)
        .insert(teams)
        .values({ id: teamId, createdAt: Date.now(), ...values })
        .returning()
        .get();
  await env.KV.delete(KV_PREFIX + teamId);
  return { team: toView(row), generatedSecret };
}

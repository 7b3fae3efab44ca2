import { MAX_ATTEMPTS, teamAlerts } from '../alerts';
import { retentionPolicy } from '../db';
import type { Env } from '../env';
import { getTeam, keyExpired, type KeyRecord, type ScopeView, type TeamSettings, teamLimitsView } from '../tenancy';
import { otlpConfig } from '../telemetry';

/**
 * What the keys and spend views show of the operator controls: each key's state (expired, rotated)
 * and limits with their spend so far, the team's limits, webhook and alert deliveries, and the data
 * retention and export in effect. Metadata only: no webhook secret or URL path, no alert payload, no
 * exporter header.
 */

export type KeyState = 'active' | 'expired' | 'revoked';

/** The other end of a rotation: enough to name and link the key. */
export interface KeyRef {
  id: string;
  name: string;
  keyPrefix: string;
}

export interface KeyView extends KeyRecord {
  state: KeyState;
  /** The key that replaced this one (it works until its `expiresAt`, the grace end). */
  rotatedTo: KeyRef | null;
  /** The key this one replaced, when still listed. */
  replaces: KeyRef | null;
  /** Its rates and budget windows with the spend so far; null for a revoked key. */
  limits: ScopeView | null;
}

const ref = (k: KeyRecord | undefined): KeyRef | null => (k ? { id: k.id, name: k.name, keyPrefix: k.keyPrefix } : null);

export function keyState(k: KeyRecord, now = Date.now()): KeyState {
  return k.revokedAt ? 'revoked' : keyExpired(k, now) ? 'expired' : 'active';
}

export type AlertStatus = 'delivered' | 'pending' | 'retrying' | 'failed';

export interface AlertView {
  id: string;
  createdAt: number;
  /** Whose budget: the team's, or a key's (named when the key is listed). */
  scope: { kind: 'team' } | { kind: 'key'; id: string; name: string | null };
  window: string;
  windowId: string;
  threshold: number;
  status: AlertStatus;
  attempts: number;
  /** A fixed phrase (`HTTP 500`, `timeout`, …), never the receiver's answer. */
  lastError: string | null;
  deliveredAt: number | null;
  nextAttemptAt: number | null;
}

export interface TeamPanel {
  id: string;
  name: string;
  settings: TeamSettings | null;
  /** Team-wide rates and budget windows with spend; null when the team sets no team-wide limit. */
  limits: ScopeView | null;
  /** Whether alerts have somewhere to go; the host only, never the path (it may carry a token) or the secret. */
  webhook: { configured: boolean; host: string | null };
  alerts: AlertView[];
}

export interface KeysReport {
  keys: KeyView[];
  team: TeamPanel;
}

const RECENT_ALERTS = 20;

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function alertStatus(row: { deliveredAt: number | null; attempts: number }): AlertStatus {
  if (row.deliveredAt !== null) return 'delivered';
  if (row.attempts >= MAX_ATTEMPTS) return 'failed';
  return row.attempts === 0 ? 'pending' : 'retrying';
}

async function alertViews(env: Env, team: string, keys: readonly KeyRecord[]): Promise<AlertView[]> {
  const rows = await teamAlerts(env, team, RECENT_ALERTS);
  return rows.map((r) => {
    const colon = r.windowId.indexOf(':');
    const status = alertStatus(r);
    return {
      id: r.id,
      createdAt: r.createdAt,
      scope: r.scopeId.startsWith('team:')
        ? { kind: 'team' as const }
        : { kind: 'key' as const, id: r.scopeId, name: keys.find((k) => k.id === r.scopeId)?.name ?? null },
      window: colon < 0 ? r.windowId : r.windowId.slice(0, colon),
      windowId: colon < 0 ? '' : r.windowId.slice(colon + 1),
      threshold: r.threshold,
      status,
      attempts: r.attempts,
      lastError: status === 'delivered' ? null : r.lastError,
      deliveredAt: r.deliveredAt,
      nextAttemptAt: status === 'retrying' || status === 'pending' ? r.nextAttemptAt : null,
    };
  });
}

/** The keys page's data: every key with its state and limits, and the team panel. Asks each budget's guard once. */
export async function keysReport(
  env: Env,
  team: string,
  keys: readonly KeyRecord[],
  opts: { keyLimits?: boolean; now?: number } = {},
): Promise<KeysReport> {
  const now = opts.now ?? Date.now();
  const record = await getTeam(env, team);
  // The team panel alone needs no key's guard.
  const live = opts.keyLimits === false ? [] : keys.filter((k) => !k.revokedAt);
  const [limits, alerts] = await Promise.all([teamLimitsView(env, record, live), alertViews(env, team, keys)]);
  const views = keys.map((k) => ({
    ...k,
    state: keyState(k, now),
    rotatedTo: ref(keys.find((n) => n.rotatedFrom === k.id)),
    replaces: k.rotatedFrom ? ref(keys.find((o) => o.id === k.rotatedFrom)) : null,
    limits: limits.keys.get(k.id) ?? null,
  }));
  return {
    keys: views,
    team: {
      id: team,
      name: record?.name ?? team,
      settings: record?.settings ?? null,
      limits: limits.team,
      webhook: { configured: Boolean(record?.alertWebhookUrl), host: hostOf(record?.alertWebhookUrl ?? null) },
      alerts,
    },
  };
}

export interface DataExport {
  retention: {
    requestLogDays: number;
    feedbackDays: number;
    /** `env`: REQUEST_LOG_RETENTION_DAYS; `default`: unset; `invalid`: set to something that is not whole days (ignored). */
    source: 'env' | 'default' | 'invalid';
  };
  telemetry: {
    enabled: boolean;
    /** The collector's host (and port); never its path, query, credentials or the request headers. */
    host: string | null;
    /** Why export is off: `unset`, `disabled` (OTEL_SDK_DISABLED) or `invalid` (not an http(s) URL). */
    off: 'unset' | 'disabled' | 'invalid' | null;
  };
}

/** The request-log retention and the OpenTelemetry export in effect, read where their code reads them. */
export function dataExport(env: Env): DataExport {
  const policy = retentionPolicy(env);
  const raw = env.REQUEST_LOG_RETENTION_DAYS;
  const set = raw !== undefined && raw.trim() !== '';
  const source = !set ? 'default' : /^\d+$/.test(raw.trim()) && Number(raw) === policy.requestLogDays ? 'env' : 'invalid';
  const config = otlpConfig(env);
  const configured = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
  const disabled = env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true';
  return {
    retention: { requestLogDays: policy.requestLogDays, feedbackDays: policy.feedbackDays, source },
    telemetry: {
      enabled: config !== null,
      host: config ? hostOf(config.url) : null,
      off: config ? null : !configured ? 'unset' : disabled ? 'disabled' : 'invalid',
    },
  };
}

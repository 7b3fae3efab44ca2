import type { Env } from '../env';
import type { TeamRecord } from './team-settings';
import { loadTeam } from './team-store';

/**
 * Isolate-memory cache of teams' limits, like the key cache (key-cache.ts): a hit costs no I/O, a team
 * in use is re-read in the background REFRESH_AFTER_MS into its TTL, and a change through the admin API
 * applies at once in the isolate that served it and within TTL_MS (plus KV propagation) elsewhere. As
 * there, no lookup promise is shared between requests.
 */
const TTL_MS = 30_000;
const REFRESH_AFTER_MS = 20_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  team: TeamRecord | null;
  loadedAt: number;
  refreshing: boolean;
}

const entries = new Map<string, Entry>();
const evictedAt = new Map<string, number>();

function store(teamId: string, team: TeamRecord | null, startedAt: number): void {
  if ((evictedAt.get(teamId) ?? -Infinity) >= startedAt) return;
  if (!entries.has(teamId) && entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(teamId, { team, loadedAt: startedAt, refreshing: false });
}

/** The team's limits: from memory, else KV/D1 (a cold isolate's first request of the team). */
export async function resolveTeam(
  env: Env,
  teamId: string,
  waitUntil: (p: Promise<unknown>) => void,
  now = Date.now(),
): Promise<TeamRecord | null> {
  const hit = entries.get(teamId);
  if (hit && now - hit.loadedAt < TTL_MS) {
    if (!hit.refreshing && now - hit.loadedAt >= REFRESH_AFTER_MS) {
      hit.refreshing = true;
      waitUntil(
        loadTeam(env, teamId).then(
          (team) => store(teamId, team, now),
          () => (hit.refreshing = false),
        ),
      );
    }
    return hit.team;
  }
  const team = await loadTeam(env, teamId);
  store(teamId, team, now);
  return team;
}

/** What this isolate last loaded for the team, without I/O (the response headers' view). */
export function cachedTeam(teamId: string): TeamRecord | null {
  return entries.get(teamId)?.team ?? null;
}

export function evictTeam(teamId: string, now = Date.now()): void {
  entries.delete(teamId);
  evictedAt.delete(teamId);
  if (evictedAt.size >= MAX_ENTRIES) evictedAt.delete(evictedAt.keys().next().value as string);
  evictedAt.set(teamId, now);
}

import { peekQuota } from './quota-state';
import { scopesOf } from './scopes';
import { cachedTeam } from './team-cache';
import type { KeyRecord } from './types';

/**
 * OpenAI's rate-limit headers, from what this isolate knows without I/O: each scope's bucket level at
 * its guard's last answer, refilled since at the scope's rate, plus what the isolate holds leased.
 * Other isolates' use since that answer is not seen, so `remaining` can be optimistic by up to a
 * second or so of their traffic. With both a key and a team limit, the one with less left is reported
 * (it is the one a client runs into). Without any token limit the `*-tokens` headers are left out:
 * there is no limit to report, and a made-up one would mislead clients that pace themselves by it.
 */

/** A duration the way OpenAI writes it (Go's format): `20ms`, `1s`, `7.66s`, `6m0s`, `1h2m3s`. */
export function formatResetDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = ((total % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

interface Level {
  limit: number;
  remaining: number;
}

function level(limit: number, left: number | null, leftAt: number, local: number, now: number): Level {
  const atGuard = left === null ? limit : Math.min(limit, left + ((now - leftAt) * limit) / 60_000);
  return { limit, remaining: Math.max(0, Math.min(limit, Math.floor(atGuard + local))) };
}

const tighter = (a: Level | null, b: Level) => (a === null || b.remaining < a.remaining ? b : a);

function put(out: Record<string, string>, unit: 'requests' | 'tokens', l: Level): void {
  out[`x-ratelimit-limit-${unit}`] = String(l.limit);
  out[`x-ratelimit-remaining-${unit}`] = String(l.remaining);
  // Time until the bucket is full again ("resets to its initial state").
  out[`x-ratelimit-reset-${unit}`] = formatResetDuration(((l.limit - l.remaining) * 60_000) / l.limit);
}

export function rateLimitHeaders(key: KeyRecord, now = Date.now()): Record<string, string> {
  let requests: Level | null = null;
  let tokens: Level | null = null;
  for (const scope of scopesOf(key, key.teamId ? cachedTeam(key.teamId) : null)) {
    const q = peekQuota(scope.id);
    if (scope.rpm !== null) {
      const local = q && q.expiresAt > now ? q.tokens : 0;
      requests = tighter(requests, level(scope.rpm, q?.requestsLeft ?? null, q?.leftAt ?? now, local, now));
    }
    if (scope.tpm !== null) {
      const t = q?.tpm;
      const local = t ? (t.expiresAt > now ? t.tokens : Math.min(0, t.tokens)) : 0;
      tokens = tighter(tokens, level(scope.tpm, q?.tokensLeft ?? null, q?.leftAt ?? now, local, now));
    }
  }
  const out: Record<string, string> = {};
  if (requests) put(out, 'requests', requests);
  if (tokens) put(out, 'tokens', tokens);
  return out;
}

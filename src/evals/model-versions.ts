import type { ModelVersions } from './store';

/**
 * Model-version tracking, pure. Providers report the model that actually answered (e.g.
 * "gpt-4o-2024-08-06" for "gpt-4o"); when that changes, older results measured other weights: the
 * endpoint's scores restart from the change (`since`) and a recheck run re-evaluates it at once,
 * instead of waiting for the next scheduled sweep.
 */
export interface VersionUpdate {
  versions: ModelVersions;
  /** Endpoints whose reported model changed in this slice. */
  changed: string[];
}

export function observeModelVersions(current: ModelVersions, observed: Map<string, string | undefined>, now: number): VersionUpdate {
  const versions: ModelVersions = { ...current };
  const changed: string[] = [];
  for (const [endpointId, model] of observed) {
    const prev = versions[endpointId];
    if (!prev) {
      // First sighting: every stored result counts (since 0); nothing to re-run.
      versions[endpointId] = { model: model ?? null, since: 0, checkedAt: now };
    } else if (model && prev.model && model !== prev.model) {
      versions[endpointId] = { model, since: now, checkedAt: now };
      changed.push(endpointId);
    } else {
      versions[endpointId] = { ...prev, model: prev.model ?? model ?? null, checkedAt: now };
    }
  }
  return { versions, changed };
}

/** Endpoints not called for `intervalMs`, least recently checked first (probed between sweeps). */
export function probeDue(versions: ModelVersions, endpointIds: string[], now: number, intervalMs: number): string[] {
  return endpointIds
    .filter((id) => now - (versions[id]?.checkedAt ?? 0) >= intervalMs)
    .sort((a, b) => (versions[a]?.checkedAt ?? 0) - (versions[b]?.checkedAt ?? 0) || a.localeCompare(b));
}

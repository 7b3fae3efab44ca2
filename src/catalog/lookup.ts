import type { Endpoint } from './types';

export type ResolvedModel = { kind: 'codename'; codename: string } | { kind: 'endpoint'; endpoint: Endpoint };

/** Name lookups over one set of endpoints, built once (the typed catalog, or a deployment's self-hosted ones). */
export interface EndpointLookup {
  byId: ReadonlyMap<string, Endpoint>;
  byCodename: ReadonlyMap<string, Endpoint[]>;
  /** Exact spelling: endpoint id, codename, then upstream model id. */
  resolveExact(name: string): ResolvedModel | undefined;
  /** The same, case-insensitively. */
  resolveLoose(name: string): ResolvedModel | undefined;
}

function push<K>(map: Map<K, Endpoint[]>, key: K, e: Endpoint): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

/** A provider model id names one thing only if all its hosts serve the same family. */
function resolveUpstreamModel(matches: readonly Endpoint[]): ResolvedModel | undefined {
  if (matches.length === 1) return { kind: 'endpoint', endpoint: matches[0] };
  const families = new Set(matches.map((e) => e.codename));
  if (families.size === 1) return { kind: 'codename', codename: matches[0].codename };
  return undefined;
}

export function createLookup(endpoints: readonly Endpoint[]): EndpointLookup {
  const byId = new Map<string, Endpoint>();
  const byCodename = new Map<string, Endpoint[]>();
  const byUpstreamModel = new Map<string, Endpoint[]>();
  for (const e of endpoints) {
    byId.set(e.id, e);
    push(byCodename, e.codename, e);
    push(byUpstreamModel, e.model, e);
  }
  const lowerIds = new Map([...byId.keys()].map((k) => [k.toLowerCase(), k]));
  const lowerCodenames = new Map([...byCodename.keys()].map((k) => [k.toLowerCase(), k]));
  const lowerModels = new Map<string, string[]>();
  for (const model of byUpstreamModel.keys()) {
    const key = model.toLowerCase();
    lowerModels.set(key, [...(lowerModels.get(key) ?? []), model]);
  }
  return {
    byId,
    byCodename,
    resolveExact(name) {
      const endpoint = byId.get(name);
      if (endpoint) return { kind: 'endpoint', endpoint };
      if (byCodename.has(name)) return { kind: 'codename', codename: name };
      const matches = byUpstreamModel.get(name);
      return matches ? resolveUpstreamModel(matches) : undefined;
    },
    resolveLoose(name) {
      const lower = name.toLowerCase();
      const id = lowerIds.get(lower);
      if (id) return { kind: 'endpoint', endpoint: byId.get(id)! };
      const codename = lowerCodenames.get(lower);
      if (codename) return { kind: 'codename', codename };
      const models = lowerModels.get(lower);
      if (!models) return undefined;
      return resolveUpstreamModel(models.flatMap((m) => byUpstreamModel.get(m) ?? []));
    },
  };
}

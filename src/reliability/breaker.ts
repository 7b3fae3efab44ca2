import { DurableObject } from 'cloudflare:workers';
import type { ChatRequest } from '../hub';
import { catalogView, providerKey, simulationEnabled } from '../catalog';
import type { Env } from '../env';
import { callCompletion, defaultTimeouts } from '../providers';
import { admit, breakerConfigFrom, type BreakerState, closedState, onFailure, onSuccess } from './breaker-state';
import type { BreakerRecord, BreakerReport, BreakerRpc } from './breaker-protocol';
import { KV_PREFIX } from './breaker-view';

/**
 * Per-endpoint circuit breaker, one Durable Object per endpoint id (idFromName(endpointId)). It is
 * the authoritative state across isolates and colos: isolates report outcomes to it off the request
 * path (src/reliability/breaker-view.ts), it runs the state machine (breaker-state.ts), persists the
 * state, publishes every status change as a KV record `breaker:<endpointId>` that isolates poll, and
 * — through its alarm — sends a synthetic probe (a 1-token completion through the normal adapters)
 * when an open endpoint's cooldown has passed and no isolate's real request probed it.
 * Provider-wide health is derived from these per-endpoint records (see providerHealth()).
 */
export class EndpointBreaker extends DurableObject<Env> implements BreakerRpc {
  private state?: BreakerState;
  private endpointId?: string;

  private get cfg() {
    return breakerConfigFrom(this.env as unknown as Record<string, unknown>);
  }

  private async load(): Promise<BreakerState> {
    if (!this.state) {
      this.state = (await this.ctx.storage.get<BreakerState>('state')) ?? closedState();
      this.endpointId ??= await this.ctx.storage.get<string>('endpointId');
    }
    return this.state;
  }

  private toRecord(s: BreakerState): BreakerRecord {
    return { s: s.status, ...(s.openUntil !== undefined && s.status !== 'closed' ? { u: s.openUntil } : {}), t: s.trips, c: s.changedAt };
  }

  /** Persists, publishes status changes to KV and keeps the alarm in step with the state. */
  private async save(next: BreakerState): Promise<void> {
    const prev = this.state;
    this.state = next;
    await this.ctx.storage.put('state', next);
    if (prev && prev.status === next.status && prev.openUntil === next.openUntil) return;
    if (next.status === 'open') await this.ctx.storage.setAlarm((next.openUntil ?? Date.now()) + this.cfg.syntheticProbeDelayMs);
    else if (next.status === 'half_open') await this.ctx.storage.setAlarm(next.openUntil ?? Date.now() + this.cfg.probeLeaseMs);
    else await this.ctx.storage.deleteAlarm();
    if (this.endpointId && this.env.KV) {
      const record = this.toRecord(next);
      // Closed records expire: absence means closed. Open ones outlive their open period.
      const ttlSeconds = Math.max(60, Math.ceil(((next.openUntil ?? Date.now()) - Date.now()) / 1000) + 3600);
      await this.env.KV.put(`${KV_PREFIX}${this.endpointId}`, '', { metadata: record, expirationTtl: ttlSeconds }).catch((err: Error) =>
        console.error('breaker KV publish failed', this.endpointId, err.message),
      );
    }
  }

  async report(r: BreakerReport): Promise<BreakerRecord> {
    let s = await this.load();
    await this.remember(r.endpointId);
    const now = Date.now();
    // The isolate judged the cooldown over and probed: its result settles the half-open state.
    if (r.probe && s.status !== 'closed') s = { ...s, status: 'half_open' };
    const next = r.ok ? onSuccess(s, now) : onFailure(s, this.cfg, now, { retryAfterMs: r.retryAfterMs });
    if (next !== this.state) await this.save(next);
    return this.toRecord(this.state!);
  }

  async probeStarted(endpointId: string): Promise<BreakerRecord> {
    const s = await this.load();
    await this.remember(endpointId);
    if (s.status === 'open') {
      const now = Date.now();
      await this.save({ ...s, status: 'half_open', probeSince: now, openUntil: now + this.cfg.probeLeaseMs, changedAt: now });
    }
    return this.toRecord(this.state!);
  }

  private async remember(endpointId: string): Promise<void> {
    if (this.endpointId) return;
    this.endpointId = endpointId;
    await this.ctx.storage.put('endpointId', endpointId);
  }

  async record(): Promise<BreakerRecord> {
    return this.toRecord(await this.load());
  }

  async reset(): Promise<void> {
    await this.load();
    await this.save(closedState(Date.now()));
  }

  override async alarm(): Promise<void> {
    const s = await this.load();
    const endpoint = this.endpointId ? catalogView(this.env).getEndpoint(this.endpointId) : undefined;
    if (s.status === 'closed' || !endpoint) return;
    const now = Date.now();
    const a = admit(s, this.cfg, now);
    if (!a.allow) {
      // Not due yet (e.g. a retry-after extended the open period, or another probe holds the lease).
      await this.ctx.storage.setAlarm((s.openUntil ?? now) + (s.status === 'open' ? this.cfg.syntheticProbeDelayMs : 0));
      return;
    }
    await this.save(a.next);
    const probeSince = a.next.probeSince;
    const simulated = providerKey(this.env, endpoint) === undefined && simulationEnabled(this.env);
    const probe = { model: endpoint.model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 } as ChatRequest;
    let ok = false;
    let retryAfterMs: number | undefined;
    try {
      await callCompletion(this.env, { endpoint, simulated }, probe, defaultTimeouts(endpoint, 1, false), new AbortController().signal);
      ok = true;
    } catch (err) {
      retryAfterMs = (err as { failure?: { retryAfterMs?: number } }).failure?.retryAfterMs;
    }
    const current = this.state!;
    // A real probe settled it meanwhile: that result stands.
    if (current.status !== 'half_open' || current.probeSince !== probeSince) return;
    await this.save(ok ? onSuccess(current, Date.now()) : onFailure(current, this.cfg, Date.now(), { retryAfterMs }));
  }
}

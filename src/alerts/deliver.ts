import type { Env } from '../env';
import { claimAlert, dueAlertIds, MAX_ATTEMPTS, recordAttempt, retryDelayMs, webhookOf } from './outbox';
import { SIGNATURE_HEADER, signatureHeader } from './sign';

/**
 * Delivery: at least once, off the request path. An alert is written to the outbox first, then sent;
 * a failure (no 2xx within ATTEMPT_TIMEOUT_MS) is retried with exponential backoff, in process while
 * the wait is short, and by the cron (deliverDueAlerts) otherwise or when the process that wrote it is
 * gone. Receivers should treat the payload's `id` as idempotency key: a delivery whose answer was lost
 * is sent again.
 */

const ATTEMPT_TIMEOUT_MS = 10_000;
/** Retries due sooner than this are waited for in process; later ones are left to the cron. */
const IN_PROCESS_RETRY_MS = 30_000;
/** Deliveries per cron tick: a Worker invocation may make only so many subrequests. */
const CRON_BATCH = 10;

export interface AttemptOutcome {
  delivered: boolean;
  /** When to try again, if ever. */
  retryInMs: number | null;
}

async function post(url: string, secret: string, body: string, id: string): Promise<string | null> {
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'cailos-alerts/1',
    'x-cailos-event': 'budget.threshold',
    'x-cailos-delivery': id,
    [SIGNATURE_HEADER]: await signatureHeader(secret, Math.floor(Date.now() / 1000), body),
  };
  try {
    // No redirects: the signed body goes to the configured address only.
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
  } catch (err) {
    return (err as Error).name === 'TimeoutError' ? 'timeout' : 'network error';
  }
}

/** One attempt at one alert, if it is due and nobody else holds it. */
export async function attemptDelivery(env: Env, id: string, now = Date.now()): Promise<AttemptOutcome> {
  const row = await claimAlert(env, id, now);
  if (!row) return { delivered: false, retryInMs: null };
  const hook = await webhookOf(env, row.teamId);
  const error = hook ? await post(hook.url, hook.secret, row.payload, row.id) : 'no webhook configured';
  const attempts = await recordAttempt(env, row, error, Date.now());
  if (error === null) return { delivered: true, retryInMs: null };
  return { delivered: false, retryInMs: attempts < MAX_ATTEMPTS ? retryDelayMs(attempts) : null };
}

/** Attempts now, then keeps retrying while the next try is due within IN_PROCESS_RETRY_MS. */
export async function deliverWithRetries(env: Env, id: string): Promise<void> {
  for (;;) {
    const outcome = await attemptDelivery(env, id);
    if (outcome.retryInMs === null || outcome.retryInMs > IN_PROCESS_RETRY_MS) return;
    await new Promise((resolve) => setTimeout(resolve, outcome.retryInMs!));
  }
}

/** Delivers an alert already in the outbox; failures stay there for the cron. Never throws. */
export async function deliverAlert(env: Env, id: string): Promise<void> {
  await deliverWithRetries(env, id).catch((err) => console.error('alert delivery', (err as Error).message));
}

/** The cron's sweep: one attempt at each due alert (those whose process died, or whose backoff outgrew it). */
export async function deliverDueAlerts(env: Env, now = Date.now()): Promise<number> {
  let delivered = 0;
  for (const id of await dueAlertIds(env, now, CRON_BATCH)) {
    if ((await attemptDelivery(env, id, now)).delivered) delivered++;
  }
  return delivered;
}

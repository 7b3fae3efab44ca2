import type { FC } from 'hono/jsx';
import type { AlertView, TeamPanel } from '../controls';
import { int, time } from '../format';
import { Budgets } from './key-controls';

/** 0.5 → "50%", 0.333 → "33.3%". */
const share = (x: number) => `${Math.round(x * 1000) / 10}%`;

const perMinute = (n: number | null | undefined, unit: string) => (n == null ? 'no team-wide limit' : `${int(n)} ${unit}/min`);

function scopeText(a: AlertView): string {
  if (a.scope.kind === 'team') return 'team';
  return a.scope.name === null ? `key ${a.scope.id}` : `key ${a.scope.name}`;
}

const STATUS_CLASS = { delivered: 'ok', pending: 'warn', retrying: 'warn', failed: 'bad' } as const;

const AlertRow: FC<{ a: AlertView }> = ({ a }) => (
  <tr data-alert-id={a.id}>
    <td data-field="alert-time">{time(a.createdAt)}</td>
    <td data-field="alert-scope">{scopeText(a)}</td>
    <td data-field="alert-window">{`${a.window} ${a.windowId}`}</td>
    <td data-field="alert-threshold" class="num">
      {share(a.threshold)}
    </td>
    <td>
      <span class={`badge ${STATUS_CLASS[a.status]}`} data-field="alert-status">
        {a.status}
      </span>
      {a.nextAttemptAt !== null ? <span class="muted">{` next try ${time(a.nextAttemptAt)}`}</span> : null}
    </td>
    <td data-field="alert-attempts" class="num">
      {String(a.attempts)}
    </td>
    <td data-field="alert-error">{a.lastError ?? '–'}</td>
  </tr>
);

/** The team's limits and spend alerts: team-wide rates and budgets, where alerts go (host only), recent deliveries. */
export const TeamPanelView: FC<{ team: TeamPanel }> = ({ team }) => {
  const limits = team.limits;
  const thresholds = team.settings?.alertThresholds ?? [];
  return (
    <section aria-labelledby="team-title" data-testid="team-panel">
      <h2 id="team-title">Team limits and spend alerts</h2>
      <dl class="facts">
        <dt>Team</dt>
        <dd>
          {team.name} <span class="muted">{`(${team.id})`}</span>
        </dd>
        <dt>Requests per minute</dt>
        <dd data-field="team-rpm">{perMinute(limits?.requests_per_minute, 'requests')}</dd>
        <dt>Tokens per minute</dt>
        <dd data-field="team-tpm">{perMinute(limits?.tokens_per_minute, 'tokens')}</dd>
        <dt>Team budgets</dt>
        <dd>
          <Budgets budgets={limits?.budgets ?? null} field="team-budgets" />
        </dd>
        <dt>Alert thresholds</dt>
        <dd>
          <span data-field="thresholds">{thresholds.length ? thresholds.map(share).join(', ') : 'none'}</span>
          <span class="muted">
            {team.webhook.configured ? " of each budget window, the team's and each key's" : ' (no webhook configured: no alert is sent)'}
          </span>
        </dd>
        <dt>Alert webhook</dt>
        <dd data-field="webhook">
          {team.webhook.configured ? `configured (${team.webhook.host ?? 'host unreadable'})` : 'not configured'}
        </dd>
      </dl>
      <p class="muted">Team limits and the webhook are set by the operator (PATCH /admin/teams/:id); the webhook secret is never shown.</p>
      <h3>Recent spend alerts</h3>
      {team.alerts.length ? (
        <div class="table-wrap">
          <table data-testid="alerts">
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Budget of</th>
                <th scope="col">Window</th>
                <th scope="col" class="num">
                  Threshold
                </th>
                <th scope="col">Delivery</th>
                <th scope="col" class="num">
                  Attempts
                </th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {team.alerts.map((a) => (
                <AlertRow a={a} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">No spend alerts yet.</p>
      )}
    </section>
  );
};

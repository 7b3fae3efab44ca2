import type { FC } from 'hono/jsx';
import type { BudgetView } from '../../tenancy';
import type { KeyRef, KeyView } from '../controls';
import { int, time, usd } from '../format';

/** How a key is named where another key points at it: its name and the displayable prefix. */
const refLabel = (k: KeyRef) => `${k.name} (${k.keyPrefix}…)`;

/** Budget windows with the spend so far and when each starts afresh; "none" without any. */
export const Budgets: FC<{ budgets: readonly BudgetView[] | null; field: string }> = ({ budgets, field }) => (
  <div data-field={field}>
    {budgets?.length ? (
      <ul class="compact">
        {budgets.map((b) => (
          <li data-window={b.window} data-limit={String(b.limit_usd)} data-spent={String(b.spent_usd)} data-resets={b.resets_at}>
            {`${b.window} ${usd(b.limit_usd)}: ${usd(b.spent_usd)} spent, resets ${time(Date.parse(b.resets_at))}`}
          </li>
        ))}
      </ul>
    ) : (
      'none'
    )}
  </div>
);

/** A revoked key has no live spend to show: its budgets as configured. */
function configuredBudgets(k: KeyView): BudgetView[] {
  const s = k.settings;
  const set: [string, number | null | undefined][] = [
    ['daily', s.dailyBudgetUsd],
    ['weekly', s.weeklyBudgetUsd],
    ['monthly', s.monthlyBudgetUsd],
  ];
  return set
    .filter((w): w is [string, number] => typeof w[1] === 'number')
    .map(([window, limit]) => ({ window, limit_usd: limit, spent_usd: 0, resets_at: '' }));
}

const ConfiguredBudgets: FC<{ k: KeyView }> = ({ k }) => {
  const budgets = configuredBudgets(k);
  return <div data-field="budgets">{budgets.length ? budgets.map((b) => `${b.window} ${usd(b.limit_usd)}`).join(', ') : 'none'}</div>;
};

function allowText(rules: readonly string[] | null | undefined): string {
  if (rules == null) return 'any model';
  return rules.length ? rules.join(', ') : 'no model (empty allow list)';
}

function expiryText(k: KeyView): string {
  const at = k.settings.expiresAt;
  if (at == null) return 'never';
  return k.state === 'expired' ? `expired ${time(at)}` : time(at);
}

/** Every control of a key, with its value (the keys view's "Settings" cell). */
export const KeyControls: FC<{ k: KeyView }> = ({ k }) => {
  const s = k.settings;
  const tpm = s.tokensPerMinute ?? null;
  return (
    <dl class="controls">
      <dt>Expires</dt>
      <dd data-field="expires">{expiryText(k)}</dd>
      <dt>Allowed models</dt>
      <dd data-field="allow">{allowText(s.allowModels)}</dd>
      <dt>Denied models</dt>
      <dd data-field="deny">{s.denyModels?.length ? s.denyModels.join(', ') : 'none'}</dd>
      <dt>Residency</dt>
      <dd data-field="residency">{s.residency ?? 'none (any region)'}</dd>
      <dt>Rates</dt>
      <dd>
        <span data-field="rpm">{`${int(s.requestsPerMinute)} requests/min`}</span>,{' '}
        <span data-field="tpm">{tpm === null ? 'no token limit' : `${int(tpm)} tokens/min`}</span>
      </dd>
      <dt>Budgets</dt>
      <dd>{k.limits ? <Budgets budgets={k.limits.budgets} field="budgets" /> : <ConfiguredBudgets k={k} />}</dd>
      <dt>Response cache</dt>
      <dd data-field="cache">{s.responseCache?.enabled ? `on, entries kept ${int(s.responseCache.ttlSeconds)} s` : 'off'}</dd>
    </dl>
  );
};

/** The row's class: the state a reader should notice first. */
export function rowClass(k: KeyView): string {
  if (k.state !== 'active') return k.state;
  return k.rotatedTo ? 'rotated' : '';
}

/** Revoked, expired, rotated (with its successor and the grace end), or active. */
export const KeyStatus: FC<{ k: KeyView }> = ({ k }) => {
  const successor = k.rotatedTo ? (
    <>
      {'rotated: replaced by '}
      <a href={`#key-${k.rotatedTo.id}`}>{refLabel(k.rotatedTo)}</a>
    </>
  ) : null;
  if (k.state === 'revoked') return <span class="badge bad" data-field="status">{`revoked ${time(k.revokedAt ?? 0)}`}</span>;
  if (k.state === 'expired')
    return (
      <span class="badge bad" data-field="status">
        {`expired ${time(k.settings.expiresAt ?? 0)}`}
        {successor ? <>; {successor}</> : null}
      </span>
    );
  if (successor)
    return (
      <span class="badge warn" data-field="status">
        {successor}
        {k.settings.expiresAt == null ? null : `, works until ${time(k.settings.expiresAt)}`}
      </span>
    );
  return (
    <span class="badge ok" data-field="status">
      active
    </span>
  );
};

/** For a key made by rotation: the key it replaced. */
export const Lineage: FC<{ k: KeyView }> = ({ k }) =>
  k.rotatedFrom ? (
    <span class="muted" data-field="lineage">
      {`replaces ${k.replaces ? refLabel(k.replaces) : k.rotatedFrom}`}
    </span>
  ) : null;

import type { FC } from 'hono/jsx';
import {
  canViewDashboard,
  DEFAULT_MIN_TRUST_LEVEL,
  KEY_SCOPES,
  type KeyRecord,
  type KeyScope,
  type KeySettings,
  SHIELD_MODES,
} from '../../tenancy';
import type { Viewer } from '../auth';
import { time, usd } from '../format';
import { Layout } from './layout';
import { STRATEGIES } from '../../hub';

const TRUST_OPTIONS = [0, 1, 2, 3];
const SCOPE_LABELS: Record<KeyScope, string> = { api: 'API', dashboard: 'Dashboard (view)', 'keys:manage': 'Manage keys' };

/**
 * The settings inputs. `ceiling` is the signed-in key's own settings: the form offers nothing above
 * them (the server refuses it anyway), except the value a key already has, so an unchanged edit form
 * still submits.
 */
const SettingsFields: FC<{ k?: KeyRecord; idPrefix: string; ceiling?: KeySettings }> = ({ k, idPrefix, ceiling }) => {
  const s = k?.settings ?? ceiling;
  const trustOptions = TRUST_OPTIONS.filter((t) => !ceiling || t >= ceiling.minTrustLevel || t === k?.settings.minTrustLevel);
  const shieldModes = SHIELD_MODES.filter(
    (m) => m !== 'off' || !ceiling || ceiling.shield.mode === 'off' || k?.settings.shield.mode === 'off',
  );
  const maxRpm = Math.max(ceiling?.requestsPerMinute ?? 100_000, k?.settings.requestsPerMinute ?? 0);
  const budgetCap = ceiling?.monthlyBudgetUsd ?? null;
  const maxBudget = budgetCap === null ? undefined : String(Math.max(budgetCap, k?.settings.monthlyBudgetUsd ?? 0));
  return (
    <>
      <label for={`${idPrefix}-strategy`}>Default strategy</label>
      <select id={`${idPrefix}-strategy`} name="defaultStrategy">
        <option value="" selected={!k?.settings.defaultStrategy}>
          auto (chosen per request)
        </option>
        {STRATEGIES.map((st) => (
          <option value={st} selected={k?.settings.defaultStrategy === st}>
            {st}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-trust`}>Minimum trust level</label>
      <select id={`${idPrefix}-trust`} name="minTrustLevel">
        {trustOptions.map((t) => (
          <option value={String(t)} selected={(s?.minTrustLevel ?? DEFAULT_MIN_TRUST_LEVEL) === t}>
            {String(t)}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-budget`}>
        {budgetCap === null ? 'Monthly budget (USD, empty = none)' : `Monthly budget (USD, at most ${usd(budgetCap)})`}
      </label>
      <input
        id={`${idPrefix}-budget`}
        name="monthlyBudgetUsd"
        type="number"
        min="0.01"
        step="0.01"
        max={maxBudget}
        required={budgetCap !== null && !(k && k.settings.monthlyBudgetUsd === null)}
        value={s?.monthlyBudgetUsd ? String(s.monthlyBudgetUsd) : ''}
      />
      <label for={`${idPrefix}-rpm`}>Rate limit (requests per minute)</label>
      <input
        id={`${idPrefix}-rpm`}
        name="requestsPerMinute"
        type="number"
        min="1"
        max={String(maxRpm)}
        value={String(s?.requestsPerMinute ?? 600)}
      />
      <label for={`${idPrefix}-shield`}>Shield policy</label>
      <select id={`${idPrefix}-shield`} name="shieldMode">
        {shieldModes.map((m) => (
          <option value={m} selected={(s?.shield.mode ?? 'on') === m}>
            {m}
          </option>
        ))}
      </select>
    </>
  );
};

/** The scopes the viewer may hand out: all for the operator, its own (managing includes viewing) for a key. */
function grantableScopes(viewer: Viewer, own: KeyRecord | undefined): KeyScope[] {
  if (viewer.role === 'admin') return [...KEY_SCOPES];
  const scopes = own?.scopes ?? [];
  return KEY_SCOPES.filter((sc) => scopes.includes(sc) || (sc === 'dashboard' && canViewDashboard(scopes)));
}

export const KeysPage: FC<{
  viewer: Viewer;
  keys: KeyRecord[];
  created?: { apiKey: string; record: KeyRecord };
  error?: string;
  notice?: string;
}> = ({ viewer, keys, created, error, notice }) => {
  // A key's own settings bound what it may set; the operator is unbounded.
  const own = viewer.role === 'key' ? keys.find((k) => k.id === viewer.keyId) : undefined;
  const ceiling = own?.settings;
  return (
    <Layout title="Keys" tab="keys" viewer={viewer}>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {created ? (
        <section class="created" aria-labelledby="created-title">
          <h2 id="created-title">New key “{created.record.name}”</h2>
          <p>Copy it now: it is shown only this once and cannot be recovered.</p>
          <p>
            <code data-testid="new-key" class="secret">
              {created.apiKey}
            </code>
          </p>
        </section>
      ) : null}
      {viewer.canManage ? (
        <section aria-labelledby="create-title">
          <h2 id="create-title">Create a key</h2>
          {own ? <p class="muted">A key you create gets at most your own key's limits and scopes, and is revoked with it.</p> : null}
          <form method="post" action="/dashboard/keys" class="grid-form">
            <input type="hidden" name="_csrf" value={viewer.csrf ?? ''} />
            <label for="new-name">Name</label>
            <input id="new-name" name="name" type="text" required maxlength={100} />
            <fieldset>
              <legend>Scopes</legend>
              {grantableScopes(viewer, own).map((sc) => (
                <label>
                  <input type="checkbox" name="scopes" value={sc} checked={sc === 'api'} /> {SCOPE_LABELS[sc]}
                </label>
              ))}
            </fieldset>
            <SettingsFields idPrefix="new" ceiling={ceiling} />
            <button type="submit">Create key</button>
          </form>
        </section>
      ) : (
        <p class="muted" role="note">
          This key can view the team's keys but not change them: that needs the 'keys:manage' scope.
        </p>
      )}
      <section aria-labelledby="list-title">
        <h2 id="list-title">Keys of team {viewer.team}</h2>
        <div class="table-wrap">
          <table id="keys">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created (UTC)</th>
                <th scope="col">Settings</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr data-key-id={k.id} class={k.revokedAt ? 'revoked' : ''}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <code>{k.keyPrefix}…</code>
                  </td>
                  <td>{k.scopes.join(', ')}</td>
                  <td>
                    {time(k.createdAt)}
                    {k.createdBy ? (
                      <span class="muted">{` by key ${keys.find((p) => p.id === k.createdBy)?.name ?? k.createdBy}`}</span>
                    ) : null}
                  </td>
                  <td>
                    <span class="muted">
                      {`${k.settings.defaultStrategy ?? 'auto strategy'}, trust ≥ ${k.settings.minTrustLevel}, ${k.settings.monthlyBudgetUsd ? `${usd(k.settings.monthlyBudgetUsd)}/month` : 'no budget'}, ${k.settings.requestsPerMinute} rpm, shield ${k.settings.shield.mode}`}
                    </span>
                    {k.revokedAt || !viewer.canManage ? null : (
                      <details>
                        <summary>Edit settings</summary>
                        <form method="post" action={`/dashboard/keys/${k.id}/settings`} class="grid-form">
                          <input type="hidden" name="_csrf" value={viewer.csrf ?? ''} />
                          <SettingsFields k={k} idPrefix={k.id} ceiling={ceiling} />
                          <button type="submit">Save settings</button>
                        </form>
                      </details>
                    )}
                  </td>
                  <td>
                    {k.revokedAt ? (
                      <span class="badge bad" data-field="status">{`revoked ${time(k.revokedAt)}`}</span>
                    ) : !viewer.canManage ? (
                      <span class="badge ok" data-field="status">
                        active
                      </span>
                    ) : (
                      <form method="post" action={`/dashboard/keys/${k.id}/revoke`}>
                        <input type="hidden" name="_csrf" value={viewer.csrf ?? ''} />
                        <span class="badge ok" data-field="status">
                          active
                        </span>{' '}
                        <button type="submit" class="danger" aria-label={`Revoke key ${k.name}`}>
                          Revoke
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
};

import type { FC } from 'hono/jsx';
import { STRATEGIES } from '../../api/chat-schema';
import { SHIELD_MODES } from '../../tenancy/types';
import type { KeyRecord } from '../../tenancy/types';
import type { Viewer } from '../auth';
import { time, usd } from '../format';
import { Layout } from './layout';

const TRUST_OPTIONS = [0, 1, 2, 3];

const SettingsFields: FC<{ k?: KeyRecord; idPrefix: string }> = ({ k, idPrefix }) => {
  const s = k?.settings;
  return (
    <>
      <label for={`${idPrefix}-strategy`}>Default strategy</label>
      <select id={`${idPrefix}-strategy`} name="defaultStrategy">
        <option value="" selected={!s?.defaultStrategy}>
          auto (chosen per request)
        </option>
        {STRATEGIES.map((st) => (
          <option value={st} selected={s?.defaultStrategy === st}>
            {st}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-trust`}>Minimum trust level</label>
      <select id={`${idPrefix}-trust`} name="minTrustLevel">
        {TRUST_OPTIONS.map((t) => (
          <option value={String(t)} selected={(s?.minTrustLevel ?? 0) === t}>
            {String(t)}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-budget`}>Monthly budget (USD, empty = none)</label>
      <input id={`${idPrefix}-budget`} name="monthlyBudgetUsd" type="number" min="0.01" step="0.01" value={s?.monthlyBudgetUsd ? String(s.monthlyBudgetUsd) : ''} />
      <label for={`${idPrefix}-rpm`}>Rate limit (requests per minute)</label>
      <input id={`${idPrefix}-rpm`} name="requestsPerMinute" type="number" min="1" max="100000" value={String(s?.requestsPerMinute ?? 600)} />
      <label for={`${idPrefix}-shield`}>Shield policy</label>
      <select id={`${idPrefix}-shield`} name="shieldMode">
        {SHIELD_MODES.map((m) => (
          <option value={m} selected={(s?.shield.mode ?? 'on') === m}>
            {m}
          </option>
        ))}
      </select>
    </>
  );
};

export const KeysPage: FC<{ viewer: Viewer; keys: KeyRecord[]; created?: { apiKey: string; record: KeyRecord }; error?: string; notice?: string }> = ({
  viewer,
  keys,
  created,
  error,
  notice,
}) => (
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
    <section aria-labelledby="create-title">
      <h2 id="create-title">Create a key</h2>
      <form method="post" action="/dashboard/keys" class="grid-form">
        <input type="hidden" name="_csrf" value={viewer.csrf ?? ''} />
        <label for="new-name">Name</label>
        <input id="new-name" name="name" type="text" required maxlength={100} />
        <fieldset>
          <legend>Scopes</legend>
          <label>
            <input type="checkbox" name="scopes" value="api" checked /> API
          </label>
          <label>
            <input type="checkbox" name="scopes" value="dashboard" /> Dashboard
          </label>
        </fieldset>
        <SettingsFields idPrefix="new" />
        <button type="submit">Create key</button>
      </form>
    </section>
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
                <td>{time(k.createdAt)}</td>
                <td>
                  <span class="muted">
                    {`${k.settings.defaultStrategy ?? 'auto strategy'}, trust ≥ ${k.settings.minTrustLevel}, ${k.settings.monthlyBudgetUsd ? `${usd(k.settings.monthlyBudgetUsd)}/month` : 'no budget'}, ${k.settings.requestsPerMinute} rpm, shield ${k.settings.shield.mode}`}
                  </span>
                  {k.revokedAt ? null : (
                    <details>
                      <summary>Edit settings</summary>
                      <form method="post" action={`/dashboard/keys/${k.id}/settings`} class="grid-form">
                        <input type="hidden" name="_csrf" value={viewer.csrf ?? ''} />
                        <SettingsFields k={k} idPrefix={k.id} />
                        <button type="submit">Save settings</button>
                      </form>
                    </details>
                  )}
                </td>
                <td>
                  {k.revokedAt ? (
                    <span class="badge bad" data-field="status">{`revoked ${time(k.revokedAt)}`}</span>
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

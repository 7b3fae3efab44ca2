import type { FC } from 'hono/jsx';
import { canViewDashboard, DEFAULT_ROTATION_GRACE_SECONDS, KEY_SCOPES, type KeyRecord, type KeyScope } from '../../tenancy';
import type { Viewer } from '../auth';
import type { KeysReport, KeyView } from '../controls';
import { time } from '../format';
import { GRACE_CHOICES } from '../settings-form';
import { KeyControls, KeyStatus, Lineage, rowClass } from './key-controls';
import { Layout } from './layout';
import { SettingsFields } from './settings-fields';
import { TeamPanelView } from './team-panel';

const SCOPE_LABELS: Record<KeyScope, string> = { api: 'API', dashboard: 'Dashboard (view)', 'keys:manage': 'Manage keys' };

/** The scopes the viewer may hand out: all for the operator, its own (managing includes viewing) for a key. */
function grantableScopes(viewer: Viewer, own: KeyRecord | undefined): KeyScope[] {
  if (viewer.role === 'admin') return [...KEY_SCOPES];
  const scopes = own?.scopes ?? [];
  return KEY_SCOPES.filter((sc) => scopes.includes(sc) || (sc === 'dashboard' && canViewDashboard(scopes)));
}

/** A new key's secret, shown this once: a created key, or the successor of a rotated one. */
export interface NewKey {
  apiKey: string;
  record: KeyRecord;
  /** Set for a rotation: the old key works until then. */
  previous?: { id: string; expiresAt: number };
}

const CreatedKey: FC<{ created: NewKey }> = ({ created }) => (
  <section class="created" aria-labelledby="created-title">
    <h2 id="created-title">{created.previous ? `New key for “${created.record.name}” (rotated)` : `New key “${created.record.name}”`}</h2>
    <p>Copy it now: it is shown only this once and cannot be recovered.</p>
    <p>
      <code data-testid="new-key" class="secret">
        {created.apiKey}
      </code>
    </p>
    {created.previous ? (
      <p>
        {created.previous.expiresAt <= Date.now()
          ? 'The old key stopped working now.'
          : `The old key keeps working until ${time(created.previous.expiresAt)}, then expires.`}
      </p>
    ) : null}
  </section>
);

/** Rotate: a new secret with the same settings; the old key keeps working for the grace period chosen. */
const RotateForm: FC<{ k: KeyView; csrf: string }> = ({ k, csrf }) => (
  <form method="post" action={`/dashboard/keys/${k.id}/rotate`} class="inline-form">
    <input type="hidden" name="_csrf" value={csrf} />
    <label for={`${k.id}-grace`}>Old key keeps working for</label>{' '}
    <select id={`${k.id}-grace`} name="gracePeriodSeconds">
      {GRACE_CHOICES.map((g) => (
        <option value={String(g.seconds)} selected={g.seconds === DEFAULT_ROTATION_GRACE_SECONDS}>
          {g.label}
        </option>
      ))}
    </select>{' '}
    <button type="submit" aria-label={`Rotate key ${k.name}`}>
      Rotate
    </button>
  </form>
);

const StatusCell: FC<{ k: KeyView; viewer: Viewer }> = ({ k, viewer }) => {
  if (k.state === 'revoked' || !viewer.canManage) return <KeyStatus k={k} />;
  return (
    <>
      <form method="post" action={`/dashboard/keys/${k.id}/revoke`}>
        <input type="hidden" name="_csrf" value={viewer.csrf ?? ''} />
        <KeyStatus k={k} />{' '}
        <button type="submit" class="danger" aria-label={`Revoke key ${k.name}`}>
          Revoke
        </button>
      </form>
      {k.state === 'active' && !k.rotatedTo ? <RotateForm k={k} csrf={viewer.csrf ?? ''} /> : null}
    </>
  );
};

const KeyRow: FC<{ k: KeyView; keys: readonly KeyView[]; viewer: Viewer; ceiling?: KeyRecord['settings'] }> = ({
  k,
  keys,
  viewer,
  ceiling,
}) => (
  <tr id={`key-${k.id}`} data-key-id={k.id} class={rowClass(k)}>
    <th scope="row">
      {k.name}
      {k.rotatedFrom ? (
        <>
          <br />
          <Lineage k={k} />
        </>
      ) : null}
    </th>
    <td>
      <code>{k.keyPrefix}…</code>
    </td>
    <td>{k.scopes.join(', ')}</td>
    <td>
      {time(k.createdAt)}
      {k.createdBy ? <span class="muted">{` by key ${keys.find((p) => p.id === k.createdBy)?.name ?? k.createdBy}`}</span> : null}
    </td>
    <td>
      <span class="muted">
        {`${k.settings.defaultStrategy ?? 'auto strategy'}, trust ≥ ${k.settings.minTrustLevel}, shield ${k.settings.shield.mode}`}
      </span>
      <KeyControls k={k} />
      {k.state === 'revoked' || !viewer.canManage ? null : (
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
      <StatusCell k={k} viewer={viewer} />
    </td>
  </tr>
);

export const KeysPage: FC<{
  viewer: Viewer;
  report: KeysReport;
  created?: NewKey;
  error?: string;
  notice?: string;
}> = ({ viewer, report, created, error, notice }) => {
  const keys = report.keys;
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
      {created ? <CreatedKey created={created} /> : null}
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
                <KeyRow k={k} keys={keys} viewer={viewer} ceiling={ceiling} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <TeamPanelView team={report.team} />
    </Layout>
  );
};

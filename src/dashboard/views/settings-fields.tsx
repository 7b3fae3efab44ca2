import type { FC } from 'hono/jsx';
import { DEFAULT_CACHE_TTL_SECONDS, MAX_CACHE_TTL_SECONDS } from '../../cache';
import { STRATEGIES } from '../../hub';
import { DEFAULT_MIN_TRUST_LEVEL, type KeyRecord, type KeySettings, SHIELD_MODES } from '../../tenancy';
import { usd } from '../format';

const TRUST_OPTIONS = [0, 1, 2, 3];

type BudgetField = 'dailyBudgetUsd' | 'weeklyBudgetUsd' | 'monthlyBudgetUsd';
const BUDGETS: { field: BudgetField; label: string; id: string }[] = [
  { field: 'dailyBudgetUsd', label: 'Daily budget', id: 'daily' },
  { field: 'weeklyBudgetUsd', label: 'Weekly budget', id: 'weekly' },
  { field: 'monthlyBudgetUsd', label: 'Monthly budget', id: 'budget' },
];

interface Props {
  k?: KeyRecord;
  idPrefix: string;
  ceiling?: KeySettings;
}

/**
 * A limit the signing-in key caps (budgets, token rate): at most its own value, and required when
 * it has one, except where the edited key already has none (so its unchanged form still submits).
 */
const CappedNumber: FC<
  Props & { field: BudgetField | 'tokensPerMinute'; id: string; label: string; unit: string; min: string; step?: string }
> = ({ k, idPrefix, ceiling, field, id, label, unit, min, step }) => {
  const cap = ceiling?.[field] ?? null;
  const current = k ? (k.settings[field] ?? null) : (cap ?? null);
  const max = cap === null ? undefined : String(Math.max(cap, k?.settings[field] ?? 0));
  const shown = unit === 'USD' && cap !== null ? usd(cap) : String(cap);
  return (
    <>
      <label for={`${idPrefix}-${id}`}>{cap === null ? `${label} (${unit}, empty = none)` : `${label} (${unit}, at most ${shown})`}</label>
      <input
        id={`${idPrefix}-${id}`}
        name={field}
        type="number"
        min={min}
        step={step}
        max={max}
        required={cap !== null && !(k && k.settings[field] == null)}
        value={current === null ? '' : String(current)}
      />
    </>
  );
};

/** Model rules, residency and expiry: the key's own values, or (creating) the signed-in key's. */
const AccessFields: FC<Props> = ({ k, idPrefix, ceiling }) => {
  const s = k?.settings ?? ceiling;
  const allow = s?.allowModels ?? null;
  // "Any model" is more than a key with an allow list may grant, unless the edited key has that already.
  const offerAny = !ceiling?.allowModels || (k !== undefined && k.settings.allowModels == null);
  return (
    <>
      <label for={`${idPrefix}-allow-mode`}>Model allow list</label>
      <select id={`${idPrefix}-allow-mode`} name="allowMode">
        {offerAny ? (
          <option value="any" selected={allow === null}>
            any model (no allow list)
          </option>
        ) : null}
        <option value="list" selected={allow !== null}>
          only the rules below
        </option>
      </select>
      <label for={`${idPrefix}-allow`}>Allowed models (one rule per line)</label>
      <textarea id={`${idPrefix}-allow`} name="allowModels" rows={3} placeholder="gpt-4o">
        {(allow ?? []).join('\n')}
      </textarea>
      <label for={`${idPrefix}-deny`}>Denied models (one rule per line)</label>
      <textarea id={`${idPrefix}-deny`} name="denyModels" rows={2}>
        {(s?.denyModels ?? []).join('\n')}
      </textarea>
      <label for={`${idPrefix}-residency`}>Residency (region code such as eu; empty = none)</label>
      <input id={`${idPrefix}-residency`} name="residency" type="text" maxlength={16} value={s?.residency ?? ''} />
      <label for={`${idPrefix}-expires`}>Expires at (ISO 8601, UTC; empty = never)</label>
      <input
        id={`${idPrefix}-expires`}
        name="expiresAt"
        type="text"
        placeholder="2026-12-31T23:59:59Z"
        value={s?.expiresAt == null ? '' : new Date(s.expiresAt).toISOString()}
      />
    </>
  );
};

/**
 * The settings inputs. `ceiling` is the signed-in key's own settings: the form offers nothing above
 * them (the server refuses it anyway), except the value a key already has, so an unchanged edit form
 * still submits.
 */
export const SettingsFields: FC<Props> = ({ k, idPrefix, ceiling }) => {
  const s = k?.settings ?? ceiling;
  const trustOptions = TRUST_OPTIONS.filter((t) => !ceiling || t >= ceiling.minTrustLevel || t === k?.settings.minTrustLevel);
  const shieldModes = SHIELD_MODES.filter(
    (m) => m !== 'off' || !ceiling || ceiling.shield.mode === 'off' || k?.settings.shield.mode === 'off',
  );
  const maxRpm = Math.max(ceiling?.requestsPerMinute ?? 100_000, k?.settings.requestsPerMinute ?? 0);
  // The cache is no limit: a new key starts with it off, whatever the creating key does.
  const cache = k?.settings.responseCache;
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
      {BUDGETS.map((b) => (
        <CappedNumber
          k={k}
          idPrefix={idPrefix}
          ceiling={ceiling}
          field={b.field}
          id={b.id}
          label={b.label}
          unit="USD"
          min="0.01"
          step="0.01"
        />
      ))}
      <label for={`${idPrefix}-rpm`}>Rate limit (requests per minute)</label>
      <input
        id={`${idPrefix}-rpm`}
        name="requestsPerMinute"
        type="number"
        min="1"
        max={String(maxRpm)}
        value={String(s?.requestsPerMinute ?? 600)}
      />
      <CappedNumber
        k={k}
        idPrefix={idPrefix}
        ceiling={ceiling}
        field="tokensPerMinute"
        id="tpm"
        label="Token rate limit"
        unit="tokens per minute"
        min="1"
      />
      <label for={`${idPrefix}-shield`}>Shield policy</label>
      <select id={`${idPrefix}-shield`} name="shieldMode">
        {shieldModes.map((m) => (
          <option value={m} selected={(s?.shield.mode ?? 'on') === m}>
            {m}
          </option>
        ))}
      </select>
      <AccessFields k={k} idPrefix={idPrefix} ceiling={ceiling} />
      <label for={`${idPrefix}-cache`}>Response cache</label>
      <select id={`${idPrefix}-cache`} name="cacheEnabled">
        <option value="no" selected={!cache?.enabled}>
          off
        </option>
        <option value="yes" selected={Boolean(cache?.enabled)}>
          on: identical requests get the stored answer
        </option>
      </select>
      <label for={`${idPrefix}-cache-ttl`}>{`Cache entry lifetime (seconds, 1 to ${MAX_CACHE_TTL_SECONDS})`}</label>
      <input
        id={`${idPrefix}-cache-ttl`}
        name="cacheTtlSeconds"
        type="number"
        min="1"
        max={String(MAX_CACHE_TTL_SECONDS)}
        value={String(cache?.ttlSeconds ?? DEFAULT_CACHE_TTL_SECONDS)}
      />
    </>
  );
};

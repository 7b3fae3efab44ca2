import type { FC } from 'hono/jsx';
import type { EndpointsReport } from '../api';
import type { Viewer } from '../auth';
import { ms, pct, usd } from '../format';
import type { EndpointView } from '../stats';
import { Layout } from './layout';

const TRUST = ['0 · low', '1 · standard', '2 · high', '3 · maximum'];

const trustLabel = (level: number) => TRUST[level] ?? String(level);

/** Level in force; an operator agreement (TRUST_OVERRIDES) is named with the default it replaced. */
const TrustCell: FC<{ e: EndpointView }> = ({ e }) => (
  <td data-field="trust" data-level={String(e.trustLevel)} title={e.trust.limitedBy ?? undefined}>
    {trustLabel(e.trustLevel)}
    {e.trust.override ? (
      <div
        class="muted"
        data-field="trust-override"
      >{`override: ${e.trust.override.agreement} (default ${trustLabel(e.trust.defaultLevel)})`}</div>
    ) : null}
  </td>
);

const limit = (n: number | null, unit: string) => (n === null ? `${unit} unpublished` : `${n} ${unit}`);

const BREAKER_LABEL = { closed: 'closed', open: 'open', half_open: 'half-open' } as const;

const EndpointRow: FC<{ e: EndpointView }> = ({ e }) => (
  <tr data-endpoint={e.id}>
    <th scope="row">
      {e.id}
      {e.simulated ? <span class="badge sim">sim</span> : null}
    </th>
    <td class="num">
      {usd(e.inputPerMTok)} / {usd(e.outputPerMTok)}
      {e.freeTier ? (
        <div
          class="muted"
          data-field="free-tier"
          title={e.freeTier.note}
        >{`free tier: ${limit(e.freeTier.requestsPerMinute, 'rpm')}, ${limit(e.freeTier.requestsPerDay, 'per day')}`}</div>
      ) : null}
    </td>
    <TrustCell e={e} />
    <td>
      <span class={`badge breaker-${e.breaker.state}`} data-field="breaker" data-state={e.breaker.state}>
        {BREAKER_LABEL[e.breaker.state]}
      </span>
    </td>
    <td class="num" data-field="p50">
      {ms(e.traffic.p50Ms)}
    </td>
    <td class="num" data-field="p95">
      {ms(e.traffic.p95Ms)}
    </td>
    <td class="num" data-field="errorRate">
      {pct(e.traffic.errorRate ?? e.breaker.errorRate)}
    </td>
    <td>
      {e.evals.length === 0 ? (
        <span class="muted">no eval data</span>
      ) : (
        <details>
          <summary>{`${e.evals.length} ${e.evals.length === 1 ? 'cell' : 'cells'}`}</summary>
          <ul class="compact">
            {e.evals.map((s) => (
              <li>{`${s.category} / ${s.taskClass}: ${pct(s.passRate)} of ${s.total} (95% CI ${pct(s.ciLow)}–${pct(s.ciHigh)})`}</li>
            ))}
          </ul>
        </details>
      )}
    </td>
    <td>
      {e.satisfaction.length === 0 ? (
        <span class="muted">–</span>
      ) : (
        <ul class="compact">
          {e.satisfaction.map((s) => (
            <li>{`${s.taskClass}: ${pct(s.score)}`}</li>
          ))}
        </ul>
      )}
    </td>
  </tr>
);

export const EndpointsPage: FC<{ viewer: Viewer; report: EndpointsReport }> = ({ viewer, report }) => (
  <Layout title="Endpoints" tab="endpoints" viewer={viewer}>
    <p>
      Every endpoint (model × provider) this deployment can route to. Breaker state and error rate are live; latency and error rate come
      from this team's requests in the last {report.window}; eval scores are suite {report.suiteVersion ?? '(none yet)'}.{' '}
      <span id="endpoints-status" role="status" aria-live="polite"></span>
    </p>
    <div class="table-wrap">
      <table id="endpoints" data-window={report.window}>
        <caption class="sr-only">Endpoints</caption>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col" class="num">
              Price in / out (per 1M tokens)
            </th>
            <th scope="col">Trust level</th>
            <th scope="col">Breaker</th>
            <th scope="col" class="num">
              p50
            </th>
            <th scope="col" class="num">
              p95
            </th>
            <th scope="col" class="num">
              Error rate
            </th>
            <th scope="col">Evals (category / task class)</th>
            <th scope="col">Satisfaction</th>
          </tr>
        </thead>
        <tbody>
          {report.data.map((e) => (
            <EndpointRow e={e} />
          ))}
        </tbody>
      </table>
    </div>
  </Layout>
);

import type { FC } from 'hono/jsx';
import type { Viewer } from '../auth';
import { int, usd } from '../format';
import type { DataExport } from '../controls';
import type { SpendReport } from '../queries';
import { WINDOWS } from '../stats';
import { DataPanel } from './data-panel';
import { Layout } from './layout';

const CHARTS = [
  { id: 'chart-cost', title: 'Cost vs. baseline model (USD per bucket)' },
  { id: 'chart-requests', title: 'Requests and errors per bucket' },
  { id: 'chart-tokens', title: 'Tokens per bucket (input and output)' },
  { id: 'chart-providers', title: 'Cost per provider (USD per bucket)' },
];

export const SpendPage: FC<{ viewer: Viewer; report: SpendReport; data: DataExport }> = ({ viewer, report, data }) => {
  const t = report.totals;
  return (
    <Layout title="Spend & savings" tab="spend" viewer={viewer} scripts={['uplot']}>
      <nav aria-label="Time window" class="windows">
        {Object.keys(WINDOWS).map((w) => (
          <a href={`/dashboard/spend?window=${w}`} aria-current={w === report.window ? 'page' : undefined}>
            {w}
          </a>
        ))}
      </nav>
      <ul class="cards" data-testid="totals">
        <li>
          <span>Requests</span>
          <strong data-total="requests">{int(t.requests)}</strong>
        </li>
        <li>
          <span>From the response cache</span>
          <strong data-total="cached" data-field="cached-total">
            {int(t.cachedRequests)}
          </strong>
        </li>
        <li>
          <span>Tokens</span>
          <strong>{int(t.inputTokens + t.outputTokens)}</strong>
        </li>
        <li>
          <span>Cost</span>
          <strong data-total="cost">{usd(t.costUsd)}</strong>
        </li>
        <li>
          <span>Baseline cost</span>
          <strong>{usd(t.baselineCostUsd)}</strong>
        </li>
        <li>
          <span>Saved</span>
          <strong data-total="savings">{usd(t.savingsUsd)}</strong>
        </li>
      </ul>
      <div id="spend-charts" data-window={report.window}>
        {CHARTS.map((c) => (
          <figure aria-labelledby={`${c.id}-title`}>
            <figcaption id={`${c.id}-title`}>{c.title}</figcaption>
            <div id={c.id} class="chart" role="img" aria-label={`${c.title}; the same numbers are in the table below.`}></div>
          </figure>
        ))}
      </div>
      <h2>Per model and provider</h2>
      <div class="table-wrap">
        <table data-testid="by-model">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Model</th>
              <th scope="col" class="num">
                Requests
              </th>
              <th scope="col" class="num">
                Cached
              </th>
              <th scope="col" class="num">
                Tokens in / out
              </th>
              <th scope="col" class="num">
                Cost
              </th>
              <th scope="col" class="num">
                Baseline cost
              </th>
              <th scope="col" class="num">
                Saved
              </th>
            </tr>
          </thead>
          <tbody>
            {report.byModel.map((m) => (
              <tr>
                <td>{m.provider}</td>
                <td>{m.model}</td>
                <td class="num">{int(m.requests)}</td>
                <td class="num">{int(m.cachedRequests)}</td>
                <td class="num">
                  {int(m.inputTokens)} / {int(m.outputTokens)}
                </td>
                <td class="num">{usd(m.costUsd)}</td>
                <td class="num">{usd(m.baselineCostUsd)}</td>
                <td class="num">{usd(m.baselineCostUsd - m.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={`/dashboard/api/spend?window=${report.window}`}>This report as JSON</a>
      </p>
      <DataPanel data={data} />
    </Layout>
  );
};

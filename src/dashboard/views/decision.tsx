import type { FC } from 'hono/jsx';
import type { Attempt } from '../../hub';
import type { Viewer } from '../auth';
import { int, ms, statusLabel, time, usd } from '../format';
import type { DecisionDetail } from '../queries';
import { Layout } from './layout';

interface TraceShape {
  chain?: string[];
  attempts?: Attempt[];
  candidates?: Record<string, unknown>[];
  stages?: unknown[];
}

export const DecisionPage: FC<{ viewer: Viewer; d: DecisionDetail }> = ({ viewer, d }) => {
  const trace = (d.trace && typeof d.trace === 'object' ? d.trace : {}) as TraceShape;
  const facts: [string, string][] = [
    ['Decision id', d.id],
    ['Time (UTC)', time(d.createdAt)],
    ['API', d.api],
    ['Requested model', d.requestedModel],
    ['Strategy', d.strategy],
    ['Task class', d.taskClass ?? '–'],
    ['Chosen endpoint', d.endpointId ?? '–'],
    ['Provider', d.provider ?? '–'],
    ['Model', d.model ?? '–'],
    ['Status', `${statusLabel(d.status)}${d.errorClass ? ` (${d.errorClass})` : ''}`],
    ['Latency', ms(d.latencyMs)],
    ['Time to first token', ms(d.ttftMs)],
    ['Tokens in / out', `${int(d.inputTokens)} / ${int(d.outputTokens)}`],
    ['Cost', usd(d.costUsd)],
    ['Baseline cost', usd(d.baselineCostUsd)],
    ['Simulated', d.simulated ? 'yes' : 'no'],
    ['Answered from the response cache', d.cached ? 'yes' : 'no'],
  ];
  return (
    <Layout title="Decision trace" tab="feed" viewer={viewer}>
      <p>
        <a href="/dashboard/feed">← Back to the live feed</a> · <a href={`/dashboard/api/decisions/${d.id}`}>JSON</a>
      </p>
      <dl class="facts" data-testid="decision-facts">
        {facts.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      <h2>Fallback chain</h2>
      <ol class="chain">
        {(trace.chain ?? []).map((id) => (
          <li>{id}</li>
        ))}
      </ol>
      <h2>Attempts</h2>
      <div class="table-wrap">
        <table data-testid="attempts">
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Outcome</th>
              <th scope="col">Status</th>
              <th scope="col">Error</th>
              <th scope="col" class="num">
                Time
              </th>
            </tr>
          </thead>
          <tbody>
            {(trace.attempts ?? []).map((a) => (
              <tr>
                <td>{a.endpointId}</td>
                <td>{a.outcome}</td>
                <td>{a.status || '–'}</td>
                <td>{a.errorKind ?? '–'}</td>
                <td class="num">{ms(a.ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details>
        <summary>Full decision trace (stages, candidates, scores)</summary>
        <pre class="trace" data-testid="trace-json">
          {JSON.stringify(d.trace, null, 2)}
        </pre>
      </details>
    </Layout>
  );
};

import type { FC } from 'hono/jsx';
import type { Viewer } from '../auth';
import { ms, statusLabel, time, usd } from '../format';
import type { FeedItem } from '../queries';
import { Layout } from './layout';

export const FeedRow: FC<{ item: FeedItem }> = ({ item: d }) => (
  <tr
    data-id={d.id}
    data-created={String(d.createdAt)}
    data-cached={d.cached ? 'true' : undefined}
    class={d.status === 200 ? '' : 'failed'}
  >
    <td>
      <time datetime={new Date(d.createdAt).toISOString()}>{time(d.createdAt)}</time>
    </td>
    <td>{d.strategy}</td>
    <td>{d.taskClass ?? '–'}</td>
    <td>{d.model ?? '–'}</td>
    <td>{d.provider ?? '–'}</td>
    <td class="num">{ms(d.latencyMs)}</td>
    <td class="num">{usd(d.costUsd)}</td>
    <td>
      <span class={`badge ${d.status === 200 ? 'ok' : 'bad'}`}>{statusLabel(d.status)}</span>
      {d.cached ? (
        <>
          {' '}
          <span class="badge cached" data-field="cached" title="Answered from the response cache: no provider called, cost $0">
            cached
          </span>
        </>
      ) : null}
    </td>
    <td>
      <a href={`/dashboard/decisions/${d.id}`} aria-label={`Trace of decision ${d.id}`}>
        trace
      </a>
    </td>
  </tr>
);

export const FeedPage: FC<{ viewer: Viewer; items: FeedItem[] }> = ({ viewer, items }) => (
  <Layout title="Live feed" tab="feed" viewer={viewer}>
    <p>
      Every routing decision of team <strong>{viewer.team}</strong>, newest first. New requests appear here without reloading.{' '}
      <span id="feed-status" role="status" aria-live="polite" data-testid="feed-status">
        Live.
      </span>
    </p>
    <div class="table-wrap">
      <table id="feed" data-since={String(items[0]?.createdAt ?? 0)}>
        <caption class="sr-only">Routing decisions</caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Strategy</th>
            <th scope="col">Task class</th>
            <th scope="col">Model</th>
            <th scope="col">Provider</th>
            <th scope="col" class="num">
              Latency
            </th>
            <th scope="col" class="num">
              Cost
            </th>
            <th scope="col">Status</th>
            <th scope="col">Trace</th>
          </tr>
        </thead>
        <tbody id="feed-body">
          {items.map((item) => (
            <FeedRow item={item} />
          ))}
        </tbody>
      </table>
    </div>
    {items.length === 0 ? (
      <p id="feed-empty" class="muted">
        No requests yet. Send one to <code>/v1/chat/completions</code> with a key of this team.
      </p>
    ) : null}
  </Layout>
);

import type { FC } from 'hono/jsx';
import type { DataExport } from '../controls';

const RETENTION_VAR = 'REQUEST_LOG_RETENTION_DAYS';

function retentionText(r: DataExport['retention']): string {
  const days = `${r.requestLogDays} day${r.requestLogDays === 1 ? '' : 's'}`;
  if (r.source === 'env') return `${days} (${RETENTION_VAR})`;
  if (r.source === 'invalid') return `${days} (default; ${RETENTION_VAR} is not a whole number of days and is ignored)`;
  return `${days} (default; ${RETENTION_VAR} sets it)`;
}

function telemetryText(t: DataExport['telemetry']): string {
  if (t.enabled) return `on, to ${t.host}`;
  if (t.off === 'disabled') return 'off (OTEL_SDK_DISABLED)';
  if (t.off === 'invalid') return 'off (the endpoint is not an http(s) URL)';
  return 'off (OTEL_EXPORTER_OTLP_ENDPOINT not set)';
}

/** Where request metadata goes and how long it stays: the deployment's settings, not the team's. */
export const DataPanel: FC<{ data: DataExport }> = ({ data }) => (
  <section aria-labelledby="data-title" data-testid="data-export">
    <h2 id="data-title">{'Data & export'}</h2>
    <dl class="facts">
      <dt>Request log kept</dt>
      <dd data-field="retention">{retentionText(data.retention)}</dd>
      <dt>Feedback kept</dt>
      <dd data-field="feedback-retention">{`${data.retention.feedbackDays} days`}</dd>
      <dt>OpenTelemetry export</dt>
      <dd data-field="otel">{telemetryText(data.telemetry)}</dd>
    </dl>
    <p class="muted">
      Both hold metadata only (models, tokens, costs, latency, decisions), never prompt or answer text. Set by the operator in the
      deployment's environment.
    </p>
  </section>
);

import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import { otlpConfig } from '../../src/telemetry';

const envWith = (vars: Record<string, string | undefined>) => vars as unknown as Env;

describe('OTLP exporter configuration (OTEL_* environment variables)', () => {
  it('is off without an endpoint, or when the SDK is disabled', () => {
    expect(otlpConfig(envWith({}))).toBeNull();
    expect(otlpConfig(envWith({ OTEL_EXPORTER_OTLP_ENDPOINT: '' }))).toBeNull();
    expect(otlpConfig(envWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example', OTEL_SDK_DISABLED: 'true' }))).toBeNull();
  });

  it('sends traces to <endpoint>/v1/traces, or to the traces endpoint as given', () => {
    expect(otlpConfig(envWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example' }))!.url).toBe('https://otel.example/v1/traces');
    expect(otlpConfig(envWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example/base/' }))!.url).toBe(
      'https://otel.example/base/v1/traces',
    );
    expect(
      otlpConfig(envWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://a.example', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b.example/t' }))!
        .url,
    ).toBe('https://b.example/t');
    // Not a URL: off rather than a failing fetch per batch.
    expect(otlpConfig(envWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' }))).toBeNull();
  });

  it('parses headers as comma-separated key=value pairs with URL-encoded values; traces headers win', () => {
    const config = otlpConfig(
      envWith({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example',
        OTEL_EXPORTER_OTLP_HEADERS: 'api-key=a%3Db%2Cc , X-Tenant = one two,broken,=novalue',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-tenant=traces',
      }),
    )!;
    expect(config.headers).toEqual({ 'api-key': 'a=b,c', 'x-tenant': 'traces', 'content-type': 'application/json' });
  });

  it('names the service from OTEL_SERVICE_NAME, over OTEL_RESOURCE_ATTRIBUTES, defaulting to cailos', () => {
    const named = otlpConfig(
      envWith({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example',
        OTEL_RESOURCE_ATTRIBUTES: 'service.name=ignored,deployment.environment.name=prod%20eu',
        OTEL_SERVICE_NAME: 'gateway-eu',
      }),
    )!;
    expect(named.resource).toMatchObject({ 'service.name': 'gateway-eu', 'deployment.environment.name': 'prod eu' });
    expect(otlpConfig(envWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example' }))!.resource['service.name']).toBe('cailos');
  });

  it('reads the batch limits from OTEL_BSP_*, keeping defaults for values that are not positive integers', () => {
    const config = otlpConfig(
      envWith({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example',
        OTEL_BSP_MAX_QUEUE_SIZE: '100',
        OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '10',
        OTEL_BSP_SCHEDULE_DELAY: 'soon',
        OTEL_EXPORTER_OTLP_TIMEOUT: '2500',
      }),
    )!;
    expect(config).toMatchObject({ maxQueueSize: 100, maxExportBatchSize: 10, timeoutMs: 2500 });
    expect(config.scheduleDelayMs).toBeGreaterThan(0);
    // A batch is never larger than the queue.
    expect(
      otlpConfig(
        envWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://o.example', OTEL_BSP_MAX_QUEUE_SIZE: '5', OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '50' }),
      )!.maxExportBatchSize,
    ).toBe(5);
  });
});

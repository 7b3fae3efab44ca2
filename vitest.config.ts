import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * Operator trust configuration of the reliability project (README, Trust): one self-hosted
 * endpoint on the loopback fake (on-premise, so level 3) and an agreement raising Anthropic to 2.
 * The endpoint costs more than the cheap simulated ones, so the fault tests' `auto:cost` never picks it.
 */
function trustConfig(fake: string) {
  const onPrem = {
    id: 'onprem/llama-3.3-70b',
    baseUrl: `${fake}/selfhosted/v1`,
    model: 'llama-3.3-70b-onprem',
    codename: 'onprem-llama',
    qualityPrior: 0.75,
    pricing: { inputPerMTok: 2, outputPerMTok: 2 },
    contextWindow: 131072,
    maxOutputTokens: 8192,
    capabilities: { tools: true },
    trust: { level: 3, basis: 'on-premise', evidence: 'loopback fake standing in for an on-premise vLLM' },
  };
  return {
    SELF_HOSTED_ENDPOINTS: JSON.stringify([onPrem]),
    TRUST_OVERRIDES: JSON.stringify([
      { provider: 'anthropic', level: 2, agreement: 'ZDR addendum 2026-03, ref TEST-1' },
      { provider: 'groq', level: 3, agreement: 'no enclave: must be rejected' },
    ]),
  };
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'));
  const bindings = {
    TEST_MIGRATIONS: migrations,
    CAILOS_SIMULATE: 'true',
    CAILOS_SIM_LATENCY_SCALE: '0.02',
    // Pins the keyword classifier: loading onnxruntime costs ~12 s per test file in the pool.
    // test/classifier/ loads the real model itself.
    CAILOS_CLASSIFIER: 'heuristic',
    ADMIN_SECRET: 'test-admin-secret',
    KEY_PEPPER: 'test-pepper',
    CACHE_SECRET: 'test-cache-secret',
  };
  const shared = {
    setupFiles: ['./test/setup/apply-migrations.ts', './test/setup/wire.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  };
  return {
    test: {
      projects: [
        {
          plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' }, miniflare: { bindings } })],
          test: {
            ...shared,
            name: 'gateway',
            include: ['test/**/*.test.ts'],
            exclude: ['**/node_modules/**', 'test/reliability/**', 'test/telemetry/**'],
            // A loopback webhook receiver for the spend-alert tests (test/tenancy/spend-alerts.test.ts).
            globalSetup: ['./test/tenancy/webhook-receiver.ts'],
          },
        },
        {
          // OpenTelemetry export (src/telemetry): traces go to a loopback OTLP/HTTP receiver
          // (test/telemetry/otlp-receiver.ts) that records what it got, headers included.
          plugins: [
            cloudflareTest(({ inject }) => {
              const otlp = inject('otlpReceiver');
              return {
                wrangler: { configPath: './wrangler.toml' },
                miniflare: {
                  bindings: {
                    ...bindings,
                    OTLP_RECEIVER_URL: otlp,
                    OTEL_EXPORTER_OTLP_ENDPOINT: `${otlp}/collector`,
                    OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20otlp-test-token, x-scope = gateway%2Ctests',
                    OTEL_SERVICE_NAME: 'cailos-test',
                  },
                },
              };
            }),
          ],
          test: {
            ...shared,
            name: 'telemetry',
            include: ['test/telemetry/**/*.test.ts'],
            globalSetup: ['./test/telemetry/global-setup.ts'],
          },
        },
        {
          // Fault injection: two providers are "real" here, served by loopback fake providers
          // (bench/lib/fake-upstream.ts) through UPSTREAM_BASE_URL_OVERRIDES, and Anthropic is served by
          // the fake's Messages endpoint (fake-anthropic.ts: thinking, prompt caching); breakers cool
          // down in 1 s instead of 5 s so recovery can be tested; the DO's synthetic probe
          // waits 2 s after that, so it does not race the real probes of the burst tests.
          // Endpoints' own timeouts are a tenth of production's (first token 320 ms for these
          // fakes), so a hang that counts against an endpoint is detected quickly.
          plugins: [
            cloudflareTest(({ inject }) => {
              const fake = inject('fakeUpstream');
              return {
                wrangler: { configPath: './wrangler.toml' },
                miniflare: {
                  bindings: {
                    ...bindings,
                    FAKE_UPSTREAM_URL: fake,
                    NSCALE_API_KEY: 'fake-nscale-key',
                    NCOMPASS_API_KEY: 'fake-ncompass-key',
                    ANTHROPIC_API_KEY: 'fake-anthropic-key',
                    UPSTREAM_BASE_URL_OVERRIDES: JSON.stringify({
                      nscale: `${fake}/nscale/v1`,
                      ncompass: `${fake}/ncompass/v1`,
                      anthropic: `${fake}/anthropic/v1`,
                    }),
                    CAILOS_BREAKER_COOLDOWN_MS: '1000',
                    CAILOS_BREAKER_PROBE_DELAY_MS: '2000',
                    CAILOS_TIMEOUT_SCALE: '0.1',
                    ...trustConfig(fake),
                  },
                },
              };
            }),
          ],
          test: {
            ...shared,
            name: 'reliability',
            include: ['test/reliability/**/*.test.ts'],
            globalSetup: ['./test/reliability/global-setup.ts'],
          },
        },
      ],
    },
  };
});

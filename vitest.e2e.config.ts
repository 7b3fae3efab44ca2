import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: plain Node (not workerd). Each file starts `wrangler dev` with the simulated
 * fleet on a free port and drives it with headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core). One file at a time: each owns a dev server and a browser.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

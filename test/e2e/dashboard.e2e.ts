import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ADMIN_SECRET, type DevServer, OUTPUT_DIR, startDevServer } from '../../scripts/lib/local-dev';

/**
 * The dashboard in a real browser against `npm run dev` (wrangler dev, simulated fleet): sign-in,
 * the live feed, a trace, key create/revoke, an open breaker, the spend charts, and team isolation.
 * Screenshots of each view land in test-output/ (git-ignored).
 */

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const RUN = Date.now().toString(36);
const TEAM = `e2e-${RUN}`;
const OTHER_TEAM = `e2e-other-${RUN}`;

let server: DevServer;
let context: BrowserContext;
let userDataDir: string;
let page: Page;
const pageErrors: string[] = [];
let teamKey: string;
let otherKey: string;

async function adminApi(pathname: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${server.base}/admin${pathname}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { authorization: `Bearer ${DEV_ADMIN_SECRET}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function createKey(team: string, name: string): Promise<string> {
  const res = await adminApi('/keys', { body: { name, team, scopes: ['api'] } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { key: string }).key;
}

async function chat(key: string, model = 'auto'): Promise<Response> {
  return fetch(`${server.base}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Write a haiku about routers.' }] }),
  });
}

async function decisionIdOf(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id.replace(/^chatcmpl-/, '');
}

/** Saves a full-page screenshot and checks the page is not obviously broken. */
async function snapshot(name: string, fullPage = true): Promise<string> {
  const file = path.join(OUTPUT_DIR, `dashboard-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  expect(statSync(file).size).toBeGreaterThan(10_000);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/Internal error|Request refused|Not found|undefined|NaN/);
  await expect.poll(() => page.locator('main h1').isVisible()).toBe(true);
  expect(pageErrors).toEqual([]);
  return file;
}

beforeAll(async () => {
  server = await startDevServer('dashboard-e2e-wrangler.log');
  userDataDir = mkdtempSync(path.join(tmpdir(), 'cailos-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 40[134]/.test(msg.text())) pageErrors.push(`console: ${msg.text()}`);
  });
  teamKey = await createKey(TEAM, 'e2e-traffic');
  otherKey = await createKey(OTHER_TEAM, 'e2e-other');
});

afterAll(async () => {
  if (server) {
    await adminApi('/sim/faults', { method: 'DELETE' }).catch(() => undefined);
    await adminApi('/breakers', { method: 'DELETE' }).catch(() => undefined);
  }
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await server?.stop();
});

describe('dashboard in Chromium', () => {
  it('refuses a wrong secret and keeps the pages closed', async () => {
    await page.goto(`${server.base}/dashboard/feed`);
    expect(new URL(page.url()).pathname).toBe('/dashboard/login');
    await page.getByLabel('Dashboard key or admin secret').fill('not-the-secret');
    await page.getByLabel('Team (admin secret only)').fill(TEAM);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('login-error').isVisible()).toBe(true);
    await page.goto(`${server.base}/dashboard/keys`);
    expect(new URL(page.url()).pathname).toBe('/dashboard/login');
    const api = await page.request.get(`${server.base}/dashboard/api/feed`);
    expect(api.status()).toBe(401);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'dashboard-login-refused.png') });
  });

  it('signs in with the keyboard and shows a new request in the live feed without reloading', async () => {
    await page.goto(`${server.base}/dashboard/login`);
    await page.getByLabel('Dashboard key or admin secret').focus();
    await page.keyboard.type(DEV_ADMIN_SECRET);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEAM);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard\/feed$/);
    expect(await page.getByTestId('team').innerText()).toBe(TEAM);
    const cookie = (await context.cookies(`${server.base}/dashboard/feed`)).find((c) => c.name === 'cailos_dash');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });

    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    const mine = await decisionIdOf(await chat(teamKey));
    const theirs = await decisionIdOf(await chat(otherKey));
    const row = page.locator(`#feed-body tr[data-id="${mine}"]`);
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    expect(navigations).toEqual([]); // arrived by polling, not by a reload
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[1]).toMatch(/balanced|quality|speed|cost/);
    expect(cells[7]).toBe('ok');
    expect(cells[6]).toMatch(/^\$/);
    // Another team's decision never shows, in the page or through its JSON.
    expect(await page.locator(`#feed-body tr[data-id="${theirs}"]`).count()).toBe(0);
    expect((await page.request.get(`${server.base}/dashboard/api/decisions/${theirs}`)).status()).toBe(404);

    // A slow request is logged when it ends but dated when it started: it must still show, in time order.
    const slow = chat(teamKey);
    await new Promise((r) => setTimeout(r, 300));
    const fast = await decisionIdOf(await chat(teamKey, 'groq/llama-3.1-8b-instant'));
    await page.locator(`#feed-body tr[data-id="${fast}"]`).waitFor({ state: 'visible', timeout: 20_000 });
    const late = await decisionIdOf(await slow);
    await page.locator(`#feed-body tr[data-id="${late}"]`).waitFor({ state: 'visible', timeout: 20_000 });
    const order = await page.locator('#feed-body tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(order.indexOf(fast)).toBeLessThan(order.indexOf(late));
    expect(order.indexOf(late)).toBeLessThan(order.indexOf(mine));
    expect(navigations).toEqual([]);
    await snapshot('feed');

    await row.getByRole('link', { name: /Trace of decision/ }).click();
    await page.waitForURL(new RegExp(`/dashboard/decisions/${mine}$`));
    await expect.poll(() => page.getByTestId('decision-facts').innerText()).toContain(mine);
    expect(await page.getByTestId('attempts').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByText('Full decision trace').click();
    expect(await page.getByTestId('trace-json').innerText()).toContain('"chain"');
    await snapshot('trace');
  });

  it('creates a key (shown once) and revokes it; the revoked key then gets 401 from the API', async () => {
    await page.goto(`${server.base}/dashboard/keys`);
    await page.getByLabel('Name').fill('e2e-created');
    await page.getByRole('button', { name: 'Create key' }).click();
    const created = (await page.getByTestId('new-key').innerText()).trim();
    expect(created).toMatch(/^cai_[0-9A-Za-z]{40}$/);
    expect((await chat(created)).status).toBe(200);
    await snapshot('keys-created');

    await page.goto(`${server.base}/dashboard/keys`);
    expect(await page.content()).not.toContain(created); // shown once only
    await page.getByRole('button', { name: 'Revoke key e2e-created' }).click();
    await page.waitForURL(/done=revoked/);
    await expect.poll(() => page.locator('tr.revoked', { hasText: 'e2e-created' }).count()).toBe(1);
    expect((await chat(created)).status).toBe(401);
    await snapshot('keys-revoked');
  });

  it('shows a tripped breaker as open on the endpoints view', async () => {
    const list = (await (await page.request.get(`${server.base}/dashboard/api/endpoints`)).json()) as { data: { id: string }[] };
    const target = list.data.find((e) => e.id.startsWith('anthropic/'))?.id ?? list.data[list.data.length - 1].id;
    expect((await adminApi('/sim/faults', { body: { target, fault: 'http_503' } })).status).toBe(200);
    for (let i = 0; i < 4; i++) await chat(teamKey, target);
    await page.goto(`${server.base}/dashboard/endpoints?window=1h`);
    const badge = page.locator(`tr[data-endpoint="${target}"] [data-field="breaker"]`);
    // The page polls every 5 s; reload is not needed once the breaker state lands in the snapshot.
    await expect.poll(() => badge.innerText(), { timeout: 30_000, interval: 1000 }).toBe('open');
    expect(await badge.getAttribute('data-state')).toBe('open');
    // Open breakers are listed first, so the row is in view for the screenshot.
    expect(await page.locator('#endpoints tbody tr').first().getAttribute('data-endpoint')).toBe(target);
    await snapshot('endpoints', false); // ~100 rows: the top (open breakers first) is what matters
  });

  it('draws the spend and savings charts from the bundled uPlot', async () => {
    await page.goto(`${server.base}/dashboard/spend?window=1h`);
    for (const id of ['chart-cost', 'chart-requests', 'chart-tokens', 'chart-providers']) {
      await page.locator(`#${id}[data-drawn="true"] canvas`).waitFor({ state: 'visible', timeout: 15_000 });
    }
    const requests = Number((await page.locator('[data-total="requests"]').innerText()).replace(/,/g, ''));
    expect(requests).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('by-model').locator('tbody tr').count()).toBeGreaterThan(0);
    await snapshot('spend');
  });

  it('has labelled controls and reachable navigation', async () => {
    await page.goto(`${server.base}/dashboard/keys`);
    // Runs in the page (a string, so this Node-side file needs no DOM types).
    const unlabelled = await page.evaluate<number>(`[...document.querySelectorAll('input:not([type=hidden]), select, button')]
      .filter((e) => !(e.labels?.length || e.getAttribute('aria-label') || (e.tagName === 'BUTTON' && e.textContent.trim()))).length`);
    expect(unlabelled).toBe(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('Skip to content');
    await page.getByRole('link', { name: 'Spend & savings' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard\/spend$/);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

/**
 * A loopback webhook receiver for the spend-alert tests (Node, started before the gateway project's
 * workers). It records every POST to /hooks/<name> (headers and raw body) and answers 200, or 500 while
 * a failure count set through /control/fail/<name>?times=N lasts. Tests read what it got from
 * /control/received/<name> and check the signature themselves.
 */

interface Received {
  at: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export async function startWebhookReceiver(): Promise<{ url: string; close: () => Promise<void> }> {
  const received = new Map<string, Received[]>();
  const failures = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [, area, name] = url.pathname.split('/');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (area === 'hooks' && req.method === 'POST') {
        const left = failures.get(name) ?? 0;
        const status = left > 0 ? 500 : 200;
        if (left > 0) failures.set(name, left - 1);
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const list = received.get(name) ?? [];
        list.push({ at: Date.now(), status, headers, body: Buffer.concat(chunks).toString('utf8') });
        received.set(name, list);
        return send(status, { ok: status === 200 });
      }
      if (area === 'control' && name === 'fail') {
        failures.set(url.pathname.split('/')[3], Number(url.searchParams.get('times') ?? 1));
        return send(200, { ok: true });
      }
      if (area === 'control' && name === 'received') return send(200, received.get(url.pathname.split('/')[3]) ?? []);
      send(404, { error: 'unknown route' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** vitest globalSetup of the gateway project. */
export default async function setup(project: TestProject) {
  const receiver = await startWebhookReceiver();
  project.provide('webhookReceiver', receiver.url);
  return () => receiver.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    webhookReceiver: string;
  }
}

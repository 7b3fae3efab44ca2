/**
 * A loopback OTLP/HTTP trace receiver for the telemetry tests, run in Node by the project's global setup.
 * It accepts `POST …/v1/traces` with `application/json` bodies (OTLP/JSON), keeps every export it got
 * (path, headers, raw text, decoded body) and answers as a collector does. Controls, for a client in
 * another runtime (workerd):
 *   GET    /__control/received  every export received, oldest first
 *   POST   /__control/status    {status: 503, times?}: answer the next exports with that status
 *   DELETE /__control           forget the exports and the status
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedExport {
  path: string;
  headers: Record<string, string>;
  contentType: string;
  raw: string;
  /** The decoded ExportTraceServiceRequest, or null when the body was not JSON. */
  body: unknown;
  /** The status the receiver answered with. */
  status: number;
}

export interface OtlpReceiver {
  url: string;
  close(): Promise<void>;
}

function json(res: http.ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(data));
}

function headerRecord(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  let received: ReceivedExport[] = [];
  let forced: { status: number; times: number | null } | null = null;

  function handleExport(req: http.IncomingMessage, res: http.ServerResponse, path: string, raw: string): void {
    let body: unknown = null;
    try {
      body = JSON.parse(raw);
    } catch {
      body = null;
    }
    let status = body === null ? 400 : 200;
    if (forced) {
      status = forced.status;
      if (forced.times !== null && --forced.times <= 0) forced = null;
    }
    received.push({ path, headers: headerRecord(req), contentType: req.headers['content-type'] ?? '', raw, body, status });
    // An empty ExportTraceServiceResponse: every span accepted.
    json(res, status, status === 200 ? {} : { code: 14, message: 'receiver told to fail' });
  }

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/__control' && req.method === 'DELETE') {
        received = [];
        forced = null;
        return json(res, 200, { ok: true });
      }
      if (path === '/__control/received') return json(res, 200, received);
      if (path === '/__control/status' && req.method === 'POST') {
        const b = JSON.parse(raw) as { status: number; times?: number };
        forced = { status: b.status, times: b.times ?? null };
        return json(res, 200, { ok: true });
      }
      if (req.method === 'POST' && path.endsWith('/v1/traces')) return handleExport(req, res, path, raw);
      json(res, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

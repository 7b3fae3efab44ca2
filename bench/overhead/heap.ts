/**
 * The worker isolate's JS heap after a forced GC, read over wrangler dev's inspector (Chrome
 * DevTools protocol): separates retained JS memory from the rest of the workerd RSS (V8 code,
 * wasm memory of the classifier, the in-process D1/DO emulation). Uses `ws`, which wrangler brings.
 */
import { createRequire } from 'node:module';

interface WsLike {
  on(event: string, fn: (arg: unknown) => void): void;
  send(data: string): void;
  close(): void;
}

export async function heapAfterGc(inspectorPort: number): Promise<{ usedMb: number; totalMb: number } | null> {
  let WebSocketCtor: new (url: string) => WsLike;
  try {
    WebSocketCtor = createRequire(import.meta.url)('ws') as new (url: string) => WsLike;
  } catch {
    return null;
  }
  const targets = (await fetch(`http://127.0.0.1:${inspectorPort}/json`).then((r) => r.json(), () => [])) as { webSocketDebuggerUrl?: string; title?: string }[];
  const target = targets.find((t) => t.webSocketDebuggerUrl && !/proxy/i.test(t.title ?? '')) ?? targets[0];
  if (!target?.webSocketDebuggerUrl) return null;
  const ws = new WebSocketCtor(target.webSocketDebuggerUrl);
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  const call = (method: string) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method }));
    });
  return new Promise((resolve) => {
    const timer = setTimeout(() => (ws.close(), resolve(null)), 15_000);
    ws.on('error', () => (clearTimeout(timer), resolve(null)));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
    });
    ws.on('open', async () => {
      await call('HeapProfiler.collectGarbage');
      const usage = (await call('Runtime.getHeapUsage')) as { usedSize?: number; totalSize?: number } | undefined;
      clearTimeout(timer);
      ws.close();
      resolve(usage?.usedSize === undefined ? null : { usedMb: usage.usedSize / 2 ** 20, totalMb: (usage.totalSize ?? 0) / 2 ** 20 });
    });
  });
}

/**
 * Display formatting shared by the server-rendered views. The client script (assets/client.ts)
 * carries the same rules so rows it adds look like rows the server rendered.
 */

export function usd(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (x === 0) return '$0';
  const abs = Math.abs(x);
  return `${x < 0 ? '-' : ''}$${abs < 0.01 ? abs.toFixed(6) : abs < 100 ? abs.toFixed(4) : abs.toFixed(2)}`;
}

export function ms(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${Math.round(x)} ms`;
}

export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`;
}

export function int(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : Math.round(x).toLocaleString('en-US');
}

/** "2026-11-26 05:45:30Z": sortable, unambiguous, no locale surprises. */
export function time(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

export function statusLabel(status: number): string {
  // 499: the client hung up before the answer ended (nginx's code); not an error of Cailos or a provider.
  return status === 200 ? 'ok' : status === 499 ? 'client closed' : `error ${status}`;
}

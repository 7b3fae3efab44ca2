/**
 * Paired per-round comparisons for the overhead benchmark: every target runs once per round, interleaved, so
 * a round's figures share the machine's noise and their ratio (or difference) is far steadier than the ratio
 * of medians. Latency is compared as a difference of added time (ms) — a ratio of two small additions is
 * unstable — and throughput and CPU as ratios. Each cell is the median over rounds with [min…max].
 */
import { median } from '../lib/stats';

export interface RoundRun {
  target: string;
  stream: boolean;
  concurrency: number;
  repeat: number;
  result: { rps: number; p50: number; p99: number; errors: number };
  workerCpuMsPerReq: number;
}

const GATEWAY = 'gateway (plain model)';
const AUTO_SHIELD = 'auto + shield';

function spread(xs: number[], digits: number): string {
  if (xs.length === 0) return '–';
  const f = (x: number) => x.toFixed(digits);
  return `${f(median(xs))} [${f(Math.min(...xs))}…${f(Math.max(...xs))}]`;
}

/** Per-round figures of `a` against `b` in one cell (mode × concurrency). */
function paired(runs: RoundRun[], a: string, b: string, stream: boolean, c: number) {
  const cell = runs.filter((r) => r.stream === stream && r.concurrency === c);
  const at = (name: string, rep: number) => cell.find((r) => r.target === name && r.repeat === rep);
  const out = { dP50: [] as number[], dP99: [] as number[], rps: [] as number[], cpu: [] as number[] };
  for (const x of cell.filter((r) => r.target === a)) {
    const y = at(b, x.repeat);
    const d = at('direct', x.repeat);
    if (!y || !d) continue;
    out.dP50.push(x.result.p50 - d.result.p50 - (y.result.p50 - d.result.p50));
    out.dP99.push(x.result.p99 - d.result.p99 - (y.result.p99 - d.result.p99));
    out.rps.push(x.result.rps / y.result.rps);
    if (y.workerCpuMsPerReq > 0) out.cpu.push(x.workerCpuMsPerReq / y.workerCpuMsPerReq);
  }
  return out;
}

/**
 * Markdown table: Cailos's gateway mode and `auto + shield` against the peer (when one ran), and `auto +
 * shield` against gateway mode (the share of gateway throughput the product's main mode keeps).
 */
export function ratioTable(runs: RoundRun[], peer: string | null): string {
  const pairs: [string, string][] = [];
  if (peer) pairs.push([GATEWAY, peer], [AUTO_SHIELD, peer]);
  pairs.push([AUTO_SHIELD, GATEWAY]);
  const lines = [
    '| A ÷ B (per round: median [min…max]) | mode | conc | added p50, A − B (ms) | added p99, A − B (ms) | RPS A ÷ B | CPU/req A ÷ B | rounds |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  const cells = [...new Set(runs.map((r) => `${r.stream}|${r.concurrency}`))];
  for (const [a, b] of pairs) {
    if (!runs.some((r) => r.target === a) || !runs.some((r) => r.target === b)) continue;
    for (const cell of cells) {
      const [stream, c] = [cell.startsWith('true'), Number(cell.split('|')[1])];
      const p = paired(runs, a, b, stream, c);
      if (p.rps.length === 0) continue;
      lines.push(
        `| ${a} ÷ ${b} | ${stream ? 'stream' : 'json'} | ${c} | ${spread(p.dP50, 2)} | ${spread(p.dP99, 2)} | ${spread(p.rps, 3)} | ${spread(p.cpu, 3)} | ${p.rps.length} |`,
      );
    }
  }
  return lines.join('\n');
}

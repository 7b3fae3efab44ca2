/**
 * Linux /proc readers for the overhead benchmark: the workerd processes of one process group,
 * their RSS and CPU time, and the loopback ports they listen on.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();
const PAGE_KB = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE']).toString().trim()) / 1024 || 4;
  } catch {
    return 4;
  }
})();

export interface ProcInfo {
  pid: number;
  comm: string;
  args: string;
  /** user + system CPU, ms */
  cpuMs: number;
  rssKb: number;
}

function readStat(pid: number): { comm: string; pgid: number; cpuMs: number; rssKb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const f = stat.slice(close + 2).split(' '); // f[0] is field 3 (state)
    const utime = Number(f[11]);
    const stime = Number(f[12]);
    return { comm, pgid: Number(f[2]), cpuMs: ((utime + stime) * 1000) / CLK_TCK, rssKb: Number(f[21]) * PAGE_KB };
  } catch {
    return null;
  }
}

export function processesInGroup(pgid: number, comm?: string): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const s = readStat(pid);
    if (!s || s.pgid !== pgid || (comm && s.comm !== comm)) continue;
    let args = '';
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {}
    out.push({ pid, comm: s.comm, args, cpuMs: s.cpuMs, rssKb: s.rssKb });
  }
  return out;
}

/** This process's group: the workerd processes Miniflare starts (not detached) belong to it. */
export function ownProcessGroup(): number {
  const pgid = readStat(process.pid)?.pgid;
  if (pgid === undefined) throw new Error('cannot read /proc/self/stat');
  return pgid;
}

export function procSample(pid: number): { cpuMs: number; rssKb: number } | null {
  const s = readStat(pid);
  return s ? { cpuMs: s.cpuMs, rssKb: s.rssKb } : null;
}

/** TCP ports (IPv4) the process listens on, by matching its socket inodes to /proc/net/tcp. */
export function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]);
      } catch {}
    }
  } catch {
    return [];
  }
  const ports: number[] = [];
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length > 9 && cols[3] === '0A' && inodes.has(cols[9])) ports.push(parseInt(cols[1].split(':')[1], 16));
  }
  return ports;
}

export function openFds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}

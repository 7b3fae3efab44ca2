/**
 * Opt-in stage timing of the hub for the overhead benchmark (bench/overhead/): when the binding
 * CAILOS_DEBUG_TIMING is "true", responses carry `x-cailos-timing` in Server-Timing syntax, e.g.
 * `admit;dur=0.01, classify;dur=0.21, route;dur=0.09, shield;dur=0.05, upstream;dur=50.3`.
 * Off by default: production responses never expose it. Durations are wall-clock ms between marks;
 * note that workerd may only advance its clock at I/O, so purely synchronous stages can read 0 and
 * their time is then attributed to the next stage that awaits.
 */

export interface StageTimer {
  /** Ends the current stage under `name` and starts the next one. */
  mark(name: string): void;
  header(): string;
}

export function timingEnabled(env: object): boolean {
  return (env as Record<string, unknown>).CAILOS_DEBUG_TIMING === 'true';
}

export function stageTimer(env: object, now: () => number = () => performance.now()): StageTimer | null {
  if (!timingEnabled(env)) return null;
  const stages: [string, number][] = [];
  let last = now();
  return {
    mark(name) {
      const t = now();
      stages.push([name, t - last]);
      last = t;
    },
    header: () => stages.map(([name, ms]) => `${name};dur=${ms.toFixed(3)}`).join(', '),
  };
}

/** Adds the timing header when a timer is running; the same object otherwise. */
export function withTiming(headers: Record<string, string>, timer: StageTimer | null): Record<string, string> {
  if (timer) headers['x-cailos-timing'] = timer.header();
  return headers;
}

/** Parses an `x-cailos-timing` value back into `{stage: ms}` (the benchmark aggregates these). */
export function parseTiming(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of value.split(',')) {
    const m = /^\s*([\w-]+);dur=([\d.]+)\s*$/.exec(part);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

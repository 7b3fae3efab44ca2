/** Per-endpoint signal cells: what evals, feedback, breakers and live stats publish into the routing snapshot. */

export interface EndpointHealth {
  state: 'closed' | 'open' | 'half_open';
  /** Recent error rate in [0,1] (EWMA). */
  errorRate: number;
  openUntil?: number;
}

export interface LatencyStat {
  ttftMs: number;
  tokensPerSec: number;
  /** Successful responses folded into ttftMs / tokensPerSec. */
  samples: number;
  /** EWMA of upstream failures over all outcomes, in [0,1] (src/routing/live-stats.ts). */
  errorRate?: number;
  /** Outcomes (successes and failures) folded into errorRate. */
  outcomes?: number;
  /** When the last outcome was folded into errorRate (ms since epoch); its excess over the prior decays from then. */
  errorAt?: number;
}

export interface EvalCell {
  passRate: number;
  ciLow: number;
  samples: number;
}

export interface FeedbackEvidence {
  up: number;
  down: number;
}

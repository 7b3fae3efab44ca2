/**
 * Run the eval suite locally against the SIMULATED fleet and print per-endpoint scores:
 *   npm run evals -- [--endpoint ID ...] [--limit N] [--json]
 * --limit N takes N items, round-robin over categories (so every category stays represented).
 * Uses the same modules as the cron runner (suite, adapters via dispatch, simulated fleet, graders,
 * eligibility); nothing is stored. Scores of simulated endpoints come from the simulated skill
 * (src/sim/skill.ts), not from a real model.
 */
import { parseArgs } from 'node:util';
import type { Env } from '../src/env';
import { DEFAULT_EVAL_THRESHOLDS } from '../src/routing';
import { makeInvokers } from '../src/evals/invoke';
import { breakdown, loadSuite, type EvalItem } from '../src/evals';
import { initialCursor, planSlice, runSlice } from '../src/evals/runner';
import { aggregateScores } from '../src/evals/stats';
import { buildSnapshot } from '../src/routing/snapshot';
import { EVAL_CATEGORIES } from '../src/hub';
import { useSimulatedUpstream } from '../src/providers';
import { simFetch } from '../src/sim';

// As the worker entry wires it (src/wiring.ts): dispatch answers simulated endpoints from the fleet.
useSimulatedUpstream(simFetch);

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string', multiple: true },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '32' },
  },
});

function roundRobin(items: EvalItem[], limit: number): EvalItem[] {
  const byCategory = EVAL_CATEGORIES.map((c) => items.filter((i) => i.category === c).sort((a, b) => a.id.localeCompare(b.id)));
  const out: EvalItem[] = [];
  for (let k = 0; out.length < limit && byCategory.some((l) => k < l.length); k++) {
    for (const list of byCategory) if (k < list.length && out.length < limit) out.push(list[k]);
  }
  return out;
}

async function main() {
  const env = { CAILOS_SIMULATE: 'true', CAILOS_SIM_LATENCY_SCALE: '0' } as unknown as Env;
  const suite = loadSuite();
  let fleet = buildSnapshot(env).endpoints.filter((m) => m.simulated);
  if (values.endpoint?.length) {
    const unknown = values.endpoint.filter((id) => !fleet.some((m) => m.endpoint.id === id));
    if (unknown.length) throw new Error(`unknown endpoint(s): ${unknown.join(', ')}`);
    fleet = fleet.filter((m) => values.endpoint!.includes(m.endpoint.id));
  }
  const limit = values.limit ? Number(values.limit) : Infinity;
  if (!(limit > 0)) throw new Error('--limit must be a positive number');
  const items = Number.isFinite(limit) ? roundRobin(suite.items, limit) : suite.items;

  const started = Date.now();
  const plan = planSlice(
    fleet.map((m) => ({ id: m.endpoint.id, capabilities: m.endpoint.capabilities })),
    items,
    initialCursor(suite.version),
    Infinity,
  );
  // Judges may come from the whole simulated fleet even when --endpoint narrows the tested set.
  const invokers = makeInvokers(env, fleet, buildSnapshot(env).endpoints);
  const results = await runSlice(plan.pairs, invokers.invoke, invokers.judgeInvoke, {
    concurrency: Number(values.concurrency),
    modelFor: invokers.modelFor,
  });
  const graded = results.filter((r) => r.status === 'graded');
  const rows = aggregateScores(graded);
  const table = breakdown(rows, { suiteVersion: suite.version, thresholds: DEFAULT_EVAL_THRESHOLDS, simulatedOf: () => true });

  if (values.json) {
    console.log(
      JSON.stringify(
        { suiteVersion: suite.version, items: items.length, calls: results.length, graded: graded.length, data: table },
        null,
        2,
      ),
    );
    return;
  }
  const pct = (r?: { passed: number; total: number }) => (r && r.total ? `${Math.round((100 * r.passed) / r.total)}%`.padStart(4) : '   -');
  const cats = ['intelligence', 'tool_calling', 'structured_output', 'vision', 'open_ended'];
  const width = Math.max(8, ...table.map((t) => t.endpoint.length));
  console.log(
    `SIMULATED fleet — suite ${suite.version}: ${items.length} items × ${fleet.length} endpoints = ${results.length} calls ` +
      `(${graded.length} graded, ${results.filter((r) => r.status === 'error').length} errors, ${results.filter((r) => r.status === 'ungraded').length} ungraded) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`${'endpoint'.padEnd(width)}  intel tools  json  vis  open  all   95% CI       eligible/filtered classes`);
  for (const t of table) {
    console.log(
      `${t.endpoint.padEnd(width)}  ${cats.map((c) => pct(t.categories[c]).padStart(5)).join(' ')}  ${pct(t.overall)}  [${t.overall.ciLow.toFixed(2)}, ${t.overall.ciHigh.toFixed(2)}]  ` +
        `${t.eligibleFor.length}/${t.filteredFor.length}${t.filteredFor.length ? ` (filtered: ${t.filteredFor.join(', ')})` : ''}`,
    );
  }
  const errors = results.filter((r) => r.status !== 'graded');
  if (errors.length) {
    const reasons = new Map<string, number>();
    for (const e of errors) reasons.set(e.reason.slice(0, 100), (reasons.get(e.reason.slice(0, 100)) ?? 0) + 1);
    console.log(
      '\nnot graded:',
      [...reasons]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([r, n]) => `${n}× ${r}`)
        .join('\n  '),
    );
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

/**
 * Scores llmshield's detector on presidio-research format files and (optionally) counts false positives
 * on a corpus that contains no personal data.
 *
 *   npx tsx scripts/shield-eval.ts FILE.json [--negatives FILE] [--runs N] [--by group|locale|family] [--errors] [--json]
 *   npx tsx scripts/shield-eval.ts [--heldout] [--runs N] [--json]        # the whole report (npm run shield:eval)
 *
 * Without FILE: with --heldout, first the synthetic held-out set v8 (v8 locales × v8 template families,
 * generated into training/shield/.cache by scripts/shield-gen.ts when missing), per locale group; then
 * the development figures: the synthetic dev set, the v1, v2, v3, v4, v5, v6 and v7 held-out sets (each
 * scored once for its report, development data since), the shared dev set (../shared/data/pii/, when present) and the
 * negatives corpus test/fixtures/shield/negatives.txt. The detectors were tuned, and the tagger trained,
 * on development data only. Errors (missed and spurious spans) are printed for development sets only
 * (--errors). Without --heldout (what to run while tuning; --dev-only is accepted for the same) the
 * held-out set is neither generated nor scored: it is scored once, for the report.
 *
 * Gold type mapping: PERSON; EMAIL_ADDRESS→EMAIL; PHONE_NUMBER→PHONE; CREDIT_CARD; IBAN_CODE→IBAN;
 * US_SSN; IP_ADDRESS; STREET_ADDRESS and ADDRESS→ADDRESS. Other gold types are not scored.
 *
 * Span match rule: a gold span is found when a prediction of the same type covers at least 50% of the
 * gold span's characters. A prediction is a true positive when it covers at least 50% of some same-type
 * gold span, or at least 50% of the prediction lies inside same-type gold spans (so one prediction over
 * an address that the gold splits into pieces counts once, and all pieces are found). A prediction that
 * is not a true positive but overlaps a gold span of an unscored type (LOCATION, ORGANIZATION, ...) is
 * ignored; otherwise it is a false positive. SECRET predictions have no gold type and are only counted.
 *
 * Throughput: detection over all texts, 20 untimed warm-up runs, then --runs timed runs (default 50);
 * median ms per KB (UTF-8).
 * With --json the last line printed is one JSON object with all figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { detectEntities } from '../src/shield/detect';
import { SCORED, emptyCounts, prf, scoreSample, type Counts, type Sample } from '../src/shield/scoring';
import { CACHE_DIR, writeSet } from './shield-gen';

const SHARED_DEV = '../shared/data/pii/presidio_generated_small.json';
const NEGATIVES = 'test/fixtures/shield/negatives.txt';

type Grouped = Sample & { group?: string; locale?: string; family?: string };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function countNegatives(text: string) {
  const preds = detectEntities(text);
  const kb = new TextEncoder().encode(text).length / 1024;
  const byType: Record<string, number> = {};
  for (const p of preds) byType[p.type] = (byType[p.type] ?? 0) + 1;
  return {
    kb: Math.round(kb * 10) / 10,
    falsePositives: preds.length,
    perTenKb: Math.round((preds.length / (kb / 10)) * 100) / 100,
    byType,
    examples: preds.slice(0, 30).map((p) => `${p.type} ${JSON.stringify(text.slice(p.start, p.end))}`),
  };
}

function score(samples: Sample[], errors?: string[]) {
  const counts: Record<string, Counts> = emptyCounts();
  let secrets = 0;
  for (const s of samples) {
    const preds = detectEntities(s.full_text);
    secrets += preds.filter((p) => p.type === 'SECRET').length;
    scoreSample(s, preds, counts, errors);
  }
  const perType = Object.fromEntries(SCORED.map((t) => [t, prf(counts[t])]));
  const total = SCORED.reduce(
    (acc, t) => ({
      tp: acc.tp + counts[t].tp,
      fp: acc.fp + counts[t].fp,
      goldFound: acc.goldFound + counts[t].goldFound,
      gold: acc.gold + counts[t].gold,
    }),
    { tp: 0, fp: 0, goldFound: 0, gold: 0 },
  );
  return { samples: samples.length, overall: prf(total), perType, unscoredSecretPredictions: secrets };
}

function throughput(samples: Sample[], runs: number) {
  const kb = samples.reduce((a, s) => a + new TextEncoder().encode(s.full_text).length, 0) / 1024;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  // Warm-up runs (JIT) are not timed.
  for (let r = 0; r < 20; r++) for (const s of samples) detectEntities(s.full_text);
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const s of samples) detectEntities(s.full_text);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  const msPerKb = Math.round((median(times) / kb) * 1000) / 1000;
  // CPU time is reported too: on a shared machine wall time includes time spent waiting for a core.
  const cpuMsPerKb = Math.round((median(cpuTimes) / kb) * 1000) / 1000;
  return { msPerKb, cpuMsPerKb, runs, kb: Math.round(kb * 10) / 10 };
}

function printTable(r: ReturnType<typeof score>): void {
  console.log('type          precision recall  f1     gold');
  for (const t of SCORED) {
    const x = r.perType[t];
    console.log(`${t.padEnd(13)} ${String(x.precision).padEnd(9)} ${String(x.recall).padEnd(7)} ${String(x.f1).padEnd(6)} ${x.gold}`);
  }
  const o = r.overall;
  console.log(`${'OVERALL'.padEnd(13)} ${String(o.precision).padEnd(9)} ${String(o.recall).padEnd(7)} ${String(o.f1).padEnd(6)} ${o.gold}`);
}

/** One row per group: overall and per-type precision/recall. */
function printByGroup(samples: Grouped[], key: 'group' | 'locale' | 'family') {
  const groups = [...new Set(samples.map((s) => s[key] ?? '?'))].sort();
  const result: Record<string, ReturnType<typeof score>> = {};
  console.log(`by ${key}: overall P/R, then per type P/R (gold count); - where the group has no such span`);
  console.log(`${key.padEnd(16)} ${'overall'.padEnd(12)} ${SCORED.map((t) => t.padEnd(16)).join(' ')}`);
  for (const g of groups) {
    const r = score(samples.filter((s) => (s[key] ?? '?') === g));
    result[g] = r;
    const cell = (x: { precision: number; recall: number; gold: number; tp: number; fp: number }) =>
      x.gold === 0 && x.tp + x.fp === 0 ? '-' : `${x.precision.toFixed(2)}/${x.recall.toFixed(2)} (${x.gold})`;
    console.log(
      `${g.padEnd(16)} ${`${r.overall.precision.toFixed(3)}/${r.overall.recall.toFixed(3)}`.padEnd(12)} ${SCORED.map((t) => cell(r.perType[t]).padEnd(16)).join(' ')}`,
    );
  }
  return result;
}

function evaluateFile(file: string, opts: { runs: number; json: boolean; showErrors: boolean; by?: 'group' | 'locale' | 'family' }) {
  const samples = JSON.parse(readFileSync(file, 'utf8')) as Grouped[];
  const errors: string[] = [];
  const r = score(samples, errors);
  const tp = throughput(samples, opts.runs);
  let groups: Record<string, ReturnType<typeof score>> | undefined;
  if (!opts.json) {
    console.log(`${samples.length} samples, ${tp.kb} KB`);
    printTable(r);
    console.log(`throughput: ${tp.msPerKb} ms/KB wall, ${tp.cpuMsPerKb} ms/KB CPU (median of ${opts.runs} runs)`);
    if (opts.by) groups = printByGroup(samples, opts.by);
    if (opts.showErrors && errors.length) console.log(`errors:\n  ${errors.join('\n  ')}`);
  }
  return { file, ...r, throughput: tp, ...(groups ? { groups } : {}) };
}

function printNegatives(path: string, json: boolean) {
  const negatives = countNegatives(readFileSync(path, 'utf8'));
  if (!json) {
    console.log(`negatives: ${negatives.falsePositives} detections in ${negatives.kb} KB = ${negatives.perTenKb} per 10 KB`);
    for (const e of negatives.examples) console.log(`  ${e}`);
  }
  return { kb: negatives.kb, falsePositives: negatives.falsePositives, perTenKb: negatives.perTenKb, byType: negatives.byType };
}

function cached(
  split: 'dev' | 'heldout' | 'heldout-v2' | 'heldout-v3' | 'heldout-v4' | 'heldout-v5' | 'heldout-v6' | 'heldout-v7' | 'heldout-v8',
): string {
  const path = `${CACHE_DIR}/${split}.json`;
  return existsSync(path) ? path : writeSet(split);
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const withValue = ['--negatives', '--runs', '--by'];
  const negativesPath = flag('--negatives');
  const runs = Number(flag('--runs') ?? 50);
  const by = flag('--by') as 'group' | 'locale' | 'family' | undefined;
  const file = args.find((a, i) => !a.startsWith('--') && !withValue.includes(args[i - 1] ?? ''));
  if (file) {
    // Error lines show a set's texts: printing them for a held-out file would spend it, so only on request.
    const result = evaluateFile(file, { runs, json, showErrors: args.includes('--errors'), by });
    const negatives = negativesPath ? printNegatives(negativesPath, json) : undefined;
    const out = { ...result, ...(negatives ? { negatives } : {}) };
    console.log(JSON.stringify(json ? out : { overall: out.overall, msPerKb: out.throughput.msPerKb, negatives }));
    return;
  }
  // The whole report.
  const report: Record<string, unknown> = {};
  if (args.includes('--heldout') && !args.includes('--dev-only')) {
    if (!json) console.log('== HELD-OUT v8: v8 locales × v8 template families (never used for tuning or training) ==');
    report.heldout = evaluateFile(cached('heldout-v8'), { runs, json, showErrors: false, by: by ?? 'group' });
  }
  if (!json)
    console.log(
      '\n== DEVELOPMENT (the detectors were tuned, and the tagger trained, on these) ==\n-- synthetic dev set (v1 dev locales × dev families)',
    );
  report.dev = evaluateFile(cached('dev'), { runs, json, showErrors: args.includes('--errors'), by: by ?? 'group' });
  if (!json) console.log('-- v1 held-out set (v1 held-out locales × families; development data since the v1 report)');
  report.devV1Heldout = evaluateFile(cached('heldout'), { runs, json, showErrors: args.includes('--errors'), by: by ?? 'group' });
  if (!json) console.log('-- v2 held-out set (v2 locales × families; development data since the v2 report)');
  report.devV2Heldout = evaluateFile(cached('heldout-v2'), { runs, json, showErrors: args.includes('--errors'), by: by ?? 'group' });
  if (!json) console.log('-- v3 held-out set (v3 locales × families; development data since the v3 report)');
  report.devV3Heldout = evaluateFile(cached('heldout-v3'), { runs, json, showErrors: args.includes('--errors'), by: by ?? 'group' });
  if (!json) console.log('-- v4 held-out set (v4 locales × families; development data since the v4 report)');
  report.devV4Heldout = evaluateFile(cached('heldout-v4'), { runs, json, showErrors: args.includes('--errors'), by: by ?? 'group' });
  if (!json) console.log('-- v5 held-out set (v5 locales × families; development data since the v5 report)');
  report.devV5Heldout = evaluateFile(cached('heldout-v5'), { runs, json, showErrors: args.includes('--errors'), by: by ?? 'group' });
  if (!json) console.log('-- v6 held-out set (v6 locales × families; development data since the v6 report)');
  report.devV6Heldout = evaluateFile(cached('heldout-v6'), { runs, json, showErrors: args.includes('--errors'), by: by ?? 'group' });
  if (!json) console.log('-- v7 held-out set (v7 locales × families; development data since the v7 report)');
  report.devV7Heldout = evaluateFile(cached('heldout-v7'), { runs, json, showErrors: args.includes('--errors'), by: by ?? 'group' });
  if (existsSync(SHARED_DEV)) {
    if (!json) console.log(`-- shared dev set ${SHARED_DEV}`);
    report.sharedDev = evaluateFile(SHARED_DEV, { runs, json, showErrors: true });
  }
  if (!json) console.log(`-- false-positive corpus ${NEGATIVES}`);
  report.negatives = printNegatives(NEGATIVES, json);
  const overall = (r: unknown) => (r as { overall?: unknown } | undefined)?.overall;
  const summary = {
    heldout: overall(report.heldout),
    dev: overall(report.dev),
    devV1Heldout: overall(report.devV1Heldout),
    devV2Heldout: overall(report.devV2Heldout),
    devV3Heldout: overall(report.devV3Heldout),
    devV4Heldout: overall(report.devV4Heldout),
    devV5Heldout: overall(report.devV5Heldout),
    devV6Heldout: overall(report.devV6Heldout),
    devV7Heldout: overall(report.devV7Heldout),
    sharedDev: overall(report.sharedDev),
    negatives: report.negatives,
  };
  console.log(JSON.stringify(json ? report : summary));
}

main();

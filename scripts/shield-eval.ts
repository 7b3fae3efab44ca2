/**
 * Scores llmshield's detector on a presidio-research format file and (optionally) counts false positives
 * on a corpus that contains no personal data.
 *
 *   npx tsx scripts/shield-eval.ts FILE.json [--negatives FILE] [--runs N] [--json]
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
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { detectEntities } from '../src/shield/detect';
import { SCORED, emptyCounts, prf, scoreSample, type Counts, type Sample } from '../src/shield/scoring';

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

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const negativesPath = flag('--negatives');
  const runs = Number(flag('--runs') ?? 50);
  const file = args.find((a, i) => !a.startsWith('--') && !['--negatives', '--runs'].includes(args[i - 1] ?? ''));
  if (!file) {
    console.error('usage: npx tsx scripts/shield-eval.ts FILE.json [--negatives FILE] [--runs N] [--json]');
    process.exit(2);
  }
  const samples = JSON.parse(readFileSync(file, 'utf8')) as Sample[];
  const counts: Record<string, Counts> = emptyCounts();
  const errors: string[] = [];
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
  const negatives = negativesPath ? countNegatives(readFileSync(negativesPath, 'utf8')) : undefined;
  const result = {
    file,
    samples: samples.length,
    overall: prf(total),
    perType,
    unscoredSecretPredictions: secrets,
    throughput: { msPerKb, cpuMsPerKb, runs, kb: Math.round(kb * 10) / 10 },
    ...(negatives
      ? {
          negatives: { kb: negatives.kb, falsePositives: negatives.falsePositives, perTenKb: negatives.perTenKb, byType: negatives.byType },
        }
      : {}),
  };
  if (!json) {
    console.log(`${samples.length} samples, ${result.throughput.kb} KB`);
    console.log('type          precision recall  f1     gold');
    for (const t of SCORED) {
      const r = perType[t];
      console.log(`${t.padEnd(13)} ${String(r.precision).padEnd(9)} ${String(r.recall).padEnd(7)} ${String(r.f1).padEnd(6)} ${r.gold}`);
    }
    const o = result.overall;
    console.log(
      `${'OVERALL'.padEnd(13)} ${String(o.precision).padEnd(9)} ${String(o.recall).padEnd(7)} ${String(o.f1).padEnd(6)} ${o.gold}`,
    );
    console.log(`throughput: ${msPerKb} ms/KB wall, ${cpuMsPerKb} ms/KB CPU (median of ${runs} runs)`);
    if (errors.length) console.log(`errors:\n  ${errors.join('\n  ')}`);
    if (negatives) {
      console.log(`negatives: ${negatives.falsePositives} detections in ${negatives.kb} KB = ${negatives.perTenKb} per 10 KB`);
      for (const e of negatives.examples) console.log(`  ${e}`);
    }
  }
  console.log(JSON.stringify(json ? result : { overall: result.overall, msPerKb, negatives: result.negatives }));
}

main();

/**
 * In-process A/B of the intent engine: the working tree's engine against the one of a git revision (default
 * HEAD), on the same ~300 prompts (bench/classifier/ab-prompts.ts), in interleaved rounds (the order of the two
 * alternate every 25 prompts; every round uses never-seen variants of the prompts). Prints CPU µs per prompt per round,
 * the medians with their min–max spread, the per-round speed ratio, and whether both engines decide the same
 * class on every prompt (plus the largest probability difference).
 * Usage: npm run bench:classifier:ab -- [rounds=9] [--baseline REV]
 * The baseline's engine files are read with `git show REV:…` into a temporary directory, so no second copy of
 * the engine lives in the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { abPrompts, variant } from './ab-prompts';
import { readModelBytes } from './engine-file';
import { createIntentEngine, type IntentEngine } from '../../src/classifier/engine';
import { promptFeatures, tokenize, type TokenConfig } from '../../src/classifier/features';
import { median } from '../lib/stats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILES = ['engine.ts', 'features.ts', 'math.ts', 'types.ts'];

const args = process.argv.slice(2);
const baseAt = args.indexOf('--baseline');
const baseline = baseAt >= 0 ? args.splice(baseAt, 2)[1] : 'HEAD';
const rounds = Number(args[0] ?? 9);

type Engine = typeof import('../../src/classifier/engine');
type Features = typeof import('../../src/classifier/features');

/** The engine and features modules of `rev`, their `../hub` imports pointed at the working tree's. */
async function baselineModules(rev: string): Promise<[Engine, Features]> {
  const dir = mkdtempSync(join(tmpdir(), 'cls-ab-'));
  const hub = pathToFileURL(join(ROOT, 'src', 'hub', 'index.ts')).href;
  try {
    for (const f of FILES) {
      const src = execFileSync('git', ['show', `${rev}:src/classifier/${f}`], { cwd: ROOT, encoding: 'utf8' });
      writeFileSync(join(dir, f), src.replace(/from '\.\.\/hub'/g, `from '${hub}'`));
    }
    const engine = (await import(pathToFileURL(join(dir, 'engine.ts')).href)) as Engine;
    const features = (await import(pathToFileURL(join(dir, 'features.ts')).href)) as Features;
    return [engine, features];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function warm(engine: IntentEngine, prompts: string[]): void {
  for (let r = 0; r < 3; r++) prompts.forEach((p, i) => engine.score(variant(p, 900 + r, i)));
}

/** CPU time of this process in µs (not wall time: on a shared machine the process is often descheduled). */
function cpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * One round: µs of CPU per prompt for each engine over never-seen variants, the two alternating every 25
 * prompts (and which goes first alternating per chunk), so a change in machine load hits both alike.
 */
function round(engines: IntentEngine[], prompts: string[], r: number): number[] {
  const texts = prompts.map((p, i) => variant(p, r, i));
  const spent = engines.map(() => 0);
  for (let c = 0, chunk = 0; c < texts.length; c += 25, chunk++)
    for (let j = 0; j < engines.length; j++) {
      const e = (j + chunk + r) % engines.length;
      const t0 = cpuUs();
      for (let i = c; i < Math.min(texts.length, c + 25); i++) engines[e].score(texts[i]);
      spent[e] += cpuUs() - t0;
    }
  return spent.map((us) => us / texts.length);
}

/** Prompts whose tokens or whole-prompt features differ between the two revisions (expected: none). */
function featureDiffs(old: Features, texts: string[]): number {
  const bytes = readModelBytes();
  const header = new TextDecoder().decode(new Uint8Array(bytes, 8, new DataView(bytes).getUint32(4, true)));
  const cfg = (JSON.parse(header) as { tokens: TokenConfig }).tokens;
  const a = new Float32Array(64);
  const b = new Float32Array(64);
  let diffs = 0;
  for (const text of texts) {
    old.promptFeatures(text, false, 10, 0.5, cfg, a);
    promptFeatures(text, false, 10, 0.5, cfg, b);
    const sameTokens = JSON.stringify(old.tokenize(text, cfg)) === JSON.stringify(tokenize(text, cfg));
    if (!sameTokens || a.some((x, i) => x !== b[i])) diffs++;
  }
  return diffs;
}

function compare(a: IntentEngine, b: IntentEngine, prompts: string[]): { sameClass: number; maxDiff: number; maxCx: number } {
  let sameClass = 0;
  let maxDiff = 0;
  let maxCx = 0;
  for (const text of [...prompts, ...prompts.map((p, i) => variant(p, 0, i))])
    for (const hasTools of [false, true]) {
      const sa = a.score(text, hasTools);
      const sb = b.score(text, hasTools);
      const pa = sa.classLogProbs.map(Math.exp);
      const pb = sb.classLogProbs.map(Math.exp);
      if (pa.indexOf(Math.max(...pa)) === pb.indexOf(Math.max(...pb))) sameClass++;
      for (let k = 0; k < pa.length; k++) maxDiff = Math.max(maxDiff, Math.abs(pa[k] - pb[k]));
      maxCx = Math.max(maxCx, Math.abs(sa.complexity - sb.complexity));
    }
  return { sameClass, maxDiff, maxCx };
}

const fmt = (xs: number[]) => `${median(xs).toFixed(1)} [${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}]`;

async function main() {
  const prompts = abPrompts();
  const [oldModule, oldFeatures] = await baselineModules(baseline);
  const oldEngine = oldModule.createIntentEngine(readModelBytes());
  const newEngine = createIntentEngine(readModelBytes());
  const cmp = compare(oldEngine, newEngine, prompts);
  console.log(
    `${prompts.length} prompts and a never-seen variant of each × hasTools false/true: same class ${cmp.sameClass}/${prompts.length * 4}, ` +
      `largest probability difference ${cmp.maxDiff.toExponential(1)}, complexity ${cmp.maxCx.toExponential(1)}`,
  );
  const all = [...prompts, ...prompts.map((p, i) => variant(p, 0, i))];
  console.log(`tokens or whole-prompt features differing: ${featureDiffs(oldFeatures, all)} of ${all.length} prompts`);
  warm(oldEngine, prompts);
  warm(newEngine, prompts);
  const before: number[] = [];
  const after: number[] = [];
  const ratio: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    const [o, n] = round([oldEngine, newEngine], prompts, r);
    before.push(o);
    after.push(n);
    ratio.push(o / n);
    console.log(`round ${r}: ${baseline} ${o.toFixed(1)} µs/prompt, working tree ${n.toFixed(1)} µs/prompt`);
  }
  console.log(`${baseline}: ${fmt(before)} µs/prompt of CPU (median [min–max] of ${rounds} rounds)`);
  console.log(`working tree: ${fmt(after)} µs/prompt`);
  console.log(`speed-up: ${median(ratio).toFixed(2)}× [${Math.min(...ratio).toFixed(2)}–${Math.max(...ratio).toFixed(2)}]`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

#!/usr/bin/env node
// Import boundaries between the top-level modules of src/ (npm run lint:boundaries).
// A small checker instead of dependency-cruiser: its TypeScript support needs the pre-7 compiler API,
// which TypeScript 7 (the Go compiler) does not ship. Imports are found by pattern; that covers every
// form this code base uses (import/export … from, side-effect imports, import()).
//   node scripts/check-boundaries.mjs [--graph]
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SRC = path.join(ROOT, 'src');

/** Layers of the request path, top to bottom: a module may not import one above it. */
const LAYERS = ['api', 'flow', 'reliability', 'providers', 'hub'];
/** Modules only these importers may use ('' is the composition root: src/index.ts, src/app.ts). */
const IMPORTED_ONLY_BY = { api: [''], flow: ['', 'api'] };
/** Modules that import no other src module (env.ts included). */
const LEAVES = ['hub', 'lib'];
/** Module cycles tolerated while being untangled: none. A cycle fails the check. */
const KNOWN_CYCLES = [];

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE =
  /\b(import|export)\s+(type\s+)?((?:\{[^}]*\}|\*\s*as\s+[\w$]+|\*|[\w$]+(?:\s*,\s*(?:\{[^}]*\}|\*\s*as\s+[\w$]+))?))\s*from\s*['"]([^'"\n]+)['"]|\bimport\s*\(?\s*['"]([^'"\n]+)['"]/g;

function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const out = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (/\/\/|^\s*\*/.test(text.slice(lineStart, m.index))) continue;
    const spec = m[4] ?? m[5];
    const braces = m[3] ? /\{([^}]*)\}/.exec(m[3]) : null;
    const names = braces
      ? braces[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : null;
    const typeOnly =
      !!m[2] || (names !== null && names.length > 0 && names.every((n) => n.startsWith('type ')) && !/^[\w$]+\s*,|\*/.test(m[3]));
    // `import './x'` (not `import('./x')`): the module is loaded for what it does when imported.
    const sideEffect = m[5] !== undefined && !m[0].includes('(');
    out.push({ spec, typeOnly, sideEffect, line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const ext of ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx']) {
    const p = base + ext;
    if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
  }
  return undefined;
}

/** Top-level module of a file under src/ ('' for files directly in src/), null outside src/. */
function moduleOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(path.sep);
  return parts.length === 1 ? '' : parts[0];
}

const violations = [];
const graph = new Map(); // module -> Map(module -> first edge "file:line")
const name = (m) => (m === '' ? 'src/ (composition root)' : `src/${m}`);

for (const file of walk(SRC)) {
  const from = moduleOf(file);
  const where = path.relative(ROOT, file);
  for (const imp of importsOf(file)) {
    const target = resolve(file, imp.spec);
    if (target === undefined) {
      violations.push(`${where}:${imp.line}: cannot resolve '${imp.spec}'`);
      continue;
    }
    const to = target && moduleOf(target);
    if (to === null || to === undefined) continue;
    const at = `${where}:${imp.line}`;
    if (imp.sideEffect)
      violations.push(
        `${at}: side-effect import of '${imp.spec}': no module acts when imported; wire it in the composition root (src/index.ts)`,
      );
    if (to === from) continue;
    // env.ts only declares binding types: importing it is no dependency on the composition root.
    const envTypes = to === '' && path.basename(target) === 'env.ts';
    if (!envTypes) {
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from).has(to)) graph.get(from).set(to, at);
    }
    if (to === '') {
      if (path.basename(target) !== 'env.ts') violations.push(`${at}: imports the composition root (${path.relative(ROOT, target)})`);
      else if (!imp.typeOnly) violations.push(`${at}: env.ts holds types only; use \`import type\``);
      if (LEAVES.includes(from)) violations.push(`${at}: ${name(from)} imports no other src module`);
      continue;
    }
    const index = path.join(SRC, to, 'index.ts');
    if (target !== index && target !== path.join(SRC, to, 'index.tsx'))
      violations.push(`${at}: '${imp.spec}' reaches past ${name(to)}/index.ts`);
    if (LEAVES.includes(from)) violations.push(`${at}: ${name(from)} imports no other src module (imports ${name(to)})`);
    const allowed = IMPORTED_ONLY_BY[to];
    if (allowed && !allowed.includes(from)) violations.push(`${at}: only ${allowed.map(name).join(' and ')} may import ${name(to)}`);
    const a = LAYERS.indexOf(from);
    const b = LAYERS.indexOf(to);
    if (a >= 0 && b >= 0 && b < a) violations.push(`${at}: ${name(from)} sits below ${name(to)} (layers: ${LAYERS.join(' → ')})`);
  }
}

// Module cycles: strongly connected components of the module graph (type imports count too).
function components() {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}
const cycles = components();
const known = KNOWN_CYCLES.map((c) => [...c].sort());
for (const comp of cycles) {
  if (known.some((k) => comp.every((m) => k.includes(m)))) continue;
  const edges = comp.flatMap((m) =>
    [...(graph.get(m) ?? [])].filter(([t]) => comp.includes(t)).map(([t, at]) => `    ${name(m)} → ${name(t)} (${at})`),
  );
  violations.push(`module cycle: ${comp.map(name).join(', ')}\n${edges.join('\n')}`);
}
for (const k of known)
  if (!cycles.some((c) => k.every((m) => c.includes(m))))
    console.log(`note: known cycle ${k.join(', ')} is gone; remove it from KNOWN_CYCLES`);

if (process.argv.includes('--graph')) {
  for (const [m, tos] of [...graph].sort()) console.log(`${name(m)} → ${[...tos.keys()].sort().map(name).join(', ')}`);
}
if (violations.length) {
  console.error(`${violations.length} import boundary violation(s):\n${violations.join('\n')}`);
  process.exit(1);
}
console.log(`import boundaries ok (${graph.size} modules)`);

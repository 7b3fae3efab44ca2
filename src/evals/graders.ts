import { Validator } from '@cfworker/json-schema';
import type { AnswerMatch, ArgMatcher, Constraint, EvalItem, EvalOutput, ExpectedToolCall, GradeResult } from './types';

/**
 * Pure graders. Reasons name what was expected and what failed, never the model's text (we do not
 * store prompt or response text anywhere, including grading reasons).
 */

const ok = (reason = 'ok'): GradeResult => ({ pass: true, score: 1, reason });
const fail = (reason: string, score = 0): GradeResult => ({ pass: false, score, reason });

/** The final answer: text after the last `ANSWER:` marker, else the last non-empty line. */
export function extractAnswer(content: string | null): string | null {
  if (!content) return null;
  const text = stripThinking(content);
  const re = /answer\s*[:：]\s*(.*)$/gim;
  let last: string | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m[1];
  if (last !== null) return cleanMarkdown(last);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? cleanMarkdown(lines[lines.length - 1]) : null;
}

/** Reasoning models sometimes leak <think> blocks into content; they are not the answer. */
function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/gi, '');
}

function cleanMarkdown(s: string): string {
  return s
    .trim()
    .replace(/^\*+|\*+$/g, '')
    .replace(/^`+|`+$/g, '')
    .trim();
}

export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/^["'“”‘’`]+|["'“”‘’`]+$/g, '')
    .replace(/[.!?;,:]+$/g, '')
    .replace(/^["'“”‘’`]+|["'“”‘’`]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** First number in the text; tolerates thousands separators, currency symbols and a percent sign. */
export function parseNumber(s: string): number | null {
  const m = /-?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?|-?\.\d+/i.exec(s.replace(/(\d) (?=\d{3}\b)/g, '$1'));
  if (!m) return null;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

export function matchAnswer(answer: string, match: AnswerMatch): GradeResult {
  switch (match.type) {
    case 'exact': {
      // A lone trailing period is sentence punctuation, not part of the answer.
      const a = answer.trim().replace(/(?<!\.)\.$/, '');
      const same = match.caseSensitive ? a === match.value : a.toLowerCase() === match.value.toLowerCase();
      return same ? ok() : fail(`expected exactly "${match.value}"`);
    }
    case 'normalized':
      return normalizeText(answer) === normalizeText(match.value) ? ok() : fail(`expected "${match.value}"`);
    case 'numeric': {
      // "2^10 − 3^5 = 781": the result follows the last '='; otherwise the first number is the answer.
      const eq = answer.lastIndexOf('=');
      const n = parseNumber(eq >= 0 ? answer.slice(eq + 1) : answer);
      if (n === null) return fail('no number in the answer');
      const tol = match.tolerance ?? 1e-9;
      return Math.abs(n - match.value) <= tol ? ok() : fail(`expected ${match.value} ± ${tol}`);
    }
    case 'one_of': {
      const a = normalizeText(answer);
      return match.values.some((v) => normalizeText(v) === a) ? ok() : fail(`expected one of ${JSON.stringify(match.values)}`);
    }
    case 'regex':
      return new RegExp(match.pattern, match.flags).test(answer.trim()) ? ok() : fail(`expected to match /${match.pattern}/`);
  }
}

function fold(s: string, caseSensitive?: boolean): string {
  return caseSensitive ? s : s.toLowerCase();
}

export function countWords(s: string): number {
  return s
    .trim()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Returns the first violated constraint's description, or null when all hold. */
export function checkConstraint(text: string, c: Constraint): string | null {
  switch (c.type) {
    case 'word_count': {
      const n = countWords(text);
      if (c.min !== undefined && n < c.min) return `needs at least ${c.min} words, got ${n}`;
      if (c.max !== undefined && n > c.max) return `needs at most ${c.max} words, got ${n}`;
      return null;
    }
    case 'lowercase':
      return text === text.toLowerCase() ? null : 'must be all lowercase';
    case 'uppercase':
      return text === text.toUpperCase() ? null : 'must be all uppercase';
    case 'includes':
      return fold(text, c.caseSensitive).includes(fold(c.value, c.caseSensitive)) ? null : `must include "${c.value}"`;
    case 'excludes':
      return fold(text, c.caseSensitive).includes(fold(c.value, c.caseSensitive)) ? `must not include "${c.value}"` : null;
    case 'starts_with':
      return fold(text.trim(), c.caseSensitive).startsWith(fold(c.value, c.caseSensitive)) ? null : `must start with "${c.value}"`;
    case 'ends_with':
      return fold(text.trim(), c.caseSensitive).endsWith(fold(c.value, c.caseSensitive)) ? null : `must end with "${c.value}"`;
    case 'max_chars':
      return text.trim().length <= c.value ? null : `must be at most ${c.value} characters`;
    case 'line_count': {
      const n = text
        .trim()
        .split('\n')
        .filter((l) => l.trim()).length;
      if (c.min !== undefined && n < c.min) return `needs at least ${c.min} lines, got ${n}`;
      if (c.max !== undefined && n > c.max) return `needs at most ${c.max} lines, got ${n}`;
      return null;
    }
    case 'regex':
      return new RegExp(c.pattern, c.flags).test(text) ? null : `must match /${c.pattern}/`;
  }
}

/** All constraints; the score is the fraction satisfied so partial compliance is visible. */
export function checkConstraints(text: string, constraints: Constraint[]): GradeResult {
  const violations = constraints.map((c) => checkConstraint(text, c)).filter((v): v is string => v !== null);
  if (violations.length === 0) return ok();
  return fail(violations.join('; '), (constraints.length - violations.length) / constraints.length);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim().toLowerCase() === b.trim().toLowerCase();
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as any)[k], (b as any)[k]));
}

function isPredicate(
  m: ArgMatcher,
): m is Extract<ArgMatcher, { $oneOf: unknown[] } | { $approx: number } | { $contains: string } | { $regex: string } | { $present: true }> {
  return typeof m === 'object' && m !== null && !Array.isArray(m) && Object.keys(m).some((k) => k.startsWith('$'));
}

/** Whether a value satisfies an expected-value matcher. */
export function matchValue(value: unknown, m: ArgMatcher): boolean {
  if (!isPredicate(m)) return deepEqual(value, m);
  if ('$oneOf' in m) return m.$oneOf.some((v) => deepEqual(value, v));
  if ('$approx' in m) {
    const n = typeof value === 'string' ? parseNumber(value) : value;
    return typeof n === 'number' && Math.abs(n - m.$approx) <= m.tolerance;
  }
  if ('$contains' in m) return typeof value === 'string' && value.toLowerCase().includes(m.$contains.toLowerCase());
  if ('$regex' in m) return typeof value === 'string' && new RegExp(m.$regex, m.flags).test(value);
  return value !== undefined && value !== null;
}

/** A concrete value that satisfies the matcher (tests check it against the tool/JSON schema). */
export function exampleValue(m: ArgMatcher): unknown {
  if (!isPredicate(m)) return m;
  if ('$oneOf' in m) return m.$oneOf[0];
  if ('$approx' in m) return m.$approx;
  if ('$contains' in m) return m.$contains;
  if ('$regex' in m) return m.example;
  return m.example;
}

/** JSON pointer (RFC 6901) lookup. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let cur: unknown = doc;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const validatorCache = new WeakMap<object, Validator>();
export function validatorFor(schema: Record<string, unknown>): Validator {
  let v = validatorCache.get(schema);
  if (!v) {
    v = new Validator(schema as any, '2020-12', false);
    validatorCache.set(schema, v);
  }
  return v;
}

export function validateAgainst(schema: Record<string, unknown> | undefined, value: unknown): string | null {
  if (!schema) return null;
  const r = validatorFor(schema).validate(value);
  if (r.valid) return null;
  return r.errors
    .slice(0, 3)
    .map((e) => `${e.instanceLocation}: ${e.keyword}`)
    .join('; ');
}

/** Models often wrap JSON in a ```json fence even in JSON mode; accept that, nothing looser. */
export function parseJsonContent(content: string | null): { ok: true; value: unknown } | { ok: false } {
  if (!content) return { ok: false };
  let text = content.trim();
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(text);
  if (fenced) text = fenced[1];
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function gradeAnswer(output: EvalOutput, match: AnswerMatch, constraints?: Constraint[]): GradeResult {
  const answer = extractAnswer(output.content);
  if (answer === null) return fail('no answer in the response');
  const m = matchAnswer(answer, match);
  if (!m.pass || !constraints?.length) return m;
  const c = checkConstraints(answer, constraints);
  return c.pass ? m : fail(c.reason, 0.5);
}

function parseArgs(raw: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(raw || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

function callMatches(call: { name: string; args: Record<string, unknown> | null }, exp: ExpectedToolCall): boolean {
  if (call.name !== exp.name || !call.args) return false;
  return Object.entries(exp.arguments).every(([k, m]) => matchValue(call.args![k], m));
}

export function gradeToolCalls(item: EvalItem, output: EvalOutput): GradeResult {
  const spec = item.grading;
  if (spec.kind !== 'tool_calls') throw new Error(`item ${item.id} is not a tool-call item`);
  const calls = output.toolCalls.map((c) => ({ name: c.name, args: parseArgs(c.arguments) }));
  if (spec.expected.length === 0) {
    if (calls.length > 0) return fail('called a tool when no call was expected');
    if (spec.contentIncludes) {
      const missing = spec.contentIncludes.filter((s) => !(output.content ?? '').toLowerCase().includes(s.toLowerCase()));
      if (missing.length) return fail(`answer must mention ${missing.map((s) => `"${s}"`).join(', ')}`, 0.5);
    }
    return ok();
  }
  if (calls.length === 0) return fail('no tool call');
  const tools = new Map((item.request.tools ?? []).map((t) => [t.function.name, t.function.parameters]));
  for (const c of calls) {
    if (!tools.has(c.name)) return fail(`called unknown tool ${c.name}`);
    if (!c.args) return fail(`arguments of ${c.name} are not a JSON object`);
    const err = validateAgainst(tools.get(c.name) as Record<string, unknown> | undefined, c.args);
    if (err) return fail(`arguments of ${c.name} violate its schema (${err})`);
  }
  // Set matching: each expected call consumes one distinct actual call (greedy is enough because
  // expected calls in one item never overlap in what they accept).
  const used = new Set<number>();
  let matched = 0;
  for (const exp of spec.expected) {
    const idx = calls.findIndex((c, i) => !used.has(i) && callMatches(c, exp));
    if (idx >= 0) {
      used.add(idx);
      matched++;
    }
  }
  const extra = calls.length - used.size;
  const score = matched / (spec.expected.length + (spec.allowExtra ? 0 : extra));
  if (matched < spec.expected.length) return fail(`${matched}/${spec.expected.length} expected calls matched`, score);
  if (extra > 0 && !spec.allowExtra) return fail(`${extra} unexpected extra call(s)`, score);
  return ok();
}

export function gradeJsonSchema(item: EvalItem, output: EvalOutput): GradeResult {
  const spec = item.grading;
  if (spec.kind !== 'json_schema') throw new Error(`item ${item.id} is not a json_schema item`);
  const parsed = parseJsonContent(output.content);
  if (!parsed.ok) return fail('content is not JSON');
  const rf = item.request.response_format;
  const schema = rf?.type === 'json_schema' ? rf.json_schema.schema : undefined;
  const err = validateAgainst(schema, parsed.value);
  if (err) return fail(`does not validate against the schema (${err})`, 0.25);
  const wrong = spec.expect.filter((e) => !matchValue(resolvePointer(parsed.value, e.pointer), e.match));
  if (wrong.length === 0) return ok();
  const score = 0.25 + (0.75 * (spec.expect.length - wrong.length)) / spec.expect.length;
  return fail(`wrong value at ${wrong.map((w) => w.pointer).join(', ')}`, score);
}

/**
 * Grade an item that needs no judge. Judge items are graded in two steps (see judge.ts): hard
 * constraints here, then the judge's score via gradeJudgeScore.
 */
export function gradeItem(item: EvalItem, output: EvalOutput): GradeResult {
  const g = item.grading;
  switch (g.kind) {
    case 'answer':
      return gradeAnswer(output, g.match, g.constraints);
    case 'constraints': {
      const text = g.on === 'answer' ? extractAnswer(output.content) : (output.content?.trim() ?? null);
      if (!text) return fail('empty response');
      return checkConstraints(text, g.constraints);
    }
    case 'tool_calls':
      return gradeToolCalls(item, output);
    case 'json_schema':
      return gradeJsonSchema(item, output);
    case 'judge': {
      const text = output.content?.trim();
      if (!text) return fail('empty response');
      return g.constraints?.length ? checkConstraints(text, g.constraints) : ok('constraints ok; needs judge');
    }
  }
}

/** Judge score 1..10 → 0..1; pass at or above the item's passScore (default 7). */
export function gradeJudgeScore(item: EvalItem, rawScore: number | null): GradeResult {
  const g = item.grading;
  if (g.kind !== 'judge') throw new Error(`item ${item.id} is not a judge item`);
  if (rawScore === null) return fail('judge gave no parsable score');
  const score = (Math.min(10, Math.max(1, rawScore)) - 1) / 9;
  const passScore = g.passScore ?? 7;
  return rawScore >= passScore ? { pass: true, score, reason: `judge ${rawScore}/10` } : fail(`judge ${rawScore}/10 < ${passScore}`, score);
}

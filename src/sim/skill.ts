import { getEndpoint } from '../catalog';
import { exampleValue, resolvePointer, unitHash, getEvalItem, type AnswerMatch, type ArgMatcher, type EvalItem } from '../evals';
import type { EvalCategory, TaskClass } from '../hub';

/**
 * SIMULATION ONLY. The labeled simulated fleet answers eval items through these functions so a local
 * run yields differentiated, reproducible scores: each endpoint gets a skill per (category, task
 * class) derived from its catalog qualityPrior plus a stable per-endpoint hash offset, and answers an
 * item correctly iff a per-(endpoint, item) hash falls below that skill. Real endpoints never use it.
 */

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Prior for endpoints outside the catalog: a hash-spread value so they still differ. */
function fallbackPrior(endpointId: string): number {
  return 0.45 + 0.45 * unitHash(endpointId, 'prior');
}

export function simulatedSkill(endpointId: string, category: EvalCategory, taskClass: TaskClass, qualityPrior?: number): number {
  const prior = qualityPrior ?? getEndpoint(endpointId)?.qualityPrior ?? fallbackPrior(endpointId);
  // Strengths and weaknesses: ±0.15 per category and ±0.1 per task class around the prior.
  const categoryOffset = (unitHash(endpointId, 'category', category) - 0.5) * 0.3;
  const classOffset = (unitHash(endpointId, 'class', taskClass) - 0.5) * 0.2;
  return clamp(prior + categoryOffset + classOffset, 0.05, 0.97);
}

export function itemSkill(item: EvalItem, endpointId: string, qualityPrior?: number): number {
  const skills = item.taskClasses.map((tc) => simulatedSkill(endpointId, item.category, tc, qualityPrior));
  return skills.reduce((a, b) => a + b, 0) / skills.length;
}

/** Whether the simulated endpoint answers the item correctly (deterministic per endpoint + item). */
export function simulatedCorrect(item: EvalItem, endpointId: string, opts: { qualityPrior?: number; skill?: number } = {}): boolean {
  const skill = opts.skill ?? itemSkill(item, endpointId, opts.qualityPrior);
  return unitHash(endpointId, item.id, 'correct') < skill;
}

export interface SimulatedEvalAnswer {
  content: string | null;
  toolCalls: { name: string; arguments: string }[];
}

// ---- correct answers ------------------------------------------------------------------------

function referenceAnswer(m: AnswerMatch): string {
  switch (m.type) {
    case 'exact':
    case 'normalized':
      return m.value;
    case 'numeric':
      return String(m.value);
    case 'one_of':
      return m.values[0];
    case 'regex':
      return m.example;
  }
}

type Schema = Record<string, any>;

/** A minimal instance of a JSON schema (enough for the suite's strict object schemas). */
export function sampleFromSchema(schema: Schema | undefined): unknown {
  if (!schema) return {};
  if (schema.enum) return schema.enum[0];
  if ('const' in schema) return schema.const;
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleFromSchema(schema.properties?.[key]);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleFromSchema(schema.items));
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'string':
      if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2025-01-01';
      if (schema.pattern === '^\\d{2}:\\d{2}$') return '12:00';
      if (schema.pattern === '^\\d{5}$') return '00000';
      if (schema.pattern?.startsWith('^[A-Z'))
        return 'ABC'.slice(0, /\{(\d+)/.exec(schema.pattern)?.[1] ? Number(/\{(\d+)/.exec(schema.pattern)![1]) : 3);
      if (schema.pattern?.startsWith('^[a-z]')) return 'en';
      return 'n/a';
    default:
      return null;
  }
}

/** Set `value` at a JSON pointer, growing arrays with schema samples along the way. */
function setAtPointer(doc: any, schema: Schema, pointer: string, value: unknown): void {
  const keys = pointer.replace(/^\//, '').split('/');
  let cur = doc;
  let sch: Schema | undefined = schema;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    if (Array.isArray(cur)) {
      const idx = Number(key);
      while (cur.length <= idx) cur.push(sampleFromSchema(sch?.items));
      sch = sch?.items;
      if (last) cur[idx] = value;
      else cur = cur[idx];
    } else {
      sch = sch?.properties?.[key];
      if (last) cur[key] = value;
      else {
        if (cur[key] === undefined || cur[key] === null) cur[key] = sampleFromSchema(sch);
        cur = cur[key];
      }
    }
  });
}

function itemSchema(item: EvalItem): Schema | undefined {
  const rf = item.request.response_format;
  return rf?.type === 'json_schema' ? (rf.json_schema.schema as Schema) : undefined;
}

function toolArgs(item: EvalItem, name: string, expected: Record<string, ArgMatcher>): Record<string, unknown> {
  const params = item.request.tools?.find((t) => t.function.name === name)?.function.parameters as Schema | undefined;
  const args = sampleFromSchema(params) as Record<string, unknown>;
  for (const [k, m] of Object.entries(expected)) args[k] = exampleValue(m);
  return args;
}

function correctAnswer(item: EvalItem): SimulatedEvalAnswer {
  const g = item.grading;
  switch (g.kind) {
    case 'answer':
      return { content: `Working through it step by step.\nANSWER: ${referenceAnswer(g.match)}`, toolCalls: [] };
    case 'constraints':
      return { content: g.on === 'answer' ? `ANSWER: ${g.example}` : g.example, toolCalls: [] };
    case 'judge':
      return { content: g.example, toolCalls: [] };
    case 'tool_calls':
      if (g.expected.length === 0)
        return { content: `Here is my answer${g.contentIncludes ? `: ${g.contentIncludes.join(', ')}` : '.'}`, toolCalls: [] };
      return {
        content: null,
        toolCalls: g.expected.map((e) => ({ name: e.name, arguments: JSON.stringify(toolArgs(item, e.name, e.arguments)) })),
      };
    case 'json_schema': {
      const schema = itemSchema(item) ?? {};
      const doc = sampleFromSchema(schema);
      for (const e of g.expect) setAtPointer(doc, schema, e.pointer, exampleValue(e.match));
      return { content: JSON.stringify(doc), toolCalls: [] };
    }
  }
}

// ---- plausible wrong answers ----------------------------------------------------------------

/** A value of the same type that fails the matcher (an off-by-one number, a near-miss string…). */
function wrongValue(v: unknown): unknown {
  if (typeof v === 'number') return v === 0 ? 1 : Number.isInteger(v) ? v + 1 : Math.round(v * 1.5 * 100) / 100;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'string') return `${v.slice(0, Math.max(1, v.length - 2))}zz`;
  if (Array.isArray(v)) return v.length > 1 ? ([...v].reverse().join() === v.join() ? v.slice(1) : [...v].reverse()) : [];
  return null;
}

function wrongAnswer(item: EvalItem, variant: number): SimulatedEvalAnswer {
  const g = item.grading;
  switch (g.kind) {
    case 'answer': {
      const wrong = item.wrongAnswer ?? (g.match.type === 'numeric' ? String(wrongValue(g.match.value)) : 'I am not sure');
      return { content: `Let me think about it.\nANSWER: ${wrong}`, toolCalls: [] };
    }
    case 'constraints':
      return { content: `ANSWER: ${item.wrongAnswer ?? g.example.toUpperCase() + ' and then some more words'}`, toolCalls: [] };
    case 'judge':
      // Off-task filler; the simulated judge scores it low.
      return { content: 'Here is a response. It covers the topic in general terms.', toolCalls: [] };
    case 'tool_calls': {
      const tools = item.request.tools ?? [];
      if (g.expected.length === 0) {
        const t = tools[0].function;
        return { content: null, toolCalls: [{ name: t.name, arguments: JSON.stringify(sampleFromSchema(t.parameters as Schema)) }] };
      }
      if (variant === 0) return { content: 'I can help with that, but I need more details.', toolCalls: [] };
      const calls = correctAnswer(item).toolCalls.map((c) => ({ ...c }));
      const [key] = Object.keys(g.expected[0].arguments);
      const args = JSON.parse(calls[0].arguments);
      args[key] = wrongValue(args[key]);
      calls[0].arguments = JSON.stringify(args);
      return { content: null, toolCalls: calls };
    }
    case 'json_schema': {
      if (variant === 0) return { content: 'Sure! Here is the information you asked for.', toolCalls: [] };
      const doc = JSON.parse(correctAnswer(item).content!);
      const ptr = g.expect[0].pointer;
      setAtPointer(doc, itemSchema(item) ?? {}, ptr, wrongValue(resolvePointer(doc, ptr)));
      return { content: JSON.stringify(doc), toolCalls: [] };
    }
  }
}

/**
 * The simulated endpoint's reply to an eval item: correct with probability = its skill
 * (deterministic per endpoint + item), plausibly wrong otherwise.
 */
export function simulatedEvalAnswer(
  item: EvalItem,
  endpointId: string,
  opts: { qualityPrior?: number; skill?: number } = {},
): SimulatedEvalAnswer {
  if (simulatedCorrect(item, endpointId, opts)) return correctAnswer(item);
  return wrongAnswer(item, Math.floor(unitHash(endpointId, item.id, 'variant') * 2));
}

/** By item id, for the sim brain (which sees only the eval-item header). */
export function simulatedEvalAnswerById(itemId: string, endpointId: string): SimulatedEvalAnswer | undefined {
  const item = getEvalItem(itemId);
  return item ? simulatedEvalAnswer(item, endpointId) : undefined;
}

/** A simulated judge's reply: high scores for answers the tested endpoint got "right", low otherwise. */
export function simulatedJudgeReply(itemId: string, testedEndpointId: string): string {
  const item = getEvalItem(itemId);
  const right = item ? simulatedCorrect(item, testedEndpointId) : false;
  const spread = Math.floor(unitHash(testedEndpointId, itemId, 'judge') * 4);
  const score = right ? 7 + spread : 2 + spread;
  return `The response ${right ? 'follows the task well' : 'misses key requirements'}.\nSCORE: ${score}`;
}

import { type ChatMessage, type ChatRequest, EVAL_CATEGORIES, type EvalCategory, TASK_CLASSES } from '../hub';
import { SUITE_ITEMS, SUITE_MAJOR } from '../../evals/suite/index';
import { evalImageDataUrl, evalImageName, hasEvalImage } from './images';
import type { EvalItem } from './types';
import { fnv1a } from '../lib';

/** Eval requests are deterministic where the provider allows it: temperature 0 and a fixed seed. */
export const EVAL_SEED = 7_2026;
export const EVAL_TEMPERATURE = 0;
/** Header naming the eval item on an eval request (the simulated fleet answers from it). */
export const EVAL_ITEM_HEADER = 'x-cailos-eval-item';

export const SUITE_VERSION = `v${SUITE_MAJOR}.${fnv1a(JSON.stringify(SUITE_ITEMS)).toString(16).padStart(8, '0')}`;

/** Minimum item counts per category; the suite is rejected below them. */
export const MIN_ITEMS_PER_CATEGORY: Record<EvalCategory, number> = {
  intelligence: 80,
  tool_calling: 40,
  structured_output: 40,
  vision: 20,
  open_ended: 10,
};

const GRADING_FOR: Record<EvalCategory, string[]> = {
  intelligence: ['answer', 'constraints'],
  tool_calling: ['tool_calls'],
  structured_output: ['json_schema'],
  vision: ['answer', 'constraints'],
  open_ended: ['judge'],
};

function regexOk(pattern: string, flags?: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

function imageUrls(item: EvalItem): string[] {
  return item.request.messages.flatMap((m) =>
    Array.isArray(m.content) ? m.content.flatMap((p) => (p.type === 'image_url' ? [p.image_url.url] : [])) : [],
  );
}

/** Structural problems in the suite (empty when valid). Semantic checks live in the tests. */
export function validateSuite(items: EvalItem[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const counts = Object.fromEntries(EVAL_CATEGORIES.map((c) => [c, 0])) as Record<EvalCategory, number>;
  for (const item of items) {
    const where = `item ${item.id}`;
    if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(item.id)) problems.push(`${where}: id must be lowercase letters, digits and dashes`);
    if (seen.has(item.id)) problems.push(`${where}: duplicate id`);
    seen.add(item.id);
    if (!EVAL_CATEGORIES.includes(item.category)) {
      problems.push(`${where}: unknown category ${item.category}`);
      continue;
    }
    counts[item.category]++;
    if (item.taskClasses.length === 0) problems.push(`${where}: no task class`);
    for (const tc of item.taskClasses) if (!TASK_CLASSES.includes(tc)) problems.push(`${where}: unknown task class ${tc}`);
    if (item.request.messages.length === 0) problems.push(`${where}: no messages`);
    if (!GRADING_FOR[item.category].includes(item.grading.kind))
      problems.push(`${where}: grading ${item.grading.kind} does not fit ${item.category}`);
    const g = item.grading;
    if (g.kind === 'tool_calls') {
      if (!item.request.tools?.length) problems.push(`${where}: tool item without tools`);
      const names = new Set(item.request.tools?.map((t) => t.function.name));
      for (const e of g.expected) if (!names.has(e.name)) problems.push(`${where}: expects unknown tool ${e.name}`);
    }
    if (g.kind === 'json_schema') {
      const rf = item.request.response_format;
      if (rf?.type !== 'json_schema' || !rf.json_schema.schema) problems.push(`${where}: json item without a json_schema response_format`);
      if (g.expect.length === 0) problems.push(`${where}: no expected values`);
    }
    if (g.kind === 'answer' && g.match.type === 'regex' && !regexOk(g.match.pattern, g.match.flags)) problems.push(`${where}: bad regex`);
    const constraints = g.kind === 'answer' || g.kind === 'judge' ? (g.constraints ?? []) : g.kind === 'constraints' ? g.constraints : [];
    for (const c of constraints) if (c.type === 'regex' && !regexOk(c.pattern, c.flags)) problems.push(`${where}: bad constraint regex`);
    const urls = imageUrls(item);
    if (item.category === 'vision' && (!item.images?.length || urls.length === 0)) problems.push(`${where}: vision item without an image`);
    for (const url of urls) {
      const name = evalImageName(url);
      if (!name || !hasEvalImage(name)) problems.push(`${where}: image ${url} is not an embedded eval image`);
      if (name && !item.images?.includes(name)) problems.push(`${where}: image ${name} missing from item.images`);
    }
  }
  for (const c of EVAL_CATEGORIES) {
    if (counts[c] < MIN_ITEMS_PER_CATEGORY[c]) problems.push(`category ${c}: ${counts[c]} items, need ${MIN_ITEMS_PER_CATEGORY[c]}`);
  }
  return problems;
}

let loaded: { version: string; items: EvalItem[]; byId: Map<string, EvalItem> } | null = null;

/** The validated suite (validated once per isolate; an invalid suite is a deploy bug, so it throws). */
export function loadSuite(): { version: string; items: EvalItem[]; byId: Map<string, EvalItem> } {
  if (!loaded) {
    const problems = validateSuite(SUITE_ITEMS);
    if (problems.length) throw new Error(`invalid eval suite: ${problems.slice(0, 5).join('; ')}`);
    loaded = { version: SUITE_VERSION, items: SUITE_ITEMS, byId: new Map(SUITE_ITEMS.map((i) => [i.id, i])) };
  }
  return loaded;
}

export function getEvalItem(id: string): EvalItem | undefined {
  return loadSuite().byId.get(id);
}

function withDataUrls(m: ChatMessage): ChatMessage {
  if (!Array.isArray(m.content)) return m;
  const content = m.content.map((p) => {
    if (p.type !== 'image_url') return p;
    const name = evalImageName(p.image_url.url);
    return name ? { ...p, image_url: { ...p.image_url, url: evalImageDataUrl(name) } } : p;
  });
  return { ...m, content } as ChatMessage;
}

/** The OpenAI-format request for one item, addressed to `model` (an endpoint's model id). */
export function buildEvalRequest(item: EvalItem, model: string): ChatRequest {
  const r = item.request;
  return {
    model,
    messages: r.messages.map(withDataUrls),
    temperature: EVAL_TEMPERATURE,
    seed: EVAL_SEED,
    stream: false,
    ...(r.max_tokens ? { max_tokens: r.max_tokens } : {}),
    ...(r.tools ? { tools: r.tools } : {}),
    ...(r.tool_choice ? { tool_choice: r.tool_choice } : {}),
    ...(r.parallel_tool_calls !== undefined ? { parallel_tool_calls: r.parallel_tool_calls } : {}),
    ...(r.response_format ? { response_format: r.response_format } : {}),
  };
}

/** Header on judge requests naming `<itemId>:<testedEndpointId>`, so a simulated judge can answer. */
export const EVAL_JUDGE_HEADER = 'x-cailos-eval-judge';

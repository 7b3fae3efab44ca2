import type { ChatMessage, ChatRequest } from '../../hub';
import { appendTrace, traceLine } from '../filter';
import { classOutputEstimate, type ClassOutputEstimate } from '../output-tokens';
import { withTrustFloor } from '../provider-prefs';
import type { Requirements, RoutingContext } from '../types';

/** A flat per-image token estimate (OpenAI's high-detail tile math lands near this for typical images). */
const IMAGE_TOKENS = 765;

function textOf(m: ChatMessage): string {
  const c = m.content;
  if (typeof c === 'string') return c;
  if (!Array.isArray(c)) return '';
  return c.map((p) => (p.type === 'text' ? p.text : '')).join(' ');
}

export function countImages(req: ChatRequest): number {
  let n = 0;
  for (const m of req.messages) if (Array.isArray(m.content)) for (const p of m.content) if (p.type === 'image_url') n++;
  return n;
}

/** ~4 characters per token is the usual English estimate; tool schemas count as input too. */
export function estimateInputTokens(req: ChatRequest): number {
  let chars = 0;
  for (const m of req.messages) {
    chars += textOf(m).length + 16;
    if (m.role === 'assistant' && m.tool_calls) for (const t of m.tool_calls) chars += t.function.arguments.length + t.function.name.length;
  }
  if (req.tools) chars += JSON.stringify(req.tools).length;
  return Math.ceil(chars / 4) + countImages(req) * IMAGE_TOKENS;
}

/** `output`: the class-level output estimate (output-tokens.ts); without it, max_tokens or the chat prior. */
export function deriveRequirements(req: ChatRequest, keyMinTrust: number, output?: ClassOutputEstimate): Requirements {
  const outCap = req.max_completion_tokens ?? req.max_tokens ?? undefined;
  const out = output ?? classOutputEstimate(undefined, 'chat', outCap);
  return {
    tools:
      (req.tools?.length ?? 0) > 0 || req.messages.some((m) => m.role === 'tool' || (m.role === 'assistant' && !!m.tool_calls?.length)),
    vision: countImages(req) > 0,
    jsonSchema: req.response_format?.type === 'json_schema',
    jsonMode: req.response_format?.type === 'json_object',
    streaming: req.stream === true,
    estimatedInputTokens: estimateInputTokens(req),
    expectedOutputTokens: out.tokens,
    outputTokensSource: out.source,
    outputTokensSamples: out.samples,
    maxOutputTokens: outCap,
    minTrustLevel: Math.max(req.trust_level ?? 0, keyMinTrust),
  };
}

export function requirementsStage(ctx: RoutingContext): RoutingContext {
  // The classifier ran before the pipeline: its class is known here (stage 03 only defaults it).
  const taskClass = ctx.classification?.taskClass ?? 'chat';
  const outCap = ctx.request.max_completion_tokens ?? ctx.request.max_tokens ?? undefined;
  const output = classOutputEstimate(ctx.snapshot.outputTokens?.get(taskClass), taskClass, outCap);
  const r = withTrustFloor(deriveRequirements(ctx.request, ctx.key.settings.minTrustLevel, output), ctx.prefs);
  const needs = [r.tools && 'tools', r.vision && 'vision', r.jsonSchema && 'json_schema', r.streaming && 'streaming']
    .filter(Boolean)
    .join(', ');
  const note = `needs [${needs}], ~${r.estimatedInputTokens} in / ${Math.round(r.expectedOutputTokens)} out tokens (${outputNote(output, taskClass)}), trust >= ${r.minTrustLevel}${ctx.prefs?.trustFloor?.level === r.minTrustLevel ? ` (${ctx.prefs.trustFloor.field})` : ''}`;
  return appendTrace(ctx, traceLine('requirements', ctx.candidates.length, undefined, note), { requirements: r });
}

function outputNote(o: ClassOutputEstimate, taskClass: string): string {
  if (o.source === 'learned') return `learned for ${taskClass} from ${o.samples} answers`;
  return o.source === 'max_tokens' ? 'max_tokens' : `${taskClass} prior`;
}

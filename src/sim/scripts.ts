import type { FinishReason } from '../hub';
import { estimateTokens, promptTokens, splitPieces } from './brain';
import { createPrng } from './prng';
import type { SimRequestView, SimTurn } from './types';
import { fnv1a } from '../lib';

/**
 * SIMULATION. Scripted turns: a test (or a developer) fixes what a simulated endpoint answers, so
 * the same logical answer can be rendered by every wire format and compared on the OpenAI side.
 * Held in isolate memory, like the fault registry.
 */
export interface SimScript {
  text?: string;
  toolCalls?: { name: string; arguments: string }[];
  finishReason?: FinishReason;
  /** Answer this many requests, then drop the script. Unlimited when omitted. */
  times?: number;
}

const scripts = new Map<string, SimScript>();

export function setSimScript(target: string, script: SimScript): void {
  scripts.set(target, { ...script });
}

export function clearSimScripts(): void {
  scripts.clear();
}

export function listSimScripts(): { target: string; script: SimScript }[] {
  return [...scripts.entries()].map(([target, script]) => ({ target, script }));
}

/** The most specific script: endpoint id, then provider prefix (`groq/`), then `*`. */
export function takeScript(endpointId: string): SimScript | undefined {
  const provider = endpointId.slice(0, endpointId.indexOf('/') + 1);
  for (const target of [endpointId, provider, '*']) {
    const script = scripts.get(target);
    if (!script) continue;
    if (script.times !== undefined) {
      script.times -= 1;
      if (script.times <= 0) scripts.delete(target);
    }
    return script;
  }
  return undefined;
}

export function scriptedTurn(script: SimScript, view: SimRequestView): SimTurn {
  const text = script.text ?? '';
  // Ids depend only on the script, so every endpoint that plays it issues the same ids.
  const toolCalls = (script.toolCalls ?? []).map((call, i) => ({
    id: `call_script${i}_${fnv1a(call.name + call.arguments).toString(36)}`,
    ...call,
  }));
  const completion = estimateTokens(text) + toolCalls.reduce((sum, c) => sum + estimateTokens(c.arguments), 0);
  return {
    text,
    toolCalls,
    finishReason: script.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop'),
    usage: { promptTokens: promptTokens(view), completionTokens: completion },
    textPieces: splitPieces(text, createPrng(fnv1a(text))),
  };
}

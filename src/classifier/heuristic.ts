/**
 * Keyword fallback used when the model cannot load (source: 'heuristic'). Each class has a few weighted
 * patterns; a class's score is the sum of the weights of the patterns found in the prompt, `chat` starts with a
 * small prior (the safe default for an unknown prompt), and probabilities are softmax(2·score). Complexity is
 * a prior of 0.25 plus small increments for length, code blocks and words that signal multi-step work, capped
 * at 0.9: it only has to keep obviously hard prompts off `cost`.
 */
import { logSoftmax } from './math';
import type { TextScores } from './types';
import { TEXT_CLASSES, type TextClass } from '../hub';

type Rule = [RegExp, number];

const RULES: Record<TextClass, Rule[]> = {
  sql: [
    [/\b(sql|postgres(ql)?|mysql|sqlite|bigquery|snowflake|redshift|t-sql)\b/i, 1.5],
    [/\b(select\s.+\sfrom|group by|left join|inner join|where clause|cte|window function)\b/i, 1.2],
    [/\b(query|table|tables|schema|column)\b/i, 0.4],
  ],
  debugging: [
    [/\b(error|exception|traceback|stack ?trace|segfault|segmentation fault|panic:)\b/i, 1.0],
    [/\b(bug|debug|fix|crash(es|ing)?|fails?|failing|broken|doesn'?t work|not working|why does)\b/i, 0.9],
    [/```|\n\s{2,}\S|;\s*$|\bdef |\bfunction\b|=>/m, 0.3],
  ],
  code_generation: [
    [/\b(write|implement|create|build|generate)\b.{0,40}\b(function|class|script|program|api|endpoint|component|code|module|cli)\b/i, 1.5],
    [/\b(python|javascript|typescript|java|golang|rust|c\+\+|c#|ruby|php|kotlin|swift|bash)\b/i, 0.4],
  ],
  math: [
    [/\b(solve|equation|integral|derivative|probability|calculate|compute|how many|how much)\b/i, 0.8],
    [/\$[^$]+\$|\d+\s*[-+*/^=]\s*\d+|\bx\^?2\b/, 0.9],
    [/\b(prove|theorem|lemma)\b/i, 0.6],
  ],
  reasoning: [
    [/\b(which of the following|choose the (best|correct)|answer choices?|A\)|\(A\))/i, 1.3],
    [/\b(logic|puzzle|riddle|deduce|infer|step by step|explain why)\b/i, 0.7],
  ],
  creative_writing: [
    [/\b(story|poem|haiku|sonnet|limerick|lyrics|song|screenplay|fiction|toast|slogan|tagline)\b/i, 1.6],
    [/\b(write|compose|imagine|invent)\b/i, 0.3],
  ],
  summarization: [[/\b(summari[sz]e|summary|tl;?dr|key points|gist|condense|recap|abstract)\b/i, 1.8]],
  translation: [
    [/\b(translat\w*|in (french|spanish|german|italian|japanese|chinese|korean|portuguese|russian|arabic|dutch)|how do you say)\b/i, 1.8],
  ],
  extraction: [
    [/\b(extract|pull out|parse|fill (in )?(the )?(fields|schema)|named entit\w*|as json|return json|json object|structured)\b/i, 1.6],
  ],
  classification: [[/\b(classif\w*|categori[sz]e|label (each|this|the)|sentiment|spam or|which category|tag (this|each))\b/i, 1.6]],
  chat: [
    [/^(hi|hello|hey|thanks|thank you|good (morning|evening))\b/i, 1.0],
    [/\?\s*$/, 0.3],
  ],
  tool_use: [
    [
      /\b(use the .{0,20}tool|call (the )?\w+ (function|api|tool)|function call|tools? available|you have access to|book (me|a)|send (an? )?(email|message)|schedule|set a reminder|agent)\b/i,
      1.6,
    ],
  ],
};
const PRIOR: Partial<Record<TextClass, number>> = { chat: 0.5 };

export function heuristicScores(text: string): TextScores {
  const t = text.length > 8_000 ? `${text.slice(0, 4_000)}\n${text.slice(-4_000)}` : text;
  const scores = TEXT_CLASSES.map((c) => RULES[c].reduce((sum, [re, w]) => (re.test(t) ? sum + w : sum), PRIOR[c] ?? 0));
  let complexity = 0.25;
  if (text.length > 2_000) complexity += 0.1;
  if (text.length > 10_000) complexity += 0.1;
  if (/```/.test(text)) complexity += 0.1;
  if (/\b(prove|optimi[sz]e|architecture|trade-?offs?|step by step|multi-step|concurren\w*|distributed)\b/i.test(t)) complexity += 0.2;
  return { classLogProbs: logSoftmax(scores.map((s) => 2 * s)), complexity: Math.min(0.9, complexity) };
}

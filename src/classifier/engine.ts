/**
 * Model-side pre/post-processing shared by the Worker and the Node CLI: tokenize, head+tail truncate, run the
 * ONNX session, turn outputs into log-probabilities and a complexity probability. It receives the ORT module
 * and the session from its caller so that it never imports onnxruntime itself.
 */
import { Tokenizer } from '@huggingface/tokenizers';
import type * as Ort from 'onnxruntime-web';
import { logSoftmax, sigmoid } from './math';
import type { TextScores } from './types';
import { memoizeWordPieces } from './word-cache';
import { TEXT_CLASSES } from '../hub';

export interface ModelLabels {
  classes: string[];
  maxTokens: number;
  headTokens: number;
  /** Characters kept at each end of a long prompt before tokenizing (training/common.py CHAR_WINDOW). */
  charWindow?: number;
  padId: number;
  inputs: string[];
  outputs: string[];
}

export interface IntentEngine {
  score(text: string): Promise<TextScores>;
  tokenize(text: string): number[];
}

/** Tokenizing a 1 MB prompt to keep ~100 tokens is waste: cut characters first, generously. */
const DEFAULT_CHAR_WINDOW = 400;

export function headTail<T>(items: T[], max: number, head: number): T[] {
  if (items.length <= max) return items;
  return [...items.slice(0, head), ...items.slice(items.length - (max - head))];
}

export function charWindow(text: string, window = DEFAULT_CHAR_WINDOW): string {
  if (text.length <= 2 * window) return text;
  return `${text.slice(0, window)} ${text.slice(text.length - window)}`;
}

export function createIntentEngine(opts: {
  ort: typeof Ort;
  session: Ort.InferenceSession;
  tokenizerJson: object;
  labels: ModelLabels;
}): IntentEngine {
  const { ort, session, labels } = opts;
  if (labels.classes.join() !== TEXT_CLASSES.join()) {
    throw new Error('model labels do not match TEXT_CLASSES');
  }
  const tokenizer = new Tokenizer(opts.tokenizerJson, {});
  memoizeWordPieces(tokenizer);
  const [idsName] = labels.inputs;
  const [logitsName, complexityName] = labels.outputs;

  function tokenize(text: string): number[] {
    const ids = tokenizer.encode(charWindow(text, labels.charWindow), { add_special_tokens: false }).ids;
    const cut = headTail(ids, labels.maxTokens, labels.headTokens);
    return cut.length > 0 ? cut : [1]; // <unk> keeps empty prompts well-defined
  }

  return {
    tokenize,
    async score(text: string): Promise<TextScores> {
      const ids = tokenize(text);
      const n = ids.length;
      // One unpadded sequence: the export (training/common.py SingleSequenceEncoder) takes no mask.
      const out = await session.run({
        [idsName]: new ort.Tensor(
          'int64',
          BigInt64Array.from(ids, (x) => BigInt(x)),
          [1, n],
        ),
      });
      const logits = out[logitsName].data as Float32Array;
      const complexityLogit = (out[complexityName].data as Float32Array)[0];
      return { classLogProbs: logSoftmax(logits), complexity: sigmoid(complexityLogit) };
    },
  };
}

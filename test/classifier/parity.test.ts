import { describe, expect, it } from 'vitest';
import modelBytes from '../../src/classifier/model/intent.bin';
import { createIntentEngine } from '../../src/classifier/engine';
import { promptFeatures, tokenize, type TokenConfig } from '../../src/classifier/features';
import reference from './fixtures/parity.json';

/**
 * The Worker's int8 TypeScript engine against the float PyTorch model it was exported from
 * (training/export.py writes the fixture: texts this repository owns, several languages, code, long and empty
 * prompts). Same tokens, same whole-prompt features, same class, probabilities within int8 rounding.
 */
interface Ref {
  text: string;
  hasTools: boolean;
  tokens: string[];
  features: number[];
  probs: number[];
  complexityLogit: number;
}
const refs = reference as Ref[];
const engine = createIntentEngine(modelBytes);
const header = JSON.parse(new TextDecoder().decode(new Uint8Array(modelBytes, 8, new DataView(modelBytes).getUint32(4, true))));
const cfg = header.tokens as TokenConfig;
const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
/** The share of tokens with a pretrained row: the engine's to compute (vocabulary lookups), passed through here. */
const KNOWN_SHARE = 19;

describe('intent model parity with training', () => {
  it('tokenizes exactly as training/features.py', () => {
    for (const r of refs)
      expect(
        tokenize(r.text, cfg).map((t) => t.text),
        r.text.slice(0, 60),
      ).toEqual(r.tokens);
  });

  it('computes the same whole-prompt features as training/features.py', () => {
    for (const r of refs) {
      const out = new Float32Array(r.features.length);
      promptFeatures(r.text, r.hasTools, Math.max(1, r.tokens.length), r.features[KNOWN_SHARE], cfg, out);
      out.forEach((x, i) => expect(Math.abs(x - r.features[i]), `${r.text.slice(0, 60)} feature ${i}`).toBeLessThan(1e-5));
    }
  });

  it('predicts the same class, probabilities within 0.02 and complexity within 0.02', () => {
    expect(refs.length).toBeGreaterThan(50);
    for (const r of refs) {
      const s = engine.score(r.text, r.hasTools);
      const probs = s.classLogProbs.map(Math.exp);
      expect(argmax(probs), r.text.slice(0, 60)).toBe(argmax(r.probs));
      for (let i = 0; i < probs.length; i++) expect(Math.abs(probs[i] - r.probs[i])).toBeLessThan(0.02);
      expect(Math.abs(s.complexity - 1 / (1 + Math.exp(-r.complexityLogit)))).toBeLessThan(0.02);
    }
  });
});

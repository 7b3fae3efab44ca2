import { describe, expect, it } from 'vitest';
import { candidateMask, isLowerText, tokenize } from '../../src/shield/model/features';
import { tagPersons } from '../../src/shield/model/tagger';

const judged = (text: string) => {
  const tokens = tokenize(text);
  const mask = candidateMask(text, tokens, isLowerText(text, tokens));
  return tokens.filter((_, i) => mask[i]).map((t) => text.slice(t.start, t.end));
};
const names = (text: string) => tagPersons(text).map((d) => text.slice(d.start, d.end));

describe('name forms the tagger reads', () => {
  it('judges a surname written with its particle glued on, but not ordinary lower-case words', () => {
    const t = "Keys for Tavita deLuca and Odile d'Orbay are at the Front Desk.";
    expect(judged(t)).toEqual(expect.arrayContaining(['deLuca', "d'Orbay"]));
    expect(judged(t)).not.toContain('are');
    expect(judged(t)).not.toContain('for');
    // Lower-case words that merely start like a particle are not name words.
    expect(judged('Keys are in the Desk drawer, delivered by Tuesday.')).not.toContain('delivered');
  });

  it('keeps a middle initial written without a period inside the name', () => {
    const t = 'The lease was signed by Mereana I Kopua and witnessed by the agent.';
    const found = names(t);
    expect(found.some((n) => n.includes('Mereana') && n.includes('Kopua'))).toBe(true);
  });

  it('does not join two names over a lone capital that is no initial of theirs', () => {
    const t = 'Send it to Mereana. I think Kopua has it.';
    expect(names(t).every((n) => !n.includes('.') && !n.includes(' I '))).toBe(true);
  });
});

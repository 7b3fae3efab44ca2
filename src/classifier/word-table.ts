/**
 * Slots of the distinct tokens an engine has met (at most `slots`; when full it starts over), looked up by a
 * token's characters in place in the prompt: a token already met costs a hash of its characters and one
 * comparison, with no string built. Open addressing over a power-of-two index at most half full.
 */
export class WordTable {
  private readonly index: Int32Array;
  private readonly mask: number;
  private readonly hashes: Uint32Array;
  private readonly kinds: Uint8Array;
  private readonly words: string[];
  private size = 0;
  /** Where the last missed lookup ended: the empty index entry `insert` fills. */
  private probe = 0;
  private probeHash = 0;

  constructor(readonly slots: number) {
    let cap = 1;
    while (cap < 2 * slots) cap *= 2;
    this.index = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.hashes = new Uint32Array(slots);
    this.kinds = new Uint8Array(slots);
    this.words = new Array<string>(slots).fill('');
  }

  /** The slot of token `t[start, end)` of `kind`, or -1 (then `insert` adds it). */
  find(t: string, start: number, end: number, kind: number): number {
    let h = Math.imul(0x811c9dc5 ^ kind, 16777619) >>> 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619) >>> 0;
    const len = end - start;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const s = this.index[i];
      if (s < 0) {
        this.probe = i;
        this.probeHash = h;
        return -1;
      }
      if (this.hashes[s] !== h || this.kinds[s] !== kind) continue;
      const w = this.words[s];
      if (w.length !== len) continue;
      let k = 0;
      while (k < len && w.charCodeAt(k) === t.charCodeAt(start + k)) k++;
      if (k === len) return s;
    }
  }

  /** Adds the token the last `find` missed (`word` is its text); returns its new slot. */
  insert(word: string, kind: number): number {
    const h = this.probeHash;
    let at = this.probe;
    if (this.size >= this.slots) {
      this.index.fill(-1);
      this.size = 0;
      at = h & this.mask;
    }
    const s = this.size++;
    this.index[at] = s;
    this.hashes[s] = h;
    this.kinds[s] = kind;
    this.words[s] = word;
    return s;
  }
}

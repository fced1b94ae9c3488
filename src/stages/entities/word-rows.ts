/**
 * Emission scores of the shipped model, with the weight sums of word-only features kept per
 * word. Scoring a token reads 35 rows of a table far larger than the CPU's caches, one cache
 * miss each, and that dominated the stage; but 24 of the 35 features depend on one word alone
 * (features.ts, `WORD_FEATURE_GROUPS`), and news repeats its words, so each word's sums are
 * built once and reused, and only the 10 context features are looked up per token.
 *
 * Exact only for integer weights (the shipped int16 model): integer sums under 2^24 are the
 * same in any order, so the scores equal the direct ones bit for bit. Float weights (training)
 * take the direct path.
 */
import type { Token } from "../../core/annotations.ts";
import { type SentenceFeatures, STATIC_FEATURES, WORD_FEATURE_GROUPS } from "./features.ts";

const SELF = 0;
const PREV1 = 1;
const NEXT1 = 2;
const PREV2 = 3;
const NEXT2 = 4;
const GROUPS = 5;
const OFFSETS: readonly Int32Array[] = [
  Int32Array.from(WORD_FEATURE_GROUPS.self),
  Int32Array.from(WORD_FEATURE_GROUPS.prev1),
  Int32Array.from(WORD_FEATURE_GROUPS.next1),
  Int32Array.from(WORD_FEATURE_GROUPS.prev2),
  Int32Array.from(WORD_FEATURE_GROUPS.next2),
];
const CONTEXT = Int32Array.from(WORD_FEATURE_GROUPS.context);

/**
 * Words kept (~340 bytes each with 17 labels): news vocabulary beyond this is rare words,
 * scored directly; the bound keeps a long-running process's memory flat.
 */
const MAX_WORDS = 1 << 16;

export class WordRows {
  /** Word hash (30 bits, so keys stay small integers) → slot. */
  private readonly slots = new Map<number, number>();
  private readonly words: string[] = [];
  /** Per slot, a bit per group whose sums are built (each on first need, from a real row). */
  private filled = new Uint8Array(1024);
  /** Per slot and group, `nl` summed weights. */
  private sums: Int32Array;
  private slot = new Int32Array(64);
  private readonly acc: Int32Array;

  constructor(
    private readonly w: Int16Array,
    private readonly mask: number,
    private readonly nl: number,
  ) {
    this.sums = new Int32Array(this.filled.length * GROUPS * nl);
    this.acc = new Int32Array(nl);
  }

  /** Write the emission score of label `l` at token `i` of the prepared sentence to `out[i * nl + l]`. */
  emissions(
    text: string,
    tokens: readonly Token[],
    from: number,
    sf: SentenceFeatures,
    out: Float32Array,
  ): void {
    const n = sf.n;
    const nl = this.nl;
    if (this.slot.length < n) this.slot = new Int32Array(n * 2);
    const slot = this.slot;
    for (let i = 0; i < n; i++)
      slot[i] = this.slotOf(text, tokens[from + i] as Token, sf.word[i] as number);
    const acc = this.acc;
    for (let i = 0; i < n; i++) {
      acc.fill(0);
      this.addGroup(sf, i, slot[i] as number, SELF);
      // At the sentence's edges the neighbour features hold BOS / EOS: rows read directly.
      if (i > 0) this.addGroup(sf, i, slot[i - 1] as number, PREV1);
      else this.addRows(sf, i, OFFSETS[PREV1] as Int32Array, acc, 0);
      if (i > 1) this.addGroup(sf, i, slot[i - 2] as number, PREV2);
      else this.addRows(sf, i, OFFSETS[PREV2] as Int32Array, acc, 0);
      if (i + 1 < n) this.addGroup(sf, i, slot[i + 1] as number, NEXT1);
      else this.addRows(sf, i, OFFSETS[NEXT1] as Int32Array, acc, 0);
      if (i + 2 < n) this.addGroup(sf, i, slot[i + 2] as number, NEXT2);
      else this.addRows(sf, i, OFFSETS[NEXT2] as Int32Array, acc, 0);
      this.addRows(sf, i, CONTEXT, acc, 0);
      const o = i * nl;
      for (let l = 0; l < nl; l++) out[o + l] = acc[l] as number;
    }
  }

  /** The slot of a token's word, or -1 when it is not kept (table full, or a hash clash). */
  private slotOf(text: string, t: Token, wordHash: number): number {
    const key = wordHash & 0x3fffffff;
    const known = this.slots.get(key);
    if (known !== undefined) {
      const word = this.words[known] as string;
      if (word.length !== t.end - t.start) return -1;
      for (let k = 0; k < word.length; k++)
        if (word.charCodeAt(k) !== text.charCodeAt(t.start + k)) return -1;
      return known;
    }
    const s = this.words.length;
    if (s >= MAX_WORDS) return -1;
    if (s >= this.filled.length) {
      const filled = new Uint8Array(this.filled.length * 2);
      filled.set(this.filled);
      this.filled = filled;
      const sums = new Int32Array(filled.length * GROUPS * this.nl);
      sums.set(this.sums);
      this.sums = sums;
    }
    this.words.push(text.slice(t.start, t.end));
    this.slots.set(key, s);
    return s;
  }

  /** Add group `g` of token `i`'s features, whose word is in `slot`, to the accumulator. */
  private addGroup(sf: SentenceFeatures, i: number, slot: number, g: number): void {
    const offsets = OFFSETS[g] as Int32Array;
    if (slot < 0) {
      this.addRows(sf, i, offsets, this.acc, 0);
      return;
    }
    const nl = this.nl;
    const base = (slot * GROUPS + g) * nl;
    const bit = 1 << g;
    if (((this.filled[slot] as number) & bit) === 0) {
      this.sums.fill(0, base, base + nl);
      this.addRows(sf, i, offsets, this.sums, base);
      this.filled[slot] = (this.filled[slot] as number) | bit;
    }
    const sums = this.sums;
    const acc = this.acc;
    for (let l = 0; l < nl; l++) acc[l] = (acc[l] as number) + (sums[base + l] as number);
  }

  /** Add the weight rows of token `i`'s features at `offsets` to `dest[at, at + nl)`. */
  private addRows(
    sf: SentenceFeatures,
    i: number,
    offsets: Int32Array,
    dest: Int32Array,
    at: number,
  ): void {
    // The sentence was prepared lazily: its word features are hashed only where read.
    if (offsets !== CONTEXT) sf.wordFeatures(i);
    const feats = sf.feats;
    const w = this.w;
    const nl = this.nl;
    const mask = this.mask;
    const o = i * STATIC_FEATURES;
    for (let k = 0; k < offsets.length; k++) {
      const base = ((feats[o + (offsets[k] as number)] as number) & mask) * nl;
      for (let l = 0; l < nl; l++)
        dest[at + l] = (dest[at + l] as number) + (w[base + l] as number);
    }
  }
}

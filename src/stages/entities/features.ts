/**
 * Token features of the NER tagger, as hashed integers. Per sentence, every token's word,
 * lowercase form, shape, affixes and gazetteer tag are hashed once (`prepare`); the label-free
 * features of a token are then mixes of a template id with those hashes (`staticFeatures`),
 * and the few features that depend on the previous labels are added during decoding.
 */
import type { Token } from "../../core/annotations.ts";
import * as hash from "./hash.ts";

// Module-local aliases: the loader may expose imports through getters, and these run for
// every character and feature of every article.
const FNV_START = hash.FNV_START;
const fnvStep = hash.fnvStep;
const hashLowerSlice = hash.hashLowerSlice;
const lowerCode = hash.lowerCode;
const mix = hash.mix;
const mix3 = hash.mix3;
const seqHash = hash.seqHash;
const hashSlice = hash.hashSlice;

/**
 * Gazetteer categories of multi-token phrases. A phrase's entry is a bitmask of the lists it
 * is in (`1 << category`); a token gets `mask * 2 + (begin ? 1 : 0)`.
 */
export const PHRASE = {
  country: 1,
  demonym: 2,
  city: 3,
  region: 4,
  state: 5,
  actor: 6,
  title: 7,
  firstName: 8,
  lastName: 9,
  person: 10,
  org: 11,
} as const;

/** Single-word cues. */
export const CUE = {
  orgWord: 1,
  locWord: 2,
  facWord: 3,
  honorific: 4,
} as const;

/** Whether a phrase bitmask includes a category. */
export function inPhraseList(mask: number, category: number): boolean {
  return (mask & (1 << category)) !== 0;
}

/** Several phrase categories as one bitmask, made once, for `inAnyPhraseList`. */
export function phraseSet(...categories: number[]): number {
  let set = 0;
  for (const category of categories) set |= 1 << category;
  return set;
}

/** Whether a phrase bitmask includes any category of `set` (from `phraseSet`). */
export function inAnyPhraseList(mask: number, set: number): boolean {
  return (mask & set) !== 0;
}

/** Longest gazetteer phrase, in tokens. */
export const MAX_PHRASE_TOKENS = 6;

/**
 * What the features look words up in. Built at training time and stored inside the model, so
 * training and tagging see exactly the same gazetteer.
 */
export interface FeatureLexicon {
  /** Sequence hash of a lowercased token phrase → bitmask of PHRASE categories. */
  phrases: Map<number, number>;
  /** Sequence hashes of every proper prefix of a phrase, so matching stops early. */
  prefixes: Set<number>;
  /** Lowercase word hash → CUE category. */
  cues: Map<number, number>;
  /** Bitset over lowercase word hashes: words seen in lowercase in running text. */
  lowercaseWords: Uint32Array;
}

export const LOWERCASE_BITS = 1 << 20;

export function hasLowercaseWord(lex: FeatureLexicon, h: number): boolean {
  const bit = h & (LOWERCASE_BITS - 1);
  return ((lex.lowercaseWords[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

/**
 * A bitset over the keys of a lexicon's phrases, prefixes and cues. A clear bit means no map
 * holds the key, so the look-ups it saves would all have missed; the maps' keys are mostly
 * above V8's small-integer range, which makes each look-up box a number.
 */
const KEY_FILTER_BITS = 1 << 20;

function keyFilterOf(lex: FeatureLexicon): Uint32Array {
  const bits = new Uint32Array(KEY_FILTER_BITS / 32);
  const add = (h: number) => {
    const bit = h & (KEY_FILTER_BITS - 1);
    bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
  };
  for (const h of lex.phrases.keys()) add(h);
  for (const h of lex.prefixes) add(h);
  for (const h of lex.cues.keys()) add(h);
  return bits;
}

function mayHaveKey(bits: Uint32Array, h: number): boolean {
  const bit = h & (KEY_FILTER_BITS - 1);
  return ((bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

export function addLowercaseWord(bits: Uint32Array, h: number): void {
  const bit = h & (LOWERCASE_BITS - 1);
  bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
}

// Template ids: arbitrary distinct constants.
const T = {
  bias: 1,
  lower: 2,
  word: 3,
  lowerM1: 4,
  lowerP1: 5,
  lowerM2: 6,
  lowerP2: 7,
  shape: 8,
  shapeM1: 9,
  shapeP1: 10,
  pre1: 11,
  pre2: 12,
  pre3: 13,
  pre4: 14,
  suf1: 15,
  suf2: 16,
  suf3: 17,
  suf4: 18,
  shapeTri: 19,
  bigramL: 20,
  bigramR: 21,
  gaz: 22,
  gazM1: 23,
  gazP1: 24,
  initialShape: 25,
  initialLower: 26,
  cue: 27,
  cueM1: 28,
  cueP1: 29,
  wordM1: 30,
  wordP1: 31,
  cueP2: 32,
  lowerKnown: 33,
  capRun: 34,
  capRunLen: 35,
  prev: 40,
  prev2: 41,
  prevLower: 42,
  prevShape: 43,
} as const;

/** Number of label-free features per token (fixed, so buffers can be flat). */
export const STATIC_FEATURES = 35;

/**
 * The static features (offsets into a token's row of `feats`) that depend on one word alone,
 * by whose word: the token's own (`self`), the one before (`prev1`), after (`next1`), two
 * before (`prev2`) or two after (`next2`). The tagger sums their weights once per word and
 * reuses the sums (model.ts, `WordRows`), so the rest of `fill` must keep them so: a feature
 * that also reads the context belongs in `context`. Together the groups cover every offset
 * once (a test checks, and that cached scores equal the direct sums).
 */
export const WORD_FEATURE_GROUPS = {
  // The bias (0) is the same for every word, so it rides along with the word's own.
  self: [0, 1, 2, 7, 10, 11, 12, 13, 14, 15, 16, 17, 26, 32],
  prev1: [3, 8, 27, 29],
  next1: [4, 9, 28, 30],
  prev2: [5],
  next2: [6, 31],
  context: [18, 19, 20, 21, 22, 23, 24, 25, 33, 34],
} as const;

/** Per-sentence token hashes, reused across sentences to avoid allocation. */
export class SentenceFeatures {
  n = 0;
  lower = new Int32Array(64);
  word = new Int32Array(64);
  shape = new Int32Array(64);
  gaz = new Int32Array(64);
  cue = new Int32Array(64);
  known = new Int32Array(64);
  /**
   * Plain lowercase words (a-z only, not a connector such as `of` or `al`): never part of a
   * name, so the Viterbi tagger labels them O without scoring them.
   */
  plain = new Uint8Array(64);
  /** Position in, and length of, the run of capitalised words (and connectors) a token is in. */
  runPos = new Int32Array(64);
  runLen = new Int32Array(64);
  affix = new Int32Array(64 * 8);
  /** Flat buffer: STATIC_FEATURES hashes per token. */
  feats = new Int32Array(64 * STATIC_FEATURES);
  /** The key filter of the lexicon last prepared with (a tagger or trainer keeps one lexicon). */
  private keysLex: FeatureLexicon | null = null;
  private keys: Uint32Array = new Uint32Array(0);

  private grow(n: number): void {
    if (n <= this.lower.length) return;
    let size = this.lower.length;
    while (size < n) size *= 2;
    this.lower = new Int32Array(size);
    this.word = new Int32Array(size);
    this.shape = new Int32Array(size);
    this.gaz = new Int32Array(size);
    this.cue = new Int32Array(size);
    this.known = new Int32Array(size);
    this.plain = new Uint8Array(size);
    this.runPos = new Int32Array(size);
    this.runLen = new Int32Array(size);
    this.affix = new Int32Array(size * 8);
    this.feats = new Int32Array(size * STATIC_FEATURES);
  }

  /**
   * Hash the tokens `tokens[from, to)` of `text` as one sentence and fill `feats`. With
   * `lazy`, only the context features are filled; the word features (`WORD_FEATURE_GROUPS`)
   * of a token are filled when `wordFeatures(i)` asks (the tagger needs them only for words
   * whose sums it does not keep yet).
   */
  prepare(
    text: string,
    tokens: readonly Token[],
    from: number,
    to: number,
    lex: FeatureLexicon,
    lazy = false,
  ): void {
    const n = to - from;
    this.grow(n);
    this.n = n;
    if (this.keysLex !== lex) {
      this.keys = keyFilterOf(lex);
      this.keysLex = lex;
    }
    const keys = this.keys;
    for (let i = 0; i < n; i++) {
      const tok = tokens[from + i] as Token;
      this.hashToken(text, tok.start, tok.end, i);
      const lower = this.lower[i] as number;
      this.cue[i] = mayHaveKey(keys, lower) ? (lex.cues.get(lower >>> 0) ?? 0) : 0;
      this.known[i] = hasLowercaseWord(lex, this.lower[i] as number) ? 1 : 0;
      this.gaz[i] = 0;
    }
    this.matchPhrases(lex, keys);
    this.fill(text, tokens, from);
    if (this.wordDone.length < this.lower.length) this.wordDone = new Uint8Array(this.lower.length);
    this.wordDone.fill(0, 0, n);
    if (!lazy) for (let i = 0; i < n; i++) this.wordFeatures(i);
  }

  /** Whether token `i`'s word features are in `feats` (see `prepare`). */
  private wordDone = new Uint8Array(64);

  /** Fill token `i`'s word features (`WORD_FEATURE_GROUPS` but `context`), once per sentence. */
  wordFeatures(i: number): void {
    if (this.wordDone[i] === 1) return;
    this.wordDone[i] = 1;
    const n = this.n;
    const f = this.feats;
    const o = i * STATIC_FEATURES;
    const a = i * 8;
    const lower = this.lower[i] as number;
    const shape = this.shape[i] as number;
    f[o] = T.bias;
    f[o + 1] = mix(T.lower, lower);
    f[o + 2] = mix(T.word, this.word[i] as number);
    f[o + 3] = mix(T.lowerM1, i > 0 ? (this.lower[i - 1] as number) : BOS);
    f[o + 4] = mix(T.lowerP1, i + 1 < n ? (this.lower[i + 1] as number) : EOS);
    f[o + 5] = mix(T.lowerM2, i > 1 ? (this.lower[i - 2] as number) : BOS);
    f[o + 6] = mix(T.lowerP2, i + 2 < n ? (this.lower[i + 2] as number) : EOS);
    f[o + 7] = mix(T.shape, shape);
    f[o + 8] = mix(T.shapeM1, i > 0 ? (this.shape[i - 1] as number) : BOS);
    f[o + 9] = mix(T.shapeP1, i + 1 < n ? (this.shape[i + 1] as number) : EOS);
    f[o + 10] = mix(T.pre1, this.affix[a] as number);
    f[o + 11] = mix(T.pre2, this.affix[a + 1] as number);
    f[o + 12] = mix(T.pre3, this.affix[a + 2] as number);
    f[o + 13] = mix(T.pre4, this.affix[a + 3] as number);
    f[o + 14] = mix(T.suf1, this.affix[a + 4] as number);
    f[o + 15] = mix(T.suf2, this.affix[a + 5] as number);
    f[o + 16] = mix(T.suf3, this.affix[a + 6] as number);
    f[o + 17] = mix(T.suf4, this.affix[a + 7] as number);
    f[o + 26] = mix(T.cue, this.cue[i] as number);
    f[o + 27] = mix(T.cueM1, i > 0 ? (this.cue[i - 1] as number) : -1);
    f[o + 28] = mix(T.cueP1, i + 1 < n ? (this.cue[i + 1] as number) : -1);
    f[o + 29] = mix(T.wordM1, i > 0 ? (this.word[i - 1] as number) : BOS);
    f[o + 30] = mix(T.wordP1, i + 1 < n ? (this.word[i + 1] as number) : EOS);
    f[o + 31] = mix(T.cueP2, i + 2 < n ? (this.cue[i + 2] as number) : -1);
    f[o + 32] = mix3(T.lowerKnown, this.known[i] as number, shape);
  }

  private hashToken(text: string, start: number, end: number, i: number): void {
    let hw = FNV_START;
    let hl = FNV_START;
    let hs = FNV_START;
    let lastClass = -1;
    let shapeLen = 0;
    let lowerOnly = true;
    const len = end - start;
    const a = i * 8;
    // Prefixes of the lowercase form, 1..4 characters.
    for (let k = 0; k < 4; k++) this.affix[a + k] = 0;
    for (let k = 0; k < len; k++) {
      const c = text.charCodeAt(start + k);
      hw = fnvStep(hw, c);
      if (c < 97 || c > 122) lowerOnly = false;
      const lc = lowerCode(c);
      hl = fnvStep(hl, lc);
      if (k < 4) this.affix[a + k] = hl;
      let cls: number;
      if (c >= 65 && c <= 90)
        cls = 88; // X
      else if (c >= 97 && c <= 122)
        cls = 120; // x
      else if (c >= 48 && c <= 57)
        cls = 100; // d
      else if (c > 127)
        cls = lc !== c ? 88 : String.fromCharCode(c).toUpperCase().charCodeAt(0) !== c ? 120 : c;
      else cls = c;
      // Collapse runs, but keep up to two of a class so "Xx" (short word) differs from "X".
      if (cls !== lastClass) {
        hs = fnvStep(hs, cls);
        lastClass = cls;
        shapeLen = 1;
      } else if (shapeLen < 2) {
        hs = fnvStep(hs, cls);
        shapeLen++;
      }
    }
    this.word[i] = hw;
    this.lower[i] = hl;
    this.shape[i] = hs;
    this.plain[i] = lowerOnly && len >= 2 && !CONNECTOR_HASHES.has(hl >>> 0) ? 1 : 0;
    // Suffixes of the lowercase form, 1..4 characters (hashed back to front).
    let hsuf = FNV_START;
    for (let k = 0; k < 4; k++) {
      if (k < len) hsuf = fnvStep(hsuf, lowerCode(text.charCodeAt(end - 1 - k)));
      this.affix[a + 4 + k] = k < len ? hsuf : 0;
    }
  }

  /** Longest-match gazetteer phrases over the sentence. */
  private matchPhrases(lex: FeatureLexicon, keys: Uint32Array): void {
    const n = this.n;
    let i = 0;
    while (i < n) {
      let h = 0;
      let bestLen = 0;
      let bestCat = 0;
      for (let k = 0; k < MAX_PHRASE_TOKENS && i + k < n; k++) {
        h = seqHash(h, this.lower[i + k] as number);
        // Most words start no phrase: one bit says so without two map look-ups.
        if (!mayHaveKey(keys, h)) break;
        const cat = lex.phrases.get(h >>> 0);
        if (cat !== undefined) {
          bestLen = k + 1;
          bestCat = cat;
        }
        if (!lex.prefixes.has(h >>> 0)) break;
      }
      if (bestLen > 0) {
        for (let k = 0; k < bestLen; k++) this.gaz[i + k] = bestCat * 2 + (k === 0 ? 1 : 0);
        i += bestLen;
      } else i++;
    }
  }

  /**
   * Runs of capitalised words, with `of`, `the`, `and`, `&` and `-` inside them
   * (`Daughters of the American Revolution`): where a token sits in its run, and how long the
   * run is, tell name boundaries. Tokens outside a run get length 0.
   */
  private capitalRuns(text: string, tokens: readonly Token[], from: number): void {
    const n = this.n;
    let i = 0;
    while (i < n) {
      if (!capitalWord(text, tokens[from + i] as Token)) {
        this.runPos[i] = 0;
        this.runLen[i] = 0;
        i++;
        continue;
      }
      let j = i + 1;
      let end = j;
      while (j < n) {
        const t = tokens[from + j] as Token;
        if (capitalWord(text, t)) end = ++j;
        else if (j - i < 8 && RUN_JOINERS.has(text.slice(t.start, t.end))) j++;
        else break;
      }
      for (let k = i; k < end; k++) {
        this.runPos[k] = k - i;
        this.runLen[k] = end - i;
      }
      for (let k = end; k < j; k++) {
        this.runPos[k] = 0;
        this.runLen[k] = 0;
      }
      i = Math.max(end, i + 1);
    }
  }

  /** The context features (`WORD_FEATURE_GROUPS.context`) of every token. */
  private fill(text: string, tokens: readonly Token[], from: number): void {
    const n = this.n;
    this.capitalRuns(text, tokens, from);
    const f = this.feats;
    for (let i = 0; i < n; i++) {
      const o = i * STATIC_FEATURES;
      const lower = this.lower[i] as number;
      const shape = this.shape[i] as number;
      const lowerM1 = i > 0 ? (this.lower[i - 1] as number) : BOS;
      const lowerP1 = i + 1 < n ? (this.lower[i + 1] as number) : EOS;
      const shapeM1 = i > 0 ? (this.shape[i - 1] as number) : BOS;
      const shapeP1 = i + 1 < n ? (this.shape[i + 1] as number) : EOS;
      const gazM1 = i > 0 ? (this.gaz[i - 1] as number) : -1;
      const gazP1 = i + 1 < n ? (this.gaz[i + 1] as number) : -1;
      // A token is "initial" at the sentence start or after an opening quote or bracket:
      // capitals there say little about names.
      let initial = i === 0;
      if (!initial && i <= 2) {
        initial = true;
        for (let k = 0; k < i; k++) {
          const t = tokens[from + k] as Token;
          if (t.kind === "word" || t.kind === "number") initial = false;
        }
      }
      const first = text.charCodeAt((tokens[from + i] as Token).start);
      const capital = (first >= 65 && first <= 90) || (first > 127 && lowerCode(first) !== first);
      f[o + 18] = mix3(T.shapeTri, mix(shapeM1, shape), shapeP1);
      f[o + 19] = mix3(T.bigramL, lowerM1, lower);
      f[o + 20] = mix3(T.bigramR, lower, lowerP1);
      f[o + 21] = mix(T.gaz, this.gaz[i] as number);
      f[o + 22] = mix(T.gazM1, gazM1);
      f[o + 23] = mix(T.gazP1, gazP1);
      f[o + 24] = mix3(T.initialShape, initial ? 1 : 0, shape);
      // Sentence-initial capitalised word that is common in lowercase: probably not a name.
      f[o + 25] = mix3(
        T.initialLower,
        initial ? 1 : 0,
        (capital ? 2 : 0) + (this.known[i] as number),
      );
      const pos = this.runPos[i] as number;
      const len = this.runLen[i] as number;
      f[o + 33] = mix3(T.capRun, Math.min(pos, 3), Math.min(len - pos - 1, 3));
      f[o + 34] = mix3(T.capRunLen, Math.min(len, 6), initial ? 1 : 0);
    }
  }
}

/** Neighbour values past the sentence's start and end. */
const BOS = 0x5eed;
const EOS = 0x0e05;

/**
 * Lowercase words that occur inside names (`Bank of America`, `Abu Bakr al Baghdadi`,
 * `Council on Foreign Relations`). One list for the tagger (a lowercase word not in it is
 * "plain": never inside a name, labelled O when a model is trained with `plainWordsO`) and
 * for the training corpus, whose names may hold no other lowercase word (train/corpus.ts), so
 * the two agree on what a name may contain. (A longer list — `in`, `at`, `to`, `a`, `della`,
 * `des`, … — kept more of the training data's mentions but cost 0.6 points of GUM news F1
 * over three seeds with the held-out score unchanged.)
 */
export const NAME_CONNECTORS: readonly string[] = [
  "of",
  "the",
  "and",
  "for",
  "de",
  "del",
  "da",
  "di",
  "du",
  "al",
  "el",
  "bin",
  "ibn",
  "van",
  "von",
  "der",
  "den",
  "la",
  "le",
  "y",
  "on",
];

const CONNECTOR_HASHES = new Set(NAME_CONNECTORS.map((w) => hashLowerSlice(w, 0, w.length)));

const RUN_JOINERS = new Set(["of", "the", "and", "&", "-", "de", "al", "for"]);

function capitalWord(text: string, t: Token): boolean {
  if (t.kind !== "word") return false;
  const c = text.charCodeAt(t.start);
  return (c >= 65 && c <= 90) || (c > 127 && lowerCode(c) !== c);
}

/** Label-dependent features of token `i` given the two previous labels. */
export function dynamicFeatures(
  sf: SentenceFeatures,
  i: number,
  prev: number,
  prev2: number,
  out: Int32Array,
): void {
  out[0] = mix(T.prev, prev);
  out[1] = mix3(T.prev2, prev, prev2);
  out[2] = mix3(T.prevLower, prev, sf.lower[i] as number);
  out[3] = mix3(T.prevShape, prev, sf.shape[i] as number);
}

export const DYNAMIC_FEATURES = 4;

/**
 * The first-order features of token `i` after label `prev`, written to `out`; returns how
 * many. With `words`, the previous label with the current word joins the bigram and shape.
 */
export function transitionFeatures(
  sf: SentenceFeatures,
  i: number,
  prev: number,
  words: boolean,
  out: Int32Array,
): number {
  out[0] = mix(T.prev, prev);
  out[1] = mix3(T.prevShape, prev, sf.shape[i] as number);
  if (!words) return 2;
  out[2] = mix3(T.prevLower, prev, sf.lower[i] as number);
  return 3;
}

/** Hash a word list entry the way tokens are hashed (lowercase). */
export function hashWord(text: string): number {
  return hashLowerSlice(text, 0, text.length);
}

export { hashSlice };

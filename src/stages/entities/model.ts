/**
 * The NER tagger's model: hashed feature weights per BILOU label, greedy left-to-right
 * decoding with transition constraints, and the binary file format it is shipped in.
 *
 * File: gzip of [u32 header length][header JSON][i16 weights, bucket-major][u32 phrase
 * hashes][u16 phrase category bitmasks][u32 prefix hashes][u32 cue hashes][u8 cue categories]
 * [u32 lowercase bitset]. Weights are quantised to 16 bits with one scale (`scale`), which
 * keeps the file small and the loss below anything measurable on the dev set.
 */
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Token } from "../../core/annotations.ts";
import {
  DYNAMIC_FEATURES,
  dynamicFeatures,
  type FeatureLexicon,
  LOWERCASE_BITS,
  SentenceFeatures,
  STATIC_FEATURES as STATIC_FEATURE_COUNT,
  transitionFeatures as transitionFeaturesOf,
} from "./features.ts";
import { WordRows } from "./word-rows.ts";

// Module-local copies of hot imports (the loader may expose imports through getters).
const STATIC_FEATURES = STATIC_FEATURE_COUNT;
const transitionFeatures = transitionFeaturesOf;

export type Decoder = "greedy" | "viterbi";

export const ENTITY_LABELS = ["PERSON", "ORG", "LOC", "NORP"] as const;
export type ModelEntityType = (typeof ENTITY_LABELS)[number];

/** BILOU labels: 0 = O, then B, I, L, U for each type. */
export function labelNames(): string[] {
  const out = ["O"];
  for (const t of ENTITY_LABELS) out.push(`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`);
  return out;
}

const B = 0;
const I = 1;
const L = 2;
const U = 3;

export function labelType(label: number): number {
  return label === 0 ? -1 : Math.floor((label - 1) / 4);
}
export function labelPart(label: number): number {
  return label === 0 ? -1 : (label - 1) % 4;
}
export function makeLabel(type: number, part: number): number {
  return 1 + type * 4 + part;
}

/** allowed[prev * n + cur]: BILOU well-formedness. prev = n means sentence start. */
export function transitionTable(n: number): Uint8Array {
  const t = new Uint8Array((n + 1) * n);
  for (let prev = 0; prev <= n; prev++) {
    for (let cur = 0; cur < n; cur++) {
      const open = prev < n && prev !== 0 && (labelPart(prev) === B || labelPart(prev) === I);
      let ok: boolean;
      if (open) {
        ok =
          cur !== 0 &&
          labelType(cur) === labelType(prev) &&
          (labelPart(cur) === I || labelPart(cur) === L);
      } else ok = cur === 0 || labelPart(cur) === B || labelPart(cur) === U;
      t[prev * n + cur] = ok ? 1 : 0;
    }
  }
  return t;
}

export interface ModelHeader {
  version: 2;
  labels: string[];
  /** Number of hash buckets (a power of two). */
  buckets: number;
  /** Weight = stored int16 × scale. */
  scale: number;
  phraseCount: number;
  prefixCount: number;
  cueCount: number;
  /** `greedy` (second-order history features) or `viterbi` (first-order, exact search). */
  decoder?: Decoder;
  /** Viterbi only: plain lowercase words are labelled O without scoring. */
  plainWordsO?: boolean;
  /** Viterbi only: the previous label with the current word is a feature too. */
  transitionWords?: boolean;
  /** Free-form training facts (data, epochs, held-out score), for the record. */
  trained: Record<string, unknown>;
}

/** A tagged mention, in token indices `[from, to)` of the document's tokens. */
export interface TokenMention {
  from: number;
  to: number;
  type: ModelEntityType;
  /** Mean margin of the chosen labels over the runner-up, squashed to 0..1. */
  confidence: number;
}

export class NerModel {
  readonly labels: string[];
  readonly nLabels: number;
  readonly mask: number;
  readonly allowed: Uint8Array;
  private readonly sf = new SentenceFeatures();
  private readonly dyn = new Int32Array(DYNAMIC_FEATURES);
  private scores: Float32Array;

  /**
   * Weights: floats while training; as shipped, the file's int16 values unscaled (half the
   * memory, so more of the table stays in cache; the argmax does not depend on the scale).
   */
  constructor(
    readonly weights: Float32Array | Int16Array,
    readonly buckets: number,
    readonly lex: FeatureLexicon,
    readonly header: Partial<ModelHeader> = {},
  ) {
    this.labels = labelNames();
    this.nLabels = this.labels.length;
    this.mask = buckets - 1;
    this.allowed = transitionTable(this.nLabels);
    this.scores = new Float32Array(this.nLabels);
    if (weights instanceof Int16Array)
      this.wordRows = new WordRows(weights, this.mask, this.nLabels);
  }

  /** Per-word weight sums (integer weights only: their sums are exact in any order). */
  private readonly wordRows: WordRows | undefined;
  private emit = new Float32Array(64 * 17);

  /**
   * Viterbi's first-order scores depend on the previous label and the token's shape only,
   * and news has few shapes: each shape's (previous label × label) table is built once and
   * kept, instead of 36 weight rows fetched from the large table at every token.
   */
  private readonly shapeTables = new Map<number, Float32Array>();
  private readonly trans = new Int32Array(3);
  readonly transitionTables = (sf: SentenceFeatures, i: number): Float32Array => {
    const shape = sf.shape[i] as number;
    let table = this.shapeTables.get(shape);
    if (table) return table;
    const nl = this.nLabels;
    table = new Float32Array((nl + 1) * nl);
    for (let p = 0; p <= nl; p++) {
      const count = transitionFeatures(sf, i, p, false, this.trans);
      for (let k = 0; k < count; k++) {
        const base = ((this.trans[k] as number) & this.mask) * nl;
        for (let l = 0; l < nl; l++)
          table[p * nl + l] = (table[p * nl + l] as number) + (this.weights[base + l] as number);
      }
    }
    // Bounded: an adversarial text with endless new shapes cannot grow it without limit.
    if (this.shapeTables.size > 50_000) this.shapeTables.clear();
    this.shapeTables.set(shape, table);
    return table;
  };

  /** Weight units: one stored unit is `unit` in the trained model's scale. */
  get unit(): number {
    return this.weights instanceof Int16Array ? (this.header.scale ?? 1) : 1;
  }

  get decoder(): Decoder {
    return this.header.decoder ?? "greedy";
  }

  /** Label every token of `tokens[from, to)` (one sentence); returns label ids. */
  tagSentence(
    text: string,
    tokens: readonly Token[],
    from: number,
    to: number,
    out: Int32Array,
    margins?: Float32Array,
  ): void {
    const sf = this.sf;
    const words = this.header.transitionWords === true;
    // Per-word sums need a token's word features only for words not kept yet.
    const perWord = this.decoder === "viterbi" && this.wordRows !== undefined && !words;
    sf.prepare(text, tokens, from, to, this.lex, perWord);
    if (this.decoder === "viterbi") {
      // Models with word-dependent transitions score them per token; others use tables.
      let emissions: Float32Array | undefined;
      if (this.wordRows && perWord) {
        if (this.emit.length < sf.n * this.nLabels)
          this.emit = new Float32Array(sf.n * this.nLabels * 2);
        emissions = this.emit;
        this.wordRows.emissions(text, tokens, from, sf, emissions);
      }
      viterbi(
        this.weights,
        this.mask,
        this.nLabels,
        this.allowed,
        sf,
        out,
        margins,
        words,
        words ? undefined : this.transitionTables,
        words && this.header.plainWordsO === true,
        emissions,
      );
      return;
    }
    const n = to - from;
    const nl = this.nLabels;
    const w = this.weights;
    const mask = this.mask;
    const scores = this.scores;
    const feats = sf.feats;
    const dyn = this.dyn;
    let prev = nl; // start
    let prev2 = nl;
    for (let i = 0; i < n; i++) {
      scores.fill(0);
      const o = i * STATIC_FEATURES;
      for (let k = 0; k < STATIC_FEATURES; k++) {
        const base = ((feats[o + k] as number) & mask) * nl;
        for (let l = 0; l < nl; l++) scores[l] = (scores[l] as number) + (w[base + l] as number);
      }
      dynamicFeatures(sf, i, prev, prev2, dyn);
      for (let k = 0; k < DYNAMIC_FEATURES; k++) {
        const base = ((dyn[k] as number) & mask) * nl;
        for (let l = 0; l < nl; l++) scores[l] = (scores[l] as number) + (w[base + l] as number);
      }
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      let second = Number.NEGATIVE_INFINITY;
      const row = prev * nl;
      for (let l = 0; l < nl; l++) {
        if (this.allowed[row + l] === 0) continue;
        const s = scores[l] as number;
        if (s > bestScore) {
          second = bestScore;
          bestScore = s;
          best = l;
        } else if (s > second) second = s;
      }
      out[i] = best;
      if (margins) margins[i] = bestScore - second;
      prev2 = prev;
      prev = best;
    }
  }

  /** Tag a document given its tokens and sentence token ranges. */
  tag(
    text: string,
    tokens: readonly Token[],
    sentenceRanges: readonly [number, number][],
  ): TokenMention[] {
    const mentions: TokenMention[] = [];
    let out = new Int32Array(64);
    let margins = new Float32Array(64);
    for (const [from, to] of sentenceRanges) {
      const n = to - from;
      if (n <= 0) continue;
      if (out.length < n) {
        out = new Int32Array(n * 2);
        margins = new Float32Array(n * 2);
      }
      this.tagSentence(text, tokens, from, to, out, margins);
      // Margins in the trained model's units, capped: they only feed a 0..1 confidence.
      const unit = this.unit;
      for (let i = 0; i < n; i++) margins[i] = Math.min(10, (margins[i] as number) * unit);
      decodeMentions(out, n, from, mentions, margins);
    }
    return mentions;
  }

  serialize(trained: Record<string, unknown>, pruneBelow = 0): Buffer {
    let maxAbs = 0;
    for (let i = 0; i < this.weights.length; i++) {
      const a = Math.abs(this.weights[i] as number);
      if (a > maxAbs) maxAbs = a;
    }
    let scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    let q: Int16Array;
    if (this.weights instanceof Int16Array) {
      q = this.weights;
      scale = this.unit;
    } else {
      q = new Int16Array(this.weights.length);
      for (let i = 0; i < q.length; i++) {
        const v = this.weights[i] as number;
        q[i] = Math.abs(v) < pruneBelow ? 0 : Math.round(v / scale);
      }
    }
    const phrases = [...this.lex.phrases.entries()];
    const prefixes = [...this.lex.prefixes];
    const cues = [...this.lex.cues.entries()];
    const header: ModelHeader = {
      version: 2,
      decoder: this.decoder,
      ...(this.header.transitionWords ? { transitionWords: true } : {}),
      ...(this.header.plainWordsO ? { plainWordsO: true } : {}),
      labels: this.labels,
      buckets: this.buckets,
      scale,
      phraseCount: phrases.length,
      prefixCount: prefixes.length,
      cueCount: cues.length,
      trained,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
    const len = Buffer.alloc(4);
    len.writeUInt32LE(headerBytes.length);
    const parts: Buffer[] = [
      len,
      headerBytes,
      Buffer.from(q.buffer, q.byteOffset, q.byteLength),
      u32(phrases.map((p) => p[0])),
      u16(phrases.map((p) => p[1])),
      u32(prefixes),
      u32(cues.map((c) => c[0])),
      Buffer.from(Uint8Array.from(cues.map((c) => c[1]))),
      Buffer.from(
        this.lex.lowercaseWords.buffer,
        this.lex.lowercaseWords.byteOffset,
        this.lex.lowercaseWords.byteLength,
      ),
    ];
    return gzipSync(Buffer.concat(parts), { level: 9 });
  }

  static deserialize(gz: Buffer): NerModel {
    const buf = gunzipSync(gz);
    const headerLen = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headerLen).toString("utf8")) as ModelHeader;
    let off = 4 + headerLen;
    const nLabels = header.labels.length;
    const count = header.buckets * nLabels;
    // Copy the int16 block into an aligned array (the header makes its offset odd).
    const weights = new Int16Array(count);
    new Uint8Array(weights.buffer).set(buf.subarray(off, off + count * 2));
    off += count * 2;
    const phraseHashes = readU32(buf, off, header.phraseCount);
    off += header.phraseCount * 4;
    const phrases = new Map<number, number>();
    for (let i = 0; i < header.phraseCount; i++)
      phrases.set(phraseHashes[i] as number, buf.readUInt16LE(off + i * 2));
    off += header.phraseCount * 2;
    const prefixes = new Set<number>(readU32(buf, off, header.prefixCount));
    off += header.prefixCount * 4;
    const cueHashes = readU32(buf, off, header.cueCount);
    off += header.cueCount * 4;
    const cues = new Map<number, number>();
    for (let i = 0; i < header.cueCount; i++)
      cues.set(cueHashes[i] as number, buf[off + i] as number);
    off += header.cueCount;
    const lowercaseWords = new Uint32Array(LOWERCASE_BITS / 32);
    for (let i = 0; i < lowercaseWords.length; i++, off += 4)
      lowercaseWords[i] = buf.readUInt32LE(off);
    return new NerModel(
      weights,
      header.buckets,
      { phrases, prefixes, cues, lowercaseWords },
      header,
    );
  }

  static load(path: string): NerModel {
    return NerModel.deserialize(readFileSync(path));
  }
}

/** For each label, the previous labels BILOU allows before it (CSR layout), cached. */
let prevCache: { allowed: Uint8Array; offsets: Int32Array; list: Int32Array } | undefined;
function allowedPrevious(
  allowed: Uint8Array,
  nl: number,
): { offsets: Int32Array; list: Int32Array } {
  if (prevCache?.allowed === allowed) return prevCache;
  const offsets = new Int32Array(nl + 1);
  const list: number[] = [];
  for (let l = 0; l < nl; l++) {
    offsets[l] = list.length;
    for (let p = 0; p < nl; p++) if (allowed[p * nl + l]) list.push(p);
  }
  offsets[nl] = list.length;
  prevCache = { allowed, offsets, list: Int32Array.from(list) };
  return prevCache;
}

let delta = new Float32Array(0);
let back = new Int16Array(0);
const rowBase = new Int32Array(64 * 3);
const trans = new Int32Array(3);

/**
 * First-order Viterbi over BILOU labels for the prepared sentence `sf`; writes the best
 * labels to `out` (and each label's margin over the best alternative at that position).
 * Used by tagging and by training, so both search the same way.
 */
export function viterbi(
  w: Float32Array | Float64Array | Int16Array,
  mask: number,
  nl: number,
  allowed: Uint8Array,
  sf: SentenceFeatures,
  out: Int32Array,
  margins?: Float32Array,
  words = false,
  /** Precomputed (previous label × label) first-order scores of token `i` (tagging only). */
  tables?: (sf: SentenceFeatures, i: number) => Float32Array,
  /** Plain lowercase words are O (models trained so: header `plainWordsO`). */
  plainO = false,
  /** Each token's label scores from its static features, `[i * nl + l]`, if computed already. */
  emissions?: Float32Array,
): void {
  const n = sf.n;
  if (n === 0) return;
  if (delta.length < n * nl) {
    delta = new Float32Array(n * nl * 2);
    back = new Int16Array(n * nl * 2);
  }
  const feats = sf.feats;
  const start = nl;
  const local = new Float32Array(nl);
  for (let i = 0; i < n; i++) {
    if (plainO && sf.plain[i] === 1) {
      // A plain lowercase word is O: no scoring, no other label.
      local.fill(Number.NEGATIVE_INFINITY);
      local[0] = 0;
    } else if (emissions) {
      for (let l = 0; l < nl; l++) local[l] = emissions[i * nl + l] as number;
    } else {
      local.fill(0);
      const o = i * STATIC_FEATURES;
      for (let k = 0; k < STATIC_FEATURES; k++) {
        const base = ((feats[o + k] as number) & mask) * nl;
        for (let l = 0; l < nl; l++) local[l] = (local[l] as number) + (w[base + l] as number);
      }
    }
    const d = i * nl;
    if (tables) {
      const table = tables(sf, i);
      if (i === 0) {
        for (let l = 0; l < nl; l++) {
          delta[d + l] = allowed[start * nl + l]
            ? (local[l] as number) + (table[start * nl + l] as number)
            : Number.NEGATIVE_INFINITY;
          back[d + l] = start;
        }
        continue;
      }
      const dp = d - nl;
      const prevs = allowedPrevious(allowed, nl);
      for (let l = 0; l < nl; l++) {
        let best = Number.NEGATIVE_INFINITY;
        let arg = 0;
        // Only the BILOU-allowed previous labels: 97 of the 289 pairs.
        for (
          let k = prevs.offsets[l] as number, end = prevs.offsets[l + 1] as number;
          k < end;
          k++
        ) {
          const p = prevs.list[k] as number;
          const v = (delta[dp + p] as number) + (table[p * nl + l] as number);
          if (v > best) {
            best = v;
            arg = p;
          }
        }
        delta[d + l] = best + (local[l] as number);
        back[d + l] = arg;
      }
      continue;
    }
    if (i === 0) {
      const count = transitionFeatures(sf, i, start, words, trans);
      for (let l = 0; l < nl; l++) {
        let v = local[l] as number;
        for (let k = 0; k < count; k++) v += w[((trans[k] as number) & mask) * nl + l] as number;
        delta[d + l] = allowed[start * nl + l] ? v : Number.NEGATIVE_INFINITY;
        back[d + l] = start;
      }
      continue;
    }
    let count = 0;
    for (let p = 0; p < nl; p++) {
      count = transitionFeatures(sf, i, p, words, trans);
      for (let k = 0; k < count; k++) rowBase[p * 3 + k] = ((trans[k] as number) & mask) * nl;
    }
    const dp = d - nl;
    for (let l = 0; l < nl; l++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < nl; p++) {
        if (allowed[p * nl + l] === 0) continue;
        const prev = delta[dp + p] as number;
        if (prev === Number.NEGATIVE_INFINITY) continue;
        let v = prev;
        for (let k = 0; k < count; k++) v += w[(rowBase[p * 3 + k] as number) + l] as number;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[d + l] = best + (local[l] as number);
      back[d + l] = arg;
    }
  }
  // A sentence cannot end inside a mention: only O, L and U may close it.
  const last = (n - 1) * nl;
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (let l = 0; l < nl; l++) {
    const part = labelPart(l);
    if (l !== 0 && part !== L && part !== U) continue;
    const v = delta[last + l] as number;
    if (v > bestScore) {
      second = bestScore;
      bestScore = v;
      best = l;
    } else if (v > second) second = v;
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = best;
    if (margins) {
      // Margin of the chosen label over the best other label at this position.
      let other = Number.NEGATIVE_INFINITY;
      for (let l = 0; l < nl; l++)
        if (l !== best && (delta[i * nl + l] as number) > other)
          other = delta[i * nl + l] as number;
      margins[i] = (delta[i * nl + best] as number) - other;
    }
    best = back[i * nl + best] as number;
  }
  void second;
}

function u32(values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) b.writeUInt32LE((values[i] as number) >>> 0, i * 4);
  return b;
}

function u16(values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 2);
  for (let i = 0; i < values.length; i++) b.writeUInt16LE(values[i] as number, i * 2);
  return b;
}

function readU32(buf: Buffer, off: number, count: number): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = buf.readUInt32LE(off + i * 4);
  return out;
}

/**
 * Turn a label sequence into mentions, leniently: a B or I left open at the sentence end
 * closes there, and an I or L without a B starts a mention.
 */
export function decodeMentions(
  labels: Int32Array,
  n: number,
  offset: number,
  out: TokenMention[],
  margins?: Float32Array,
): void {
  let start = -1;
  let type = -1;
  let marginSum = 0;
  const close = (end: number) => {
    if (start >= 0) {
      const m = marginSum / (end - start);
      out.push({
        from: offset + start,
        to: offset + end,
        type: ENTITY_LABELS[type] as ModelEntityType,
        confidence: Math.round((1 / (1 + Math.exp(-m))) * 1000) / 1000,
      });
    }
    start = -1;
    type = -1;
    marginSum = 0;
  };
  for (let i = 0; i < n; i++) {
    const lab = labels[i] as number;
    const part = labelPart(lab);
    const t = labelType(lab);
    const m = margins ? (margins[i] as number) : 0;
    if (lab === 0) {
      close(i);
      continue;
    }
    if (part === B || part === U || t !== type || start < 0) {
      close(i);
      start = i;
      type = t;
    }
    marginSum += m;
    if (part === L || part === U) close(i + 1);
  }
  close(n);
}

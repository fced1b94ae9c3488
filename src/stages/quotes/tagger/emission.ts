/**
 * Emission scores without feature strings: the features of `emitFeatures` arrive as
 * (template, value) pairs, and each pair's weight row is looked up once and remembered.
 * A memo only saves work, so emptying one when it grows changes no result.
 */
import {
  type FeatureSink,
  renderSmall,
  SENTINELS,
  SMALL_TEMPLATES,
  sentinel,
  suffixOf,
  W_SUFFIX,
  WORD_PREFIXES,
} from "./features.ts";

/** Remembered entries per memo before it is emptied. */
const MEMO_LIMIT = 200_000;
/** A row not yet looked up (a missing feature is -1). */
const UNKNOWN = -2;
/** Labels per row. */
const L = 7;

/** Rows of the model's features by (template, value), remembered across documents. */
export class RowMemo {
  private readonly small = new Int32Array(SMALL_TEMPLATES * 4096).fill(UNKNOWN);
  private readonly words = new Map<string, Int32Array>();
  private readonly texts = WORD_PREFIXES.map(() => new Map<string, number>());
  private readonly pairs = WORD_PREFIXES.map(() => new Map<string, Map<string, number>>());
  private readonly shaped = new Map<number, number>();
  private readonly mixed = new Map<number, number>();
  /** Shapes and short tails numbered as they come, for memo keys; 256 at most. */
  private readonly shapeIds = new Map<string, number>();
  readonly sentinels: Int32Array[];

  constructor(
    private readonly index: ReadonlyMap<string, number>,
    readonly weights: Float32Array,
  ) {
    this.sentinels = SENTINELS.map((_, j) => this.wordEntry(sentinel(-j - 1)));
  }

  rowOf(feature: string): number {
    const id = this.index.get(feature);
    return id === undefined ? -1 : id * L;
  }

  smallRow(t: number, code: number): number {
    const key = t * 4096 + code;
    let row = this.small[key] as number;
    if (row === UNKNOWN) {
      row = this.rowOf(renderSmall(t, code));
      this.small[key] = row;
    }
    return row;
  }

  /** The rows of every word template for one word. */
  wordEntry(word: string): Int32Array {
    let entry = this.words.get(word);
    if (entry === undefined) {
      if (this.words.size > MEMO_LIMIT) this.words.clear();
      entry = Int32Array.from(WORD_PREFIXES, (prefix, t) =>
        this.rowOf(`${prefix}${t === W_SUFFIX ? suffixOf(word) : word}`),
      );
      this.words.set(word, entry);
    }
    return entry;
  }

  textRow(t: number, value: string): number {
    const memo = this.texts[t] as Map<string, number>;
    let row = memo.get(value);
    if (row === undefined) {
      if (memo.size > MEMO_LIMIT) memo.clear();
      row = this.rowOf(`${WORD_PREFIXES[t]}${value}`);
      memo.set(value, row);
    }
    return row;
  }

  pairRow(t: number, first: string, second: string): number {
    const memo = this.pairs[t] as Map<string, Map<string, number>>;
    let inner = memo.get(first);
    if (inner === undefined) {
      if (memo.size > MEMO_LIMIT) memo.clear();
      inner = new Map();
      memo.set(first, inner);
    }
    let row = inner.get(second);
    if (row === undefined) {
      row = this.rowOf(`${WORD_PREFIXES[t]}${first}|${second}`);
      inner.set(second, row);
    }
    return row;
  }

  shapesRow(t: number, before: string, shape: string, after: string): number {
    const a = this.shapeId(before);
    const b = this.shapeId(shape);
    const c = this.shapeId(after);
    const key = a < 0 || b < 0 || c < 0 ? -1 : (a * 256 + b) * 256 + c;
    let row = key < 0 ? undefined : this.shaped.get(key);
    if (row === undefined) {
      row = this.rowOf(`${WORD_PREFIXES[t]}${before}${shape}${after}`);
      if (key >= 0) this.shaped.set(key, row);
    }
    return row;
  }

  mixedRow(t: number, code: number, head: string, tail: string): number {
    const id = this.shapeId(tail);
    const key = id < 0 ? -1 : (t * 4096 + code) * 256 + id;
    let row = key < 0 ? undefined : this.mixed.get(key);
    if (row === undefined) {
      row = this.rowOf(`${WORD_PREFIXES[t]}${head}${tail}`);
      if (key >= 0) this.mixed.set(key, row);
    }
    return row;
  }

  /** The number of a shape, or -1 once 256 are taken (then the memo is bypassed). */
  private shapeId(shape: string): number {
    let id = this.shapeIds.get(shape);
    if (id === undefined) {
      if (this.shapeIds.size >= 256) return -1;
      id = this.shapeIds.size;
      this.shapeIds.set(shape, id);
    }
    return id;
  }
}

/** Collects one document's emission scores, `tokens × 7`. */
export class EmissionSink implements FeatureSink {
  readonly em: Float32Array;
  private readonly entries: (Int32Array | undefined)[];
  private lower: readonly string[] = [];
  private base = -1;
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;
  private s5 = 0;
  private s6 = 0;

  constructor(
    private readonly memo: RowMemo,
    n: number,
  ) {
    this.em = new Float32Array(n * L);
    this.entries = new Array(n);
  }

  begin(lower: readonly string[]): void {
    this.lower = lower;
  }

  token(index: number): void {
    this.finish();
    this.base = index * L;
  }

  /** Write the current token's sums. */
  finish(): void {
    if (this.base < 0) return;
    const em = this.em;
    const b = this.base;
    em[b] = this.s0;
    em[b + 1] = this.s1;
    em[b + 2] = this.s2;
    em[b + 3] = this.s3;
    em[b + 4] = this.s4;
    em[b + 5] = this.s5;
    em[b + 6] = this.s6;
    this.s0 = this.s1 = this.s2 = this.s3 = this.s4 = this.s5 = this.s6 = 0;
    this.base = -1;
  }

  private add(row: number): void {
    if (row < 0) return;
    const w = this.memo.weights;
    this.s0 += w[row] as number;
    this.s1 += w[row + 1] as number;
    this.s2 += w[row + 2] as number;
    this.s3 += w[row + 3] as number;
    this.s4 += w[row + 4] as number;
    this.s5 += w[row + 5] as number;
    this.s6 += w[row + 6] as number;
  }

  wordAt(t: number, k: number): void {
    let entry: Int32Array | undefined;
    if (k < 0) entry = this.memo.sentinels[-k - 1];
    else {
      entry = this.entries[k];
      if (entry === undefined) {
        entry = this.memo.wordEntry(this.lower[k] as string);
        this.entries[k] = entry;
      }
    }
    this.add((entry as Int32Array)[t] as number);
  }

  small(t: number, code: number): void {
    this.add(this.memo.smallRow(t, code));
  }

  word(t: number, value: string): void {
    this.add(this.memo.textRow(t, value));
  }

  pair(t: number, first: string, second: string): void {
    this.add(this.memo.pairRow(t, first, second));
  }

  shapes(t: number, before: string, shape: string, after: string): void {
    this.add(this.memo.shapesRow(t, before, shape, after));
  }

  mixed(t: number, code: number, head: string, tail: string): void {
    this.add(this.memo.mixedRow(t, code, head, tail));
  }
}

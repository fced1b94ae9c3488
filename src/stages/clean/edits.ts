/**
 * The machinery the cleaning rules share: a rule reads a text and proposes edits; a pass
 * applies them and records how each output offset maps to its input; passes compose, so the
 * final text maps back to the raw input (an `OffsetMap`), and each repair's position is
 * carried forward into the final text for its message.
 *
 * Edits and pieces live in parallel number arrays, not one object each: a pathological
 * input (a double space after every word of a 20 MB text) makes millions of edits, and
 * objects would cost ten times the memory.
 */

import type { Severity } from "../../core/message.ts";
import { OffsetMap } from "../../core/offset-map.ts";

/** What a rule tells the user about an edit it made. */
export interface Note {
  rule: string;
  severity: Severity;
  /** A function when the text costs something to build: it is called only if reported. */
  reason: string | (() => string);
}

/** A repair whose span is in the coordinates of the latest pass output. */
interface PendingRepair {
  rule: string;
  severity: Severity;
  reason: string;
  start: number;
  end: number;
  /** Aggregated repairs: how many there were. */
  count?: number;
}

export interface Repair {
  rule: string;
  severity: Severity;
  reason: string;
  /** Span in the final text; absent for a summary of many repairs. */
  span?: { start: number; end: number };
}

/**
 * Repairs one rule id may report one by one; after that they are counted into a single
 * summary, so a pathological input cannot produce a million messages.
 */
export const MAX_MESSAGES_PER_RULE = 20;

function reasonOf(note: Note): string {
  return typeof note.reason === "function" ? note.reason() : note.reason;
}

/** Collects a rule's edits in order and the notes that go with them. */
export class EditSink {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Replacements; mostly the same few strings (" ", "", "\n\n"), so one pointer each. */
  readonly texts: string[] = [];
  private count = 0;
  /** Notes of the edits reported one by one, by edit index (the first few per rule). */
  readonly noted = new Map<number, Note>();
  /** Aggregated notes by rule: trivial repairs reported once, with a count. */
  readonly aggregates = new Map<string, { note: Note; count: number; edit: number }>();
  private lastEnd = 0;

  /** `counts`: repairs per rule so far in this document, shared across passes for the cap. */
  constructor(private readonly counts: Map<string, number> = new Map()) {}

  /** How many edits were proposed. */
  get size(): number {
    return this.count;
  }

  /** Propose an edit; edits must come in order and not overlap (later overlapping ones are dropped). */
  edit(start: number, end: number, text: string, note?: Note): void {
    if (start < this.lastEnd) return;
    if (note) {
      const n = (this.counts.get(note.rule) ?? 0) + 1;
      this.counts.set(note.rule, n);
      if (n <= MAX_MESSAGES_PER_RULE) this.noted.set(this.count, note);
    }
    this.push(start, end, text);
  }

  /** An edit counted under one message per rule (whitespace, markup in HTML). */
  aggregate(start: number, end: number, text: string, note: Note): void {
    if (start < this.lastEnd) return;
    const seen = this.aggregates.get(note.rule);
    if (seen) seen.count++;
    else this.aggregates.set(note.rule, { note, count: 1, edit: this.count });
    this.push(start, end, text);
  }

  private push(start: number, end: number, text: string): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(this.count * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
    this.texts.push(text);
    this.lastEnd = end;
  }
}

/** A cleaning rule: a named function from a text to edits. */
export type CleanRule = (text: string, sink: EditSink) => void;

/**
 * A rule that swaps single characters for single characters: the new text, where the first
 * change is and how many there were; null when nothing changed.
 */
export type SubstituteRule = (
  text: string,
) => { text: string; first: number; count: number; note: Note } | null;

/**
 * Contiguous pieces of a pass's output and the input each came from. Aligned pieces have
 * equal lengths and offsets move together (text kept, or replaced character for character);
 * other pieces map every output offset to the whole input run.
 */
export class Pieces {
  outStart = new Int32Array(16);
  outEnd = new Int32Array(16);
  srcStart = new Int32Array(16);
  srcEnd = new Int32Array(16);
  /** 1 when the piece is aligned. */
  aligned = new Uint8Array(16);
  length = 0;

  push(outStart: number, outEnd: number, srcStart: number, srcEnd: number, aligned: boolean): void {
    if (this.length === this.outStart.length) this.grow();
    const i = this.length++;
    this.outStart[i] = outStart;
    this.outEnd[i] = outEnd;
    this.srcStart[i] = srcStart;
    this.srcEnd[i] = srcEnd;
    this.aligned[i] = aligned ? 1 : 0;
  }

  private grow(): void {
    const size = this.outStart.length * 2;
    const more = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.outStart = more(this.outStart);
    this.outEnd = more(this.outEnd);
    this.srcStart = more(this.srcStart);
    this.srcEnd = more(this.srcEnd);
    const aligned = new Uint8Array(size);
    aligned.set(this.aligned);
    this.aligned = aligned;
  }

  /** Index of the last piece whose input starts at or before `offset` (0 when none). */
  bySource(offset: number): number {
    let lo = 0;
    let hi = this.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.srcStart[mid] as number) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

/** The text being cleaned, how it maps to the raw input, and the repairs so far. */
export class Cleaning {
  text: string;
  private readonly rawLength: number;
  /** Current text → raw input. Zero-length pieces are left out. */
  private pieces: Pieces;
  private readonly repairs: PendingRepair[] = [];
  private readonly counts = new Map<string, number>();

  constructor(raw: string) {
    this.text = raw;
    this.rawLength = raw.length;
    this.pieces = new Pieces();
    if (raw.length > 0) this.pieces.push(0, raw.length, 0, raw.length, true);
  }

  /** Run one rule over the current text and apply its edits. */
  apply(rule: CleanRule): void {
    const sink = new EditSink(this.counts);
    rule(this.text, sink);
    if (sink.size === 0) return;
    const { text, pieces, spans } = applyEdits(this.text, sink);
    // Earlier repairs move with the text.
    for (const r of this.repairs) {
      const start = forwardStart(pieces, r.start, text.length, this.text.length);
      // An empty span (where something was dropped) stays empty wherever it moves.
      r.end =
        r.end === r.start
          ? start
          : Math.max(start, forwardEnd(pieces, r.end, text.length, this.text.length));
      r.start = start;
    }
    for (const [i, note] of sink.noted) {
      const [start, end] = spans.get(i) as [number, number];
      this.repairs.push({
        rule: note.rule,
        severity: note.severity,
        reason: reasonOf(note),
        start,
        end,
      });
    }
    for (const { note, count, edit } of sink.aggregates.values()) {
      const [start, end] = spans.get(edit) as [number, number];
      this.repairs.push({
        rule: note.rule,
        severity: note.severity,
        reason: reasonOf(note),
        start,
        end,
        count,
      });
    }
    this.pieces = compose(pieces, this.pieces, this.rawLength);
    this.text = text;
  }

  /**
   * Run a rule that replaces characters one for one (quote marks): no offset moves, so the
   * map stays as it is and the text is rewritten in one go.
   */
  substitute(rule: SubstituteRule): void {
    const result = rule(this.text);
    if (!result) return;
    if (result.text.length !== this.text.length) {
      throw new Error(`${result.note.rule}: a substitution must keep the text's length`);
    }
    this.text = result.text;
    const { rule: id, severity } = result.note;
    const reason = reasonOf(result.note);
    this.repairs.push({
      rule: id,
      severity,
      reason,
      start: result.first,
      end: result.first + 1,
      count: result.count,
    });
  }

  /** The map from the final text back to the raw input. */
  offsetMap(): OffsetMap {
    const map = new OffsetMap();
    const p = this.pieces;
    for (let i = 0; i < p.length; i++) {
      const srcStart = p.srcStart[i] as number;
      const srcEnd = p.srcEnd[i] as number;
      if (p.aligned[i]) map.keep(srcStart, srcEnd);
      else map.replace(srcStart, srcEnd, (p.outEnd[i] as number) - (p.outStart[i] as number));
    }
    return map;
  }

  /** Every repair with its span in the final text; capped rules end with a summary. */
  finalRepairs(): Repair[] {
    const out: Repair[] = [];
    // In text order, so a reader walks the repairs as they read the article.
    const sorted = [...this.repairs].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const r of sorted) {
      const reason =
        r.count && r.count > 1 ? `${r.reason} (${r.count} places; the first is marked)` : r.reason;
      out.push({
        rule: r.rule,
        severity: r.severity,
        reason,
        span: { start: r.start, end: r.end },
      });
    }
    for (const [rule, n] of this.counts) {
      if (n > MAX_MESSAGES_PER_RULE) {
        const first = this.repairs.find((r) => r.rule === rule);
        out.push({
          rule,
          severity: first?.severity ?? "info",
          reason: `${n - MAX_MESSAGES_PER_RULE} more repairs of this kind are not listed one by one`,
        });
      }
    }
    return out;
  }
}

/**
 * Apply a sink's ordered, non-overlapping edits: the new text, its pieces, and the output
 * span of each edit that carries a note.
 */
export function applyEdits(
  text: string,
  sink: EditSink,
): { text: string; pieces: Pieces; spans: Map<number, [number, number]> } {
  const parts: string[] = [];
  const chunks: string[] = [];
  const pieces = new Pieces();
  const spans = new Map<number, [number, number]>();
  const wanted = new Set<number>(sink.noted.keys());
  for (const { edit } of sink.aggregates.values()) wanted.add(edit);
  let pos = 0;
  let out = 0;
  const keep = (from: number, to: number): void => {
    if (to <= from) return;
    const last = pieces.length - 1;
    if (
      last >= 0 &&
      pieces.aligned[last] &&
      pieces.srcEnd[last] === from &&
      pieces.outEnd[last] === out
    ) {
      pieces.srcEnd[last] = to;
      pieces.outEnd[last] = out + to - from;
    } else pieces.push(out, out + to - from, from, to, true);
    out += to - from;
  };
  const n = sink.size;
  for (let i = 0; i < n; i++) {
    const start = sink.starts[i] as number;
    const end = sink.ends[i] as number;
    const replacement = sink.texts[i] as string;
    if (start > pos) {
      parts.push(text.slice(pos, start));
      keep(pos, start);
    }
    parts.push(replacement);
    // Join as we go: a million tiny strings held at once cost more than the text itself.
    if (parts.length >= 8192) {
      chunks.push(parts.join(""));
      parts.length = 0;
    }
    const outStart = out;
    if (replacement.length === end - start) {
      // Character for character (a quote mark, a space): offsets still move together.
      keep(start, end);
    } else {
      pieces.push(out, out + replacement.length, start, end, false);
      out += replacement.length;
    }
    if (wanted.has(i)) spans.set(i, [outStart, out]);
    pos = end;
  }
  if (pos < text.length) {
    parts.push(text.slice(pos));
    keep(pos, text.length);
  }
  chunks.push(parts.join(""));
  return { text: chunks.join(""), pieces, spans };
}

/** Where an input offset, as the start of a span, lands in the output. */
function forwardStart(
  pieces: Pieces,
  offset: number,
  outLength: number,
  srcLength: number,
): number {
  if (offset >= srcLength) return outLength;
  if (pieces.length === 0) return 0;
  const i = pieces.bySource(offset);
  const srcStart = pieces.srcStart[i] as number;
  if (offset >= (pieces.srcEnd[i] as number)) return pieces.outEnd[i] as number;
  const outStart = pieces.outStart[i] as number;
  return pieces.aligned[i] ? outStart + offset - srcStart : outStart;
}

/** Where an input offset, as the end of a span, lands in the output. */
function forwardEnd(pieces: Pieces, offset: number, outLength: number, srcLength: number): number {
  if (offset >= srcLength) return outLength;
  if (offset <= 0 || pieces.length === 0) return 0;
  const i = pieces.bySource(offset - 1);
  if (offset > (pieces.srcEnd[i] as number)) return pieces.outEnd[i] as number;
  return pieces.aligned[i]
    ? (pieces.outStart[i] as number) + offset - (pieces.srcStart[i] as number)
    : (pieces.outEnd[i] as number);
}

/**
 * Compose `outer` (new text → current text) with `inner` (current text → raw) into new text
 * → raw. Both are ordered; one walk over each.
 */
function compose(outer: Pieces, inner: Pieces, rawLength: number): Pieces {
  const result = new Pieces();
  const push = (os: number, oe: number, ss: number, se: number, aligned: boolean): void => {
    if (oe <= os) return;
    const last = result.length - 1;
    if (last >= 0) {
      const lastSrcEnd = result.srcEnd[last] as number;
      // Keep raw offsets monotone: text made from the same raw run becomes one piece.
      if (!aligned && ss < lastSrcEnd) {
        result.outEnd[last] = oe;
        result.srcEnd[last] = Math.max(lastSrcEnd, se);
        result.aligned[last] = 0;
        return;
      }
      if (aligned && result.aligned[last] && lastSrcEnd === ss && result.outEnd[last] === os) {
        result.outEnd[last] = oe;
        result.srcEnd[last] = se;
        return;
      }
    }
    result.push(os, oe, ss, se, aligned);
  };
  let j = 0;
  const innerCount = inner.length;
  /** Raw offset of current-text offset `x`, as a start; advances `j` to the inner piece holding x. */
  const rawStartOf = (x: number): number => {
    while (j < innerCount && (inner.outEnd[j] as number) <= x) j++;
    if (j >= innerCount) return rawLength;
    const qs = inner.outStart[j] as number;
    if (x < qs) return inner.srcStart[j] as number;
    return inner.aligned[j]
      ? (inner.srcStart[j] as number) + x - qs
      : (inner.srcStart[j] as number);
  };
  for (let i = 0; i < outer.length; i++) {
    const os = outer.outStart[i] as number;
    const oe = outer.outEnd[i] as number;
    const ss = outer.srcStart[i] as number;
    const se = outer.srcEnd[i] as number;
    if (oe <= os) continue;
    if (!outer.aligned[i] || se <= ss) {
      const start = rawStartOf(ss);
      let end = start;
      if (se > ss && j < innerCount) {
        // Raw end of the input run: the end of the last inner piece it touches.
        let k = j;
        while (k + 1 < innerCount && (inner.outStart[k + 1] as number) < se) k++;
        end = inner.aligned[k]
          ? (inner.srcStart[k] as number) +
            Math.min(se, inner.outEnd[k] as number) -
            (inner.outStart[k] as number)
          : (inner.srcEnd[k] as number);
      }
      push(os, oe, start, Math.max(start, end), false);
      continue;
    }
    // An aligned piece: split where the inner pieces split.
    let x = ss;
    while (x < se) {
      rawStartOf(x);
      if (j >= innerCount) break;
      const to = Math.min(se, inner.outEnd[j] as number);
      const from = os + x - ss;
      const until = os + to - ss;
      if (inner.aligned[j]) {
        const rs = (inner.srcStart[j] as number) + x - (inner.outStart[j] as number);
        push(from, until, rs, rs + to - x, true);
      } else push(from, until, inner.srcStart[j] as number, inner.srcEnd[j] as number, false);
      x = to;
    }
  }
  return result;
}

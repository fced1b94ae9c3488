/**
 * The machinery the cleaning rules share: a rule reads a text and proposes edits; a pass
 * applies them and records how each output offset maps to its input; passes compose, so the
 * final text maps back to the raw input (an `OffsetMap`), and each repair's position is
 * carried forward into the final text for its message.
 */

import type { Severity } from "../../core/message.ts";
import { OffsetMap } from "../../core/offset-map.ts";

/** Replace `[start, end)` of the rule's input with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What a rule tells the user about an edit it made. */
export interface Note {
  rule: string;
  severity: Severity;
  reason: string;
}

/**
 * A contiguous piece of a pass's output and the input it came from. `aligned` pieces have
 * equal lengths and offsets move together (text kept, or replaced character for character);
 * other pieces map every output offset to the whole input run.
 */
interface Piece {
  outStart: number;
  outEnd: number;
  srcStart: number;
  srcEnd: number;
  aligned: boolean;
}

/** A repair whose span is in the coordinates of the latest pass output. */
interface PendingRepair extends Note {
  start: number;
  end: number;
  /** Aggregated repairs: how many there were. */
  count?: number;
}

export interface Repair extends Note {
  /** Span in the final text; absent for a summary of many repairs. */
  span?: { start: number; end: number };
}

/**
 * Repairs one rule id may report one by one; after that they are counted into a single
 * summary, so a pathological input cannot produce a million messages.
 */
export const MAX_MESSAGES_PER_RULE = 20;

/** Collects a rule's edits in order and the notes that go with them. */
export class EditSink {
  readonly edits: Edit[] = [];
  readonly notes: (Note | undefined)[] = [];
  /** Aggregated notes by rule: trivial repairs reported once, with a count. */
  readonly aggregates = new Map<string, { note: Note; count: number; edit: number }>();
  private lastEnd = 0;

  /** Propose an edit; edits must come in order and not overlap (later overlapping ones are dropped). */
  edit(start: number, end: number, text: string, note?: Note): void {
    if (start < this.lastEnd) return;
    this.edits.push({ start, end, text });
    this.notes.push(note);
    this.lastEnd = end;
  }

  /** An edit counted under one message per rule (whitespace, quote characters). */
  aggregate(start: number, end: number, text: string, note: Note): void {
    if (start < this.lastEnd) return;
    const seen = this.aggregates.get(note.rule);
    if (seen) seen.count++;
    else this.aggregates.set(note.rule, { note, count: 1, edit: this.edits.length });
    this.edits.push({ start, end, text });
    this.notes.push(undefined);
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

function findPiece(pieces: Piece[], offset: number, key: "srcStart" | "outStart"): number {
  // Last piece whose start is at or before offset.
  let lo = 0;
  let hi = pieces.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((pieces[mid] as Piece)[key] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The text being cleaned, how it maps to the raw input, and the repairs so far. */
export class Cleaning {
  text: string;
  private readonly rawLength: number;
  /** Current text → raw input. Zero-length pieces are left out. */
  private pieces: Piece[];
  private readonly repairs: PendingRepair[] = [];
  private readonly counts = new Map<string, number>();

  constructor(raw: string) {
    this.text = raw;
    this.rawLength = raw.length;
    this.pieces =
      raw.length > 0
        ? [{ outStart: 0, outEnd: raw.length, srcStart: 0, srcEnd: raw.length, aligned: true }]
        : [];
  }

  /** Run one rule over the current text and apply its edits. */
  apply(rule: CleanRule): void {
    const sink = new EditSink();
    rule(this.text, sink);
    if (sink.edits.length === 0) return;
    const { text, pieces, outSpans } = applyEdits(this.text, sink.edits);
    // Earlier repairs move with the text.
    for (const r of this.repairs) {
      const start = forwardStart(pieces, r.start, text.length, this.text.length);
      // An empty span (where something was dropped) stays empty wherever it moves.
      const end =
        r.end === r.start
          ? start
          : Math.max(start, forwardEnd(pieces, r.end, text.length, this.text.length));
      r.start = start;
      r.end = end;
    }
    sink.notes.forEach((note, i) => {
      if (!note) return;
      const span = outSpans[i] as [number, number];
      const n = (this.counts.get(note.rule) ?? 0) + 1;
      this.counts.set(note.rule, n);
      if (n <= MAX_MESSAGES_PER_RULE) this.repairs.push({ ...note, start: span[0], end: span[1] });
    });
    for (const { note, count, edit } of sink.aggregates.values()) {
      const span = outSpans[edit] as [number, number];
      this.repairs.push({ ...note, start: span[0], end: span[1], count });
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
    this.repairs.push({
      ...result.note,
      start: result.first,
      end: result.first + 1,
      count: result.count,
    });
  }

  /** The map from the final text back to the raw input. */
  offsetMap(): OffsetMap {
    const map = new OffsetMap();
    for (const p of this.pieces) {
      if (p.aligned) map.keep(p.srcStart, p.srcEnd);
      else map.replace(p.srcStart, p.srcEnd, p.outEnd - p.outStart);
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

/** Apply ordered, non-overlapping edits: the new text, its pieces, and each edit's output span. */
export function applyEdits(
  text: string,
  edits: Edit[],
): { text: string; pieces: Piece[]; outSpans: [number, number][] } {
  const parts: string[] = [];
  const pieces: Piece[] = [];
  const outSpans: [number, number][] = [];
  let pos = 0;
  let out = 0;
  const keep = (from: number, to: number): void => {
    if (to <= from) return;
    const last = pieces[pieces.length - 1];
    if (last?.aligned && last.srcEnd === from && last.outEnd === out) {
      last.srcEnd = to;
      last.outEnd = out + to - from;
    } else
      pieces.push({
        outStart: out,
        outEnd: out + to - from,
        srcStart: from,
        srcEnd: to,
        aligned: true,
      });
    out += to - from;
  };
  for (const e of edits) {
    if (e.start > pos) {
      parts.push(text.slice(pos, e.start));
      keep(pos, e.start);
    }
    parts.push(e.text);
    const outStart = out;
    if (e.text.length === e.end - e.start) {
      // Character for character (a quote mark, a space): offsets still move together.
      keep(e.start, e.end);
    } else {
      pieces.push({
        outStart: out,
        outEnd: out + e.text.length,
        srcStart: e.start,
        srcEnd: e.end,
        aligned: false,
      });
      out += e.text.length;
    }
    outSpans.push([outStart, out]);
    pos = e.end;
  }
  if (pos < text.length) {
    parts.push(text.slice(pos));
    keep(pos, text.length);
  }
  return { text: parts.join(""), pieces, outSpans };
}

/** Where an input offset, as the start of a span, lands in the output. */
function forwardStart(
  pieces: Piece[],
  offset: number,
  outLength: number,
  srcLength: number,
): number {
  if (offset >= srcLength) return outLength;
  const p = pieces[findPiece(pieces, offset, "srcStart")];
  if (!p) return 0;
  if (offset >= p.srcEnd) return p.outEnd;
  return p.aligned ? p.outStart + offset - p.srcStart : p.outStart;
}

/** Where an input offset, as the end of a span, lands in the output. */
function forwardEnd(pieces: Piece[], offset: number, outLength: number, srcLength: number): number {
  if (offset >= srcLength) return outLength;
  if (offset <= 0) return 0;
  const p = pieces[findPiece(pieces, offset - 1, "srcStart")];
  if (!p) return 0;
  if (offset > p.srcEnd) return p.outEnd;
  return p.aligned ? p.outStart + offset - p.srcStart : p.outEnd;
}

/**
 * Compose `outer` (new text → current text) with `inner` (current text → raw) into new text
 * → raw. Both are ordered; one walk over each.
 */
function compose(outer: Piece[], inner: Piece[], rawLength: number): Piece[] {
  const result: Piece[] = [];
  const push = (p: Piece): void => {
    if (p.outEnd <= p.outStart) return;
    const last = result[result.length - 1];
    if (last) {
      // Keep raw offsets monotone: text made from the same raw run becomes one piece.
      if (!p.aligned && p.srcStart < last.srcEnd) {
        last.outEnd = p.outEnd;
        last.srcEnd = Math.max(last.srcEnd, p.srcEnd);
        last.aligned = false;
        return;
      }
      if (p.aligned && last.aligned && last.srcEnd === p.srcStart && last.outEnd === p.outStart) {
        last.outEnd = p.outEnd;
        last.srcEnd = p.srcEnd;
        return;
      }
      if (
        !p.aligned &&
        !last.aligned &&
        last.srcEnd === p.srcStart &&
        last.srcStart === p.srcStart
      ) {
        last.outEnd = p.outEnd;
        return;
      }
    }
    result.push(p);
  };
  let j = 0;
  const rawStartOf = (x: number): number => {
    while (j < inner.length && (inner[j] as Piece).outEnd <= x) j++;
    const q = inner[j];
    if (!q) return rawLength;
    if (x < q.outStart) return q.srcStart;
    return q.aligned ? q.srcStart + x - q.outStart : q.srcStart;
  };
  for (const p of outer) {
    if (p.outEnd <= p.outStart) continue;
    if (!p.aligned || p.srcEnd <= p.srcStart) {
      const start = rawStartOf(p.srcStart);
      let end = start;
      if (p.srcEnd > p.srcStart) {
        // Raw end of the input run: the end of the last inner piece it touches.
        let k = j;
        while (k + 1 < inner.length && (inner[k + 1] as Piece).outStart < p.srcEnd) k++;
        const q = inner[k];
        if (q) end = q.aligned ? q.srcStart + Math.min(p.srcEnd, q.outEnd) - q.outStart : q.srcEnd;
      }
      push({
        outStart: p.outStart,
        outEnd: p.outEnd,
        srcStart: start,
        srcEnd: Math.max(start, end),
        aligned: false,
      });
      continue;
    }
    // An aligned piece: split where the inner pieces split.
    let x = p.srcStart;
    while (x < p.srcEnd) {
      rawStartOf(x);
      const q = inner[j];
      if (!q) break;
      const to = Math.min(p.srcEnd, q.outEnd);
      const outStart = p.outStart + x - p.srcStart;
      const outEnd = p.outStart + to - p.srcStart;
      if (q.aligned) {
        const rs = q.srcStart + x - q.outStart;
        push({ outStart, outEnd, srcStart: rs, srcEnd: rs + to - x, aligned: true });
      } else {
        push({ outStart, outEnd, srcStart: q.srcStart, srcEnd: q.srcEnd, aligned: false });
      }
      x = to;
    }
  }
  return result;
}

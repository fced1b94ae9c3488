/** A half-open range `[start, end)` of UTF-16 code units into `Document.text`. */
export interface Span {
  /** First code unit, inclusive. */
  start: number;
  /** One past the last code unit. */
  end: number;
}

/** A span together with the text it covers, so that JSON output reads without the source. */
export interface TextSpan extends Span {
  text: string;
}

export function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

export function spanLength(span: Span): number {
  return span.end - span.start;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Index of the span in `sorted` (ordered by start, non-overlapping) that contains `offset`, or -1. */
export function findSpanAt(sorted: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = sorted[mid] as Span;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

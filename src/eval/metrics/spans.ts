/**
 * Span matching for extent scores. Exact: same start and end. Overlap: the spans share at
 * least one code unit. Matching is one-to-one (a gold span is credited to at most one
 * prediction and vice versa), so producing the same span twice costs precision.
 */
import { type Counts, emptyCounts } from "./prf.ts";

export interface ScoredSpan {
  start: number;
  end: number;
  /** Type label; spans match only within a type when scoring is typed. */
  type?: string;
  /**
   * The exact pieces of a discontinuous span (a quote interrupted by `he said`); overlap is
   * then measured against the pieces, not the covering span.
   */
  parts?: readonly { start: number; end: number }[];
}

export type MatchMode = "exact" | "overlap";

export interface SpanMatchOptions {
  /** Require equal `type` (default true when both spans carry one). */
  typed?: boolean;
  /**
   * For nested gold (GUM): a gold span left unmatched is not a miss when it contains, or is
   * contained in, a gold span that was matched. A flat tagger can only produce one layer of
   * a nest; this credits whichever layer it chose and still counts every stray prediction.
   */
  excuseNested?: boolean;
}

/** Pairs `[goldIndex, predIndex]`, one-to-one. */
export type Matching = Array<[number, number]>;

export function overlapLength(a: ScoredSpan, b: ScoredSpan): number {
  if (a.parts && a.parts.length > 0) return a.parts.reduce((n, p) => n + overlapLength(p, b), 0);
  if (b.parts && b.parts.length > 0) return b.parts.reduce((n, p) => n + overlapLength(a, p), 0);
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function sameType(a: ScoredSpan, b: ScoredSpan, typed: boolean): boolean {
  return !typed || a.type === undefined || b.type === undefined || a.type === b.type;
}

/**
 * One-to-one matching. For overlap, candidate pairs are taken greedily by largest shared
 * length (ties: the pair whose boundaries differ least, then document order), which is the
 * maximum-overlap choice in every case that arises with news spans and is deterministic.
 */
export function matchSpans(
  gold: readonly ScoredSpan[],
  pred: readonly ScoredSpan[],
  mode: MatchMode,
  options: SpanMatchOptions = {},
): Matching {
  const typed = options.typed ?? true;
  const candidates: Array<{ g: number; p: number; shared: number; off: number }> = [];
  for (let g = 0; g < gold.length; g++) {
    const a = gold[g] as ScoredSpan;
    for (let p = 0; p < pred.length; p++) {
      const b = pred[p] as ScoredSpan;
      if (!sameType(a, b, typed)) continue;
      if (mode === "exact") {
        if (a.start === b.start && a.end === b.end) {
          candidates.push({ g, p, shared: a.end - a.start, off: 0 });
        }
      } else {
        const shared = overlapLength(a, b);
        if (shared > 0 || (a.start === b.start && a.end === b.end)) {
          candidates.push({
            g,
            p,
            shared,
            off: Math.abs(a.start - b.start) + Math.abs(a.end - b.end),
          });
        }
      }
    }
  }
  candidates.sort((x, y) => y.shared - x.shared || x.off - y.off || x.g - y.g || x.p - y.p);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: Matching = [];
  for (const c of candidates) {
    if (usedGold.has(c.g) || usedPred.has(c.p)) continue;
    usedGold.add(c.g);
    usedPred.add(c.p);
    pairs.push([c.g, c.p]);
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

/** True when one span contains the other (they nest). */
export function nests(a: ScoredSpan, b: ScoredSpan): boolean {
  return (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
}

/** Counts per type (key `type`, or `*` for untyped spans) for one document. */
export function scoreSpans(
  gold: readonly ScoredSpan[],
  pred: readonly ScoredSpan[],
  mode: MatchMode,
  options: SpanMatchOptions = {},
): Record<string, Counts> {
  const pairs = matchSpans(gold, pred, mode, options);
  const matchedGold = new Set(pairs.map(([g]) => g));
  const matchedPred = new Set(pairs.map(([, p]) => p));
  const byType: Record<string, Counts> = {};
  const bucket = (type: string | undefined): Counts => {
    const key = type ?? "*";
    byType[key] ??= emptyCounts();
    return byType[key];
  };
  for (const [g] of pairs) bucket(gold[g]?.type).tp++;
  pred.forEach((span, p) => {
    if (!matchedPred.has(p)) bucket(span.type).fp++;
  });
  gold.forEach((span, g) => {
    if (matchedGold.has(g)) return;
    if (options.excuseNested) {
      const excused = [...matchedGold].some((m) => nests(span, gold[m] as ScoredSpan));
      if (excused) return;
    }
    bucket(span.type).fn++;
  });
  return byType;
}

/**
 * Character-level overlap: precision is the share of predicted code units inside some gold
 * span, recall the share of gold code units inside some prediction. Overlapping spans on one
 * side are merged first, so nothing is counted twice.
 */
export function charOverlap(gold: readonly ScoredSpan[], pred: readonly ScoredSpan[]): Counts {
  const g = union(gold);
  const p = union(pred);
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < g.length && j < p.length) {
    const a = g[i] as ScoredSpan;
    const b = p[j] as ScoredSpan;
    shared += overlapLength(a, b);
    if (a.end < b.end) i++;
    else j++;
  }
  const total = (spans: ScoredSpan[]) => spans.reduce((n, s) => n + s.end - s.start, 0);
  const counts = emptyCounts();
  counts.tp = shared;
  counts.fp = total(p) - shared;
  counts.fn = total(g) - shared;
  return counts;
}

function union(spans: readonly ScoredSpan[]): ScoredSpan[] {
  const sorted = spans
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: s.start, end: s.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: ScoredSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

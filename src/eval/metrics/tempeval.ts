/**
 * TempEval-3 style timex scoring (UzZaman et al. 2013). Extents: strict = same start and
 * end, relaxed = the spans overlap; both one-to-one. Value: compared over the relaxed
 * matches. TempEval's "value F1" is precision and recall of timexes that are relaxed-matched
 * AND have the right value, which equals relaxed F1 × value accuracy.
 */

import { type Prf, prf } from "./prf.ts";
import { matchSpans, type ScoredSpan } from "./spans.ts";

export interface GoldTimex extends ScoredSpan {
  /** TIMEX3 value: `2013-03-22`, `2013-W12`, `P3D`, `PRESENT_REF`, `XXXX-WI`, … */
  value: string;
}

export interface PredictedTimex extends ScoredSpan {
  /** Our ISO-like value: `2013-03-22`, `2013-03`, `2013-W12`, `P3D`, … */
  value: string;
}

export interface TimexScore {
  strict: Prf;
  relaxed: Prf;
  /** Correct values over relaxed matches. */
  valueAccuracy: number;
  valueCorrect: number;
  /** TempEval-3 value F1: relaxed-matched and right value, over predictions and gold. */
  value: Prf;
}

/**
 * Canonical form of a value for comparison: upper case, no trailing `Z`, a time's zero
 * seconds dropped (`T15:00:00` = `T15:00`), and a century written `19XX` read as TIMEX3's `19`.
 */
export function normaliseTimexValue(value: string): string {
  let v = value.trim().toUpperCase();
  if (v.endsWith("Z")) v = v.slice(0, -1);
  v = v.replace(/(T\d{2}:\d{2}):00(\.0+)?$/, "$1");
  const century = /^(\d{2})XX$/.exec(v);
  if (century) v = century[1] as string;
  const decade = /^(\d{3})X$/.exec(v);
  if (decade) v = decade[1] as string;
  return v;
}

/**
 * Whether our value states the gold value. Besides equal canonical forms, TIMEX3's
 * `PRESENT_REF` (`now`, `currently`) is met by the document creation time itself, since we
 * resolve `now` against the publication date rather than keep a reference token.
 */
export function timexValueMatches(gold: string, predicted: string, dct: string | null): boolean {
  const g = normaliseTimexValue(gold);
  const p = normaliseTimexValue(predicted);
  if (g === p) return true;
  if (g === "PRESENT_REF" && dct !== null && p === normaliseTimexValue(dct)) return true;
  return false;
}

export interface TimexDocument {
  gold: readonly GoldTimex[];
  predicted: readonly PredictedTimex[];
  /** Document creation (publication) date, `YYYY-MM-DD`. */
  dct: string | null;
}

export function scoreTimexes(docs: readonly TimexDocument[]): TimexScore {
  let strictTp = 0;
  let relaxedTp = 0;
  let valueCorrect = 0;
  let gold = 0;
  let predicted = 0;
  for (const doc of docs) {
    gold += doc.gold.length;
    predicted += doc.predicted.length;
    const untyped = { typed: false };
    strictTp += matchSpans(doc.gold, doc.predicted, "exact", untyped).length;
    const relaxed = matchSpans(doc.gold, doc.predicted, "overlap", untyped);
    relaxedTp += relaxed.length;
    for (const [g, p] of relaxed) {
      const gt = doc.gold[g] as GoldTimex;
      const pt = doc.predicted[p] as PredictedTimex;
      if (timexValueMatches(gt.value, pt.value, doc.dct)) valueCorrect++;
    }
  }
  const counts = (tp: number) => ({ tp, fp: predicted - tp, fn: gold - tp });
  return {
    strict: prf(counts(strictTp)),
    relaxed: prf(counts(relaxedTp)),
    valueAccuracy: relaxedTp === 0 ? 0 : valueCorrect / relaxedTp,
    valueCorrect,
    value: prf(counts(valueCorrect)),
  };
}

/**
 * The TIMEX3 view of the dates stage's output, and TempEval-style scoring. The evaluation
 * (`npm run eval -- --task dates`) and our tuning script both use these, so what is scored
 * is read one way.
 *
 * Mapping to TIMEX3 (documented for comparisons):
 * - a range (`2009-2010`, `Dec. 27-29`) is compared through its `parts`, since TimeML
 *   annotates each endpoint as its own TIMEX3;
 * - `value` is already TIMEX3: days `2013-03-22`, weeks `2013-W12`, months `2013-03`, years
 *   `2013`, seasons `2012-SU`, decades `199`, centuries `19`, quarters `2013-Q1`, times
 *   `2013-03-22T15:00` / `2013-03-22TNI`, durations `P3D` / `PT2H` / `PXD`, vague
 *   `PRESENT_REF` / `PAST_REF` / `FUTURE_REF`, sets `P1D` / `XXXX-WXX-1`; unresolvable
 *   relative dates keep X's (`XXXX-WXX-5`).
 */
import type { DateMention } from "../../core/annotations.ts";

export interface Timex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

/** Flatten ranges into their endpoints, as TimeML annotates them. */
export function timexView(dates: readonly DateMention[]): Timex[] {
  const out: Timex[] = [];
  for (const d of dates) {
    if (d.parts && d.parts.length > 0) out.push(...timexView(d.parts));
    else
      out.push({
        start: d.start,
        end: d.end,
        text: d.text,
        type: d.timexType ?? "DATE",
        value: d.value,
      });
  }
  return out;
}

export interface TimexScore {
  gold: number;
  predicted: number;
  strictMatched: number;
  relaxedMatched: number;
  /** Relaxed matches whose value equals the gold value. */
  valueCorrect: number;
  strict: { precision: number; recall: number; f1: number };
  relaxed: { precision: number; recall: number; f1: number };
  /** Correct values over relaxed matches. */
  valueAccuracy: number;
  /** TempEval's value F1: correct values over gold and over predicted. */
  valueF1: number;
}

export interface TimexPair {
  gold: Timex | null;
  predicted: Timex | null;
}

function prf(
  matched: number,
  gold: number,
  predicted: number,
): { precision: number; recall: number; f1: number } {
  const precision = predicted === 0 ? 0 : matched / predicted;
  const recall = gold === 0 ? 0 : matched / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * One-to-one alignment: exact spans first, then any overlap (relaxed), each prediction used
 * once. Returns the pairs (unmatched on either side have a null partner).
 */
export function alignTimexes(gold: readonly Timex[], predicted: readonly Timex[]): TimexPair[] {
  const used = new Set<number>();
  const partner = new Map<number, number>();
  gold.forEach((g, gi) => {
    const exact = predicted.findIndex(
      (p, pi) => !used.has(pi) && p.start === g.start && p.end === g.end,
    );
    if (exact >= 0) {
      used.add(exact);
      partner.set(gi, exact);
    }
  });
  gold.forEach((g, gi) => {
    if (partner.has(gi)) return;
    const overlap = predicted.findIndex(
      (p, pi) => !used.has(pi) && p.start < g.end && g.start < p.end,
    );
    if (overlap >= 0) {
      used.add(overlap);
      partner.set(gi, overlap);
    }
  });
  const pairs: TimexPair[] = gold.map((g, gi) => {
    const pi = partner.get(gi);
    return { gold: g, predicted: pi === undefined ? null : (predicted[pi] ?? null) };
  });
  predicted.forEach((p, pi) => {
    if (!used.has(pi)) pairs.push({ gold: null, predicted: p });
  });
  return pairs;
}

export function scoreTimexes(pairs: readonly TimexPair[]): TimexScore {
  let gold = 0;
  let predicted = 0;
  let strictMatched = 0;
  let relaxedMatched = 0;
  let valueCorrect = 0;
  for (const { gold: g, predicted: p } of pairs) {
    if (g) gold++;
    if (p) predicted++;
    if (!g || !p) continue;
    relaxedMatched++;
    if (g.start === p.start && g.end === p.end) strictMatched++;
    if (g.value === p.value) valueCorrect++;
  }
  return {
    gold,
    predicted,
    strictMatched,
    relaxedMatched,
    valueCorrect,
    strict: prf(strictMatched, gold, predicted),
    relaxed: prf(relaxedMatched, gold, predicted),
    valueAccuracy: relaxedMatched === 0 ? 0 : valueCorrect / relaxedMatched,
    valueF1: prf(valueCorrect, gold, predicted).f1,
  };
}

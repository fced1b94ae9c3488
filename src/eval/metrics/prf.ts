/**
 * Precision, recall and F1 from counts, and their micro and macro averages over types.
 * Convention: a ratio with an empty denominator is 0, so an empty prediction scores 0
 * rather than a vacuous 1 (the scorer's tests pin this).
 */

export interface Counts {
  /** Predictions that match the gold standard. */
  tp: number;
  /** Predictions that match nothing. */
  fp: number;
  /** Gold items that no prediction matched. */
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

export function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

export function prf(counts: Counts): Prf {
  const precision = ratio(counts.tp, counts.tp + counts.fp);
  const recall = ratio(counts.tp, counts.tp + counts.fn);
  return { ...counts, precision, recall, f1: harmonic(precision, recall) };
}

/** Add `more` into `into` (mutates and returns `into`). */
export function addCounts(into: Counts, more: Counts): Counts {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
  return into;
}

/** Counts per type, merged: `into[type] += more[type]`. */
export function mergeByType(
  into: Record<string, Counts>,
  more: Readonly<Record<string, Counts>>,
): Record<string, Counts> {
  for (const [type, counts] of Object.entries(more)) {
    into[type] = addCounts(into[type] ?? emptyCounts(), counts);
  }
  return into;
}

/** Micro average: pool the counts of every type, then score. */
export function micro(byType: Readonly<Record<string, Counts>>): Prf {
  const total = emptyCounts();
  for (const counts of Object.values(byType)) addCounts(total, counts);
  return prf(total);
}

/**
 * Macro average: the unweighted mean of each type's precision, recall and F1 (F1 is the
 * mean of per-type F1s, not the harmonic mean of the means). Types with neither gold nor
 * predictions are left out; the counts returned are the pooled ones, for reference.
 */
export function macro(byType: Readonly<Record<string, Counts>>): Prf {
  const scored = Object.values(byType)
    .filter((c) => c.tp + c.fp + c.fn > 0)
    .map(prf);
  const total = emptyCounts();
  for (const s of scored) addCounts(total, s);
  const mean = (pick: (s: Prf) => number) =>
    scored.length === 0 ? 0 : scored.reduce((sum, s) => sum + pick(s), 0) / scored.length;
  return {
    ...total,
    precision: mean((s) => s.precision),
    recall: mean((s) => s.recall),
    f1: mean((s) => s.f1),
  };
}

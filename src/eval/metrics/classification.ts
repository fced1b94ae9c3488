/** Single-label classification: accuracy, per-class P/R/F1 and macro F1 over gold classes. */
import { type Counts, emptyCounts, macro, type Prf, prf } from "./prf.ts";

export interface Classification {
  accuracy: number;
  total: number;
  correct: number;
  byClass: Record<string, Prf>;
  /** Mean of per-class F1 over the classes given (or seen). */
  macroF1: number;
  /** confusion[gold][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
}

export function classify(
  pairs: ReadonlyArray<{ gold: string; predicted: string }>,
  classes?: readonly string[],
): Classification {
  const counts: Record<string, Counts> = {};
  const confusion: Record<string, Record<string, number>> = {};
  for (const c of classes ?? []) counts[c] = emptyCounts();
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    counts[gold] ??= emptyCounts();
    counts[predicted] ??= emptyCounts();
    confusion[gold] ??= {};
    const row = confusion[gold];
    row[predicted] = (row[predicted] ?? 0) + 1;
    if (gold === predicted) {
      correct++;
      counts[gold].tp++;
    } else {
      counts[gold].fn++;
      counts[predicted].fp++;
    }
  }
  const byClass: Record<string, Prf> = {};
  for (const [c, n] of Object.entries(counts)) byClass[c] = prf(n);
  // Classes listed up front take part in the macro average even if never seen or predicted.
  const forMacro: Record<string, Counts> = {};
  for (const c of classes ?? Object.keys(counts)) {
    forMacro[c] = counts[c] ?? emptyCounts();
  }
  const scored = Object.values(forMacro);
  const macroF1 =
    classes && classes.length > 0
      ? scored.reduce((sum, c) => sum + prf(c).f1, 0) / scored.length
      : macro(forMacro).f1;
  return {
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    total: pairs.length,
    correct,
    byClass,
    macroF1,
    confusion,
  };
}

/** The shape of an evaluation task, and helpers its tables share. */
import type { Extractor } from "../../core/extract.ts";
import { type Counts, macro, micro, type Prf, prf } from "../metrics/prf.ts";
import type { Cell, TaskResult } from "../report.ts";

export interface TaskContext {
  extractor: Extractor;
  /** Absolute path of the data file. */
  dataPath: string;
  /** The data file as printed (relative to the data folder). */
  dataName: string;
  /** Only the first N records. */
  limit?: number;
}

export type TaskOutcome = Omit<TaskResult, "task" | "data" | "seconds" | "status"> & {
  status?: TaskResult["status"];
};

export interface EvalTask {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Pipeline stages whose output the task scores; it runs only when all are present. */
  stages: readonly string[];
  /** Default data file, relative to the data folder. */
  data: string;
  /** Why the task cannot run yet, or null when it can (default: a missing stage). */
  missing?(extractor: Extractor): Promise<string | null>;
  run(ctx: TaskContext): Promise<TaskOutcome>;
}

export const PRF_COLUMNS = ["P", "R", "F1", "tp", "fp", "fn"];

export function prfCells(s: Prf): Cell[] {
  return [s.precision, s.recall, s.f1, s.tp, s.fp, s.fn];
}

/** Rows for each type in `order` (those present), then micro and macro averages. */
export function typedRows(
  prefix: Cell[],
  byType: Readonly<Record<string, Counts>>,
  order: readonly string[],
): Cell[][] {
  const rows: Cell[][] = [];
  for (const type of order) {
    const counts = byType[type];
    if (counts) rows.push([...prefix, type, ...prfCells(prf(counts))]);
  }
  rows.push([...prefix, "micro", ...prfCells(micro(byType))]);
  rows.push([...prefix, "macro", ...prfCells(macro(byType))]);
  return rows;
}

/** A figure for JSON: P/R/F1 rounded to four places, counts kept. */
export function summary(s: Prf): Record<string, number> {
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return {
    precision: r(s.precision),
    recall: r(s.recall),
    f1: r(s.f1),
    tp: s.tp,
    fp: s.fp,
    fn: s.fn,
  };
}

export function round(x: number, places = 4): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

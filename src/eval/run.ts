/**
 * Runs the evaluation tasks through the one extraction code path (`createExtractor`), each
 * task only when the stages it scores are in the pipeline.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { createExtractor, type Extractor } from "../core/extract.ts";
import { dataDir } from "./data.ts";
import type { TaskResult } from "./report.ts";
import { selectTasks } from "./tasks/index.ts";
import type { EvalTask } from "./tasks/task.ts";

export interface EvalOptions {
  /** Task names (`ner`, `places`, …); all when empty. */
  tasks?: string[];
  /** A data file to score instead of the task's default (one task, or a family like events). */
  data?: string;
  dataDir?: string;
  limit?: number;
  /** Reported as each task starts (stderr in the CLI). */
  progress?: (message: string) => void;
}

export interface EvalReport {
  /** ISO time the run started. */
  date: string;
  /** `git describe`-like commit of the tree measured, `-dirty` when it had local changes. */
  commit: string;
  stages: string[];
  seconds: number;
  results: TaskResult[];
}

export function currentCommit(): string {
  // Set when measuring an exported tree (git archive) that has no .git of its own.
  if (process.env.DATELINE_COMMIT) return process.env.DATELINE_COMMIT;
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync(
      "git",
      ["status", "--porcelain", "--untracked-files=no", "--", "src"],
      {
        encoding: "utf8",
      },
    ).trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return "unknown";
  }
}

/** With `--data`, a task family (events) runs only the member whose data the file looks like. */
function fitsData(task: EvalTask, path: string): boolean {
  const first = readFileSync(path, "utf8").split("\n", 1)[0] ?? "{}";
  const record = JSON.parse(first) as Record<string, unknown>;
  if (task.name === "events-cameo") return "quad" in record || "roles" in record;
  if (task.name === "events") return !("quad" in record || "roles" in record);
  return true;
}

export async function runEval(options: EvalOptions = {}): Promise<EvalReport> {
  const began = performance.now();
  const date = new Date().toISOString();
  const dir = dataDir(options.dataDir);
  const extractor: Extractor = createExtractor();
  let selected = selectTasks(options.tasks);
  const dataPath = options.data ? resolve(options.data) : undefined;
  if (dataPath) {
    if (selected.length !== 1) selected = selected.filter((t) => fitsData(t, dataPath));
    if (selected.length !== 1) {
      throw new Error(
        "--data scores one task: name it with --task (ner, places, dates, events, quotes, stories)",
      );
    }
  }
  const results: TaskResult[] = [];
  for (const task of selected) {
    const path = dataPath ?? join(dir, task.data);
    const shown =
      isAbsolute(relative(dir, path)) || relative(dir, path).startsWith("..")
        ? path
        : relative(dir, path);
    const started = performance.now();
    const base = { task: task.name, data: shown, records: 0, tables: [], metrics: {} };
    const absent = task.stages.filter((s) => !extractor.stageNames.includes(s));
    const why = task.missing ? await task.missing(extractor) : null;
    // NER still runs without its stage: compromise's baseline is worth seeing on its own.
    if ((absent.length > 0 && task.name !== "ner") || why) {
      results.push({
        ...base,
        status: "not built yet",
        seconds: 0,
        notes: [why ?? `stage ${absent.join(", ")} is not in the pipeline`],
      });
      continue;
    }
    options.progress?.(`eval: ${task.name} on ${shown}`);
    try {
      const outcome = await task.run({
        extractor,
        dataPath: path,
        dataName: shown,
        ...(options.limit === undefined ? {} : { limit: options.limit }),
      });
      results.push({
        ...base,
        ...outcome,
        status: outcome.status ?? "ok",
        seconds: (performance.now() - started) / 1000,
      });
    } catch (error) {
      results.push({
        ...base,
        status: "error",
        seconds: (performance.now() - started) / 1000,
        notes: [error instanceof Error ? (error.stack ?? error.message) : String(error)],
      });
    }
  }
  return {
    date,
    commit: currentCommit(),
    stages: [...extractor.stageNames],
    seconds: (performance.now() - began) / 1000,
    results,
  };
}

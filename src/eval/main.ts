/**
 * What `npm run eval` / `dateline eval` (src/cli/commands/eval.ts parses the options) runs:
 * score every built stage on the annotated dev data.
 *
 *   npm run eval                          every task; "not built yet" for missing stages
 *   npm run eval -- --task ner            one task (ner, dates, places, events, quotes, stories)
 *   npm run eval -- --task dates --data my.jsonl --limit 5
 *   npm run eval -- --json                the figures as JSON on stdout
 *   npm run eval -- --update-doc EVALUATION.md   rewrite the figures block of that file
 */
import { readFileSync, writeFileSync } from "node:fs";
import { formatResult } from "./report.ts";
import { type EvalReport, runEval } from "./run.ts";

const BEGIN = "<!-- eval:begin -->";
const END = "<!-- eval:end -->";

export function markdownReport(report: EvalReport): string {
  return [
    `Measured ${report.date.slice(0, 16).replace("T", " ")} UTC at commit \`${report.commit}\`, stages: ${report.stages.join(", ") || "(none)"}; whole run ${report.seconds.toFixed(0)} s.`,
    "",
    ...report.results.map((r) => formatResult(r, true)),
  ].join("\n");
}

/** Put the report between the markers of a Markdown file. */
export function updateDoc(path: string, report: EvalReport): void {
  const doc = readFileSync(path, "utf8");
  const from = doc.indexOf(BEGIN);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${path}: no ${BEGIN} … ${END} block`);
  writeFileSync(
    path,
    `${doc.slice(0, from + BEGIN.length)}\n${markdownReport(report)}\n${doc.slice(to)}`,
  );
}

export interface EvalCliOptions {
  task?: string[];
  data?: string;
  dataDir?: string;
  limit?: number;
  json?: boolean;
  markdown?: boolean;
  updateDoc?: string;
}

/**
 * Run, print and (optionally) write the figures into a document. Returns the exit code:
 * 0 when every task that ran finished, 1 when one failed, 2 on a usage error.
 */
export async function executeEval(options: EvalCliOptions): Promise<number> {
  let report: EvalReport;
  try {
    report = await runEval({
      ...(options.task ? { tasks: options.task } : {}),
      ...(options.data ? { data: options.data } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      progress: (m) => console.error(m),
    });
  } catch (error) {
    console.error(`dateline eval: ${(error as Error).message}`);
    return 2;
  }
  if (options.json) console.log(JSON.stringify(report, null, 2));
  else if (options.markdown) console.log(markdownReport(report));
  else {
    console.log(
      `dateline eval — ${report.date} — commit ${report.commit} — stages: ${report.stages.join(", ") || "(none)"}\n`,
    );
    for (const result of report.results) console.log(formatResult(result));
    console.log(`total ${report.seconds.toFixed(1)} s`);
  }
  if (options.updateDoc) updateDoc(options.updateDoc, report);
  return report.results.some((r) => r.status === "error") ? 1 : 0;
}

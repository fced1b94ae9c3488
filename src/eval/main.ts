/**
 * `npm run eval` / `dateline eval`: score every built stage on the annotated dev data.
 *
 *   npm run eval                          every task; "not built yet" for missing stages
 *   npm run eval -- --task ner            one task (ner, dates, places, events, quotes, stories)
 *   npm run eval -- --task dates --data my.jsonl --limit 5
 *   npm run eval -- --json                the figures as JSON on stdout
 *   npm run eval -- --update-doc EVALUATION.md   rewrite the figures block of that file
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatResult } from "./report.ts";
import { type EvalReport, runEval } from "./run.ts";
import { tasks } from "./tasks/index.ts";

export const EVAL_USAGE = `Usage: dateline eval [options]

Score every built stage on the annotated data in ../shared/data (MANIFEST.md there).

Examples:
  dateline eval                         run every task
  dateline eval --task ner              entities on GUM news, compromise beside
  dateline eval --task events --json    events figures as JSON
  dateline eval --task dates --data file.jsonl --limit 3

Options:
  --task NAME       ${[...new Set(tasks.map((t) => t.name.split("-")[0]))].join(" | ")} (repeatable)
  --data FILE       score this file instead of the task's default
  --data-dir DIR    the annotated data folder (default ../shared/data, or $DATELINE_DATA)
  --limit N         only the first N records of each file
  --json            print the report as JSON
  --markdown        print the tables as Markdown
  --update-doc FILE replace the figures between <!-- eval:begin --> and <!-- eval:end -->
  -h, --help        this text`;

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

/** `tsx src/eval/main.ts …`: the same options, parsed without the CLI. */
export async function evalMain(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    console.error(`dateline eval: ${(error as Error).message}\n\n${EVAL_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(EVAL_USAGE);
    return 0;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    console.error("dateline eval: --limit takes a positive whole number");
    return 2;
  }
  return executeEval({
    ...(values.task ? { task: values.task } : {}),
    ...(values.data ? { data: values.data } : {}),
    ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}),
    ...(limit === undefined ? {} : { limit }),
    ...(values.json ? { json: true } : {}),
    ...(values.markdown ? { markdown: true } : {}),
    ...(values["update-doc"] ? { updateDoc: values["update-doc"] } : {}),
  });
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      task: { type: "string", multiple: true },
      data: { type: "string" },
      "data-dir": { type: "string" },
      limit: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      "update-doc": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: false,
  });
}

// Run directly (`tsx src/eval/main.ts`), not when the CLI imports evalMain.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  evalMain(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

import { Command, InvalidArgumentError, Option } from "commander";
import { type EvalCliOptions, executeEval } from "../../eval/main.ts";
import { tasks } from "../../eval/tasks/index.ts";
import { type ExitCode, setExitCode } from "../io.ts";
import { positiveInteger } from "../options.ts";

const families = [...new Set(tasks.map((t) => t.name.split("-")[0] ?? t.name))];
/** A family (`events`: every events task) or one task by its full name (`events-cameo`). */
const taskNames = [...new Set([...families, ...tasks.map((t) => t.name)])];

/** `dateline eval`, which `npm run eval` runs; the work is `executeEval` in src/eval/main.ts. */
export function evalCommand(): Command {
  return new Command("eval")
    .summary("score every built stage on the annotated dev data (../shared/data)")
    .addHelpText(
      "before",
      `Examples:
  dateline eval                          every task; "not built yet" for missing stages
  dateline eval --task ner               entities on GUM news, compromise beside
  dateline eval --task events --json     events figures as JSON (events and events-cameo)
  dateline eval --task events-cameo      only the CAMEO-class task
  dateline eval --task dates --data my.jsonl --limit 3
`,
    )
    .addOption(
      new Option("--task <name>", `a task to run, repeatable: ${taskNames.join(", ")}`).argParser(
        (value: string, previous: string[] | undefined) => {
          if (!taskNames.includes(value)) {
            throw new InvalidArgumentError(`no task "${value}" (tasks: ${taskNames.join(", ")})`);
          }
          return [...(previous ?? []), value];
        },
      ),
    )
    .option("--data <file>", "score this file instead of the task's default")
    .option("--data-dir <dir>", "the annotated data folder (default ../shared/data)")
    .addOption(
      new Option("--limit <n>", "only the first N records of each file").argParser(positiveInteger),
    )
    .option("--json", "print the report as JSON on stdout")
    .option("--markdown", "print the tables as Markdown")
    .option("--update-doc <file>", "rewrite the figures block of this Markdown file")
    .action(async (options: EvalCliOptions) => {
      const code = await executeEval(options);
      setExitCode(code as ExitCode);
    });
}

/**
 * `dateline`: the command-line tool. Each command is its own module in `commands/`;
 * adding one is a module and a line in `commands` below.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Command, CommanderError } from "commander";
import { articlesCommand } from "./commands/articles.ts";
import { evalCommand } from "./commands/eval.ts";
import { eventsCommand } from "./commands/events.ts";
import { extractCommand } from "./commands/extract.ts";
import { ingestCommand } from "./commands/ingest.ts";
import { showCommand } from "./commands/show.ts";
import { statsCommand } from "./commands/stats.ts";
import { CliError, ExitCode, log, setExitCode } from "./io.ts";

/** Every command, in the order `--help` lists them. */
const commands: readonly (() => Command)[] = [
  extractCommand,
  ingestCommand,
  articlesCommand,
  showCommand,
  eventsCommand,
  statsCommand,
  evalCommand,
];

const examples = `Dateline turns news articles into event data: who did what to whom, where and when,
each fact tied to the sentence that says it.

Examples:
  dateline ingest examples/                 # read, annotate and store (./dateline.db)
  dateline events                           # the events found, as a table
  dateline events --type ASSAULT --format csv > assaults.csv
  dateline show c1e55ffc                    # an article with its annotations marked
  dateline extract article.txt | jq .       # annotated JSON, no store
  dateline stats

Exit codes: 0 ok · 1 some inputs failed (the rest were processed) · 2 usage error ·
3 the run could not go on (store or pipeline unusable).
`;

export function buildProgram(): Command {
  const program = new Command("dateline")
    .description("News in, events out.")
    .version(packageVersion(), "-V, --version")
    .addHelpText("before", examples)
    .showHelpAfterError("(run with --help for usage and examples)")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  for (const make of commands) {
    const command = make();
    command.copyInheritedSettings(program);
    program.addCommand(command);
  }
  return program;
}

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  // A closed pipe (`dateline extract … | head`) is the reader saying it has enough.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      setExitCode(error.exitCode === 0 ? ExitCode.ok : ExitCode.usage);
    } else if (error instanceof CliError) {
      log(error.message);
      setExitCode(error.exitCode);
    } else {
      log(
        `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      setExitCode(ExitCode.failure);
    }
  }
}

function packageVersion(): string {
  const url = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
}

// `bin/dateline.js` calls main(); this also lets `tsx src/cli/main.ts …` run the CLI.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

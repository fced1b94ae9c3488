/**
 * `dateline`: the command-line tool. Each command is its own module in `commands/`;
 * adding one is a module and an entry in `commands` below.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Command, CommanderError } from "commander";
import { CliError, ExitCode, log, setExitCode } from "./io.ts";

interface CommandEntry {
  name: string;
  /** The line `dateline --help` shows for it. */
  summary: string;
  /** The command's module, loaded only when it runs (or its help is asked for). */
  load: () => Promise<() => Command>;
}

/**
 * Every command, in the order `--help` lists them. A command module loads only when it
 * runs, so `dateline stats` does not pay for loading the evaluation or the models.
 */
const commands: readonly CommandEntry[] = [
  {
    name: "extract",
    summary: "annotate articles and print them as JSON lines (no store)",
    load: async () => (await import("./commands/extract.ts")).extractCommand,
  },
  {
    name: "ingest",
    summary: "annotate articles and store them (idempotent)",
    load: async () => (await import("./commands/ingest.ts")).ingestCommand,
  },
  {
    name: "articles",
    summary: "list stored articles",
    load: async () => (await import("./commands/articles.ts")).articlesCommand,
  },
  {
    name: "show",
    summary: "show an article with its annotations marked in the text",
    load: async () => (await import("./commands/show.ts")).showCommand,
  },
  {
    name: "events",
    summary: "list stored events, filtered, as a table, JSON lines or CSV",
    load: async () => (await import("./commands/events.ts")).eventsCommand,
  },
  {
    name: "messages",
    summary: "list messages: inputs that could not be read, repairs, doubts",
    load: async () => (await import("./commands/messages.ts")).messagesCommand,
  },
  {
    name: "stories",
    summary: "list story clusters with their articles (reprints linked to originals)",
    load: async () => (await import("./commands/stories.ts")).storiesCommand,
  },
  {
    name: "stats",
    summary: "count articles, annotations by kind, events by type, messages by rule",
    load: async () => (await import("./commands/stats.ts")).statsCommand,
  },
  {
    name: "serve",
    summary: "serve the store read-only: a JSON API and a web UI (map, timeline, evidence)",
    load: async () => (await import("./commands/serve.ts")).serveCommand,
  },
  {
    name: "eval",
    summary: "score every built stage on the annotated dev data (../shared/data)",
    load: async () => (await import("./commands/eval.ts")).evalCommand,
  },
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

/** The program, with the command named in `argv` (if any) loaded and the rest listed. */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command("dateline")
    .description("News in, events out.")
    .version(packageVersion(), "-V, --version")
    .addHelpText("before", examples)
    .showHelpAfterError("(run with --help for usage and examples)")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  const wanted = commandNamed(argv.slice(2));
  for (const entry of commands) {
    const command = entry.name === wanted ? (await entry.load())() : new Command(entry.name);
    command.summary(entry.summary);
    // Descriptions are written as lines in the source; commander wraps them to the
    // terminal itself, and a hard break left in would strand a word on a line of its own.
    command.description(command.description().replace(/\n(?=\S)/g, " "));
    command.copyInheritedSettings(program);
    program.addCommand(command);
  }
  return program;
}

/** The command the arguments run: the first word, or the one after `help`. */
function commandNamed(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith("-"));
  return words[0] === "help" ? words[1] : words[0];
}

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  // A closed pipe (`dateline extract … | head`) is the reader saying it has enough.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await (await buildProgram(argv)).parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      setExitCode(error.exitCode === 0 ? ExitCode.ok : ExitCode.usage);
    } else if (error instanceof CliError) {
      log(error.message);
      setExitCode(error.exitCode);
    } else if (error instanceof Error && error.name === "QueryError") {
      // The store rejected a query as given (bad --search syntax): a usage error.
      log(error.message);
      setExitCode(ExitCode.usage);
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

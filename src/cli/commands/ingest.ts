import { Command, Option } from "commander";
import { type IngestItem, type IngestOutcome, openStore } from "../../store/index.ts";
import {
  INGEST_BATCH_SIZE,
  mergeRuleConflict,
  type StoryPassOptions,
  type StoryPassResult,
  type StorySettings,
  settingsConflict,
  storyPass,
  unplacedArticles,
} from "../../stories/update.ts";
import { maxBytesOption, readInputs } from "../inputs.ts";
import { CliError, ExitCode, setExitCode, writeOut } from "../io.ts";
import { flagOf, mergeRuleFrom, mergeRuleOptions } from "../merge-rule.ts";
import {
  concurrencyOption,
  dbOption,
  jsonOption,
  lexiconOption,
  pipelineOptionsFrom,
  positiveInteger,
} from "../options.ts";
import { createProgress } from "../progress.ts";

interface IngestOptions {
  db: string;
  concurrency: number;
  lexicon?: string[];
  maxBytes: number;
  batchSize: number;
  storySettings: "auto" | StorySettings;
  json?: boolean;
}

export type IngestSummary = Record<IngestOutcome, number> & {
  inputs: number;
  db: string;
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM after storing what was done. */
  interrupted: boolean;
  /**
   * Articles that came more than the story window behind the newest one placed before
   * them (an archive out of time order): they may start stories of their own.
   */
  behind: number;
  /**
   * Articles an earlier run stored but stopped before placing in stories (a crash, a
   * second interrupt): this run placed them first.
   */
  resumed: number;
};

export function ingestCommand(): Command {
  const command = new Command("ingest")
    .description(
      "Annotate each input and store the article, its annotations and its messages in the\n" +
        "store (created on first use). An article's id is its content hash unless the input\n" +
        "gives one; ingesting the same input again changes nothing and is counted as\n" +
        "unchanged. Each batch is one transaction: an interrupted run loses at most the batch\n" +
        "in flight. Inputs that cannot be read are reported on stderr and recorded in the\n" +
        "store as messages; the exit code is then 1. The --merge options set the rule by\n" +
        "which a new store merges the reports of one event (docs/stories.md); like the story\n" +
        "settings, a store keeps the rule it started with.",
    )
    .addHelpText(
      "before",
      `Examples:
  dateline ingest examples/
  dateline ingest corpus/ feeds.jsonl --db news.db --concurrency 2
  dateline ingest examples/ --json        # the counts as JSON on stdout
  dateline ingest titles.jsonl --db headlines.db --story-settings headlines
`,
    )
    .argument("<inputs...>", "files, directories, or - for JSON lines on stdin")
    .addOption(dbOption())
    .addOption(concurrencyOption())
    .addOption(lexiconOption())
    .addOption(maxBytesOption())
    .addOption(
      new Option("--batch-size <n>", "articles per transaction")
        .default(INGEST_BATCH_SIZE)
        .argParser((value) => positiveInteger(value)),
    )
    .addOption(
      new Option(
        "--story-settings <kind>",
        "how a new store clusters stories: headlines (for headlines alone), articles (title " +
          "and lead), or auto (its first batch decides); a store keeps them",
      )
        .choices(["auto", "headlines", "articles"])
        .default("auto"),
    );
  for (const option of mergeRuleOptions()) command.addOption(option);
  return command
    .addOption(jsonOption("the counts"))
    .action(async (inputs: string[], options: IngestOptions) => {
      // Loaded here, not at the top: the stages and their models are needed only now,
      // so --help and usage errors answer at once.
      const { processAll, RunError } = await import("../../run/index.ts");
      const started = performance.now();
      const store = await openStore(options.db);
      const settings = options.storySettings === "auto" ? undefined : options.storySettings;
      // A store keeps its story settings and merge rule: asking for others stores nothing.
      const refuse = async (conflict: string | null | undefined, leaveOut: string) => {
        if (!conflict) return;
        await store.close();
        throw new CliError(
          `${options.db} ${conflict}; ingest into another --db, or leave ${leaveOut} out`,
          ExitCode.usage,
        );
      };
      await refuse(
        settings && (await settingsConflict(store.stories(), settings)),
        "--story-settings",
      );
      const merge = mergeRuleFrom(options);
      await refuse(await mergeRuleConflict(store.stories(), merge, flagOf), "the --merge options");
      const summary: IngestSummary = {
        db: options.db,
        inputs: 0,
        added: 0,
        updated: 0,
        unchanged: 0,
        duplicate: 0,
        failed: 0,
        interrupted: false,
        behind: 0,
        resumed: 0,
      };
      const progress = createProgress("ingested", { inputs });
      // The first interrupt stops reading and stores what is done; a second one exits now,
      // losing only the batch in flight (the store is transactional either way).
      const interrupt = () => {
        if (summary.interrupted) process.exit(130);
        summary.interrupted = true;
        progress.log("dateline: interrupted; storing what is done (interrupt again to stop now)");
      };
      process.on("SIGINT", interrupt);
      process.on("SIGTERM", interrupt);
      // Duplicates, stories and merged events, across articles, after each batch is stored.
      const passOptions: StoryPassOptions = { ...(settings ? { settings } : {}), merge };
      const stories = storyPass(store, passOptions);
      const placed = (result: StoryPassResult | null) => {
        const note = result?.chose ? settingsNote(result.chose) : null;
        if (note) progress.log(note);
        summary.behind += result?.behind ?? 0;
      };
      let batch: IngestItem[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const { outcomes } = await store.writeBatch(batch);
        placed(await passOrFail(() => stories(batch, outcomes)));
        for (const outcome of outcomes) summary[outcome]++;
        batch = [];
      };
      try {
        // What an earlier run stored but did not place goes first: it came before.
        const resuming = createProgress("placed in stories");
        for await (const { docs, total } of unplacedArticles(store, options.batchSize)) {
          if (summary.resumed === 0) resuming.log(resumeNote(total));
          const items = docs.map((doc) => ({ kind: "article", doc }));
          placed(
            await passOrFail(() =>
              stories(
                items,
                items.map(() => "added"),
              ),
            ),
          );
          summary.resumed += docs.length;
          for (const doc of docs) resuming.tick(true, doc.id);
          if (summary.interrupted) break;
        }
        resuming.done();
        const results = summary.interrupted
          ? []
          : processAll(readInputs(inputs, { maxBytes: options.maxBytes }), {
              concurrency: options.concurrency,
              pipeline: pipelineOptionsFrom(options),
            });
        for await (const result of results) {
          summary.inputs++;
          progress.tick(result.ok, result.ok ? result.origin : result.failure.origin);
          if (result.ok) {
            batch.push({
              kind: "article",
              doc: result.doc,
              origin: result.origin,
              idGiven: result.idGiven,
            });
          } else {
            const { origin, reason, rule } = result.failure;
            progress.log(`dateline: skipped ${origin}: ${reason} (${rule})`);
            batch.push({ kind: "failure", failure: result.failure });
          }
          if (batch.length >= options.batchSize) await flush();
          if (summary.interrupted) break;
        }
        await flush();
      } catch (error) {
        if (error instanceof RunError) throw new CliError(error.message, ExitCode.failure);
        throw error;
      } finally {
        process.off("SIGINT", interrupt);
        process.off("SIGTERM", interrupt);
        progress.done();
        await store.close();
      }
      if (options.json) await writeOut(`${JSON.stringify(summary)}\n`);
      const { added, updated, unchanged, duplicate, failed } = summary;
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(
        `dateline: ${summary.inputs} input${summary.inputs === 1 ? "" : "s"} into ${options.db}: ` +
          `${added} added, ${updated} updated, ${unchanged} unchanged, ${duplicate} duplicate, ` +
          `${failed} failed${summary.interrupted ? " (interrupted)" : ""} in ${seconds.toFixed(1)} s ` +
          `(${(summary.inputs / seconds).toFixed(1)} inputs/s)\n`,
      );
      if (summary.behind) process.stderr.write(behindNote(summary.behind));
      if (failed) setExitCode(ExitCode.partial);
      if (summary.interrupted) setExitCode(ExitCode.interrupted);
    });
}

/**
 * An archive read out of time order loses story joins: the stories an old article belongs
 * with have left the clusterer's window (docs/stories.md). Nothing is lost from the store.
 */
function behindNote(behind: number): string {
  const articles = behind === 1 ? "1 article" : `${behind} articles`;
  return (
    `dateline: stories: ${articles} came more than the stories' time window behind newer ` +
    "ones ingested before them, so they could join only stories still open and may stand " +
    "alone; ingest an archive in time order to cluster it fully (docs/stories.md)\n"
  );
}

/**
 * The story pass after a stored batch, its failure said as what it means for the store:
 * the batch is kept, unplaced, and the next run places it (the pass is one transaction).
 */
async function passOrFail(
  pass: () => Promise<StoryPassResult | null>,
): Promise<StoryPassResult | null> {
  try {
    return await pass();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `the story pass failed (${reason}); the articles stored so far are kept, and the ` +
        "next ingest places those not yet in stories",
      ExitCode.failure,
    );
  }
}

function resumeNote(total: number): string {
  const articles = total === 1 ? "1 stored article" : `${total} stored articles`;
  return (
    `dateline: stories: placing ${articles} that an earlier run stored but stopped ` +
    "before placing in stories"
  );
}

/**
 * Said once per store, when its first batch turns out to be headlines alone: the store then
 * clusters with other settings than a store of articles (the usual case, not announced).
 */
function settingsNote(kind: StorySettings): string | null {
  return kind === "headlines"
    ? "dateline: stories: most of the first batch are headlines alone, so this store " +
        "clusters stories with the headline settings from now on (docs/stories.md)"
    : null;
}

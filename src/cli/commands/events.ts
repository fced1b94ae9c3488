import { Command, InvalidArgumentError, Option } from "commander";
import { EVENT_TYPES, type EventType, QUADS, type Quad } from "../../core/annotations.ts";
import type { EventFilter } from "../../store/index.ts";
import { eventFormats } from "../formats/index.ts";
import { CliError, ExitCode, writeOut } from "../io.ts";
import { openExistingStore } from "../open-store.ts";
import {
  checkDateRange,
  dbOption,
  isoDate,
  isoDateUntil,
  limitOf,
  limitOption,
  nonNegativeInteger,
  positiveInteger,
} from "../options.ts";
import { printMergedEvents } from "./merged-events.ts";

interface EventsOptions {
  db: string;
  type?: EventType;
  quad?: Quad;
  country?: string;
  actor?: string;
  since?: string;
  until?: string;
  article?: string;
  story?: number;
  search?: string;
  limit: number;
  format: string;
  merged?: boolean;
  minArticles?: number;
}

export function eventsCommand(): Command {
  return new Command("events")
    .description(
      "List the events in the store, ordered by date. Filters combine (all must hold).\n" +
        "An event's date is its own interval when the text gives one, else its article's.",
    )
    .addHelpText(
      "before",
      `Examples:
  dateline events
  dateline events --type ASSAULT --country IRQ --since 2019-12-01
  dateline events --actor hezbollah --format csv > events.csv
  dateline events --quad material-conflict --format json | jq .evidenceText
  dateline events --merged --actor trump --min-articles 3   # the most reported, merged
  dateline events --merged --story 42       # the events of one story (dateline stories)
`,
    )
    .addHelpText("after", formatHelp)
    .addOption(dbOption())
    .addOption(new Option("--type <type>", "PLOVER event type").choices(EVENT_TYPES))
    .addOption(new Option("--quad <quad>", "quad class").choices(QUADS))
    .addOption(
      new Option(
        "--country <code>",
        "ISO alpha-3 (actor or recipient, e.g. IRQ) or alpha-2 (place, e.g. IQ)",
      ).argParser(countryCode),
    )
    .addOption(new Option("--actor <name>", "actor or recipient name contains this"))
    .addOption(new Option("--since <date>", "on or after this date").argParser(isoDate))
    .addOption(new Option("--until <date>", "on or before this date").argParser(isoDateUntil))
    .addOption(new Option("--article <id>", "only events of this article"))
    .addOption(
      new Option(
        "--story <id>",
        "only events of the articles of this story (dateline stories)",
      ).argParser((v) => nonNegativeInteger(v)),
    )
    .addOption(new Option("--search <query>", "full-text query over the evidence sentence"))
    .addOption(limitOption(0))
    .addOption(
      new Option(
        "--merged",
        "one row per real event: mentions merged across articles, with mention, article and source counts (every filter but --search applies)",
      ),
    )
    .addOption(
      new Option(
        "--min-articles <n>",
        "with --merged: only events reported by at least this many articles (reprints aside)",
      ).argParser((v) => positiveInteger(v)),
    )
    .addOption(
      new Option("--format <format>", "output format (see below)")
        .choices(eventFormats.map((f) => f.name))
        .default("table"),
    )
    .hook("preAction", checkDateRange)
    .action(async (options: EventsOptions) => {
      const store = await openExistingStore(options.db);
      try {
        // Each of these reads what only one of the two listings has.
        if (options.merged && options.search !== undefined) {
          throw new CliError(
            "--search reads one event's evidence sentence, and a merged event has one per " +
              "mention: search without --merged",
            ExitCode.usage,
          );
        }
        if (!options.merged && options.minArticles !== undefined) {
          throw new CliError(
            "--min-articles counts the articles of a merged event: use it with --merged",
            ExitCode.usage,
          );
        }
        if (options.merged) {
          await printMergedEvents(store, { ...options, limit: limitOf(options.limit) ?? 0 });
          return;
        }
        const filter: EventFilter = {};
        if (options.type) filter.type = options.type;
        if (options.quad) filter.quad = options.quad;
        if (options.country) filter.country = options.country;
        if (options.actor) filter.actor = options.actor;
        if (options.since) filter.since = options.since;
        if (options.until) filter.until = options.until;
        if (options.article) filter.articleId = options.article;
        if (options.story !== undefined) filter.storyId = options.story;
        if (options.search) filter.search = options.search;
        const limit = limitOf(options.limit);
        if (limit) filter.limit = limit;
        const format = eventFormats.find((f) => f.name === options.format);
        if (!format) return;
        const written = await format.write(store.queryEvents(filter), writeOut);
        if (written === 0 && format.name === "table") {
          const { articles, annotations } = await store.stats();
          const held = `${articles} article${articles === 1 ? "" : "s"} in ${options.db}`;
          process.stderr.write(
            !articles
              ? `dateline: ${options.db} holds no articles yet; run \`dateline ingest\` first\n`
              : annotations.event
                ? `dateline: no events match (${held})\n`
                : `dateline: no events found yet (${held})\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}

function formatHelp(): string {
  const width = Math.max(...eventFormats.map((f) => f.name.length));
  return `\nFormats:\n${eventFormats.map((f) => `  ${f.name.padEnd(width)}  ${f.description}`).join("\n")}\n`;
}

function countryCode(value: string): string {
  if (!/^[A-Za-z]{2,3}$/.test(value)) {
    throw new InvalidArgumentError(`expected an ISO code such as IRQ or IQ, not "${value}"`);
  }
  return value.toUpperCase();
}

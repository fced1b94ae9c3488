import { Command } from "commander";
import { type StatsWithRules, statsWithRules } from "../../stories/stats.ts";
import { writeOut } from "../io.ts";
import { flagOf, MERGE_FLAGS } from "../merge-rule.ts";
import { openExistingStore } from "../open-store.ts";
import { dbOption, jsonOption } from "../options.ts";

interface StatsOptions {
  db: string;
  json?: boolean;
}

export function statsCommand(): Command {
  return new Command("stats")
    .addHelpText(
      "before",
      `Examples:
  dateline stats
  dateline stats --db news.db --json | jq .messagesByRule
`,
    )
    .addOption(dbOption())
    .addOption(jsonOption("the counts"))
    .action(async (options: StatsOptions) => {
      const store = await openExistingStore(options.db);
      try {
        const stats = await statsWithRules(store);
        if (options.json) {
          await writeOut(`${JSON.stringify(stats)}\n`);
          return;
        }
        const lines = [
          `store          ${options.db} (schema ${stats.schemaVersion})`,
          `articles       ${stats.articles}`,
          `failed inputs  ${stats.failedInputs}`,
          "",
          "annotations",
          ...entries(stats.annotations),
          "",
          "events by type",
          ...entries(stats.eventsByType),
          "",
          "messages by rule",
          ...entries(stats.messagesByRule),
          "",
          "stories",
          ...storyLines(stats.articles, stats.stories),
        ];
        await writeOut(`${lines.join("\n")}\n`);
      } finally {
        await store.close();
      }
    });
}

function entries(counts: Record<string, number>): string[] {
  const list = Object.entries(counts);
  if (!list.length) return ["  (none)"];
  const width = Math.max(...list.map(([key]) => key.length));
  return list.map(([key, n]) => `  ${key.padEnd(width)}  ${n}`);
}

function storyLines(articles: number, stories: StatsWithRules["stories"]): string[] {
  if (stories.settings === null && stories.placed === 0) return ["  (no story pass yet)"];
  const waiting = articles - stories.placed;
  const rule = stories.mergeRule;
  return [
    `  placed         ${stories.placed} of ${articles} articles (${stories.reprints} reprints)` +
      (waiting > 0 ? `; ${waiting} wait for the next ingest` : ""),
    `  stories        ${stories.stories} (${stories.shared} of more than one article; ` +
      `the largest ${stories.largest})`,
    `  merged events  ${stories.mergedEvents} (${stories.reportedTwice} reported by more than one article)`,
    `  settings       ${stories.settings ?? "(none yet)"}`,
    `  merge rule     ${rule ? MERGE_FLAGS.map(({ key }) => `${flagOf(key)} ${rule[key]}`).join(" ") : "(none yet)"}`,
  ];
}

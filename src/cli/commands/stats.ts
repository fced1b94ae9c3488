import { Command } from "commander";
import { writeOut } from "../io.ts";
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
        const stats = await store.stats();
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

import { Command, Option } from "commander";
import type { StoredArticle } from "../../store/index.ts";
import { CliError, colourOnStdout, ExitCode, writeOut } from "../io.ts";
import { openExistingStore } from "../open-store.ts";
import { dbOption, jsonOption } from "../options.ts";
import { renderArticle } from "../render/article.ts";
import { createStyle } from "../style.ts";
import { mergedEventPrefix, printMergedEvent } from "./merged-events.ts";

interface ShowOptions {
  db: string;
  json?: boolean;
  colour?: boolean;
}

export function showCommand(): Command {
  return new Command("show")
    .description(
      "Show a stored article: its text with entities, dates, places, event triggers and\n" +
        "quotes marked (colours on a terminal, [brackets]LABELS otherwise), then its events,\n" +
        "actors, quotes and messages. ID may be a unique prefix of the article's id.",
    )
    .addHelpText(
      "before",
      `Examples:
  dateline show c1e55ffc
  dateline show c1e55ffc --no-colour | less
  dateline show c1e55ffc --json | jq .events
`,
    )
    .argument("<id>", "the article's id or a unique prefix of it; or a merged event's (ev-…)")
    .addOption(dbOption())
    .addOption(jsonOption("the annotated document"))
    .addOption(new Option("--no-colour", "mark with brackets and labels even on a terminal"))
    .action(async (id: string, options: ShowOptions) => {
      const store = await openExistingStore(options.db);
      try {
        if (id.startsWith(mergedEventPrefix)) {
          await printMergedEvent(store, id, options);
          return;
        }
        let article: StoredArticle | null = await store.getArticle(id);
        if (!article) {
          const candidates = await store.listArticles({ idPrefix: id, limit: 2 });
          if (candidates.length > 1) {
            throw new CliError(
              `"${id}" matches several articles; give more of the id`,
              ExitCode.usage,
            );
          }
          const only = candidates[0];
          if (only) article = await store.getArticle(only.id);
        }
        if (!article) {
          throw new CliError(`no article "${id}" in ${options.db}`, ExitCode.partial);
        }
        if (options.json) {
          await writeOut(`${JSON.stringify(article.doc)}\n`);
          return;
        }
        const style = createStyle(options.colour !== false && colourOnStdout());
        await writeOut(renderArticle(article, style));
      } finally {
        await store.close();
      }
    });
}

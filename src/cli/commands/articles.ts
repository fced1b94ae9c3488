import { Command, Option } from "commander";
import type { ArticleFilter } from "../../store/index.ts";
import { writeOut } from "../io.ts";
import { openExistingStore } from "../open-store.ts";
import {
  checkDateRange,
  dbOption,
  isoDate,
  isoDateUntil,
  jsonOption,
  limitOf,
  limitOption,
} from "../options.ts";
import { renderTable } from "../table.ts";

interface ArticlesOptions {
  db: string;
  since?: string;
  until?: string;
  source?: string;
  search?: string;
  limit: number;
  offset?: number;
  json?: boolean;
}

export function articlesCommand(): Command {
  return new Command("articles")
    .description(
      "List the articles in the store by publication date (undated last), with their\n" +
        "event and message counts. --json prints one JSON object per article.",
    )
    .addHelpText(
      "before",
      `Examples:
  dateline articles
  dateline articles --since 2019-12-01 --until 2019-12-31
  dateline articles --search '"Kata\\'ib Hezbollah"' --json
`,
    )
    .addOption(dbOption())
    .addOption(new Option("--since <date>", "published on or after").argParser(isoDate))
    .addOption(new Option("--until <date>", "published on or before").argParser(isoDateUntil))
    .addOption(new Option("--source <name>", "only this source"))
    .addOption(new Option("--search <query>", "full-text query over title and text (FTS5)"))
    .addOption(limitOption(100))
    .addOption(jsonOption("one article per line"))
    .hook("preAction", checkDateRange)
    .action(async (options: ArticlesOptions) => {
      const store = await openExistingStore(options.db);
      try {
        const filter: ArticleFilter = {};
        if (options.since) filter.since = options.since;
        if (options.until) filter.until = options.until;
        if (options.source) filter.source = options.source;
        if (options.search) filter.search = options.search;
        const limit = limitOf(options.limit);
        if (limit) filter.limit = limit;
        const articles = await store.listArticles(filter);
        if (options.json) {
          for (const article of articles) await writeOut(`${JSON.stringify(article)}\n`);
          return;
        }
        if (!articles.length) {
          process.stderr.write("dateline: no articles match\n");
          return;
        }
        const rows = articles.map((a) => [
          a.id,
          a.published ?? "",
          a.source ?? "",
          String(a.events),
          String(a.messages),
          // A headline read from a feed is the article's text, not its title.
          a.title ?? (a.lead.replace(/\s+/g, " ") || a.origin),
        ]);
        await writeOut(
          renderTable(["ID", "PUBLISHED", "SOURCE", "EVENTS", "MESSAGES", "TITLE"], rows, {
            shrink: 5,
          }),
        );
      } finally {
        await store.close();
      }
    });
}

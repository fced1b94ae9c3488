import { Command, Option } from "commander";
import {
  type StoryArticle,
  type StoryFilter,
  type StorySort,
  storySorts,
} from "../../store/index.ts";
import { CliError, ExitCode, writeOut } from "../io.ts";
import { openExistingStore } from "../open-store.ts";
import {
  checkDateRange,
  dbOption,
  isoDate,
  isoDateUntil,
  jsonOption,
  limitOf,
  limitOption,
  nonNegativeInteger,
} from "../options.ts";

interface StoriesOptions {
  db: string;
  limit: number;
  minArticles: number;
  articles: number;
  since?: string;
  until?: string;
  search?: string;
  sort: StorySort;
  json?: boolean;
}

export function storiesCommand(): Command {
  return new Command("stories")
    .description(
      "List the stories the stored articles were clustered into, most recently active\n" +
        "first, each with its articles. A reprint (an exact or near-duplicate of an earlier\n" +
        "article) is listed under its story with the article it copies; ORIGINALS counts\n" +
        "the articles that are not reprints. Give a story id to list all its articles.",
    )
    .addHelpText(
      "before",
      `Examples:
  dateline stories
  dateline stories --min-articles 5 --articles 3
  dateline stories 42                      # every article of story 42
  dateline stories --search ukraine --since 2014-03-01 --sort size
  dateline stories --json | jq .articles
`,
    )
    .argument("[story]", "a story id: list all its articles")
    .addOption(dbOption())
    .addOption(limitOption(20))
    .addOption(
      new Option("--min-articles <n>", "only stories with at least this many articles")
        .default(1)
        .argParser((v) => nonNegativeInteger(v)),
    )
    .addOption(
      new Option("--articles <n>", "articles shown under each story; 0 for all")
        .default(5)
        .argParser((v) => nonNegativeInteger(v)),
    )
    .addOption(
      new Option("--since <date>", "stories with an article on or after this date").argParser(
        isoDate,
      ),
    )
    .addOption(
      new Option("--until <date>", "stories with an article on or before this date").argParser(
        isoDateUntil,
      ),
    )
    .addOption(
      new Option(
        "--search <query>",
        'stories with an article whose title or text matches (FTS5: words, "a phrase", OR, prefix*)',
      ),
    )
    .addOption(
      new Option("--sort <order>", "recent: latest article first; size: most articles first")
        .choices(storySorts)
        .default("recent"),
    )
    .addOption(jsonOption("one story per line, with its articles"))
    .hook("preAction", checkDateRange)
    .action(async (story: string | undefined, options: StoriesOptions) => {
      const store = await openExistingStore(options.db);
      try {
        const stories = store.stories();
        const filter: StoryFilter = { minArticles: options.minArticles, sort: options.sort };
        if (options.since) filter.since = options.since;
        if (options.until) filter.until = options.until;
        if (options.search) filter.search = options.search;
        if (story !== undefined) {
          // Not a number: no story has that id (ids are whole numbers).
          filter.id = /^\d+$/.test(story) ? Number(story) : -1;
        } else {
          const limit = limitOf(options.limit);
          if (limit) filter.limit = limit;
        }
        const listed = await stories.listStories(filter);
        if (listed.length === 0) {
          const narrowed = options.since || options.until || options.search;
          if (story !== undefined) {
            // As `dateline show` does for an id it cannot find.
            throw new CliError(
              `no story ${story} in ${options.db}${narrowed ? " matches the filters" : ""}`,
              ExitCode.partial,
            );
          }
          process.stderr.write(
            narrowed || options.minArticles > 1
              ? "dateline: no stories match\n"
              : `dateline: no stories in ${options.db} yet; \`dateline ingest\` makes them\n`,
          );
          return;
        }
        const perStory = story === undefined ? options.articles : 0;
        const withArticles: { s: (typeof listed)[number]; articles: StoryArticle[] }[] = [];
        for (const s of listed) {
          withArticles.push({ s, articles: await stories.storyArticles(s.id) });
        }
        if (options.json) {
          await writeOut(
            withArticles
              .map(({ s, articles }) => `${JSON.stringify({ ...s, articles })}\n`)
              .join(""),
          );
          return;
        }
        // Whole ids, as `dateline articles` prints them: an id the input gave may share a
        // long prefix with others ("polnear-nyt_…"), and a cut one would name none of them.
        const shownOf = (articles: StoryArticle[]) =>
          perStory > 0 ? articles.slice(0, perStory) : articles;
        // A loop, not Math.max(...ids): a whole store's ids overflow the call's arguments.
        let width = 0;
        for (const { articles } of withArticles) {
          for (const a of shownOf(articles)) width = Math.max(width, a.id.length);
        }
        const out: string[] = [];
        for (const { s, articles } of withArticles) {
          const span = s.first === s.last ? (s.first ?? "undated") : `${s.first}..${s.last}`;
          out.push(
            `story ${s.id}  ${s.articles} article${s.articles === 1 ? "" : "s"} (${s.originals} original)  ${span}  ${s.title ?? ""}\n`,
          );
          const shown = shownOf(articles);
          for (const a of shown) {
            const copy = a.duplicateOf ? `  [${a.duplicateKind} copy of ${a.duplicateOf}]` : "";
            out.push(
              `  ${a.id.padEnd(width)}  ${(a.published ?? "").padEnd(10)}  ${(a.source ?? "").slice(0, 24).padEnd(24)}  ${a.title ?? ""}${copy}\n`,
            );
          }
          if (shown.length < articles.length) {
            out.push(`  … ${articles.length - shown.length} more (dateline stories ${s.id})\n`);
          }
        }
        await writeOut(out.join(""));
      } finally {
        await store.close();
      }
    });
}

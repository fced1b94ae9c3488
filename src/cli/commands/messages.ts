import { Command, Option } from "commander";
import type { MessageFilter } from "../../store/index.ts";
import { writeOut } from "../io.ts";
import { openExistingStore } from "../open-store.ts";
import { dbOption, jsonOption, limitOf, limitOption } from "../options.ts";
import { renderTable } from "../table.ts";

interface MessagesOptions {
  db: string;
  failed?: boolean;
  article?: string;
  rule?: string;
  severity?: "error" | "warning" | "info";
  limit: number;
  json?: boolean;
}

export function messagesCommand(): Command {
  return new Command("messages")
    .description(
      "List stored messages: the inputs that could not be read (--failed), and what the\n" +
        "stages repaired or doubted in each article, with the rule that raised it.",
    )
    .addHelpText(
      "before",
      `Examples:
  dateline messages --failed                 # inputs that could not be read, and why
  dateline messages --rule clean/broken-entity
  dateline messages --article c1e55ffc --json
`,
    )
    .addOption(dbOption())
    .addOption(new Option("--failed", "only inputs that could not be read"))
    .addOption(new Option("--article <id>", "only this article's messages"))
    .addOption(new Option("--rule <rule>", "only this rule, e.g. read/binary"))
    .addOption(
      new Option("--severity <severity>", "only this severity").choices([
        "error",
        "warning",
        "info",
      ]),
    )
    .addOption(limitOption(0))
    .addOption(jsonOption("one message per line"))
    .action(async (options: MessagesOptions) => {
      const store = await openExistingStore(options.db);
      try {
        const filter: MessageFilter = {};
        if (options.failed) filter.unattached = true;
        if (options.article) filter.articleId = options.article;
        if (options.rule) filter.rule = options.rule;
        if (options.severity) filter.severity = options.severity;
        const limit = limitOf(options.limit);
        if (limit) filter.limit = limit;
        const messages = await store.listMessages(filter);
        if (options.json) {
          for (const message of messages) await writeOut(`${JSON.stringify(message)}\n`);
          return;
        }
        if (!messages.length) {
          process.stderr.write("dateline: no messages match\n");
          return;
        }
        const rows = messages.map((m) => [
          m.articleId ?? m.origin,
          m.severity,
          m.rule,
          m.span ? `${m.span.start}-${m.span.end}` : "",
          m.reason,
        ]);
        await writeOut(
          renderTable(["ARTICLE OR INPUT", "SEVERITY", "RULE", "SPAN", "REASON"], rows, {
            shrink: 4,
          }),
        );
      } finally {
        await store.close();
      }
    });
}

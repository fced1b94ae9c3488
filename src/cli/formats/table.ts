import type { StoredEvent } from "../../store/index.ts";
import { renderTable } from "../table.ts";
import type { EventFormat } from "./types.ts";

function who(arg: StoredEvent["event"]["actor"]): string {
  if (!arg) return "";
  return arg.country ? `${arg.name} (${arg.country})` : arg.name;
}

export const tableFormat: EventFormat = {
  name: "table",
  description: "a table for reading in the terminal (evidence shortened)",
  async write(events, out) {
    const rows: string[][] = [];
    for await (const e of events) {
      rows.push([
        e.event.date?.value ?? e.article.published ?? "",
        e.event.type,
        who(e.event.actor),
        who(e.event.recipient),
        e.event.location?.name ?? "",
        // Articles reporting the same real event (reprints aside): 4 means three others.
        e.merged ? String(e.merged.numArticles) : "",
        e.evidenceText.replace(/\s+/g, " "),
        e.articleId,
      ]);
    }
    if (rows.length) {
      await out(
        renderTable(
          ["DATE", "TYPE", "ACTOR", "RECIPIENT", "PLACE", "REPORTS", "EVIDENCE", "ARTICLE"],
          rows,
          { shrink: 6 },
        ),
      );
    }
    return rows.length;
  },
};

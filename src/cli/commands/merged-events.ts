/**
 * Merged events on the command line: `dateline events --merged` lists them with their
 * counts, `dateline show ev-…` shows one with every mention. Kept apart from the per-article
 * `events` and `show` so those stay as they are; they hand over to these two functions.
 */
import type { EventType, Quad } from "../../core/annotations.ts";
import type { MergedEventFilter, Store } from "../../store/index.ts";
import type { MergedArgument, MergedEvent } from "../../stories/events.ts";
import { eventFormats } from "../formats/index.ts";
import { CliError, ExitCode, writeOut } from "../io.ts";
import { renderTable } from "../table.ts";

/** Merged event ids start with this, so `show` can tell them from article ids. */
export const mergedEventPrefix = "ev-";

export interface MergedListOptions {
  type?: EventType;
  quad?: Quad;
  country?: string;
  actor?: string;
  article?: string;
  story?: number;
  since?: string;
  until?: string;
  minArticles?: number;
  limit?: number;
  /** `table` (default) or `json` (one event per line, without its mentions). */
  format?: string;
}

const argument = (a: MergedArgument | null) =>
  a
    ? `${a.name}${a.country || a.sector ? ` (${[a.country, a.sector].filter(Boolean).join(" ")})` : ""}`
    : "";

const when = (e: MergedEvent) =>
  !e.earliest ? "" : e.earliest === e.latest ? e.earliest : `${e.earliest}..${e.latest}`;

export async function printMergedEvents(store: Store, options: MergedListOptions): Promise<number> {
  const filter: MergedEventFilter = {};
  if (options.type) filter.type = options.type;
  if (options.quad) filter.quad = options.quad;
  if (options.country) filter.country = options.country;
  if (options.actor) filter.actor = options.actor;
  if (options.article) filter.articleId = options.article;
  if (options.story !== undefined) filter.storyId = options.story;
  if (options.since) filter.since = options.since;
  if (options.until) filter.until = options.until;
  if (options.minArticles) filter.minArticles = options.minArticles;
  if (options.limit) filter.limit = options.limit;
  if (options.format && options.format !== "table" && options.format !== "json") {
    const perEvent = eventFormats.find((f) => f.name === options.format)?.perEvent;
    throw new CliError(
      `--merged lists events as a table or as JSON lines (--format json), not ${options.format}` +
        (perEvent
          ? `: --format ${options.format} without --merged already writes one row per real event, with its counts`
          : ""),
      ExitCode.usage,
    );
  }
  const events = await store.stories().listMergedEvents(filter);
  if (options.format === "json") {
    await writeOut(
      events.map((e) => `${JSON.stringify({ ...e, mentions: undefined })}\n`).join(""),
    );
    return events.length;
  }
  if (events.length === 0) return 0;
  const rows = events.map((e) => [
    e.id,
    when(e),
    `${e.type}${e.negated ? " (not)" : ""}${e.hypothetical ? " (if)" : ""}`,
    argument(e.actor),
    argument(e.recipient),
    e.location?.name ?? "",
    String(e.numMentions),
    String(e.numArticles),
    String(e.numSources),
    String(e.numReprints),
  ]);
  await writeOut(
    renderTable(
      [
        "EVENT",
        "WHEN",
        "TYPE",
        "ACTOR",
        "RECIPIENT",
        "WHERE",
        "MENTIONS",
        "ARTICLES",
        "SOURCES",
        "REPRINTS",
      ],
      rows,
      { shrink: 3 },
    ),
  );
  return events.length;
}

export async function printMergedEvent(
  store: Store,
  id: string,
  options: { json?: boolean; db: string },
): Promise<void> {
  const event = await store.stories().getMergedEvent(id);
  if (!event) throw new CliError(`no merged event "${id}" in ${options.db}`, ExitCode.partial);
  if (options.json) {
    await writeOut(`${JSON.stringify(event)}\n`);
    return;
  }
  const lines = [
    `${event.id}  ${event.type}${event.mode ? `/${event.mode}` : ""}  ${event.quad}  ${when(event)}`,
    `  actor:     ${argument(event.actor) || "-"}`,
    `  recipient: ${argument(event.recipient) || "-"}`,
    `  where:     ${event.location ? `${event.location.name} (${event.location.precision}${event.location.geonameId ? `, geonames ${event.location.geonameId}` : ""})` : "-"}`,
    `  counted:   ${event.numMentions} mention${event.numMentions === 1 ? "" : "s"} in ${event.numArticles} article${event.numArticles === 1 ? "" : "s"} from ${event.numSources} source${event.numSources === 1 ? "" : "s"}` +
      (event.numReprints ? `; ${event.numReprints} more in reprints, not counted` : ""),
    "",
    `Mentions (${event.mentions.length}):`,
  ];
  for (const m of event.mentions) {
    const reprint = m.duplicateOf ? `  reprint of ${m.duplicateOf}` : "";
    lines.push(
      `  ${m.articleId} #${m.index}  ${m.published ?? "undated"}  ${m.source ?? "(no source)"}  sentence ${m.sentence} [${m.start}, ${m.end})${reprint}`,
      `    ${(m.evidenceText ?? "").replace(/\s+/g, " ")}`,
    );
  }
  await writeOut(`${lines.join("\n")}\n`);
}

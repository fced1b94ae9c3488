import type { StoredEvent } from "../../store/index.ts";
import type { EventFormat } from "./types.ts";

/** The columns of the CSV export, in order; one flat row per event. */
const columns: readonly [string, (e: StoredEvent) => unknown][] = [
  ["article_id", (e) => e.articleId],
  ["event_id", (e) => e.event.id],
  ["published", (e) => e.article.published],
  ["date", (e) => e.event.date?.value],
  ["date_earliest", (e) => e.event.date?.earliest],
  ["date_latest", (e) => e.event.date?.latest],
  ["type", (e) => e.event.type],
  ["mode", (e) => e.event.mode],
  ["quad", (e) => e.event.quad],
  ["actor_name", (e) => e.event.actor?.name],
  ["actor_country", (e) => e.event.actor?.country],
  ["actor_sector", (e) => e.event.actor?.sector],
  ["recipient_name", (e) => e.event.recipient?.name],
  ["recipient_country", (e) => e.event.recipient?.country],
  ["recipient_sector", (e) => e.event.recipient?.sector],
  ["place_name", (e) => e.event.location?.name],
  ["place_geoname_id", (e) => e.event.location?.geonameId],
  ["place_country_code", (e) => e.event.location?.countryCode],
  ["lat", (e) => e.event.location?.lat],
  ["lon", (e) => e.event.location?.lon],
  ["dead", (e) => e.event.dead],
  ["injured", (e) => e.event.injured],
  ["arrested", (e) => e.event.arrested],
  ["size", (e) => e.event.size],
  ["negated", (e) => e.event.negated],
  ["hypothetical", (e) => e.event.hypothetical],
  ["trigger", (e) => e.event.trigger.text],
  ["evidence_start", (e) => e.event.evidence.start],
  ["evidence_end", (e) => e.event.evidence.end],
  ["evidence", (e) => e.evidenceText],
  ["confidence", (e) => e.event.confidence],
  ["coder", (e) => e.event.coder],
  ["source", (e) => e.article.source],
  ["url", (e) => e.article.url],
  // The real event this row reports (merged across articles), and how often it was reported.
  ["merged_event_id", (e) => e.merged?.id],
  ["num_mentions", (e) => e.merged?.numMentions],
  ["num_articles", (e) => e.merged?.numArticles],
  ["num_sources", (e) => e.merged?.numSources],
];

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export const csvFormat: EventFormat = {
  name: "csv",
  description: "CSV (RFC 4180) with a header row, one event per row",
  async write(events, out) {
    await out(csvLine(columns.map(([name]) => name)));
    let n = 0;
    for await (const stored of events) {
      await out(csvLine(columns.map(([, get]) => get(stored))));
      n++;
    }
    return n;
  },
};

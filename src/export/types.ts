import type { EventArgument, Place } from "../core/annotations.ts";
import type { AnnotatedDocument } from "../core/output.ts";
import type { StoredEvent } from "../store/types.ts";
import { morePrecise } from "../stories/events.ts";

export type ExportEvent = Omit<StoredEvent, "index">;

/** The events of one annotated document, ready for any export. */
export function fromAnnotated(doc: AnnotatedDocument): ExportEvent[] {
  return doc.events.map((event) => ({
    articleId: doc.id,
    event,
    evidenceText: doc.text.slice(event.evidence.start, event.evidence.end),
    article: { published: doc.published, title: doc.title, url: doc.url, source: doc.source },
  }));
}

/** A tab-separated line: tabs and line breaks inside a value become spaces (GDELT files have no quoting). */
export function tsvLine(values: readonly unknown[]): string {
  return `${values
    .map((v) => (v === null || v === undefined ? "" : String(v).replace(/[\t\r\n]+/g, " ")))
    .join("\t")}\n`;
}

/**
 * A stable non-negative integer id for a string (FNV-1a, 52 bits), for formats whose ids
 * are numbers (GDELT's GlobalEventID). The same event always gets the same number.
 */
export function numericId(key: string): number {
  // Two 32-bit FNV-1a lanes with different seeds, combined into 52 bits (exact in a double).
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return (a >>> 0) * 2 ** 20 + (b >>> 12);
}

/** `2019-12-31` → `20191231`; a month or year value keeps what it has (`201912`). */
export function compactDate(value: string | null | undefined): string {
  if (!value) return "";
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return "";
  return `${m[1]}${m[2] ?? ""}${m[3] ?? ""}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The event's own day when the text gives one, else null. */
function textDay(e: ExportEvent): string | null {
  const d = e.event.date;
  if (d && DAY.test(d.value)) return d.value;
  if (d && DAY.test(d.latest) && d.earliest === d.latest) return d.latest;
  return null;
}

/** The event's own day when the text gives one, else the article's publication day. */
export function eventDay(e: ExportEvent): string | null {
  return textDay(e) ?? e.article.published;
}

/** What a table cell needs of an actor: a report's own, or the merged event's. */
export type ActorFields = Pick<EventArgument, "name" | "country" | "sector">;
/** What a table cell needs of a place; `admin1` is absent from merged events stored before it was kept. */
export type PlaceFields = Pick<
  Place,
  "geonameId" | "name" | "countryCode" | "lat" | "lon" | "precision"
> & {
  admin1?: string | null;
};

/**
 * What a one-row-per-event table writes for the real event a report belongs to: the
 * report's own actor, recipient, place and day, each gap filled from the merged event (the
 * first known actor and recipient of all its reports, the most precise place, the day they
 * agree on), so the earliest report's silence does not empty the row. A report no pass
 * merged gives its own.
 */
export function realEventFields(e: ExportEvent): {
  actor: ActorFields | null;
  recipient: ActorFields | null;
  place: PlaceFields | null;
  day: string | null;
} {
  const ev = e.event;
  const m = e.merged;
  const own = ev.location;
  const other = m?.location ?? null;
  const place = other && morePrecise(other, own) ? other : own;
  const agreed = m?.earliest && m.earliest === m.latest && DAY.test(m.earliest) ? m.earliest : null;
  return {
    actor: ev.actor ?? m?.actor ?? null,
    recipient: ev.recipient ?? m?.recipient ?? null,
    place,
    day: textDay(e) ?? agreed ?? e.article.published,
  };
}

/** RFC 4180 CSV line: quote a field holding a comma, quote or line break. */
export function csvLine(values: readonly unknown[]): string {
  return `${values
    .map((v) => {
      if (v === null || v === undefined) return "";
      const text = String(v);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(",")}\r\n`;
}

/**
 * The key of the real event a mention reports: its merged event's id when the store's
 * cross-article pass merged it (every report of one event shares it), else the mention's
 * own `<article id>:<event id>`.
 */
export function realEventKey(e: ExportEvent): string {
  return e.merged ? e.merged.id : `${e.articleId}:${e.event.id}`;
}

/**
 * The row of the first report of each real event that gives one, in the order given (by
 * date, so the earliest report): what a one-row-per-event table writes, as GDELT's events
 * table does. A report that gives no row (`rowOf` is null: an ACLED export's verbal event)
 * leaves its event to the next report. Mentions no pass merged pass through. Holds the ids
 * of the events written, not the events.
 */
export async function* firstRows<T extends ExportEvent, R>(
  events: AsyncIterable<T>,
  rowOf: (e: T) => R | null,
): AsyncIterable<R> {
  const written = new Set<string>();
  for await (const e of events) {
    if (e.merged && written.has(e.merged.id)) continue;
    const row = rowOf(e);
    if (row === null) continue;
    if (e.merged) written.add(e.merged.id);
    yield row;
  }
}

/** The first report of each real event (`firstRows` of the reports themselves). */
export function firstReports<T extends ExportEvent>(events: AsyncIterable<T>): AsyncIterable<T> {
  return firstRows(events, (e) => e);
}

/**
 * The WHERE clause of an event query, shared by `queryEvents` (CLI, exports) and the explore
 * queries (HTTP API), so that a filter means the same everywhere.
 */
import { lastDayOf } from "./date-bounds.ts";
import type { EventQuery } from "./explore-types.ts";

type Row = Record<string, unknown>;

/** The WHERE clause of an event query; `extra` conditions are added to the filters. */
export function eventWhere(
  query: EventQuery,
  extra: readonly string[] = [],
): { where: string; params: Row } {
  const where: string[] = [...extra];
  const params: Row = {};
  if (query.types?.length) {
    where.push("e.type IN (SELECT value FROM json_each(@types))");
    params.types = JSON.stringify(query.types);
  }
  argumentWhere(query, eventColumns, where, params);
  if (query.place) {
    where.push("instr(lower(e.place_name), @place) > 0");
    params.place = query.place.toLowerCase();
  }
  if (query.bbox) {
    const { west, south, east, north } = query.bbox;
    Object.assign(params, { west, south, east, north });
    where.push("e.place_lat BETWEEN @south AND @north");
    where.push(
      west <= east
        ? "e.place_lon BETWEEN @west AND @east"
        : "(e.place_lon >= @west OR e.place_lon <= @east)",
    );
  }
  // An event with no date of its own happened, as far as we know, by its article's date;
  // an open bound is stored as '' (the dates stage's "no bound on that side").
  if (query.since) {
    where.push("coalesce(nullif(e.date_latest, ''), a.published) >= @since");
    params.since = query.since;
  }
  if (query.until) {
    where.push("coalesce(nullif(e.date_earliest, ''), a.published) <= @until");
    params.until = lastDayOf(query.until);
  }
  if (query.articleId) {
    where.push("e.article_id = @articleId");
    params.articleId = query.articleId;
  }
  if (query.storyId !== undefined) {
    where.push("e.article_id IN (SELECT article_id FROM story_articles WHERE story_id = @storyId)");
    params.storyId = query.storyId;
  }
  if (query.search) {
    where.push("e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH @search)");
    params.search = query.search;
  }
  return { where: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

/** Where a table keeps what `argumentWhere` filters on: SQL expressions over its row. */
export interface ArgumentColumns {
  type: string;
  quad: string;
  placeCountry: string;
  actorCountry: string;
  recipientCountry: string;
  actorName: string;
  recipientName: string;
}

const eventColumns: ArgumentColumns = {
  type: "e.type",
  quad: "e.quad",
  placeCountry: "e.place_country",
  actorCountry: "e.actor_country",
  recipientCountry: "e.recipient_country",
  actorName: "e.actor_name",
  recipientName: "e.recipient_name",
};

/**
 * The conditions on an event's type, quad class, country and actor, pushed onto `where`:
 * shared by single events and merged ones, so a filter means the same on both. A country
 * of two letters is the place's (ISO alpha-2), of three the actor's or recipient's.
 */
export function argumentWhere(
  query: Pick<EventQuery, "type" | "quad" | "country" | "actor">,
  c: ArgumentColumns,
  where: string[],
  params: Row,
): void {
  if (query.type) {
    where.push(`${c.type} = @type`);
    params.type = query.type;
  }
  if (query.quad) {
    where.push(`${c.quad} = @quad`);
    params.quad = query.quad;
  }
  if (query.country) {
    const code = query.country.toUpperCase();
    params.country = code;
    where.push(
      code.length === 2
        ? `${c.placeCountry} = @country`
        : `(${c.actorCountry} = @country OR ${c.recipientCountry} = @country)`,
    );
  }
  if (query.actor) {
    where.push(
      `(instr(lower(${c.actorName}), @actor) > 0 OR instr(lower(${c.recipientName}), @actor) > 0)`,
    );
    params.actor = query.actor.toLowerCase();
  }
}

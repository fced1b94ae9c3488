/**
 * `ExploreStore` on SQLite: read-only queries over the events table's filter columns, the
 * merged events of issue 9 (a LEFT JOIN, so a store without them still answers), the
 * annotation rows and the FTS5 tables. Statements are cached by their text: the filters
 * make a handful of shapes.
 */
import type Database from "better-sqlite3";
import type { EventType } from "../core/annotations.ts";
import { eventWhere } from "./event-where.ts";
import type {
  ActorFilter,
  ActorPair,
  ActorRef,
  ActorSummary,
  ArticleHit,
  ArticleSearch,
  EntityFilter,
  EntitySummary,
  EventPage,
  EventPoint,
  EventQuery,
  EventSort,
  ExploredEvent,
  ExploreStore,
  SnippetPart,
  TimelineCount,
} from "./explore-types.ts";
import { searchError, summaryFromRow } from "./sqlite.ts";
import {
  LEAD_CHARS,
  MERGED_COLUMNS,
  MERGED_JOIN,
  StatementCache,
  storedEventFromRow,
} from "./sqlite-shared.ts";

type Row = Record<string, unknown>;

/**
 * The day an event is drawn on: its own date when the text pins one day; otherwise the
 * article's publication date (the event was reported by then), else the start of its
 * interval. '' marks an unbounded side, so it counts as no date.
 */
const DAY = `substr(CASE
    WHEN e.date_earliest <> '' AND e.date_earliest = e.date_latest THEN e.date_earliest
    ELSE coalesce(a.published, nullif(e.date_earliest, ''))
  END, 1, 10)`;

/** Events with their articles: enough for filters, counts and aggregates by day or actor. */
const FROM_EVENTS = "FROM events e JOIN articles a ON a.id = e.article_id";

/** The same with each event's merged event, for lists and per-place event counts. */
const FROM = `${FROM_EVENTS}
  ${MERGED_JOIN}`;

const ORDER: Record<EventSort, string> = {
  date: `${DAY} IS NULL, ${DAY}, e.article_id, e.idx`,
  "-date": `${DAY} IS NULL, ${DAY} DESC, e.article_id, e.idx`,
  confidence: "e.confidence, e.article_id, e.idx",
  "-confidence": "e.confidence DESC, e.article_id, e.idx",
  mentions: `coalesce(me.num_mentions, 1), ${DAY}, e.article_id, e.idx`,
  "-mentions": `coalesce(me.num_mentions, 1) DESC, ${DAY}, e.article_id, e.idx`,
};

/** Private-use characters around FTS5 snippet matches: they cannot occur in cleaned text. */
const MARK_OPEN = "\uE000";
const MARK_CLOSE = "\uE001";

/** Remembered answers; a page of 500 events is the largest, so this stays small. */
const MAX_ANSWERS = 256;

export class SqliteExploreStore implements ExploreStore {
  private readonly db: Database.Database;
  private readonly statements: StatementCache;

  constructor(db: Database.Database) {
    this.db = db;
    this.statements = new StatementCache(db);
  }

  private sql(text: string): Database.Statement {
    return this.statements.get(text);
  }

  /**
   * Answers by query, while the database is unchanged: the same map, timeline or page asked
   * again (another reader, a reload, the list paged back) costs a look-up instead of a scan.
   * `data_version` moves when another connection commits (an ingest running beside the
   * server), `total_changes()` when this one writes; either empties the cache. Answers are
   * shared between callers, so they are read-only.
   */
  private readonly answers = new Map<string, Promise<unknown>>();
  private answersVersion = "";

  private remember<T>(method: string, query: unknown, compute: () => Promise<T>): Promise<T> {
    const version = `${this.db.pragma("data_version", { simple: true })}:${
      (this.sql("SELECT total_changes() AS n").get() as Row).n
    }`;
    if (version !== this.answersVersion) {
      this.answers.clear();
      this.answersVersion = version;
    }
    const key = `${method} ${JSON.stringify(query)}`;
    const known = this.answers.get(key);
    if (known) {
      // Most recently used last, so the oldest is the first to go.
      this.answers.delete(key);
      this.answers.set(key, known);
      return known as Promise<T>;
    }
    const answer = compute();
    this.answers.set(key, answer);
    // A rejected query (bad search syntax) is not kept.
    answer.catch(() => this.answers.delete(key));
    if (this.answers.size > MAX_ANSWERS) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    return answer;
  }

  events(query: EventQuery = {}): Promise<EventPage> {
    return this.remember("events", query, () => this.computeEvents(query));
  }

  eventPoints(query: EventQuery = {}): Promise<EventPoint[]> {
    return this.remember("eventPoints", query, () => this.computeEventPoints(query));
  }

  timeline(query: EventQuery = {}): Promise<TimelineCount[]> {
    return this.remember("timeline", query, () => this.computeTimeline(query));
  }

  actorPairs(query: EventQuery = {}): Promise<ActorPair[]> {
    return this.remember("actorPairs", query, () => this.computeActorPairs(query));
  }

  actors(filter: ActorFilter = {}): Promise<{ total: number; items: ActorSummary[] }> {
    return this.remember("actors", filter, () => this.computeActors(filter));
  }

  entities(filter: EntityFilter = {}): Promise<{ total: number; items: EntitySummary[] }> {
    return this.remember("entities", filter, () => this.computeEntities(filter));
  }

  searchArticles(search: ArticleSearch): Promise<{ total: number; items: ArticleHit[] }> {
    return this.remember("searchArticles", search, () => this.computeSearchArticles(search));
  }

  /** Run a query whose `search` went to FTS5: bad syntax is the caller's error. */
  private run<T>(search: string | undefined, body: () => T): T {
    try {
      return body();
    } catch (error) {
      throw searchError(error, search);
    }
  }

  private async computeEvents(query: EventQuery = {}): Promise<EventPage> {
    const { where, params } = eventWhere(query);
    return this.run(query.search, () => {
      const total = (this.sql(`SELECT count(*) AS n ${FROM_EVENTS} ${where}`).get(params) as Row)
        .n as number;
      const rows = this.sql(
        `SELECT ${EVENT_COLUMNS} ${FROM} ${where}
         ORDER BY ${ORDER[query.sort ?? "date"]} LIMIT @limit OFFSET @offset`,
      ).all({ ...params, limit: query.limit ?? -1, offset: query.offset ?? 0 }) as Row[];
      return { total, items: rows.map(eventFromRow) };
    });
  }

  async event(articleId: string, index: number): Promise<ExploredEvent | null> {
    const row = this.sql(
      `SELECT ${EVENT_COLUMNS} ${FROM} WHERE e.article_id = @articleId AND e.idx = @index`,
    ).get({ articleId, index }) as Row | undefined;
    return row ? eventFromRow(row) : null;
  }

  private async computeEventPoints(query: EventQuery = {}): Promise<EventPoint[]> {
    const { where, params } = eventWhere(query, [
      "e.place_lat IS NOT NULL",
      "e.place_lon IS NOT NULL",
    ]);
    const rows = this.run(
      query.search,
      () =>
        this.sql(
          `SELECT e.place_lat AS lat, e.place_lon AS lon, e.place_name AS name,
             e.place_geoname_id AS geoname_id, e.place_country AS country, e.type AS type,
             count(*) AS mentions,
             count(DISTINCT coalesce(em.event_id, e.article_id || ':' || e.idx)) AS events
           ${FROM} ${where}
           GROUP BY e.place_lat, e.place_lon, e.place_name, e.type`,
        ).all(params) as Row[],
    );
    // Grouped by type in SQL; folded into one point per place here (a few rows per place).
    const points = new Map<string, EventPoint>();
    for (const row of rows) {
      const key = `${row.lat},${row.lon},${row.name}`;
      let point = points.get(key);
      if (!point) {
        point = {
          lat: row.lat as number,
          lon: row.lon as number,
          name: (row.name as string | null) ?? "",
          geonameId: (row.geoname_id as number | null) ?? null,
          countryCode: (row.country as string | null) ?? null,
          mentions: 0,
          events: 0,
          types: {},
        };
        points.set(key, point);
      }
      point.mentions += row.mentions as number;
      point.events += row.events as number;
      point.types[row.type as string] = row.mentions as number;
    }
    return [...points.values()].sort(
      (x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name),
    );
  }

  private async computeTimeline(query: EventQuery = {}): Promise<TimelineCount[]> {
    const { where, params } = eventWhere(query, [`${DAY} IS NOT NULL`]);
    const rows = this.run(
      query.search,
      () =>
        this.sql(
          `SELECT ${DAY} AS day, e.type AS type, count(*) AS n ${FROM_EVENTS} ${where}
           GROUP BY day, e.type ORDER BY day, e.type`,
        ).all(params) as Row[],
    );
    return rows.map((r) => ({
      day: r.day as string,
      type: r.type as EventType,
      count: r.n as number,
    }));
  }

  private async computeActorPairs(query: EventQuery = {}): Promise<ActorPair[]> {
    const { where, params } = eventWhere(query, [
      "(e.actor_name IS NOT NULL OR e.recipient_name IS NOT NULL)",
    ]);
    const rows = this.run(
      query.search,
      () =>
        this.sql(
          `SELECT e.actor_name, e.actor_country, e.recipient_name, e.recipient_country,
             e.quad, count(*) AS n ${FROM_EVENTS} ${where}
           GROUP BY e.actor_name, e.actor_country, e.recipient_name, e.recipient_country, e.quad`,
        ).all(params) as Row[],
    );
    const pairs = new Map<string, ActorPair>();
    for (const row of rows) {
      const actor = actorRef(row.actor_name, row.actor_country);
      const recipient = actorRef(row.recipient_name, row.recipient_country);
      const key = JSON.stringify([actor, recipient]);
      let pair = pairs.get(key);
      if (!pair) {
        pair = { actor, recipient, count: 0, quads: {} };
        pairs.set(key, pair);
      }
      pair.count += row.n as number;
      pair.quads[row.quad as string] = row.n as number;
    }
    const order = (p: ActorPair) => `${p.actor?.name ?? ""}\u0000${p.recipient?.name ?? ""}`;
    return [...pairs.values()].sort(
      (x, y) => y.count - x.count || order(x).localeCompare(order(y)),
    );
  }

  private async computeActors(
    filter: ActorFilter = {},
  ): Promise<{ total: number; items: ActorSummary[] }> {
    const where: string[] = [];
    const params: Row = {};
    if (filter.search) {
      where.push("instr(lower(name), @search) > 0");
      params.search = filter.search.toLowerCase();
    }
    if (filter.country) {
      where.push("country = @country");
      params.country = filter.country.toUpperCase();
    }
    // Both roles of every event, one row each, grouped by name and code.
    const roles = `SELECT actor_name AS name, actor_country AS country, actor_sector AS sector,
        1 AS a, 0 AS r FROM events WHERE actor_name IS NOT NULL
      UNION ALL
      SELECT recipient_name, recipient_country, recipient_sector, 0, 1
        FROM events WHERE recipient_name IS NOT NULL`;
    const grouped = `SELECT name, country, max(sector) AS sector, sum(a) AS as_actor,
        sum(r) AS as_recipient FROM (${roles})
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      GROUP BY name, country`;
    const total = (this.sql(`SELECT count(*) AS n FROM (${grouped})`).get(params) as Row)
      .n as number;
    const rows = this.sql(
      `${grouped} ORDER BY as_actor + as_recipient DESC, name LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit: filter.limit ?? -1, offset: filter.offset ?? 0 }) as Row[];
    return {
      total,
      items: rows.map((r) => ({
        name: r.name as string,
        country: (r.country as string | null) ?? null,
        sector: (r.sector as string | null) ?? null,
        asActor: r.as_actor as number,
        asRecipient: r.as_recipient as number,
      })),
    };
  }

  private async computeEntities(
    filter: EntityFilter = {},
  ): Promise<{ total: number; items: EntitySummary[] }> {
    const where = ["kind = 'entity'"];
    const params: Row = {};
    if (filter.type) {
      where.push("label = @type");
      params.type = filter.type.toUpperCase();
    }
    if (filter.search) {
      where.push("instr(lower(text), @search) > 0");
      params.search = filter.search.toLowerCase();
    }
    const grouped = `SELECT text, label, count(*) AS mentions,
        count(DISTINCT article_id) AS articles,
        max(json_extract(json, '$.actor.country')) AS country,
        max(json_extract(json, '$.actor.sector')) AS sector
      FROM annotations WHERE ${where.join(" AND ")} GROUP BY text, label`;
    const total = (this.sql(`SELECT count(*) AS n FROM (${grouped})`).get(params) as Row)
      .n as number;
    const rows = this.sql(
      `${grouped} ORDER BY mentions DESC, text LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit: filter.limit ?? -1, offset: filter.offset ?? 0 }) as Row[];
    return {
      total,
      items: rows.map((r) => ({
        text: r.text as string,
        type: r.label as string,
        mentions: r.mentions as number,
        articles: r.articles as number,
        country: (r.country as string | null) ?? null,
        sector: (r.sector as string | null) ?? null,
      })),
    };
  }

  private async computeSearchArticles(
    search: ArticleSearch,
  ): Promise<{ total: number; items: ArticleHit[] }> {
    return this.run(search.query, () => {
      const total = (
        this.sql("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH @q").get({
          q: search.query,
        }) as Row
      ).n as number;
      // snippet(): column 1 is the text; about 24 tokens around the best match.
      const rows = this.sql(
        `SELECT ${SUMMARY_COLUMNS},
           snippet(articles_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS snippet
         FROM articles_fts f JOIN articles a ON a.seq = f.rowid
         WHERE articles_fts MATCH @q ORDER BY f.rank, a.id LIMIT @limit OFFSET @offset`,
      ).all({ q: search.query, limit: search.limit ?? -1, offset: search.offset ?? 0 }) as Row[];
      return {
        total,
        items: rows.map((r) => ({
          article: summaryFromRow(r),
          snippet: snippetParts(r.snippet as string),
        })),
      };
    });
  }
}

const EVENT_COLUMNS = `e.article_id, e.idx, e.json, e.evidence_text,
  a.published, a.title, a.url, a.source, ${DAY} AS day, ${MERGED_COLUMNS}`;

const SUMMARY_COLUMNS = `a.id, a.published, a.title, a.url, a.source, a.origin, a.ingested_at,
  substr(a.text, 1, ${LEAD_CHARS}) AS lead, length(a.text) AS length,
  (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS event_count,
  (SELECT count(*) FROM messages m WHERE m.article_id = a.id) AS message_count`;

function eventFromRow(row: Row): ExploredEvent {
  return { ...storedEventFromRow(row), day: (row.day as string | null) ?? null };
}

function actorRef(name: unknown, country: unknown): ActorRef | null {
  if (typeof name !== "string") return null;
  return { name, country: typeof country === "string" ? country : null };
}

/** Split an FTS5 snippet at its markers into plain-text parts. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  for (const piece of snippet.split(/([\uE000\uE001])/)) {
    if (piece === MARK_OPEN) match = true;
    else if (piece === MARK_CLOSE) match = false;
    else if (piece) parts.push({ text: piece, match });
  }
  return parts;
}

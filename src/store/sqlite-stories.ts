/**
 * SQLite tables behind `StoryStore` (migration 2): fingerprints and LSH band keys for
 * duplicates, each article's story, the clusterer's state, merged events and their
 * mentions. Every look-up a new article makes is an indexed one, so the cost of adding an
 * article does not grow with the store.
 */
import type Database from "better-sqlite3";
import type { EventType } from "../core/annotations.ts";
import type { ClustererState, StoryMerge } from "../stories/cluster.ts";
import type { Fingerprint } from "../stories/dedup.ts";
import { type MergedEvent, type MergeOptions, savedRule } from "../stories/events.ts";
import { mostTypical } from "../stories/terms.ts";
import { lastDayOf } from "./date-bounds.ts";
import { type ArgumentColumns, argumentWhere } from "./event-where.ts";
import { searchError } from "./sqlite.ts";
import { parseJson, StatementCache } from "./sqlite-shared.ts";
import type {
  ArticlePlacement,
  MergedEventFilter,
  StoryArticle,
  StoryFilter,
  StoryStore,
  StorySummary,
} from "./story-types.ts";

type Row = Record<string, unknown>;

/** A story is titled from this many of its earliest articles (see `storyTitle`). */
const TITLE_SAMPLE = 32;

/** A band key shared by more articles than this is boilerplate: it stops collecting them. */
const MAX_PER_BAND = 64;

export class SqliteStoryStore implements StoryStore {
  private readonly db: Database.Database;
  private readonly statements: StatementCache;

  constructor(db: Database.Database) {
    this.db = db;
    this.statements = new StatementCache(db);
  }

  private sql(text: string): Database.Statement {
    return this.statements.get(text);
  }

  async findExact(hash: string): Promise<string | null> {
    const row = this.sql(
      "SELECT article_id FROM dedup_fingerprints WHERE exact_hash = ? ORDER BY rowid LIMIT 1",
    ).get(hash) as Row | undefined;
    return row ? (row.article_id as string) : null;
  }

  async findByBands(keys: readonly string[]): Promise<Map<string, Uint32Array>> {
    const out = new Map<string, Uint32Array>();
    if (keys.length === 0) return out;
    const rows = this.sql(
      `SELECT DISTINCT f.article_id, f.signature FROM dedup_bands b
       JOIN dedup_fingerprints f ON f.article_id = b.article_id
       WHERE b.band_key IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(keys)) as Row[];
    for (const row of rows) {
      const blob = row.signature as Buffer;
      const copy = new Uint8Array(blob.byteLength);
      copy.set(blob);
      out.set(row.article_id as string, new Uint32Array(copy.buffer));
    }
    return out;
  }

  async put(fingerprint: Fingerprint): Promise<void> {
    const write = this.db.transaction((f: Fingerprint) => {
      this.sql(
        `INSERT OR REPLACE INTO dedup_fingerprints (article_id, exact_hash, signature)
         VALUES (?, ?, ?)`,
      ).run(
        f.id,
        f.exact,
        Buffer.from(f.signature.buffer, f.signature.byteOffset, f.signature.byteLength),
      );
      for (const key of f.bandKeys) {
        const row = this.sql("SELECT count(*) AS n FROM dedup_bands WHERE band_key = ?").get(
          key,
        ) as Row;
        if ((row.n as number) >= MAX_PER_BAND) continue;
        this.sql("INSERT OR IGNORE INTO dedup_bands (band_key, article_id) VALUES (?, ?)").run(
          key,
          f.id,
        );
      }
    });
    write(fingerprint);
  }

  async loadClustererState(): Promise<ClustererState | null> {
    const row = this.sql("SELECT json FROM story_state WHERE name = 'clusterer'").get() as
      | Row
      | undefined;
    return row ? (JSON.parse(row.json as string) as ClustererState) : null;
  }

  async loadClustererOptions(): Promise<Pick<ClustererState, "options"> | null> {
    const row = this.sql(
      "SELECT json_extract(json, '$.options') AS options FROM story_state WHERE name = 'clusterer'",
    ).get() as Row | undefined;
    if (!row) return null;
    return typeof row.options === "string" ? { options: JSON.parse(row.options) } : {};
  }

  async saveClustererState(state: ClustererState): Promise<void> {
    this.sql("INSERT OR REPLACE INTO story_state (name, json) VALUES ('clusterer', ?)").run(
      JSON.stringify(state),
    );
  }

  async loadMergeRule(): Promise<Required<MergeOptions> | null> {
    // The clusterer's row only says a pass ran: its (large) state is not read.
    const rows = this.sql(
      `SELECT name, CASE name WHEN 'merge' THEN json END AS json FROM story_state
       WHERE name IN ('merge', 'clusterer')`,
    ).all() as Row[];
    const rule = rows.find((r) => r.name === "merge");
    if (rule) return savedRule(JSON.parse(rule.json as string) as MergeOptions);
    // A store that ran the story pass before the rule was kept merged with the defaults.
    return rows.length > 0 ? savedRule({}) : null;
  }

  async saveMergeRule(rule: Required<MergeOptions>): Promise<void> {
    this.sql("INSERT OR REPLACE INTO story_state (name, json) VALUES ('merge', ?)").run(
      JSON.stringify(rule),
    );
  }

  async atomically<T>(work: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return work();
    // Nothing else writes on this connection while `work` awaits: the pass is sequential.
    // The store's own transactions inside it become savepoints of this one.
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = await work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw error;
    }
  }

  async unplaced(): Promise<string[]> {
    const rows = this.sql(
      `SELECT a.id FROM articles a
       WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
       ORDER BY a.published IS NULL, a.published, a.seq`,
    ).all() as Row[];
    return rows.map((r) => r.id as string);
  }

  async placed(articleIds: readonly string[]): Promise<Set<string>> {
    const rows = this.sql(
      "SELECT article_id FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))",
    ).all(JSON.stringify(articleIds)) as Row[];
    return new Set(rows.map((r) => r.article_id as string));
  }

  async storyOf(articleId: string): Promise<number | null> {
    const row = this.sql("SELECT story_id FROM story_articles WHERE article_id = ?").get(
      articleId,
    ) as Row | undefined;
    return row ? (row.story_id as number) : null;
  }

  async place(placements: readonly ArticlePlacement[]): Promise<void> {
    const insert = this.sql(`INSERT OR REPLACE INTO story_articles
      (article_id, story_id, duplicate_of, duplicate_kind, similarity)
      VALUES (?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      for (const p of placements) {
        insert.run(
          p.articleId,
          p.storyId,
          p.duplicate?.of ?? null,
          p.duplicate?.kind ?? null,
          p.duplicate?.similarity ?? null,
        );
      }
    })();
  }

  async forget(articleIds: readonly string[]): Promise<void> {
    if (articleIds.length === 0) return;
    const ids = JSON.stringify(articleIds);
    const inIds = "(SELECT value FROM json_each(@ids))";
    this.db.transaction(() => {
      const touched = (
        this.sql(`SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN ${inIds}`).all({
          ids,
        }) as Row[]
      ).map((r) => r.event_id as string);
      for (const table of [
        "event_mentions",
        "story_articles",
        "dedup_bands",
        "dedup_fingerprints",
      ]) {
        this.sql(`DELETE FROM ${table} WHERE article_id IN ${inIds}`).run({ ids });
      }
      const events = JSON.stringify(touched);
      this.sql(
        `DELETE FROM merged_events WHERE id IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = merged_events.id)`,
      ).run(events);
      // The same counts as recount() in src/stories/events.ts, in SQL.
      this.sql(
        `UPDATE merged_events SET
           num_mentions = (SELECT count(*) FROM event_mentions m
             WHERE m.event_id = merged_events.id AND m.duplicate_of IS NULL),
           num_articles = (SELECT count(DISTINCT m.article_id) FROM event_mentions m
             WHERE m.event_id = merged_events.id AND m.duplicate_of IS NULL),
           num_sources = (SELECT count(DISTINCT coalesce(m.source, 'article:' || m.article_id))
             FROM event_mentions m WHERE m.event_id = merged_events.id AND m.duplicate_of IS NULL),
           num_reprints = (SELECT count(*) FROM event_mentions m
             WHERE m.event_id = merged_events.id AND m.duplicate_of IS NOT NULL)
         WHERE id IN (SELECT value FROM json_each(?))`,
      ).run(events);
    })();
  }

  async mergeStories(merges: readonly StoryMerge[]): Promise<void> {
    const update = this.sql("UPDATE story_articles SET story_id = ? WHERE story_id = ?");
    this.db.transaction(() => {
      for (const m of merges) update.run(m.into, m.from);
    })();
  }

  async listStories(filter: StoryFilter = {}): Promise<StorySummary[]> {
    const where: string[] = [];
    const having = ["count(*) >= @min"];
    const params: Row = {
      min: filter.minArticles ?? 1,
      limit: filter.limit ?? -1,
      offset: filter.offset ?? 0,
    };
    if (filter.id !== undefined) {
      where.push("s.story_id = @id");
      params.id = filter.id;
    }
    // The story's span [first, last] overlaps [since, until].
    if (filter.since) {
      having.push("max(a.published) >= @since");
      params.since = filter.since;
    }
    if (filter.until) {
      having.push("min(a.published) <= @until");
      params.until = lastDayOf(filter.until);
    }
    if (filter.search) {
      where.push(
        `s.story_id IN (SELECT sa.story_id FROM story_articles sa
           JOIN articles fa ON fa.id = sa.article_id
           WHERE fa.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @search))`,
      );
      params.search = filter.search;
    }
    const order =
      filter.sort === "size" ? "articles DESC, last DESC, id" : "last DESC, articles DESC, id";
    let rows: Row[];
    try {
      rows = this.sql(
        `SELECT s.story_id AS id, count(*) AS articles,
           sum(s.duplicate_of IS NULL) AS originals,
           min(a.published) AS first, max(a.published) AS last
         FROM story_articles s JOIN articles a ON a.id = s.article_id
         ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         GROUP BY s.story_id
         HAVING ${having.join(" AND ")}
         ORDER BY ${order}
         LIMIT @limit OFFSET @offset`,
      ).all(params) as Row[];
    } catch (error) {
      throw searchError(error, filter.search);
    }
    return rows.map((r) => ({
      id: r.id as number,
      articles: r.articles as number,
      originals: r.originals as number,
      first: r.first as string | null,
      last: r.last as string | null,
      title: this.storyTitle(r.id as number),
    }));
  }

  /**
   * The most typical title (or first words) among a story's earliest articles, originals
   * first and dated ones only when there are any: its first article may be a stray that
   * folded in.
   */
  private storyTitle(storyId: number): string | null {
    const rows = this.sql(
      `SELECT coalesce(a.title, substr(a.text, 1, 80)) AS title, a.published IS NOT NULL AS dated
       FROM story_articles s JOIN articles a ON a.id = s.article_id
       WHERE s.story_id = ?
       ORDER BY s.duplicate_of IS NOT NULL, a.published IS NULL, a.published, a.seq
       LIMIT ${TITLE_SAMPLE}`,
    ).all(storyId) as Row[];
    const dated = rows.filter((r) => r.dated);
    const titles = (dated.length > 0 ? dated : rows).map((r) => r.title as string);
    return titles[mostTypical(titles)] ?? null;
  }

  async storyArticles(storyId: number): Promise<StoryArticle[]> {
    const rows = this.sql(
      `SELECT a.id, coalesce(a.title, substr(a.text, 1, 80)) AS title, a.source, a.published,
         s.duplicate_of, s.duplicate_kind,
         s.similarity
       FROM story_articles s JOIN articles a ON a.id = s.article_id
       WHERE s.story_id = ? ORDER BY a.published IS NULL, a.published, a.seq`,
    ).all(storyId) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      title: r.title as string | null,
      source: r.source as string | null,
      published: r.published as string | null,
      duplicateOf: r.duplicate_of as string | null,
      duplicateKind: r.duplicate_kind as StoryArticle["duplicateKind"],
      similarity: r.similarity as number | null,
    }));
  }

  async loadMergedEvents(
    types: readonly EventType[],
    earliest: string,
    latest: string,
  ): Promise<MergedEvent[]> {
    const rows = this.sql(
      `SELECT * FROM merged_events
       WHERE type IN (SELECT value FROM json_each(?)) AND earliest <> ''
         AND earliest <= ? AND latest >= ?`,
    ).all(JSON.stringify(types), latest, earliest) as Row[];
    return this.withMentions(rows.map(eventFromRow));
  }

  async saveMergedEvents(events: readonly MergedEvent[]): Promise<void> {
    const upsert = this.sql(`INSERT OR REPLACE INTO merged_events
      (id, type, quad, mode, negated, hypothetical, actor, recipient, location, earliest,
       latest, num_mentions, num_articles, num_sources, num_reprints)
      VALUES (@id, @type, @quad, @mode, @negated, @hypothetical, @actor, @recipient,
       @location, @earliest, @latest, @numMentions, @numArticles, @numSources, @numReprints)`);
    const mention = this.sql(`INSERT OR REPLACE INTO event_mentions
      (article_id, idx, event_id, article_event_id, source, published, sentence, span_start,
       span_end, duplicate_of, seq)
      VALUES (@articleId, @index, @event, @eventId, @source, @published, @sentence, @start,
       @end, @duplicateOf, @seq)`);
    this.db.transaction(() => {
      for (const e of events) {
        upsert.run({
          id: e.id,
          type: e.type,
          quad: e.quad,
          mode: e.mode,
          negated: e.negated ? 1 : 0,
          hypothetical: e.hypothetical ? 1 : 0,
          actor: e.actor ? JSON.stringify(e.actor) : null,
          recipient: e.recipient ? JSON.stringify(e.recipient) : null,
          location: e.location ? JSON.stringify(e.location) : null,
          earliest: e.earliest,
          latest: e.latest,
          numMentions: e.numMentions,
          numArticles: e.numArticles,
          numSources: e.numSources,
          numReprints: e.numReprints,
        });
        e.mentions.forEach((m, seq) => {
          mention.run({
            articleId: m.articleId,
            index: m.index,
            event: e.id,
            eventId: m.eventId,
            source: m.source,
            published: m.published,
            sentence: m.sentence,
            start: m.start,
            end: m.end,
            duplicateOf: m.duplicateOf,
            seq,
          });
        });
      }
    })();
  }

  async listMergedEvents(filter: MergedEventFilter = {}): Promise<MergedEvent[]> {
    const where: string[] = [];
    const params: Row = {};
    argumentWhere(filter, mergedColumns, where, params);
    if (filter.articleId) {
      where.push("id IN (SELECT event_id FROM event_mentions WHERE article_id = @articleId)");
      params.articleId = filter.articleId;
    }
    if (filter.storyId !== undefined) {
      where.push(
        `id IN (SELECT m.event_id FROM story_articles s
           JOIN event_mentions m ON m.article_id = s.article_id WHERE s.story_id = @storyId)`,
      );
      params.storyId = filter.storyId;
    }
    if (filter.since) {
      where.push("(latest = '' OR latest >= @since)");
      params.since = filter.since;
    }
    if (filter.until) {
      where.push("(earliest = '' OR earliest <= @until)");
      params.until = lastDayOf(filter.until);
    }
    if (filter.minArticles) {
      where.push("num_articles >= @minArticles");
      params.minArticles = filter.minArticles;
    }
    params.limit = filter.limit ?? -1;
    params.offset = filter.offset ?? 0;
    const rows = this.sql(
      `SELECT * FROM merged_events ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY earliest = '', earliest, num_articles DESC, id
       LIMIT @limit OFFSET @offset`,
    ).all(params) as Row[];
    return rows.map(eventFromRow);
  }

  async getMergedEvent(idOrPrefix: string): Promise<MergedEvent | null> {
    const rows = this.sql(
      "SELECT * FROM merged_events WHERE substr(id, 1, length(@p)) = @p LIMIT 2",
    ).all({ p: idOrPrefix }) as Row[];
    const exact = rows.find((r) => r.id === idOrPrefix);
    const row = exact ?? (rows.length === 1 ? rows[0] : undefined);
    return row ? (this.withMentions([eventFromRow(row)])[0] ?? null) : null;
  }

  /**
   * The events with their mentions, read by one query for all of them (a batch's window
   * holds thousands of events in a large store), each event's in the order it keeps them.
   */
  private withMentions(events: MergedEvent[]): MergedEvent[] {
    if (!events.length) return events;
    const byId = new Map(events.map((e) => [e.id, e]));
    const rows = this.sql(
      `SELECT m.*, e.json, e.evidence_text, s.story_id FROM event_mentions m
       JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx
       LEFT JOIN story_articles s ON s.article_id = m.article_id
       WHERE m.event_id IN (SELECT value FROM json_each(?)) ORDER BY m.event_id, m.seq`,
    ).all(JSON.stringify([...byId.keys()])) as Row[];
    for (const r of rows) {
      byId.get(r.event_id as string)?.mentions.push({
        articleId: r.article_id as string,
        index: r.idx as number,
        eventId: r.article_event_id as string,
        source: r.source as string | null,
        published: r.published as string | null,
        sentence: r.sentence as number,
        start: r.span_start as number,
        end: r.span_end as number,
        duplicateOf: r.duplicate_of as string | null,
        event: JSON.parse(r.json as string),
        evidenceText: r.evidence_text as string,
        storyId: (r.story_id as number | null) ?? null,
      });
    }
    return events;
  }
}

/** Where `merged_events` keeps what the shared event filters read. */
const mergedColumns: ArgumentColumns = {
  type: "type",
  quad: "quad",
  placeCountry: "json_extract(location, '$.countryCode')",
  actorCountry: "json_extract(actor, '$.country')",
  recipientCountry: "json_extract(recipient, '$.country')",
  actorName: "json_extract(actor, '$.name')",
  recipientName: "json_extract(recipient, '$.name')",
};

function eventFromRow(row: Row): MergedEvent {
  return {
    id: row.id as string,
    type: row.type as EventType,
    quad: row.quad as MergedEvent["quad"],
    mode: row.mode as string | null,
    negated: row.negated === 1,
    hypothetical: row.hypothetical === 1,
    actor: parseJson(row.actor),
    recipient: parseJson(row.recipient),
    location: parseJson(row.location),
    earliest: row.earliest as string,
    latest: row.latest as string,
    numMentions: row.num_mentions as number,
    numArticles: row.num_articles as number,
    numSources: row.num_sources as number,
    numReprints: row.num_reprints as number,
    mentions: [],
  };
}

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { Event } from "../core/annotations.ts";
import type { Message, Severity } from "../core/message.ts";
import type { AnnotatedDocument } from "../core/output.ts";
import { lastDayOf } from "./date-bounds.ts";
import { eventWhere } from "./event-where.ts";
import type { ExploreStore } from "./explore-types.ts";
import { latestVersion, migrations } from "./migrations.ts";
import { SqliteExploreStore } from "./sqlite-explore.ts";
import {
  LEAD_CHARS,
  MERGED_COLUMNS,
  MERGED_JOIN,
  StatementCache,
  storedEventFromRow,
} from "./sqlite-shared.ts";
import { SqliteStoryStore } from "./sqlite-stories.ts";
import type { StoryStore } from "./story-types.ts";
import type {
  ArticleFilter,
  ArticleSummary,
  BatchResult,
  EventFilter,
  IngestItem,
  IngestOutcome,
  MessageFilter,
  Store,
  StoredArticle,
  StoredEvent,
  StoredMessage,
  StoreStats,
  StoryStats,
} from "./types.ts";

export class StoreError extends Error {
  override name = "StoreError";
}

/** A query the store cannot run as given (a full-text query with bad syntax): the caller's to fix. */
export class QueryError extends StoreError {
  override name = "QueryError";
}

export interface SqliteStoreOptions {
  /** Fail instead of creating a store when the file does not exist (read-only commands). */
  mustExist?: boolean;
  /** The clock for `ingested_at`; injectable so tests can pin it. */
  now?: () => Date;
}

type Row = Record<string, unknown>;

/** Annotation arrays stored one row each, in this order, under these kinds. */
const annotationKinds = [
  ["sentences", "sentence"],
  ["entities", "entity"],
  ["dates", "date"],
  ["places", "place"],
  ["quotes", "quote"],
] as const;

/**
 * The default store: one SQLite file in WAL mode. WAL lets readers (a `dateline events`
 * in another terminal, the web UI) run while an ingest writes, and a killed process
 * loses only its open transaction.
 */
export class SqliteStore implements Store {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly statements: ReturnType<typeof prepareStatements>;
  /** Statements built from filters, by their text. */
  private readonly built: StatementCache;

  private constructor(path: string, db: Database.Database, now: () => Date) {
    this.path = path;
    this.db = db;
    this.now = now;
    this.statements = prepareStatements(db);
    this.built = new StatementCache(db);
  }

  static async open(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    return SqliteStore.openSync(path, options);
  }

  /** Synchronous open, for callers that are not async (tests, scripts). */
  static openSync(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    if (options.mustExist && path !== ":memory:" && !existsSync(path)) {
      throw new StoreError(`no store at ${path} (run \`dateline ingest\` first, or pass --db)`);
    }
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (error) {
      throw new StoreError(`cannot open store ${path}: ${(error as Error).message}`);
    }
    try {
      // First, so that even switching to WAL waits for another process's lock.
      db.pragma("busy_timeout = 5000");
      db.pragma("journal_mode = WAL");
      // NORMAL in WAL mode: a committed batch survives a crash of the process; only a
      // power loss may lose the last commits, and the file is never corrupted.
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      migrate(db, path);
    } catch (error) {
      db.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot open store ${path}: ${(error as Error).message}`);
    }
    return new SqliteStore(path, db, options.now ?? (() => new Date()));
  }

  async writeBatch(items: readonly IngestItem[]): Promise<BatchResult> {
    const write = this.db.transaction((batch: readonly IngestItem[]) =>
      batch.map((item) => this.writeItem(item)),
    );
    return { outcomes: write(items) };
  }

  private writeItem(item: IngestItem): IngestOutcome {
    const s = this.statements;
    if (item.kind === "failure") {
      const { origin, rule, reason } = item.failure;
      s.upsertFailure.run({ origin, rule, reason });
      return "failed";
    }
    const { doc, origin, idGiven } = item;
    // An input that failed before and reads now: its old failure no longer holds.
    s.deleteFailures.run(origin);
    const contentHash = hashContent(doc);
    const annotationsHash = hashAnnotations(doc);
    const existing = s.getArticleHashes.get(doc.id) as Row | undefined;
    const now = this.now().toISOString();
    if (existing) {
      const sameContent =
        existing.content_hash === contentHash && existing.annotations_hash === annotationsHash;
      // A content-hash id read from another input is the same text: a copy, not a new
      // version. The first input stays the article's origin; copies are recorded beside it.
      if (existing.origin !== origin && (!idGiven || sameContent)) {
        this.addOrigin(doc.id, origin);
        return "duplicate";
      }
      if (sameContent) return "unchanged";
      s.updateArticle.run({
        ...articleRow(doc, origin, idGiven, contentHash, annotationsHash),
        now,
      });
      this.addOrigin(doc.id, origin);
      this.deleteChildren(doc.id);
      this.insertChildren(doc, origin);
      return "updated";
    }
    s.insertArticle.run({ ...articleRow(doc, origin, idGiven, contentHash, annotationsHash), now });
    s.insertOrigin.run(doc.id, origin, 0);
    this.insertChildren(doc, origin);
    return "added";
  }

  private addOrigin(id: string, origin: string): void {
    const s = this.statements;
    if (s.hasOrigin.get(id, origin) !== undefined) return;
    s.insertOrigin.run(id, origin, (s.nextOriginSeq.get(id) as { n: number }).n);
  }

  private deleteChildren(id: string): void {
    const s = this.statements;
    s.deleteAnnotations.run(id);
    s.deleteEvents.run(id);
    s.deleteMessages.run(id);
  }

  private insertChildren(doc: AnnotatedDocument, origin: string): void {
    const s = this.statements;
    for (const [field, kind] of annotationKinds) {
      const list = doc[field] as readonly { start: number; end: number; text?: string }[];
      list.forEach((annotation, idx) => {
        s.insertAnnotation.run({
          article_id: doc.id,
          kind,
          idx,
          span_start: annotation.start,
          span_end: annotation.end,
          text: kind === "sentence" ? null : (annotation.text ?? null),
          label: annotationLabel(kind, annotation),
          json: JSON.stringify(annotation),
        });
      });
    }
    doc.events.forEach((event, idx) => {
      s.insertEvent.run(eventRow(doc, event, idx));
    });
    doc.messages.forEach((message, idx) => {
      s.insertMessage.run({
        article_id: doc.id,
        idx,
        origin,
        severity: message.severity,
        stage: message.stage,
        rule: message.rule,
        reason: message.reason,
        span_start: message.span?.start ?? null,
        span_end: message.span?.end ?? null,
        json: JSON.stringify(message),
      });
    });
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const s = this.statements;
    const row = s.getArticle.get(id) as Row | undefined;
    if (!row) return null;
    const doc: AnnotatedDocument = {
      id: row.id as string,
      published: row.published as string | null,
      title: row.title as string | null,
      url: row.url as string | null,
      source: row.source as string | null,
      language: row.language as string,
      text: row.text as string,
      sentences: [],
      entities: [],
      dates: [],
      places: [],
      events: [],
      quotes: [],
      messages: [],
    };
    for (const [field, kind] of annotationKinds) {
      const rows = s.getAnnotations.all(id, kind) as Row[];
      (doc[field] as unknown[]) = rows.map((r) => JSON.parse(r.json as string));
    }
    doc.events = (s.getEventsOf.all(id) as Row[]).map((r) => JSON.parse(r.json as string));
    doc.messages = (s.getMessagesOf.all(id) as Row[]).map(messageFromRow);
    if (typeof row.extra === "string") Object.assign(doc, JSON.parse(row.extra));
    const origins = (s.getOrigins.all(id) as Row[]).map((r) => r.origin as string);
    return {
      summary: summaryFromRow(row),
      origins,
      contentHash: row.content_hash as string,
      doc,
    };
  }

  async listArticles(filter: ArticleFilter = {}): Promise<ArticleSummary[]> {
    const where: string[] = [];
    const params: Row = {};
    if (filter.idPrefix) {
      // substr rather than LIKE, so `_` and `%` in ids mean themselves.
      where.push("substr(a.id, 1, length(@idPrefix)) = @idPrefix");
      params.idPrefix = filter.idPrefix;
    }
    if (filter.since) {
      where.push("a.published >= @since");
      params.since = filter.since;
    }
    if (filter.until) {
      where.push("a.published <= @until");
      params.until = lastDayOf(filter.until);
    }
    if (filter.source) {
      where.push("a.source = @source");
      params.source = filter.source;
    }
    if (filter.search) {
      where.push("a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @search)");
      params.search = filter.search;
    }
    const sql = `${summarySelect}
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY a.published IS NULL, a.published, a.id
      LIMIT @limit OFFSET @offset`;
    params.limit = filter.limit ?? -1;
    params.offset = filter.offset ?? 0;
    try {
      return (this.query(sql).all(params) as Row[]).map(summaryFromRow);
    } catch (error) {
      throw searchError(error, filter.search);
    }
  }

  async *queryEvents(filter: EventFilter = {}): AsyncIterable<StoredEvent> {
    const { where, params } = eventWhere(filter);
    params.limit = filter.limit ?? -1;
    params.offset = filter.offset ?? 0;
    const sql = `SELECT e.article_id, e.idx, e.json, e.evidence_text,
        a.published, a.title, a.url, a.source, ${MERGED_COLUMNS}
      FROM events e JOIN articles a ON a.id = e.article_id
      ${MERGED_JOIN}
      ${where}
      ORDER BY coalesce(nullif(e.date_earliest, ''), a.published) IS NULL,
        coalesce(nullif(e.date_earliest, ''), a.published), e.article_id, e.idx
      LIMIT @limit OFFSET @offset`;
    let rows: IterableIterator<Row>;
    try {
      rows = this.query(sql).iterate(params) as IterableIterator<Row>;
    } catch (error) {
      throw searchError(error, filter.search);
    }
    for (;;) {
      let next: IteratorResult<Row>;
      try {
        next = rows.next();
      } catch (error) {
        throw searchError(error, filter.search);
      }
      if (next.done) return;
      yield storedEventFromRow(next.value);
    }
  }

  async listMessages(filter: MessageFilter = {}): Promise<StoredMessage[]> {
    const where: string[] = [];
    const params: Row = {};
    if (filter.articleId) {
      where.push("article_id = @articleId");
      params.articleId = filter.articleId;
    }
    if (filter.unattached) where.push("article_id IS NULL");
    if (filter.rule) {
      where.push("rule = @rule");
      params.rule = filter.rule;
    }
    if (filter.severity) {
      where.push("severity = @severity");
      params.severity = filter.severity;
    }
    params.limit = filter.limit ?? -1;
    const sql = `SELECT * FROM messages
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY article_id IS NOT NULL, article_id, idx, origin, rule LIMIT @limit`;
    return (this.query(sql).all(params) as Row[]).map((row) => ({
      ...messageFromRow(row),
      articleId: row.article_id as string | null,
      origin: row.origin as string,
    }));
  }

  async stats(): Promise<StoreStats> {
    const count = (sql: string) => (this.query(sql).get() as { n: number }).n;
    const grouped = (sql: string): Record<string, number> =>
      Object.fromEntries(
        (this.query(sql).all() as Row[]).map((r) => [r.k as string, r.n as number]),
      );
    const annotations: Record<string, number> = {};
    for (const [, kind] of annotationKinds) annotations[kind] = 0;
    Object.assign(
      annotations,
      grouped("SELECT kind AS k, count(*) AS n FROM annotations GROUP BY kind"),
    );
    annotations.event = count("SELECT count(*) AS n FROM events");
    return {
      articles: count("SELECT count(*) AS n FROM articles"),
      annotations,
      eventsByType: grouped(
        "SELECT type AS k, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, k",
      ),
      messagesByRule: grouped(
        "SELECT rule AS k, count(*) AS n FROM messages GROUP BY rule ORDER BY n DESC, k",
      ),
      failedInputs: count(
        "SELECT count(DISTINCT origin) AS n FROM messages WHERE article_id IS NULL",
      ),
      schemaVersion: currentVersion(this.db),
      stories: this.storyStats(),
    };
  }

  private storyStats(): StoryStats {
    const sizes = this.query(
      "SELECT count(*) AS stories, coalesce(sum(n > 1), 0) AS shared, coalesce(max(n), 0) AS largest " +
        "FROM (SELECT count(*) AS n FROM story_articles GROUP BY story_id)",
    ).get() as { stories: number; shared: number; largest: number };
    const placed = this.query(
      "SELECT count(*) AS placed, count(duplicate_of) AS reprints FROM story_articles",
    ).get() as { placed: number; reprints: number };
    const events = this.query(
      "SELECT count(*) AS merged, coalesce(sum(num_articles > 1), 0) AS twice FROM merged_events",
    ).get() as { merged: number; twice: number };
    return {
      ...placed,
      ...sizes,
      mergedEvents: events.merged,
      reportedTwice: events.twice,
    };
  }

  private storyStore: SqliteStoryStore | undefined;
  stories(): StoryStore {
    this.storyStore ??= new SqliteStoryStore(this.db);
    return this.storyStore;
  }

  private exploreStore: SqliteExploreStore | undefined;
  explore(): ExploreStore {
    this.exploreStore ??= new SqliteExploreStore(this.db);
    return this.exploreStore;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private query(sql: string): Database.Statement {
    return this.built.get(sql);
  }
}

/** What a summary adds to an article's columns. */
const summaryExtras = `substr(a.text, 1, ${LEAD_CHARS}) AS lead, length(a.text) AS length,
    (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS event_count,
    (SELECT count(*) FROM messages m WHERE m.article_id = a.id) AS message_count`;

/** Summaries for lists: the columns a summary reads, not every article's whole text. */
const summarySelect = `SELECT a.id, a.published, a.title, a.url, a.source, a.origin, a.ingested_at,
    ${summaryExtras}
  FROM articles a`;

function prepareStatements(db: Database.Database) {
  return {
    getArticleHashes: db.prepare(
      "SELECT content_hash, annotations_hash, origin FROM articles WHERE id = ?",
    ),
    hasOrigin: db.prepare("SELECT 1 FROM article_origins WHERE article_id = ? AND origin = ?"),
    nextOriginSeq: db.prepare(
      "SELECT coalesce(max(seq) + 1, 0) AS n FROM article_origins WHERE article_id = ?",
    ),
    insertOrigin: db.prepare(
      "INSERT OR IGNORE INTO article_origins (article_id, origin, seq) VALUES (?, ?, ?)",
    ),
    getOrigins: db.prepare("SELECT origin FROM article_origins WHERE article_id = ? ORDER BY seq"),
    insertArticle: db.prepare(`INSERT INTO articles
      (id, url, title, source, published, language, text, origin, id_given, content_hash,
       annotations_hash, extra, ingested_at, updated_at)
      VALUES (@id, @url, @title, @source, @published, @language, @text, @origin, @id_given,
       @content_hash, @annotations_hash, @extra, @now, @now)`),
    updateArticle: db.prepare(`UPDATE articles SET url = @url, title = @title, source = @source,
      published = @published, language = @language, text = @text, id_given = @id_given,
      content_hash = @content_hash, annotations_hash = @annotations_hash, extra = @extra,
      updated_at = @now
      WHERE id = @id`),
    getArticle: db.prepare(`SELECT a.*, ${summaryExtras} FROM articles a WHERE a.id = ?`),
    insertAnnotation: db.prepare(`INSERT INTO annotations
      (article_id, kind, idx, span_start, span_end, text, label, json)
      VALUES (@article_id, @kind, @idx, @span_start, @span_end, @text, @label, @json)`),
    getAnnotations: db.prepare(
      "SELECT json FROM annotations WHERE article_id = ? AND kind = ? ORDER BY idx",
    ),
    deleteAnnotations: db.prepare("DELETE FROM annotations WHERE article_id = ?"),
    insertEvent: db.prepare(`INSERT INTO events (article_id, idx, event_id, type, quad, mode,
      trigger_start, trigger_end, trigger_text, actor_name, actor_country, actor_sector,
      recipient_name, recipient_country, recipient_sector, place_geoname_id, place_name,
      place_lat, place_lon, place_country, date_value, date_earliest, date_latest, dead,
      injured, arrested, size, negated, hypothetical, evidence_sentence, evidence_start,
      evidence_end, evidence_text, confidence, coder, json)
      VALUES (@article_id, @idx, @event_id, @type, @quad, @mode, @trigger_start, @trigger_end,
      @trigger_text, @actor_name, @actor_country, @actor_sector, @recipient_name,
      @recipient_country, @recipient_sector, @place_geoname_id, @place_name, @place_lat,
      @place_lon, @place_country, @date_value, @date_earliest, @date_latest, @dead, @injured,
      @arrested, @size, @negated, @hypothetical, @evidence_sentence, @evidence_start,
      @evidence_end, @evidence_text, @confidence, @coder, @json)`),
    getEventsOf: db.prepare("SELECT json FROM events WHERE article_id = ? ORDER BY idx"),
    deleteEvents: db.prepare("DELETE FROM events WHERE article_id = ?"),
    insertMessage: db.prepare(`INSERT INTO messages
      (article_id, idx, origin, severity, stage, rule, reason, span_start, span_end, json)
      VALUES (@article_id, @idx, @origin, @severity, @stage, @rule, @reason, @span_start,
      @span_end, @json)`),
    getMessagesOf: db.prepare("SELECT * FROM messages WHERE article_id = ? ORDER BY idx"),
    deleteMessages: db.prepare("DELETE FROM messages WHERE article_id = ?"),
    upsertFailure: db.prepare(`INSERT INTO messages (article_id, idx, origin, severity, stage,
      rule, reason) VALUES (NULL, NULL, @origin, 'error', 'read', @rule, @reason)
      ON CONFLICT (origin, rule) WHERE article_id IS NULL
      DO UPDATE SET reason = excluded.reason WHERE reason <> excluded.reason`),
    deleteFailures: db.prepare("DELETE FROM messages WHERE article_id IS NULL AND origin = ?"),
  };
}

function migrate(db: Database.Database, path: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = currentVersion(db);
  if (current > latestVersion) {
    throw new StoreError(
      `store ${path} has schema version ${current}, newer than this dateline (${latestVersion}); upgrade dateline`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
}

function currentVersion(db: Database.Database): number {
  const row = db.prepare("SELECT max(version) AS v FROM schema_version").get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/** A full-text query SQLite rejects is the user's to fix, not an internal error. */
export function searchError(error: unknown, search: string | undefined): unknown {
  if (search === undefined || !(error instanceof Database.SqliteError)) return error;
  return new QueryError(
    `the search query ${JSON.stringify(search)} is not valid full-text syntax (${error.message}); ` +
      'use words, "quoted phrases", AND, OR, NOT, prefix*',
  );
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** What a reader sees of an article: its text and metadata. */
export function hashContent(doc: AnnotatedDocument): string {
  return sha256(
    JSON.stringify([doc.text, doc.title, doc.url, doc.source, doc.published, doc.language]),
  );
}

/** What the pipeline found in it; changes when the stages change. */
function hashAnnotations(doc: AnnotatedDocument): string {
  return sha256(
    JSON.stringify([
      doc.sentences,
      doc.entities,
      doc.dates,
      doc.places,
      doc.events,
      doc.quotes,
      doc.messages,
      extraFields(doc),
    ]),
  );
}

function articleRow(
  doc: AnnotatedDocument,
  origin: string,
  idGiven: boolean,
  contentHash: string,
  annotationsHash: string,
): Row {
  return {
    id: doc.id,
    url: doc.url,
    title: doc.title,
    source: doc.source,
    published: doc.published,
    language: doc.language,
    text: doc.text,
    origin,
    id_given: idGiven ? 1 : 0,
    content_hash: contentHash,
    annotations_hash: annotationsHash,
    extra: extraFields(doc),
  };
}

/** The keys of DESIGN.md's contract; anything else a later version adds goes to `extra`. */
const contractKeys = new Set([
  "id",
  "published",
  "title",
  "url",
  "source",
  "language",
  "text",
  "sentences",
  "entities",
  "dates",
  "places",
  "events",
  "quotes",
  "messages",
]);

function extraFields(doc: AnnotatedDocument): string | null {
  const extra = Object.entries(doc).filter(([key]) => !contractKeys.has(key));
  return extra.length ? JSON.stringify(Object.fromEntries(extra)) : null;
}

function annotationLabel(kind: string, annotation: unknown): string | null {
  const a = annotation as Record<string, unknown>;
  switch (kind) {
    case "entity":
      return (a.type as string) ?? null;
    case "date":
      return (a.value as string) ?? null;
    case "place":
      return a.geonameId == null ? ((a.name as string) ?? null) : String(a.geonameId);
    case "quote":
      return ((a.speaker as { text?: string } | null)?.text as string) ?? null;
    default:
      return null;
  }
}

function eventRow(doc: AnnotatedDocument, event: Event, idx: number): Row {
  const flag = (value: boolean) => (value ? 1 : 0);
  return {
    article_id: doc.id,
    idx,
    event_id: event.id,
    type: event.type,
    quad: event.quad,
    mode: event.mode,
    trigger_start: event.trigger.start,
    trigger_end: event.trigger.end,
    trigger_text: event.trigger.text,
    actor_name: event.actor?.name ?? null,
    actor_country: event.actor?.country ?? null,
    actor_sector: event.actor?.sector ?? null,
    recipient_name: event.recipient?.name ?? null,
    recipient_country: event.recipient?.country ?? null,
    recipient_sector: event.recipient?.sector ?? null,
    place_geoname_id: event.location?.geonameId ?? null,
    place_name: event.location?.name ?? null,
    place_lat: event.location?.lat ?? null,
    place_lon: event.location?.lon ?? null,
    place_country: event.location?.countryCode ?? null,
    date_value: event.date?.value ?? null,
    date_earliest: event.date?.earliest ?? null,
    date_latest: event.date?.latest ?? null,
    dead: event.dead,
    injured: event.injured,
    arrested: event.arrested,
    size: event.size,
    negated: flag(event.negated),
    hypothetical: flag(event.hypothetical),
    evidence_sentence: event.evidence.sentence,
    evidence_start: event.evidence.start,
    evidence_end: event.evidence.end,
    evidence_text: doc.text.slice(event.evidence.start, event.evidence.end),
    confidence: event.confidence,
    coder: event.coder,
    json: JSON.stringify(event),
  };
}

function messageFromRow(row: Row): Message {
  if (typeof row.json === "string") return JSON.parse(row.json) as Message;
  const message: Message = {
    severity: row.severity as Severity,
    stage: row.stage as string,
    rule: row.rule as string,
    reason: row.reason as string,
  };
  if (row.span_start != null && row.span_end != null) {
    message.span = { start: row.span_start as number, end: row.span_end as number };
  }
  return message;
}

export function summaryFromRow(row: Row): ArticleSummary {
  return {
    id: row.id as string,
    published: row.published as string | null,
    title: row.title as string | null,
    url: row.url as string | null,
    source: row.source as string | null,
    origin: row.origin as string,
    lead: row.lead as string,
    length: row.length as number,
    events: row.event_count as number,
    messages: row.message_count as number,
    ingestedAt: row.ingested_at as string,
  };
}

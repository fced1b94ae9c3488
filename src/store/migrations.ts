/**
 * The SQLite schema as an ordered list of migrations. A store opens, reads
 * `schema_version`, and applies every later migration in order, each in its own
 * transaction. Never edit a migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "articles, annotations, events, messages, full-text search",
    sql: `
      -- seq is the FTS rowid; id is the article's public id (content hash unless given).
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        source TEXT,
        published TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        origin TEXT NOT NULL,
        id_given INTEGER NOT NULL,
        -- SHA-256 of text and metadata, and of the annotation arrays: both equal = unchanged.
        content_hash TEXT NOT NULL,
        annotations_hash TEXT NOT NULL,
        -- Top-level fields of the annotated document this schema has no column for (the
        -- contract grows by adding fields), as JSON, so reading back loses nothing.
        extra TEXT,
        ingested_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles (published);
      CREATE INDEX articles_source ON articles (source);
      CREATE INDEX articles_content_hash ON articles (content_hash);

      -- Every input an article was read from (re-scrapes, copies): issue 9 links duplicates.
      CREATE TABLE article_origins (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        origin TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (article_id, origin)
      ) WITHOUT ROWID;
      CREATE INDEX article_origins_origin ON article_origins (origin);

      -- One row per sentence, entity, date, place and quote, in document order; json is the
      -- contract object, the other columns are there to filter on.
      CREATE TABLE annotations (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        idx INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT,
        label TEXT,
        json TEXT NOT NULL,
        PRIMARY KEY (article_id, kind, idx)
      ) WITHOUT ROWID;
      CREATE INDEX annotations_kind_label ON annotations (kind, label);

      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        quad TEXT NOT NULL,
        mode TEXT,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        actor_name TEXT,
        actor_country TEXT,
        actor_sector TEXT,
        recipient_name TEXT,
        recipient_country TEXT,
        recipient_sector TEXT,
        place_geoname_id INTEGER,
        place_name TEXT,
        place_lat REAL,
        place_lon REAL,
        place_country TEXT,
        date_value TEXT,
        date_earliest TEXT,
        date_latest TEXT,
        dead INTEGER,
        injured INTEGER,
        arrested INTEGER,
        size INTEGER,
        negated INTEGER NOT NULL,
        hypothetical INTEGER NOT NULL,
        evidence_sentence INTEGER NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_text TEXT NOT NULL,
        confidence REAL NOT NULL,
        coder TEXT NOT NULL,
        json TEXT NOT NULL,
        UNIQUE (article_id, idx)
      );
      CREATE INDEX events_type ON events (type, quad);
      CREATE INDEX events_date ON events (date_earliest, date_latest);
      CREATE INDEX events_actor_country ON events (actor_country);
      CREATE INDEX events_recipient_country ON events (recipient_country);
      CREATE INDEX events_place_country ON events (place_country);
      CREATE INDEX events_place ON events (place_geoname_id);

      -- Messages of stored articles (article_id set) and inputs that could not be read
      -- (article_id NULL, one row per origin and rule so re-ingesting adds nothing).
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        article_id TEXT REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER,
        origin TEXT NOT NULL,
        severity TEXT NOT NULL,
        stage TEXT NOT NULL,
        rule TEXT NOT NULL,
        reason TEXT NOT NULL,
        span_start INTEGER,
        span_end INTEGER,
        -- The message object as the stage wrote it (fields added later included).
        json TEXT
      );
      CREATE UNIQUE INDEX messages_article ON messages (article_id, idx) WHERE article_id IS NOT NULL;
      CREATE UNIQUE INDEX messages_failure ON messages (origin, rule) WHERE article_id IS NULL;
      CREATE INDEX messages_rule ON messages (rule);

      -- External-content FTS5 tables, kept in step by triggers.
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content = 'articles', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
          VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;

      CREATE VIRTUAL TABLE events_fts USING fts5 (
        evidence_text, content = 'events', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts (rowid, evidence_text) VALUES (new.seq, new.evidence_text);
      END;
      CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts (events_fts, rowid, evidence_text)
          VALUES ('delete', old.seq, old.evidence_text);
      END;
    `,
  },
];

/** The schema version this code writes. */
export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);

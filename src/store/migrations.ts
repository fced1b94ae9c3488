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
  {
    version: 2,
    name: "stories: duplicates, story clusters, merged events and their mentions (issue 9)",
    sql: `
      -- Fingerprints of original articles (duplicates are not indexed: they point at one).
      -- rowid order is arrival order, so an exact hash names the first article stored.
      CREATE TABLE dedup_fingerprints (
        article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
        exact_hash TEXT NOT NULL,
        -- MinHash signature: little-endian uint32 values; empty for very short texts.
        signature BLOB NOT NULL
      );
      CREATE INDEX dedup_exact ON dedup_fingerprints (exact_hash);
      -- LSH band keys: articles sharing one are near-duplicate candidates.
      CREATE TABLE dedup_bands (
        band_key TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, article_id)
      ) WITHOUT ROWID;

      -- Each article the cross-article pass placed: its story, and the original it
      -- reprints when it is a duplicate.
      CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL,
        duplicate_of TEXT,
        duplicate_kind TEXT,
        similarity REAL
      ) WITHOUT ROWID;
      CREATE INDEX story_articles_story ON story_articles (story_id);
      CREATE INDEX story_articles_duplicate ON story_articles (duplicate_of);

      -- The online clusterer's state (live stories, document frequencies) as JSON.
      CREATE TABLE story_state (name TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;

      -- One real event from many reports; earliest/latest '' when no date bounds it.
      CREATE TABLE merged_events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        quad TEXT NOT NULL,
        mode TEXT,
        negated INTEGER NOT NULL,
        hypothetical INTEGER NOT NULL,
        actor TEXT,
        recipient TEXT,
        location TEXT,
        earliest TEXT NOT NULL,
        latest TEXT NOT NULL,
        num_mentions INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_reprints INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX merged_events_type_date ON merged_events (type, earliest, latest);

      -- Every mention of a merged event: an event of an article (events.article_id, idx).
      CREATE TABLE event_mentions (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        event_id TEXT NOT NULL REFERENCES merged_events (id) ON DELETE CASCADE,
        article_event_id TEXT NOT NULL,
        source TEXT,
        published TEXT,
        sentence INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        duplicate_of TEXT,
        seq INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
      ) WITHOUT ROWID;
      CREATE INDEX event_mentions_event ON event_mentions (event_id, seq);
    `,
  },
];

/** The schema version this code writes. */
export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);

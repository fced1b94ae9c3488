/**
 * Pieces the three SQLite stores (articles and events, explore, stories) share: prepared
 * statements cached by their text, and the stored event a joined events/articles row makes.
 */
import type Database from "better-sqlite3";
import type { Event } from "../core/annotations.ts";
import type { MergedRef, StoredEvent } from "./types.ts";

type Row = Record<string, unknown>;

/** Statements built from filters, cached by their text: there are few shapes. */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** Characters of an article's text a summary carries as its `lead`. */
export const LEAD_CHARS = 120;

/**
 * The columns and joins that give an event row its merged event (`merged_id`, the counts,
 * the consolidated actor, recipient, place and days): a LEFT JOIN, so an event no
 * cross-article pass has placed reads as `merged: null`.
 */
export const MERGED_COLUMNS = `me.id AS merged_id, me.num_mentions, me.num_articles, me.num_sources,
  me.actor AS merged_actor, me.recipient AS merged_recipient, me.location AS merged_location,
  me.earliest AS merged_earliest, me.latest AS merged_latest`;
export const MERGED_JOIN = `LEFT JOIN event_mentions em ON em.article_id = e.article_id AND em.idx = e.idx
  LEFT JOIN merged_events me ON me.id = em.event_id`;

/**
 * A row of `events e JOIN articles a` (e.article_id, e.idx, e.json, e.evidence_text,
 * a.published, a.title, a.url, a.source) and `MERGED_COLUMNS`, which every such query
 * selects: `merged` is null when no cross-article pass has placed the event.
 */
export function storedEventFromRow(row: Row): StoredEvent & { merged: MergedRef | null } {
  return {
    articleId: row.article_id as string,
    index: row.idx as number,
    event: JSON.parse(row.json as string) as Event,
    evidenceText: row.evidence_text as string,
    article: {
      published: row.published as string | null,
      title: row.title as string | null,
      url: row.url as string | null,
      source: row.source as string | null,
    },
    merged:
      row.merged_id == null
        ? null
        : {
            id: row.merged_id as string,
            numMentions: row.num_mentions as number,
            numArticles: row.num_articles as number,
            numSources: row.num_sources as number,
            actor: parseJson(row.merged_actor),
            recipient: parseJson(row.merged_recipient),
            location: parseJson(row.merged_location),
            earliest: row.merged_earliest as string,
            latest: row.merged_latest as string,
          },
  };
}

/** A JSON text column: its value, or null for SQL NULL. */
export function parseJson<T>(value: unknown): T | null {
  return typeof value === "string" ? (JSON.parse(value) as T) : null;
}

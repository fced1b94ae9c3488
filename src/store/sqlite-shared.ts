/**
 * Pieces the three SQLite stores (articles and events, explore, stories) share: prepared
 * statements cached by their text, and the stored event a joined events/articles row makes.
 */
import type Database from "better-sqlite3";
import type { Event } from "../core/annotations.ts";
import type { StoredEvent } from "./types.ts";

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

/** A row of `events e JOIN articles a` (e.article_id, e.idx, e.json, e.evidence_text, a.published, a.title, a.url, a.source). */
export function storedEventFromRow(row: Row): StoredEvent {
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
  };
}

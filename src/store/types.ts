/**
 * The store contract. Every method is async so that a networked store (PostgreSQL) can
 * implement the same interface; `src/store/contract.ts` is the test suite every
 * implementation must pass.
 */
import type { Event, EventType, Quad } from "../core/annotations.ts";
import type { Message, Severity } from "../core/message.ts";
import type { AnnotatedDocument } from "../core/output.ts";
import type { ReadFailure } from "../read/types.ts";
import type { MergedArgument, MergedPlace } from "../stories/events.ts";
import type { ExploreStore } from "./explore-types.ts";
import type { StoryStore } from "./story-types.ts";

/** One unit of work for `writeBatch`: an annotated article, or an input that failed. */
export type IngestItem =
  | {
      kind: "article";
      doc: AnnotatedDocument;
      /** Where it came from: a path, `path:line`, `stdin:line`. */
      origin: string;
      /** True when the input gave the id; false when it is the content hash. */
      idGiven: boolean;
    }
  | { kind: "failure"; failure: ReadFailure };

/**
 * What happened to one item:
 * - `added`: a new article;
 * - `updated`: an article with this id existed with other content or other annotations;
 * - `unchanged`: the same article with the same annotations was already stored;
 * - `duplicate`: the same text (same content-hash id) is already stored from another
 *   input; the other input is recorded as an origin of the stored article, nothing else;
 * - `failed`: an input that could not be read, recorded as a message.
 */
export type IngestOutcome = "added" | "updated" | "unchanged" | "duplicate" | "failed";

export interface BatchResult {
  /** One outcome per item, in the order given. */
  outcomes: IngestOutcome[];
}

export interface ArticleSummary {
  id: string;
  published: string | null;
  title: string | null;
  url: string | null;
  source: string | null;
  /** The first input it was read from. */
  origin: string;
  /**
   * The start of its cleaned text (up to `LEAD_CHARS` characters): what names an article
   * without a title, such as a headline read from a feed as its text.
   */
  lead: string;
  /** Characters (UTF-16 code units) of cleaned text. */
  length: number;
  events: number;
  messages: number;
  /** When it was first stored, ISO 8601 UTC. */
  ingestedAt: string;
}

export interface StoredArticle {
  summary: ArticleSummary;
  /** Every input this article was read from, first one first. */
  origins: string[];
  /** SHA-256 (hex) of the text and metadata, which decides `unchanged`. */
  contentHash: string;
  doc: AnnotatedDocument;
}

export interface ArticleFilter {
  /** Ids starting with this (so users can type a short id). */
  idPrefix?: string;
  /**
   * Publication date on or after / on or before, `YYYY-MM-DD`; a month (`2019-12`) or a year
   * is the whole of it (as in every store filter).
   */
  since?: string;
  until?: string;
  /** Exact source name. */
  source?: string;
  /** Full-text query over title and text (FTS5 syntax on SQLite). */
  search?: string;
  limit?: number;
  offset?: number;
}

export interface EventFilter {
  type?: EventType;
  quad?: Quad;
  /**
   * ISO country: alpha-3 matches the actor's or recipient's country, alpha-2 the place's
   * country code.
   */
  country?: string;
  /** Case-insensitive substring of the actor's or recipient's name. */
  actor?: string;
  /**
   * The event's date interval overlaps `[since, until]` (falls back to the article's date);
   * `YYYY-MM-DD`, or a month or a year for the whole of it.
   */
  since?: string;
  until?: string;
  articleId?: string;
  /** Events of the articles of this story (`dateline stories`). */
  storyId?: number;
  /** Full-text query over the evidence sentence. */
  search?: string;
  limit?: number;
  offset?: number;
}

/** An event with the article it was found in, as queries and exports need it. */
export interface StoredEvent {
  articleId: string;
  /** Position of the event in its article's `events`. */
  index: number;
  event: Event;
  /** The text of the evidence span. */
  evidenceText: string;
  article: {
    published: string | null;
    title: string | null;
    url: string | null;
    source: string | null;
  };
  /**
   * The real event this is a mention of, with its counts (docs/stories.md): null when the
   * cross-article pass has not placed it yet; absent where no store was asked (`extract`).
   */
  merged?: MergedRef | null;
}

/** The merged event (one real event from many reports) an article's event is a mention of. */
export interface MergedRef {
  id: string;
  /** Mentions in articles that are not reprints (GDELT's NumMentions). */
  numMentions: number;
  /** Distinct articles, reprints not counted (NumArticles). */
  numArticles: number;
  /** Distinct sources of those articles (NumSources). */
  numSources: number;
  /**
   * The real event as all its reports describe it, where the store read it: the first known
   * actor and recipient, the most precise place, and the days the reports agree on
   * (`YYYY-MM-DD`, inclusive). A one-row-per-event export fills a report's gaps from these.
   */
  actor?: MergedArgument | null;
  recipient?: MergedArgument | null;
  location?: MergedPlace | null;
  earliest?: string;
  latest?: string;
}

export interface StoredMessage extends Message {
  /** Null for inputs that never became an article (read failures). */
  articleId: string | null;
  origin: string;
}

export interface MessageFilter {
  articleId?: string;
  /** Only messages not attached to an article (read failures). */
  unattached?: boolean;
  rule?: string;
  severity?: Severity;
  limit?: number;
}

export interface StoreStats {
  articles: number;
  /** Annotation rows by kind: sentence, entity, date, place, quote, event. */
  annotations: Record<string, number>;
  eventsByType: Record<string, number>;
  /** Messages by rule, read failures included. */
  messagesByRule: Record<string, number>;
  /** Inputs that could not be read (messages not attached to an article). */
  failedInputs: number;
  schemaVersion: number;
  /** What the cross-article pass made of the articles (issue 9). */
  stories: StoryStats;
}

export interface StoryStats {
  /** Articles the story pass has placed (reprints included); the rest await a pass. */
  placed: number;
  /** Placed articles that reprint an earlier one (exact or near-duplicates). */
  reprints: number;
  stories: number;
  /** Stories of more than one article. */
  shared: number;
  /** Articles in the largest story. */
  largest: number;
  mergedEvents: number;
  /** Merged events reported by more than one article (reprints not counted). */
  reportedTwice: number;
}

export interface Store {
  /**
   * Write a batch in one transaction: either every item is stored, or (on error) none is
   * and what was stored before is untouched.
   */
  writeBatch(items: readonly IngestItem[]): Promise<BatchResult>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Articles in order of publication date (unknown last), then id. */
  listArticles(filter?: ArticleFilter): Promise<ArticleSummary[]>;
  /** Events in order of date, then article and position; streamed, so exports stay small. */
  queryEvents(filter?: EventFilter): AsyncIterable<StoredEvent>;
  listMessages(filter?: MessageFilter): Promise<StoredMessage[]>;
  stats(): Promise<StoreStats>;
  /** Duplicates, stories and merged events: the cross-article part (issue 9). */
  stories(): StoryStore;
  /** Read-only views for exploring the store: the HTTP API and web UI (issue 10). */
  explore(): ExploreStore;
  close(): Promise<void>;
}

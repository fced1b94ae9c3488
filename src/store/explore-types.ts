/**
 * Read-only views over a store for exploring it (`dateline serve`, issue 10): events with
 * more filters, a count, sorting and pages; the aggregates a map, a timeline and an actor
 * view draw; actors and entities; full-text search over articles with highlighted snippets.
 * Every method is a query: none of them writes. An implementation may hand the same answer
 * to several callers (SQLite keeps recent ones until the data changes): treat answers as
 * read-only.
 */
import type { EventType } from "../core/annotations.ts";
import type { ArticleSummary, EventFilter, MergedRef, StoredEvent } from "./types.ts";

/** Degrees, WGS84. `west > east` crosses the antimeridian (170 … -170). */
export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export type EventSort = "date" | "-date" | "confidence" | "-confidence" | "mentions" | "-mentions";

export interface EventQuery extends EventFilter {
  /** Case-insensitive substring of the resolved place name (`baghdad`). */
  place?: string;
  /** Only events located inside this box. */
  bbox?: BoundingBox;
  /** Several types at once (any of them); combined with `type` when both are given. */
  types?: EventType[];
  /** Default `date` (then article and position, the order of `queryEvents`). */
  sort?: EventSort;
}

export interface ExploredEvent extends StoredEvent {
  /**
   * The day it is drawn on, `YYYY-MM-DD`: its own date when the text gives one day, else its
   * article's publication date, else the start of its interval; null when nothing dates it.
   */
  day: string | null;
  merged: MergedRef | null;
}

export interface EventPage {
  /** Events matching the query, all pages together. */
  total: number;
  items: ExploredEvent[];
}

/** Events at one resolved place. */
export interface EventPoint {
  lat: number;
  lon: number;
  name: string;
  geonameId: number | null;
  countryCode: string | null;
  /** Article events (mentions) located here. */
  mentions: number;
  /** Distinct real events among them: merged events, plus mentions not merged. */
  events: number;
  /** Mentions by PLOVER type. */
  types: Record<string, number>;
}

export interface TimelineCount {
  /** `YYYY-MM-DD`. */
  day: string;
  type: EventType;
  count: number;
}

export interface ActorRef {
  name: string;
  country: string | null;
}

/** Who acts on whom: article events with this actor and recipient. */
export interface ActorPair {
  actor: ActorRef | null;
  recipient: ActorRef | null;
  count: number;
  /** Counts by quad class. */
  quads: Record<string, number>;
}

export interface ActorSummary {
  name: string;
  country: string | null;
  sector: string | null;
  /** Events where it is the actor / the recipient. */
  asActor: number;
  asRecipient: number;
}

export interface ActorFilter {
  /** Case-insensitive substring of the name. */
  search?: string;
  country?: string;
  limit?: number;
  offset?: number;
}

export interface EntitySummary {
  text: string;
  type: string;
  /** Mentions across the store, and the articles they are in. */
  mentions: number;
  articles: number;
  /** The actor code of one of its mentions, when it has one. */
  country: string | null;
  sector: string | null;
}

export interface EntityFilter {
  type?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

/** A piece of a search snippet; `match` marks the words the query matched. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface ArticleHit {
  article: ArticleSummary;
  /** A few words around the best match, split so that no markup is ever needed. */
  snippet: SnippetPart[];
}

export interface ArticleSearch {
  /** FTS5 syntax on SQLite: words, "phrases", AND, OR, NOT, prefix*. */
  query: string;
  limit?: number;
  offset?: number;
}

export interface ExploreStore {
  events(query?: EventQuery): Promise<EventPage>;
  /** One article's event by position, with its merged event; null when there is none. */
  event(articleId: string, index: number): Promise<ExploredEvent | null>;
  /** Located events of the query grouped by place, most mentioned first. */
  eventPoints(query?: EventQuery): Promise<EventPoint[]>;
  /** Counts of the query's events by day and type, in day order; undated events left out. */
  timeline(query?: EventQuery): Promise<TimelineCount[]>;
  /** Actor → recipient pairs of the query's events, most frequent first. */
  actorPairs(query?: EventQuery): Promise<ActorPair[]>;
  actors(filter?: ActorFilter): Promise<{ total: number; items: ActorSummary[] }>;
  entities(filter?: EntityFilter): Promise<{ total: number; items: EntitySummary[] }>;
  /** Best matches first. Bad query syntax rejects with `QueryError`. */
  searchArticles(search: ArticleSearch): Promise<{ total: number; items: ArticleHit[] }>;
}

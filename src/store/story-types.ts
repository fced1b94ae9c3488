/**
 * The cross-article part of the store (issue 9): duplicates, story clusters and merged
 * events. Written by `src/stories/update.ts` after each ingested batch; read by the
 * `stories`, `events --merged` and `show EVENT` commands.
 */
import type { EventType, Quad } from "../core/annotations.ts";
import type { ClustererState, StoryMerge } from "../stories/cluster.ts";
import type { DuplicateBackend, DuplicateMatch } from "../stories/dedup.ts";
import type { MergedEvent, MergeOptions } from "../stories/events.ts";

export interface StorySummary {
  id: number;
  /** Articles in the story, reprints included. */
  articles: number;
  /** Articles that are not reprints of another. */
  originals: number;
  /** Earliest and latest publication date of its articles. */
  first: string | null;
  last: string | null;
  /**
   * To recognise it by: the most typical title (or first words) among its earliest
   * articles, dated ones first (`mostTypical`), not simply the first, which may be a stray.
   */
  title: string | null;
}

export interface StoryArticle {
  id: string;
  /** The title, or the first 80 characters of the text when there is none. */
  title: string | null;
  source: string | null;
  published: string | null;
  /** The original this article reprints (exact or near-duplicate), if any. */
  duplicateOf: string | null;
  duplicateKind: DuplicateMatch["kind"] | null;
  /** Estimated Jaccard similarity to the original (1 for exact). */
  similarity: number | null;
}

export interface StoryFilter {
  /** This story only. */
  id?: number;
  /** Stories with at least this many articles. */
  minArticles?: number;
  /**
   * Stories whose span of publication dates overlaps `[since, until]` (`YYYY-MM-DD`, or a
   * shorter prefix: `2014-03` is the whole month). A story with no dated article has no span
   * and is left out by either bound.
   */
  since?: string;
  until?: string;
  /** Stories with an article whose title or text matches this full-text query (FTS5). */
  search?: string;
  /** Most recently active first (the default), or most articles first. */
  sort?: StorySort;
  limit?: number;
  offset?: number;
}

export const storySorts = ["recent", "size"] as const;
export type StorySort = (typeof storySorts)[number];

export interface MergedEventFilter {
  type?: EventType;
  quad?: Quad;
  /**
   * ISO alpha-3 of the actor or the recipient (`IRQ`), or alpha-2 of the place (`IQ`), as
   * the per-article event filter reads it.
   */
  country?: string;
  /** The actor's or the recipient's name contains this (any case). */
  actor?: string;
  /** Events with a mention in this article. */
  articleId?: string;
  /** Events with a mention in an article of this story. */
  storyId?: number;
  /** The event's interval overlaps `[since, until]`: `YYYY-MM-DD`, a month or a year. */
  since?: string;
  until?: string;
  /** Events reported by at least this many distinct articles. */
  minArticles?: number;
  limit?: number;
  offset?: number;
}

/** Where one article stands after the cross-article pass. */
export interface ArticlePlacement {
  articleId: string;
  storyId: number;
  duplicate: DuplicateMatch | null;
}

export interface StoryStore extends DuplicateBackend {
  /** The clusterer's saved state, or null before the first run. */
  loadClustererState(): Promise<ClustererState | null>;
  saveClustererState(state: ClustererState): Promise<void>;
  /**
   * What the saved state says of the options the clusterer runs with, without the rest of
   * it (the vocabulary's document frequencies, large in a large store): null before the
   * first run; `options` absent from a state saved before they were kept.
   */
  loadClustererOptions(): Promise<Pick<ClustererState, "options"> | null>;
  /**
   * The rule the store merges events with: null before its first story pass; the defaults
   * for a store whose first pass came before the rule was kept.
   */
  loadMergeRule(): Promise<Required<MergeOptions> | null>;
  saveMergeRule(rule: Required<MergeOptions>): Promise<void>;
  /**
   * Run `work` as one transaction: every write it makes is kept, or (when it throws) none
   * is, so a pass stopped midway leaves the store as it was before the pass. Calls made
   * inside `work` are part of it.
   */
  atomically<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Stored articles no pass has placed (a run stopped between storing a batch and placing
   * it), in order of publication (undated last), then of storing.
   */
  unplaced(): Promise<string[]>;
  /** Which of these articles the cross-article pass has already placed. */
  placed(articleIds: readonly string[]): Promise<Set<string>>;
  /** The story an article was placed in. */
  storyOf(articleId: string): Promise<number | null>;
  place(placements: readonly ArticlePlacement[]): Promise<void>;
  /**
   * Undo the pass for articles whose content changed (re-ingested under the same id): their
   * placement, fingerprints and mentions go, and the events they were mentioned in are
   * recounted (and dropped when no mention is left), so the pass can place them afresh.
   */
  forget(articleIds: readonly string[]): Promise<void>;
  /** Relabel the articles of merged stories, oldest merge first. */
  mergeStories(merges: readonly StoryMerge[]): Promise<void>;
  /** Stories, most recently active first. */
  listStories(filter?: StoryFilter): Promise<StorySummary[]>;
  storyArticles(storyId: number): Promise<StoryArticle[]>;
  /**
   * Merged events of these types whose interval comes within the given days (`YYYY-MM-DD`,
   * inclusive) — the candidates a batch's mentions may join — with their mentions.
   */
  loadMergedEvents(
    types: readonly EventType[],
    earliest: string,
    latest: string,
  ): Promise<MergedEvent[]>;
  /** Insert or replace these events and their mentions. */
  saveMergedEvents(events: readonly MergedEvent[]): Promise<void>;
  /** Events without their mentions (`mentions` is empty; the counts are set). */
  listMergedEvents(filter?: MergedEventFilter): Promise<MergedEvent[]>;
  /** One event with every mention (and its evidence text), by id or unique id prefix. */
  getMergedEvent(idOrPrefix: string): Promise<MergedEvent | null>;
}

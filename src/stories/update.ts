/**
 * The cross-article pass that runs after each batch is stored: link duplicates to their
 * originals, place articles in stories, merge their events into real-world events. It
 * continues from what the store holds (fingerprints, the clusterer's live stories, the
 * merged events of the batch's days), so adding a day of news costs a day's work.
 */
import type { EventType } from "../core/annotations.ts";
import type { AnnotatedDocument } from "../core/output.ts";
import { isoDay } from "../stages/dates/calendar.ts";
import type { ArticlePlacement, StoryStore } from "../store/story-types.ts";
import {
  type ClustererState,
  type ClusterOptions,
  clusterDefaults,
  StoryClusterer,
  type StoryInput,
} from "./cluster.ts";
import { Deduplicator, type DedupOptions, type DuplicateMatch } from "./dedup.ts";
import {
  type EventMention,
  EventMerger,
  type MergeOptions,
  mentionInterval,
  mentionsOf,
  mergeDefaults,
} from "./events.ts";

export interface StoryPassOptions {
  /**
   * The settings a new store clusters with, instead of letting its first batch choose
   * (`settingsFor`). A store that has clustered keeps its own: `StoryUpdater.open` refuses
   * a store whose settings are other than these.
   */
  settings?: StorySettings;
  cluster?: ClusterOptions;
  dedup?: DedupOptions;
  /**
   * The rule a new store merges events with (over `mergeDefaults`). A store keeps the rule
   * of its first pass: `StoryUpdater.open` refuses other values for a store that has one.
   */
  merge?: MergeOptions;
}

export interface StoryPassResult {
  /** Articles placed by this call (articles placed before are skipped). */
  placed: number;
  /** Of those, exact and near-duplicates of an earlier article. */
  duplicates: number;
  /** Event mentions merged, and the merged events they created or joined. */
  mentions: number;
  events: number;
  /**
   * Of the articles placed, those that came more than the story window behind the newest
   * article placed before them (see `StoryClusterer.behind`): an archive read out of order.
   */
  behind: number;
  /**
   * Set by the call whose batch chose the store's settings (its first, when no settings
   * were asked for): which it chose.
   */
  chose?: StorySettings;
}

/** The share at which a stored article joins a story (see `articleClusterOptions`). */
const ARTICLE_JOIN = 0.1;

/**
 * The clusterer's settings for stored articles. The defaults are measured on headlines; an
 * article seen as title + lead + entity and place keys has several times as many terms, so a
 * shared generic word or two reaches 3% of its weight. On the 284 GeoWebNews and PolNeAR dev
 * articles (200 unrelated web articles, 84 from one month of the 2016 US campaign, no time
 * window since GeoWebNews has no dates), joining at the headlines' lax 0.03 puts 194 of the
 * 200 unrelated articles into stories with others; joining at 0.1 puts 81, while 43 of the
 * 84 campaign articles still share stories. So articles join at 0.1, and the split pass's
 * threshold is scaled the same way (0.1 / 0.03 of the headlines' 0.1).
 *
 * Articles do not wait to fold: the headlines' strict join with folding, scaled alike (join
 * 0.4, fold 0.1), leaves only 5 of the 84 campaign articles in shared stories, because a
 * fold is judged after `foldAfter` later articles, and in a sparse stream spread over a month
 * the story has left the time window by then. Not measured against story gold for full
 * articles (there is none here). A store of headlines uses the clusterer's own defaults
 * (`settingsFor`).
 */
export const articleClusterOptions: ClusterOptions = {
  threshold: ARTICLE_JOIN,
  foldSize: 0,
  // The headlines' lax share (0.03) is now their fold threshold.
  splitThreshold: (clusterDefaults.splitThreshold * ARTICLE_JOIN) / clusterDefaults.foldThreshold,
};

/**
 * Longest text, in words, that counts as a headline. The UCI headlines run to 19 words; a
 * title with a two-sentence lead runs to 30 or more.
 */
const HEADLINE_WORDS = 25;

/**
 * Whether what the clusterer sees of the article is headline-sized: an input that is a
 * headline alone (a headline feed, an RSS title without a description).
 */
export function headlineSized(doc: AnnotatedDocument, text = storyText(doc)): boolean {
  return !hasMoreWords(text, HEADLINE_WORDS);
}

/**
 * The settings for a store that has none yet, from its first batch: the clusterer's
 * defaults, measured on headlines, when most of the batch is headline-sized; the article
 * settings otherwise. They are kept with the clusterer's state, so later runs go on with
 * them whatever those runs bring.
 */
export function settingsFor(docs: readonly AnnotatedDocument[]): StorySettings {
  const headlines = docs.filter((doc) => headlineSized(doc)).length;
  return headlines * 2 > docs.length ? "headlines" : "articles";
}

/** Which of the two measured settings a store clusters with. */
export type StorySettings = "headlines" | "articles";

/** The clusterer's options for each of the two settings. */
function settingsOptions(kind: StorySettings): ClusterOptions {
  return kind === "headlines" ? {} : articleClusterOptions;
}

/**
 * Which settings a store's clusterer runs with: null for a store that has not clustered
 * yet, "custom" for options other than either setting (a caller's `cluster` options).
 */
export async function storedSettings(store: StoryStore): Promise<StorySettings | "custom" | null> {
  return settingsOf(await store.loadClustererOptions());
}

function settingsOf(
  state: Pick<ClustererState, "options"> | null,
): StorySettings | "custom" | null {
  if (!state) return null;
  const have = { ...clusterDefaults, ...savedOptions(state) };
  for (const kind of ["headlines", "articles"] as const) {
    if (sameOptions(have, { ...clusterDefaults, ...settingsOptions(kind) })) return kind;
  }
  return "custom";
}

/** The options a state was saved with; a state saved before they were kept had the article settings. */
function savedOptions(state: Pick<ClustererState, "options">): ClusterOptions {
  return state.options ?? articleClusterOptions;
}

/**
 * Why a store cannot take the settings asked for, as the end of a sentence naming the store
 * ("clusters stories with the headline settings, not …"); null when it can.
 */
export async function settingsConflict(
  store: StoryStore,
  wanted: StorySettings,
): Promise<string | null> {
  return conflictWith(await storedSettings(store), wanted);
}

function conflictWith(
  stored: StorySettings | "custom" | null,
  wanted: StorySettings,
): string | null {
  if (stored === null || stored === wanted) return null;
  const name = (kind: StorySettings | "custom") =>
    kind === "custom" ? "custom settings" : `the ${kind.slice(0, -1)} settings`;
  return (
    `clusters stories with ${name(stored)}, not ${name(wanted)} ` +
    "(a store keeps the settings it started with)"
  );
}

/**
 * Why a store cannot merge events with the rule asked for, as the end of a sentence naming
 * the store ("merges events with maxDistanceKm 50 (not 25); …"); null when it can. Only the
 * values asked for are compared; `name` spells each (a command-line flag, say).
 */
export async function mergeRuleConflict(
  store: StoryStore,
  wanted: MergeOptions,
  name?: (key: keyof MergeOptions) => string,
): Promise<string | null> {
  return ruleConflict(await store.loadMergeRule(), wanted, name);
}

function ruleConflict(
  stored: Required<MergeOptions> | null,
  wanted: MergeOptions,
  name: (key: keyof MergeOptions) => string = String,
): string | null {
  if (!stored) return null;
  const differ = (Object.keys(mergeDefaults) as (keyof MergeOptions)[]).filter(
    (key) => wanted[key] !== undefined && wanted[key] !== stored[key],
  );
  if (differ.length === 0) return null;
  const values = differ.map((key) => `${name(key)} ${stored[key]} (not ${wanted[key]})`);
  return `merges events with ${values.join(", ")}; a store keeps the merge rule it started with`;
}

function sameOptions(a: Required<ClusterOptions>, b: Required<ClusterOptions>): boolean {
  return (Object.keys(clusterDefaults) as (keyof ClusterOptions)[]).every((k) => a[k] === b[k]);
}

/**
 * Whether the text has more than `limit` words (runs of non-space holding a letter or a
 * digit). Runs once per stored article: it stops at the word past the limit, and makes no
 * array of the article's words.
 */
function hasMoreWords(text: string, limit: number): boolean {
  WORD.lastIndex = 0;
  let words = 0;
  while (WORD.exec(text) !== null) if (++words > limit) return true;
  return false;
}

/** A word: a run of non-space that holds a letter or a digit. */
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

/** Sentences of the lead that, with the title, stand for the article when clustering. */
const LEAD_SENTENCES = 2;

/** The text the clusterer compares: the title and the lead, as a headline-sized summary. */
export function storyText(doc: AnnotatedDocument): string {
  const lead = doc.sentences
    .slice(0, LEAD_SENTENCES)
    .map((s) => doc.text.slice(s.start, s.end))
    .join(" ");
  const body = lead || doc.text.slice(0, 300);
  return doc.title ? `${doc.title}\n${body}` : body;
}

/**
 * Entity names and place ids of the annotated document, as clustering features. A
 * headline-sized article has none: headline case defeats the capitalisation cues the entity
 * stage reads ("Bitcoin Backers Enjoy Rise" comes out as a name), and on the UCI headlines
 * through ingest the keys cost 0.009 of B-cubed F1 (0.872 with them, 0.881 without).
 */
export function storyKeys(doc: AnnotatedDocument, text = storyText(doc)): string[] {
  if (headlineSized(doc, text)) return [];
  const keys = new Set<string>();
  for (const e of doc.entities) {
    if (e.type === "PERSON" || e.type === "ORG") {
      keys.add(`entity:${(e.actor?.name ?? e.text).toLowerCase()}`);
    }
  }
  for (const p of doc.places) {
    if (p.form === "demonym" || p.geonameId === null) continue;
    // Countries and regions name half the news; cities and sites tell stories apart.
    if (p.precision === "country" || p.precision === "region") continue;
    keys.add(`place:${p.geonameId}`);
  }
  return [...keys];
}

export class StoryUpdater {
  private readonly store: StoryStore;
  /** Made on the first batch when the store has no clusterer state yet. */
  private clusterer: StoryClusterer | undefined;
  private readonly clusterOptions: ClusterOptions | undefined;
  /** The settings asked for, if any (else the first batch chooses). */
  private readonly settings: StorySettings | undefined;
  private readonly dedup: Deduplicator;
  /** The rule events merge by: the store's, or for a new store the one asked for. */
  readonly mergeRule: Readonly<Required<MergeOptions>>;
  /** Whether the store holds `mergeRule` yet (it is saved with the first batch). */
  private ruleKept: boolean;
  /** Set when a pass failed (see `atomically`). */
  private failed: Error | undefined;

  private constructor(
    store: StoryStore,
    clusterer: StoryClusterer | undefined,
    rule: Required<MergeOptions> | null,
    options: StoryPassOptions,
  ) {
    this.store = store;
    this.clusterer = clusterer;
    this.clusterOptions = options.cluster;
    this.settings = options.settings;
    this.dedup = new Deduplicator(store, options.dedup);
    this.mergeRule = rule ?? { ...mergeDefaults, ...options.merge };
    this.ruleKept = rule !== null;
  }

  /**
   * Continue from the state the store holds, with the settings it was made with (a state
   * saved before settings were kept was made with the article settings); or start afresh,
   * with the settings the first batch calls for (`settingsFor`). `options.cluster`
   * overrides either. Events merge by the store's rule; a store without one takes
   * `options.merge`, and a store whose rule differs from it is refused.
   */
  static async open(store: StoryStore, options: StoryPassOptions = {}): Promise<StoryUpdater> {
    const state = await store.loadClustererState();
    const conflict = options.settings && conflictWith(settingsOf(state), options.settings);
    if (conflict) throw new Error(`this store ${conflict}`);
    const rule = await store.loadMergeRule();
    const ruleConflicts = options.merge && ruleConflict(rule, options.merge);
    if (ruleConflicts) throw new Error(`this store ${ruleConflicts}`);
    const clusterer = state
      ? new StoryClusterer({ ...savedOptions(state), ...options.cluster }, state)
      : undefined;
    return new StoryUpdater(store, clusterer, rule, options);
  }

  /** The options the store clusters with; undefined until its first batch. */
  get clusterSettings(): Readonly<Required<ClusterOptions>> | undefined {
    return this.clusterer?.settings;
  }

  /**
   * Place articles whose content changed since they were placed: what the pass recorded for
   * them is undone first. (The clusterer's live stories keep the old text's terms: a small
   * drift, gone when the story leaves the window.)
   */
  async replace(docs: readonly AnnotatedDocument[]): Promise<StoryPassResult> {
    return this.atomically(async () => {
      await this.store.forget(docs.map((d) => d.id));
      return this.placeBatch(docs);
    });
  }

  /**
   * Place the stored articles of one batch; articles placed before are left as they are.
   * The batch's pass is one transaction: stopped midway, it leaves the store as it was, and
   * the articles wait for the next run (`unplacedArticles`).
   */
  async update(docs: readonly AnnotatedDocument[]): Promise<StoryPassResult> {
    return this.atomically(() => this.placeBatch(docs));
  }

  /**
   * After a failed pass the store is as before it, but this updater's clusterer and merge
   * rule are not: it refuses further work, and a new one opened on the store goes on.
   */
  private async atomically(work: () => Promise<StoryPassResult>): Promise<StoryPassResult> {
    if (this.failed) {
      throw new Error(
        `an earlier story pass failed (${this.failed.message}); open the store's updater again`,
      );
    }
    try {
      return await this.store.atomically(work);
    } catch (error) {
      this.failed = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  private async placeBatch(docs: readonly AnnotatedDocument[]): Promise<StoryPassResult> {
    const already = await this.store.placed(docs.map((d) => d.id));
    const fresh = inOrder(docs.filter((d) => !already.has(d.id)));
    if (fresh.length === 0) return { placed: 0, duplicates: 0, mentions: 0, events: 0, behind: 0 };
    let chose: StorySettings | undefined;
    if (!this.ruleKept) {
      await this.store.saveMergeRule(this.mergeRule);
      this.ruleKept = true;
    }
    if (!this.clusterer) {
      const kind = this.settings ?? settingsFor(fresh);
      if (!this.settings) chose = kind;
      this.clusterer = new StoryClusterer({ ...settingsOptions(kind), ...this.clusterOptions });
    }
    const clusterer = this.clusterer;
    const placements: ArticlePlacement[] = [];
    const mentions: EventMention[] = [];
    let duplicates = 0;
    let behind = 0;
    for (const doc of fresh) {
      const duplicate = await this.dedup.add(doc.id, `${doc.title ?? ""}\n\n${doc.text}`);
      let storyId: number | null = null;
      if (duplicate) {
        duplicates++;
        // A reprint joins its original's story and is not clustered (or counted) again.
        storyId =
          placements.find((p) => p.articleId === duplicate.of)?.storyId ??
          (await this.store.storyOf(duplicate.of));
      }
      if (storyId === null) {
        const text = storyText(doc);
        const input: StoryInput = {
          id: doc.id,
          text,
          published: doc.published,
          keys: storyKeys(doc, text),
        };
        if (clusterer.behind(input)) behind++;
        storyId = clusterer.add(input);
      }
      placements.push({ articleId: doc.id, storyId, duplicate });
      mentions.push(...mentionsOf(doc, duplicate?.of ?? null));
    }
    // Merges relabel stories already stored and the placements of this batch alike.
    const merges = clusterer.takeMerges();
    const splits = clusterer.takeSplits();
    for (const m of merges) {
      for (const p of placements) if (p.storyId === m.from) p.storyId = m.into;
    }
    // Splits move articles: each placement takes the story its article (or, for a reprint,
    // its original) is in now, after every merge and split of the batch.
    const movedTo = new Map<string, number>();
    for (const split of splits) for (const id of split.articles) movedTo.set(id, split.into);
    const now = (id: string): number | undefined => {
      const into = movedTo.get(id);
      return clusterer.storyOf(id) ?? (into === undefined ? undefined : clusterer.resolve(into));
    };
    for (const p of placements) p.storyId = now(p.duplicate?.of ?? p.articleId) ?? p.storyId;
    // Reports in one story merge on less evidence (the merge rule, docs/stories.md).
    const storyOf = new Map(placements.map((p) => [p.articleId, p.storyId]));
    for (const m of mentions) m.storyId = storyOf.get(m.articleId) ?? null;
    await this.store.place(placements);
    await this.store.mergeStories(merges);
    await this.moveStored(movedTo, new Set(placements.map((p) => p.articleId)), now);
    await this.store.saveClustererState(clusterer.state());
    const events = await this.mergeEvents(mentions);
    return {
      placed: fresh.length,
      duplicates,
      mentions: mentions.length,
      events,
      behind,
      ...(chose ? { chose } : {}),
    };
  }

  /**
   * Articles of earlier batches that a split moved: each goes to its new story, and so do
   * its reprints (which were placed in the story the original was in).
   */
  private async moveStored(
    movedTo: ReadonlyMap<string, number>,
    inBatch: ReadonlySet<string>,
    now: (id: string) => number | undefined,
  ): Promise<void> {
    const sources = new Set<number>();
    for (const id of movedTo.keys()) {
      if (inBatch.has(id)) continue;
      const at = await this.store.storyOf(id);
      if (at !== null) sources.add(at);
    }
    const moves: ArticlePlacement[] = [];
    for (const source of sources) {
      for (const a of await this.store.storyArticles(source)) {
        const original = a.duplicateOf ?? a.id;
        if (!movedTo.has(original)) continue;
        const storyId = now(original);
        if (storyId === undefined || storyId === source) continue;
        const duplicate: DuplicateMatch | null =
          a.duplicateOf && a.duplicateKind
            ? { kind: a.duplicateKind, of: a.duplicateOf, similarity: a.similarity ?? 1 }
            : null;
        moves.push({ articleId: a.id, storyId, duplicate });
      }
    }
    if (moves.length > 0) await this.store.place(moves);
  }

  private async mergeEvents(mentions: readonly EventMention[]): Promise<number> {
    if (mentions.length === 0) return 0;
    const merger = new EventMerger(this.mergeRule);
    const { dateSlackDays } = merger.options;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    const types = new Set<EventType>();
    for (const m of mentions) {
      const interval = mentionInterval(m, merger.options);
      if (!interval) continue;
      low = Math.min(low, interval[0]);
      high = Math.max(high, interval[1]);
      types.add(m.event.type);
    }
    if (types.size > 0) {
      const stored = await this.store.loadMergedEvents(
        [...types],
        isoDay(low - dateSlackDays),
        isoDay(high + dateSlackDays),
      );
      for (const event of stored) merger.seed(event);
    }
    for (const m of mentions) merger.add(m);
    const changed = merger.takeChanged();
    await this.store.saveMergedEvents(changed);
    return changed.length;
  }
}

/** Publication order (undated last), input order within a day. */
function inOrder(docs: readonly AnnotatedDocument[]): AnnotatedDocument[] {
  return docs
    .map((doc, i) => ({ doc, i }))
    .sort((a, b) => {
      const pa = a.doc.published ?? "\uffff";
      const pb = b.doc.published ?? "\uffff";
      return pa < pb ? -1 : pa > pb ? 1 : a.i - b.i;
    })
    .map((x) => x.doc);
}

/** Articles `dateline ingest` stores per batch by default, each batch followed by the pass. */
export const INGEST_BATCH_SIZE = 200;

/**
 * What `dateline ingest` calls after each stored batch: the articles that were added or
 * updated go through the cross-article pass (unchanged ones and same-text copies the store
 * already folded into one article are skipped). The updater is opened on first use, so a
 * run that stores nothing does not touch the story tables.
 */
export function storyPass(
  store: { stories(): StoryStore },
  options: StoryPassOptions = {},
): (
  items: readonly { kind: string; doc?: AnnotatedDocument }[],
  outcomes: readonly string[],
) => Promise<StoryPassResult | null> {
  let updater: StoryUpdater | undefined;
  return async (items, outcomes) => {
    const added: AnnotatedDocument[] = [];
    const updated: AnnotatedDocument[] = [];
    items.forEach((item, i) => {
      if (!item.doc) return;
      if (outcomes[i] === "added") added.push(item.doc);
      else if (outcomes[i] === "updated") updated.push(item.doc);
    });
    if (added.length + updated.length === 0) return null;
    updater ??= await StoryUpdater.open(store.stories(), options);
    const pass = updater;
    // One transaction for the batch: the changed articles' pass failing after the new ones'
    // committed would leave them placed by their old text, and a re-run finds them unchanged.
    return store.stories().atomically(async () => {
      const result = await pass.update(added);
      if (updated.length === 0) return result;
      const again = await pass.replace(updated);
      const chose = result.chose ?? again.chose;
      return {
        placed: result.placed + again.placed,
        duplicates: result.duplicates + again.duplicates,
        mentions: result.mentions + again.mentions,
        events: result.events + again.events,
        behind: result.behind + again.behind,
        ...(chose ? { chose } : {}),
      };
    });
  };
}

/**
 * The stored articles no story pass has placed, in batches of `batchSize` in order of
 * publication, each to be placed before the next is read: a run stopped between storing a
 * batch and placing it leaves such articles (the pass is one transaction per batch, the
 * store's write another), and re-reading their files would find them unchanged and skip
 * them. `dateline ingest` places them first. `total` is how many there are in all.
 */
export async function* unplacedArticles(
  store: {
    stories(): StoryStore;
    getArticle(id: string): Promise<{ doc: AnnotatedDocument } | null>;
  },
  batchSize: number,
): AsyncGenerator<{ docs: AnnotatedDocument[]; total: number }> {
  const ids = await store.stories().unplaced();
  for (let i = 0; i < ids.length; i += batchSize) {
    const docs: AnnotatedDocument[] = [];
    for (const id of ids.slice(i, i + batchSize)) {
      const article = await store.getArticle(id);
      if (article) docs.push(article.doc);
    }
    yield { docs, total: ids.length };
  }
}

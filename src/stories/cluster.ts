import { termCounts } from "./terms.ts";

/** What the clusterer needs of an article. */
export interface StoryInput {
  id: string;
  /** Title and/or body; headlines alone work. */
  text: string;
  /** Publication date or time, ISO 8601; used for the time window. */
  published: string | null;
  /** Publication time, ISO 8601, when known more precisely than `published`. */
  timestamp?: string | null;
  /**
   * Extra features from the annotated document when there is one: entity names and place
   * ids (e.g. `entity:edward snowden`, `place:98182`). They count as terms, so an article
   * naming the same person or place as a story leans towards it.
   */
  keys?: readonly string[];
}

export interface ClusterOptions {
  /** Share of its weight (0..1) a story must account for before an article joins it. */
  threshold?: number;
  /**
   * A small story that stopped growing folds into the larger live story that accounts for
   * at least this share (0..1) of its weight: laxer than `threshold`, so a headline that
   * only half fits a story waits to see whether a story of its own forms around it.
   */
  foldThreshold?: number;
  /** Only stories of fewer articles than this fold (0 turns folding off). */
  foldSize?: number;
  /** A story is judged for folding once this many articles have arrived since it last grew. */
  foldAfter?: number;
  /** Two live stories merge when each accounts for this share (0..1) of the other's profile. */
  mergeThreshold?: number;
  /**
   * An article joins only stories whose articles lie within this many days of its own time
   * (before or after); stories idle this long past the latest time seen leave the state.
   */
  windowDays?: number;
  /** Terms of a story kept for matching (the most frequent ones). */
  centroidTerms?: number;
  /**
   * The split pass: a story's recent articles are grouped afresh with this join threshold
   * (0..1), stricter than `threshold`, to find a burst of another story that slipped in.
   */
  splitThreshold?: number;
  /** Groups of the split pass rejoin when each accounts for this share of the other. */
  splitMergeThreshold?: number;
  /** A group leaves its story only with at least this many articles (0 turns splits off). */
  minSplit?: number;
  /**
   * Pieces of one story meet again: when a story of `foldSize` or more articles goes quiet
   * (`foldAfter` articles since it last grew), it merges with a live story of that size
   * whose profile and its own account for each other by `splitMergeThreshold`, if more than
   * this share (0..1) of each one's remembered articles would join the other (at
   * `threshold`). 0 turns it off; without folding it never runs.
   */
  crossMerge?: number;
}

/**
 * Defaults measured on the UCI dev headlines (docs/stories.md has the sensitivity table):
 * 0.12 joins an article to a story outright when the story's characteristic terms carry 12%
 * of its TF-IDF weight; a story of fewer than 20 articles that 100 later articles passed by
 * folds into a larger story carrying 3% of its weight (one shared rare name is enough);
 * 0.3 merges two stories only when each one's profile is largely made of the other's
 * characteristic terms.
 */
export const clusterDefaults: Required<ClusterOptions> = {
  threshold: 0.12,
  foldThreshold: 0.03,
  foldSize: 20,
  foldAfter: 100,
  mergeThreshold: 0.3,
  windowDays: 3,
  centroidTerms: 60,
  splitThreshold: 0.1,
  splitMergeThreshold: 0.15,
  minSplit: 20,
  crossMerge: 0.4,
};

/** One story as the clusterer keeps it; also its persisted form. */
export interface StoryState {
  id: number;
  /** Articles of the story that carry each term (the `centroidTerms` most frequent). */
  terms: [string, number][];
  /** Articles in the story. */
  size: number;
  /** Latest publication time seen, ms since the epoch; null when unknown. */
  last: number | null;
  /** Earliest publication time seen, as `last` (absent in states saved before it was kept). */
  first?: number | null;
  /** Its most recent articles with their terms, oldest first, for the split pass. */
  members?: [string, [string, number][]][];
  /** Its size when the split pass last looked at it. */
  checked?: number;
  /** Articles seen (`ClustererState.documents`) when it last grew. */
  grewAt?: number;
  /** Stories the split pass parted it from (their ids now: partings follow merges). */
  apart?: number[];
}

/** Everything needed to continue clustering where a run stopped. */
export interface ClustererState {
  version: 1;
  /** Articles seen. */
  documents: number;
  /** Documents seen per term, for IDF. */
  documentFrequency: [string, number][];
  /** The next story id to hand out. */
  nextId: number;
  /** Live stories only: stories outside the window can take no article and are dropped. */
  stories: StoryState[];
  /**
   * The settings it ran with, so that a continued run goes on with them (the store pass
   * reads them back; states saved before they were kept have none).
   */
  options?: ClusterOptions;
}

/** An article as a story remembers it, for the split pass. */
interface Member {
  id: string;
  terms: Map<string, number>;
}

/** What scoring needs of a story or of a group the split pass forms. */
interface Profile {
  /** Articles carrying each term. */
  terms: Map<string, number>;
  size: number;
}

interface Story extends Profile {
  id: number;
  /** Latest and earliest publication times, ms since the epoch; NaN when unknown. */
  last: number;
  first: number;
  /** The most recent `MAX_MEMBERS` articles, oldest first. */
  members: Member[];
  checked: number;
  /** Articles seen when it last grew (took an article or absorbed a story). */
  grewAt: number;
  /**
   * Stories the split pass parted it from: it never merges or folds with them (or with
   * what they merged into), or a part would merge back as it grows and split again, over
   * and over, each time at the cost of a look at the whole story.
   */
  apart: Set<number>;
}

/** A group of a story's articles moved to a story of its own by the split pass. */
export interface StorySplit {
  from: number;
  into: number;
  articles: string[];
}

/** A merge of two stories: every article of `from` now belongs to `into`. */
export interface StoryMerge {
  from: number;
  into: number;
}

const DAY_MS = 86_400_000;

/**
 * Ties go to the larger story (the better-established reading), then the older one, so the
 * outcome never depends on the order of a hash set (a restored clusterer decides as the
 * original would have).
 */
function before(a: Story, b: Story): boolean {
  return a.size > b.size || (a.size === b.size && a.id < b.id);
}

/** A term in half of a story's articles (or more) counts fully for it. */
const CHARACTERISTIC = 2;
/**
 * One pseudo-article added to a story's size when judging how characteristic a term is, so
 * that a story of two or three headlines does not claim every word it happens to have: a
 * young story otherwise outbids the established story of the same name.
 */
const SMOOTH = 1;
/** A story's profile, for merging, holds the terms in at least this share of its articles. */
const PROFILE_SHARE = 0.25;
/** Articles between sweeps for stories that left the window (a sweep visits live stories). */
const EVICT_EVERY = 512;
/**
 * The split pass looks at a story again once it has grown by this factor, so its cost per
 * article stays bounded (each look costs the story's size, and looks grow geometrically).
 */
const SPLIT_GROWTH = 1.25;
/** Articles a story remembers for the split pass; older ones stay but can no longer move. */
const MAX_MEMBERS = 512;

/**
 * Online story clustering. Each article joins the live story that accounts for most of its
 * TF-IDF weight (IDF learned from everything seen so far; see `similarity`), or starts a
 * new one; then the story it joined may merge with a live story whose profile matches it
 * both ways (a young story about "Snowden at SXSW" and the older "Snowden" story), and a
 * grown story may split (see `splitStep`). Adding an article touches only the stories that
 * share a term with it (an inverted index), so its cost does not grow with the corpus, and
 * nothing outside the live stories is ever re-clustered; merges and splits only relabel.
 */
export class StoryClusterer {
  private readonly options: Required<ClusterOptions>;
  private readonly stories = new Map<number, Story>();
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;
  private nextId = 0;
  /** Term → live stories that hold it. */
  private readonly index = new Map<string, Set<number>>();
  /** Story id → the story it was merged into (kept for `resolve`). */
  private readonly mergedInto = new Map<number, number>();
  /** Article id → the live story that remembers it (see `Story.members`). */
  private readonly memberOf = new Map<string, number>();
  /**
   * Stories to judge for folding, in the order they last grew: `grewAt` is when the entry
   * was made, so an entry is stale once its story grew again (a later entry stands for it).
   */
  private idle: { id: number; grewAt: number }[] = [];
  private idleHead = 0;
  private merges: StoryMerge[] = [];
  private splits: StorySplit[] = [];
  /** Latest publication time seen, ms since the epoch. */
  private clock = Number.NaN;

  constructor(options: ClusterOptions = {}, state?: ClustererState) {
    this.options = { ...clusterDefaults, ...options };
    if (state) this.restore(state);
  }

  /** Live stories. */
  get storyCount(): number {
    return this.stories.size;
  }

  /** The settings it runs with, defaults filled in. */
  get settings(): Readonly<Required<ClusterOptions>> {
    return this.options;
  }

  /** The story an id now stands for, following merges made by this instance. */
  resolve(id: number): number {
    let current = id;
    for (let next = this.mergedInto.get(current); next !== undefined; ) {
      current = next;
      next = this.mergedInto.get(current);
    }
    return current;
  }

  /**
   * The live story an article is in now (after merges and splits), or undefined once its
   * story has left the window or the article is no longer among those it remembers.
   */
  storyOf(articleId: string): number | undefined {
    return this.memberOf.get(articleId);
  }

  /** Merges made since the last call, oldest first (the store relabels their articles). */
  takeMerges(): StoryMerge[] {
    const out = this.merges;
    this.merges = [];
    return out;
  }

  /** Splits made since the last call, oldest first (the store moves their articles). */
  takeSplits(): StorySplit[] {
    const out = this.splits;
    this.splits = [];
    return out;
  }

  /**
   * Whether the article comes more than the window behind the latest time seen: the stories
   * it belongs with may have left the state, so it may start a story of its own (an archive
   * read out of order). Undated articles are never behind.
   */
  behind(article: StoryInput): boolean {
    const time = timeOf(article);
    return !Number.isNaN(time) && this.clock - time > this.options.windowDays * DAY_MS;
  }

  /**
   * Place one article; returns its story's id (stable unless a later merge relabels it or
   * a later split moves the article: see `takeMerges`, `takeSplits`).
   */
  add(article: StoryInput): number {
    const counts = termCounts(article.text);
    for (const key of article.keys ?? []) counts.set(key, (counts.get(key) ?? 0) + 1);
    this.documents++;
    for (const term of counts.keys()) {
      this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    const time = timeOf(article);
    if (!Number.isNaN(time) && (Number.isNaN(this.clock) || time > this.clock)) this.clock = time;
    if (this.documents % EVICT_EVERY === 0) this.evict();
    this.forgetMember(article.id);
    const vector = this.weigh(counts);
    const best = this.bestStory(counts.keys(), this.options.threshold, (other) =>
      this.live(other, time) ? this.similarity(vector, other) : undefined,
    );
    const story = best ?? this.open(time);
    for (const term of counts.keys()) story.terms.set(term, (story.terms.get(term) ?? 0) + 1);
    story.size++;
    this.grew(story);
    if (!Number.isNaN(time)) {
      if (Number.isNaN(story.last) || time > story.last) story.last = time;
      if (Number.isNaN(story.first) || time < story.first) story.first = time;
    }
    story.members.push({ id: article.id, terms: counts });
    this.memberOf.set(article.id, story.id);
    if (story.members.length > MAX_MEMBERS) {
      const old = story.members.shift() as Member;
      this.memberOf.delete(old.id);
    }
    this.reindex(story);
    const merged = this.mergeStep(story, time);
    const { minSplit } = this.options;
    if (
      minSplit > 0 &&
      merged.size >= 2 * minSplit &&
      merged.size >= merged.checked * SPLIT_GROWTH
    ) {
      this.splitStep(merged);
    }
    this.foldIdle();
    return this.memberOf.get(article.id) ?? this.resolve(merged.id);
  }

  /**
   * Judge every small story still waiting to fold as it stands, as if `foldAfter` articles
   * had passed: for the end of a collection (`clusterStories`), where no more articles are
   * coming to grow them. Merges made are reported by `takeMerges`. Larger stories are not
   * looked at for pieces that meet (`crossMerge`), as `foldIdle` does at their turn: a
   * sweep at the end of a collection is one a store, which has no end, could not make
   * (docs/stories.md measures it).
   */
  flush(): void {
    if (this.options.foldSize <= 0) return;
    for (const story of [...this.stories.values()].sort(byGrowth)) {
      if (!this.stories.has(story.id) || story.size >= this.options.foldSize) continue;
      if (this.live(story, this.clock)) this.fold(story);
    }
  }

  /** The state to persist: live stories (by the latest time seen) and the IDF counts. */
  state(): ClustererState {
    const stories: StoryState[] = [];
    for (const story of this.stories.values()) {
      if (!this.live(story, this.clock)) continue;
      stories.push({
        id: story.id,
        terms: [...story.terms],
        size: story.size,
        last: Number.isNaN(story.last) ? null : story.last,
        first: Number.isNaN(story.first) ? null : story.first,
        members: story.members.map((m) => [m.id, [...m.terms]]),
        checked: story.checked,
        grewAt: story.grewAt,
        ...(story.apart.size > 0 ? { apart: [...story.apart] } : {}),
      });
    }
    return {
      version: 1,
      documents: this.documents,
      documentFrequency: [...this.documentFrequency],
      nextId: this.nextId,
      stories,
      options: { ...this.options },
    };
  }

  private restore(state: ClustererState): void {
    this.documents = state.documents;
    for (const [term, n] of state.documentFrequency) this.documentFrequency.set(term, n);
    this.nextId = state.nextId;
    for (const s of state.stories) {
      // A state saved before the split pass existed has no members: those stories can
      // take articles and merge, and split on what they take from now on.
      const story: Story = {
        id: s.id,
        terms: new Map(s.terms),
        size: s.size,
        last: s.last ?? Number.NaN,
        // A state saved before the earliest time was kept: its latest stands for it.
        first: s.first ?? s.last ?? Number.NaN,
        members: (s.members ?? []).map(([id, terms]) => ({ id, terms: new Map(terms) })),
        checked: s.checked ?? s.size,
        // A state saved before folding existed: its stories count as having just grown.
        grewAt: s.grewAt ?? state.documents,
        apart: new Set(s.apart ?? []),
      };
      this.stories.set(story.id, story);
      for (const m of story.members) this.memberOf.set(m.id, story.id);
      this.reindex(story);
      if (!Number.isNaN(story.last) && (Number.isNaN(this.clock) || story.last > this.clock)) {
        this.clock = story.last;
      }
    }
    // The queue again, of the stories still waiting: one whose wait ended was judged then
    // (folding runs after every article), and judging it again now, among other stories,
    // could fold it where the uninterrupted run did not.
    for (const story of [...this.stories.values()].sort(byGrowth)) {
      if (story.grewAt + this.options.foldAfter > this.documents) this.queueIdle(story);
    }
  }

  /** The story took an article or absorbed a story: its wait for folding starts again. */
  private grew(story: Story): void {
    story.grewAt = this.documents;
    this.queueIdle(story);
  }

  private queueIdle(story: Story): void {
    if (this.options.foldSize > 0) this.idle.push({ id: story.id, grewAt: story.grewAt });
  }

  /**
   * Judge the stories that `foldAfter` articles have passed by since they last grew: each
   * small one folds into the larger live story that accounts for most of its weight, if that
   * is at least `foldThreshold`. Joining is strict (`threshold`), so the first headline of a
   * new story starts a story of its own rather than settling in an older story on one
   * shared word, and the burst that follows finds it; a headline no burst followed (or a
   * handful of them) folds where a lax join would have put it. A larger story going quiet
   * may meet a piece of itself instead (`crossMerge`). The queue holds one entry per
   * growth, so the cost per article is bounded.
   */
  private foldIdle(): void {
    const { foldAfter, foldSize } = this.options;
    const head = this.idle[this.idleHead];
    if (!head || head.grewAt + foldAfter > this.documents) return;
    const due: { id: number; grewAt: number }[] = [];
    for (; this.idleHead < this.idle.length; this.idleHead++) {
      const entry = this.idle[this.idleHead] as { id: number; grewAt: number };
      if (entry.grewAt + foldAfter > this.documents) break;
      due.push(entry);
    }
    if (this.idleHead > 1024 && this.idleHead * 2 > this.idle.length) {
      this.idle = this.idle.slice(this.idleHead);
      this.idleHead = 0;
    }
    // Ties in the order a restored clusterer rebuilds the queue, so it decides alike.
    due.sort((a, b) => a.grewAt - b.grewAt || a.id - b.id);
    for (const entry of due) {
      const story = this.stories.get(entry.id);
      if (!story || story.grewAt !== entry.grewAt) continue;
      if (!this.live(story, this.clock)) continue;
      if (story.size < foldSize) this.fold(story);
      else this.crossMerge(story);
    }
  }

  private fold(story: Story): void {
    const vector = this.weigh(story.terms);
    const best = this.bestStory(story.terms.keys(), this.options.foldThreshold, (other) =>
      other.size > story.size && this.live(other, this.clock) && !this.parted(story, other)
        ? this.similarity(vector, other)
        : undefined,
    );
    if (best) this.absorb(best, story);
  }

  /**
   * A story gone quiet and a piece of it that grew apart merge when many of each one's
   * articles would have joined the other: the "Cosmos" premiere and the "Neil deGrasse
   * Tyson" headlines of the same show form two stories, and 52% of the show's headlines
   * would join the Tyson story, 46% of the Tyson headlines the show's. The merge rule, which
   * compares the two profiles, does not see it: the show's profile accounts for the Tyson
   * piece's by 0.25. Two stories that share only a kind of news ("files for bankruptcy":
   * Sbarro and Mt. Gox) meet it one way at most.
   */
  private crossMerge(story: Story): void {
    const { crossMerge, foldSize, splitMergeThreshold } = this.options;
    if (crossMerge <= 0) return;
    const own = this.profile(story);
    // Its articles weighed once, on the first candidate that gets this far, for every one.
    let articles: Map<string, number>[] | undefined;
    const best = this.bestStory(own.keys(), crossMerge, (other) => {
      if (other === story || other.size < foldSize || this.parted(story, other)) return undefined;
      if (!this.live(other, this.clock)) return undefined;
      if (this.mutual(own, story, other) < splitMergeThreshold) return undefined;
      articles ??= this.memberVectors(story);
      const there = this.joinShare(articles, other, crossMerge);
      if (there <= crossMerge) return 0;
      return Math.min(there, this.joinShare(this.memberVectors(other), story, crossMerge));
    });
    if (!best) return;
    const [into, from] = best.size >= story.size ? [best, story] : [story, best];
    this.absorb(into, from);
  }

  /** A story's remembered articles as weighted term vectors, as each joined. */
  private memberVectors(story: Story): Map<string, number>[] {
    return story.members.map((m) => this.weigh(m.terms));
  }

  /**
   * The share of the articles (weighted vectors) that would join `to` (at `threshold`); 0 as
   * soon as it cannot exceed `floor`. All a story remembers: on its latest 64 alone the share
   * moves enough to merge a wrong pair on the UCI headlines.
   */
  private joinShare(articles: readonly Map<string, number>[], to: Story, floor: number): number {
    let joined = 0;
    for (const [i, vector] of articles.entries()) {
      if (this.similarity(vector, to) >= this.options.threshold) joined++;
      else if (joined + articles.length - i - 1 <= floor * articles.length) return 0;
    }
    return articles.length === 0 ? 0 : joined / articles.length;
  }

  /**
   * Of the live stories holding one of `terms`, the one `score` rates highest, if above
   * `floor` (ties as `before`); `score` gives undefined for a story that may not be chosen.
   */
  private bestStory(
    terms: Iterable<string>,
    floor: number,
    score: (other: Story) => number | undefined,
  ): Story | undefined {
    let best: Story | undefined;
    let bestScore = floor;
    for (const candidate of this.candidates(terms)) {
      const other = this.stories.get(candidate) as Story;
      const s = score(other);
      if (s === undefined) continue;
      if (s > bestScore || (best && s === bestScore && before(other, best))) {
        best = other;
        bestScore = s;
      }
    }
    return best;
  }

  /**
   * Forget stories idle past the window: they can take no article, and leaving them in the
   * index would make every look-up grow with the corpus.
   */
  private evict(): void {
    for (const story of this.stories.values()) {
      if (this.live(story, this.clock)) continue;
      for (const term of story.terms.keys()) {
        const set = this.index.get(term);
        set?.delete(story.id);
        if (set?.size === 0) this.index.delete(term);
      }
      for (const m of story.members) this.memberOf.delete(m.id);
      this.stories.delete(story.id);
    }
    for (const story of this.stories.values()) {
      for (const id of story.apart) if (!this.stories.has(id)) story.apart.delete(id);
    }
  }

  /** An article placed again (its content changed) no longer counts where it was. */
  private forgetMember(articleId: string): void {
    const at = this.memberOf.get(articleId);
    if (at === undefined) return;
    const story = this.stories.get(at);
    if (story) story.members = story.members.filter((m) => m.id !== articleId);
    this.memberOf.delete(articleId);
  }

  /**
   * Whether an article of `time` may join the story: within the window after its latest
   * article, and (an archive read out of order) within the window before its earliest.
   */
  private live(story: Story, time: number): boolean {
    if (Number.isNaN(time) || Number.isNaN(story.last)) return true;
    const window = this.options.windowDays * DAY_MS;
    if (time - story.last > window) return false;
    return Number.isNaN(story.first) || story.first - time <= window;
  }

  /** Merge the story with the live story most like it, both ways, if that is like enough. */
  private mergeStep(story: Story, time: number): Story {
    if (story.size < 2) return story;
    const own = this.profile(story);
    if (own.size === 0) return story;
    // Symmetric: a small story absorbed by a big one must also be mostly about what the
    // big one is about, or every story naming "Apple" would end in one.
    const best = this.bestStory(own.keys(), this.options.mergeThreshold, (other) =>
      other !== story && other.size >= 2 && this.live(other, time) && !this.parted(story, other)
        ? this.mutual(own, story, other)
        : undefined,
    );
    if (!best) return story;
    const [into, from] = best.size >= story.size ? [best, story] : [story, best];
    this.absorb(into, from);
    return into;
  }

  /** Whether the split pass parted the two stories (or stories they have since absorbed). */
  private parted(a: Story, b: Story): boolean {
    return a.apart.has(b.id) || b.apart.has(a.id);
  }

  /** Every article of `from` now belongs to `into` (a merge, or a fold). */
  private absorb(into: Story, from: Story): void {
    for (const [term, n] of from.terms) into.terms.set(term, (into.terms.get(term) ?? 0) + n);
    into.size += from.size;
    if (Number.isNaN(into.last) || from.last > into.last) into.last = from.last;
    if (Number.isNaN(into.first) || from.first < into.first) into.first = from.first;
    // Partings follow the merge: what was parted from `from` is now parted from `into`.
    // Parting is mutual (a split marks both sides; eviction clears both), so the stories
    // that name `from` are those `from` names.
    for (const id of from.apart) {
      into.apart.add(id);
      const other = this.stories.get(id);
      if (other?.apart.delete(from.id)) other.apart.add(into.id);
    }
    into.apart.delete(into.id);
    // The larger story's articles first: its first article stays the split pass's anchor,
    // so a later split leaves the larger story's id where it was.
    into.members = mergeMembers(into.members, from.members, this.memberOf);
    for (const m of into.members) this.memberOf.set(m.id, into.id);
    for (const term of from.terms.keys()) this.index.get(term)?.delete(from.id);
    this.stories.delete(from.id);
    this.mergedInto.set(from.id, into.id);
    this.merges.push({ from: from.id, into: into.id });
    this.reindex(into);
    this.grew(into);
  }

  /** How far two stories account for each other: the lesser of the two directions. */
  private mutual(ownProfile: Map<string, number>, own: Profile, other: Profile): number {
    return Math.min(this.similarity(ownProfile, other), this.similarity(this.profile(other), own));
  }

  /**
   * The split pass, over one story's remembered articles: group them afresh in arrival
   * order with the stricter `splitThreshold`, rejoin groups that account for each other
   * (`splitMergeThreshold`, laxer than the merge rule, so a story's own sub-topics stay
   * together), and move every group of at least `minSplit` articles other than the one
   * holding the story's first article to a story of its own. This undoes an early wrong
   * join: the first headline of a new story ("Apple iOS 7.1 ...") joins an older story on
   * one shared name, and the burst that follows joins it there. A split group's profile
   * accounts for less than the merge rule asks of the rest, so the two do not merge back.
   */
  private splitStep(story: Story): void {
    story.checked = story.size;
    const first = story.members[0];
    if (!first) return;
    const groups: (Profile & { members: Member[] })[] = [];
    for (const m of story.members) {
      const vector = this.weigh(m.terms);
      let best: (typeof groups)[number] | undefined;
      let bestScore = this.options.splitThreshold;
      for (const g of groups) {
        const score = this.similarity(vector, g);
        if (score > bestScore) {
          best = g;
          bestScore = score;
        }
      }
      if (!best) {
        best = { terms: new Map(), size: 0, members: [] };
        groups.push(best);
      }
      for (const term of m.terms.keys()) best.terms.set(term, (best.terms.get(term) ?? 0) + 1);
      best.size++;
      best.members.push(m);
    }
    if (groups.length < 2) return;
    // Rejoin groups that account for each other; singletons have no profile to compare.
    const joinable = groups.filter((g) => g.size >= 2);
    for (let i = 0; i < joinable.length; i++) {
      const a = joinable[i] as (typeof groups)[number];
      let own = this.profile(a);
      for (let j = i + 1; j < joinable.length; j++) {
        const b = joinable[j] as (typeof groups)[number];
        if (this.mutual(own, a, b) < this.options.splitMergeThreshold) continue;
        for (const [term, n] of b.terms) a.terms.set(term, (a.terms.get(term) ?? 0) + n);
        a.size += b.size;
        a.members.push(...b.members);
        b.size = 0;
        joinable.splice(j, 1);
        own = this.profile(a);
        j = i; // a changed: compare it with every remaining group again
      }
    }
    const anchor = groups.find((g) => g.size > 0 && g.members.includes(first));
    const leaving = groups.filter((g) => g !== anchor && g.size >= this.options.minSplit);
    if (leaving.length === 0) return;
    for (const g of leaving) {
      const part = this.open(story.last);
      part.first = story.first;
      part.terms = g.terms;
      part.size = g.size;
      part.checked = g.size;
      const moved = new Set(g.members);
      part.members = story.members.filter((m) => moved.has(m));
      story.members = story.members.filter((m) => !moved.has(m));
      for (const [term, n] of g.terms) {
        const left = (story.terms.get(term) ?? 0) - n;
        if (left > 0) story.terms.set(term, left);
        else {
          story.terms.delete(term);
          this.index.get(term)?.delete(story.id);
        }
      }
      story.size -= g.size;
      for (const m of part.members) this.memberOf.set(m.id, part.id);
      this.reindex(part);
      this.grew(part);
      part.apart.add(story.id);
      story.apart.add(part.id);
      this.splits.push({ from: story.id, into: part.id, articles: part.members.map((m) => m.id) });
    }
    story.checked = story.size;
  }

  /** A story as a weighted term vector: IDF times the share of its articles with the term. */
  private profile(story: Profile): Map<string, number> {
    const out = new Map<string, number>();
    for (const [term, n] of story.terms) {
      const share = n / story.size;
      if (share < PROFILE_SHARE || n < 2) continue;
      out.set(term, share * this.idf(term));
    }
    return out;
  }

  private open(time: number): Story {
    const story: Story = {
      id: this.nextId++,
      terms: new Map(),
      size: 0,
      last: time,
      first: time,
      members: [],
      checked: 0,
      grewAt: this.documents,
      apart: new Set(),
    };
    this.stories.set(story.id, story);
    return story;
  }

  private candidates(terms: Iterable<string>): Set<number> {
    const out = new Set<number>();
    for (const term of terms) {
      const stories = this.index.get(term);
      if (stories) for (const s of stories) out.add(s);
    }
    return out;
  }

  /** Keep the story's most frequent terms in the inverted index, so the index stays small. */
  private reindex(story: Story): void {
    if (story.terms.size > this.options.centroidTerms * 2) {
      const kept = [...story.terms]
        .sort((a, b) => b[1] - a[1])
        .slice(0, this.options.centroidTerms);
      for (const term of story.terms.keys()) this.index.get(term)?.delete(story.id);
      story.terms = new Map(kept);
    }
    for (const term of story.terms.keys()) {
      let set = this.index.get(term);
      if (!set) {
        set = new Set();
        this.index.set(term, set);
      }
      set.add(story.id);
    }
  }

  /**
   * How much of the article's weight the story accounts for: each shared term counts its
   * IDF weight times how characteristic it is of the story (the share of the story's
   * articles that carry it, smoothed). A headline about Titanfall joins the Titanfall story
   * because the rare word that carries it is in nearly every article of that story.
   */
  private similarity(vector: Map<string, number>, story: Profile): number {
    let shared = 0;
    let total = 0;
    for (const [term, weight] of vector) {
      total += weight;
      const n = story.terms.get(term);
      if (n !== undefined) {
        shared += weight * Math.min(1, (n / (story.size + SMOOTH)) * CHARACTERISTIC);
      }
    }
    return total === 0 ? 0 : shared / total;
  }

  private idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 1;
    return Math.log(1 + this.documents / df);
  }

  /** TF-IDF weights, tf dampened by log so one repeated word does not carry a story. */
  private weigh(counts: Map<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    for (const [term, n] of counts) out.set(term, (1 + Math.log(n)) * this.idf(term));
    return out;
  }
}

/** An article's publication time, ms since the epoch; NaN when it has none. */
export function timeOf(article: StoryInput): number {
  const stamp = article.timestamp ?? article.published;
  return stamp ? Date.parse(stamp) : Number.NaN;
}

/** Stories in the order they last grew, then by id. */
function byGrowth(a: Story, b: Story): number {
  return a.grewAt - b.grewAt || a.id - b.id;
}

/** Two stories' remembered articles, `into`'s first, at most `MAX_MEMBERS` (dropping `into`'s oldest). */
function mergeMembers(
  into: readonly Member[],
  from: readonly Member[],
  memberOf: Map<string, number>,
): Member[] {
  const out = [...into, ...from];
  if (out.length <= MAX_MEMBERS) return out;
  for (const m of out.slice(0, out.length - MAX_MEMBERS)) memberOf.delete(m.id);
  return out.slice(out.length - MAX_MEMBERS);
}

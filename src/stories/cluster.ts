import { termCounts } from "./terms.ts";

/** What the clusterer needs of an article. */
export interface StoryInput {
  id: string;
  /** Title and/or body; headlines alone work. */
  text: string;
  /** Publication date or time, ISO 8601; used for the time window. */
  published: string | null;
}

export interface ClusterOptions {
  /** Share of its weight (0..1) a story must account for before an article joins it. */
  threshold?: number;
  /** Stories idle longer than this many days take no new articles. */
  windowDays?: number;
  /** Terms of a story's centroid kept for matching (the heaviest ones). */
  centroidTerms?: number;
}

const DEFAULTS: Required<ClusterOptions> = { threshold: 0.05, windowDays: 3, centroidTerms: 60 };

interface Story {
  id: number;
  /** Summed term counts of its articles. */
  terms: Map<string, number>;
  size: number;
  /** Latest publication time seen, in ms since the epoch (NaN when unknown). */
  last: number;
}

const DAY_MS = 86_400_000;

/** A term in this share of a story's articles (or more) counts fully for it. */
const CHARACTERISTIC = 2;

/**
 * Online story clustering. Each article joins the live story that accounts for most of its
 * TF-IDF weight (IDF learned from everything seen so far; see `similarity`), or starts a
 * new one. Adding an article touches only the stories that share a term with
 * it (an inverted index), so adding a day of news costs the same whatever the corpus
 * size, and nothing already clustered is re-clustered.
 */
export class StoryClusterer {
  private readonly options: Required<ClusterOptions>;
  private readonly stories: Story[] = [];
  /** Documents seen per term, for IDF. */
  private readonly documentFrequency = new Map<string, number>();
  private documents = 0;
  /** Term → stories whose centroid holds it. */
  private readonly index = new Map<string, Set<number>>();

  constructor(options: ClusterOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  get storyCount(): number {
    return this.stories.length;
  }

  /** Place one article; returns its story's id (stable, assigned in arrival order). */
  add(article: StoryInput): number {
    const counts = termCounts(article.text);
    this.documents++;
    for (const term of counts.keys()) {
      this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    const time = article.published ? Date.parse(article.published) : Number.NaN;
    const vector = this.weigh(counts);
    let best: Story | undefined;
    let bestScore = this.options.threshold;
    for (const candidate of this.candidates(counts.keys())) {
      const story = this.stories[candidate] as Story;
      if (!Number.isNaN(time) && !Number.isNaN(story.last)) {
        if (time - story.last > this.options.windowDays * DAY_MS) continue;
      }
      const score = this.similarity(vector, story);
      if (score > bestScore) {
        best = story;
        bestScore = score;
      }
    }
    const story = best ?? this.open(time);
    for (const [term, n] of counts) story.terms.set(term, (story.terms.get(term) ?? 0) + n);
    story.size++;
    if (!Number.isNaN(time) && (Number.isNaN(story.last) || time > story.last)) story.last = time;
    this.reindex(story);
    return story.id;
  }

  private open(time: number): Story {
    const story: Story = { id: this.stories.length, terms: new Map(), size: 0, last: time };
    this.stories.push(story);
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

  /** Keep the story's heaviest terms in the inverted index, so the index stays small. */
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
   * articles that carry it). A headline about Titanfall joins the Titanfall story because
   * the rare word that carries it is in nearly every article of that story.
   */
  private similarity(vector: Map<string, number>, story: Story): number {
    let shared = 0;
    let total = 0;
    for (const [term, weight] of vector) {
      total += weight;
      const n = story.terms.get(term);
      if (n !== undefined) shared += weight * Math.min(1, (n / story.size) * CHARACTERISTIC);
    }
    return total === 0 ? 0 : shared / total;
  }

  /** TF-IDF weights, tf dampened by log so one repeated word does not carry a story. */
  private weigh(counts: Map<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    for (const [term, n] of counts) {
      const df = this.documentFrequency.get(term) ?? 1;
      out.set(term, (1 + Math.log(n)) * Math.log(1 + this.documents / df));
    }
    return out;
  }
}

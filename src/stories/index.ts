/**
 * Cross-article work, after the store: near-duplicates, story clusters, and (with the
 * store) one event from many mentions. Never inside a per-article stage.
 */
import { type ClusterOptions, StoryClusterer, type StoryInput, timeOf } from "./cluster.ts";

export {
  type ClustererState,
  type ClusterOptions,
  clusterDefaults,
  StoryClusterer,
  type StoryInput,
  type StorySplit,
} from "./cluster.ts";
export {
  Deduplicator,
  type DedupOptions,
  type DuplicateBackend,
  type DuplicateMatch,
  dedupDefaults,
  MemoryDuplicateBackend,
} from "./dedup.ts";
export {
  type EventMention,
  EventMerger,
  type MergedEvent,
  type MergeOptions,
  mentionsOf,
  mergeDefaults,
} from "./events.ts";
export { type StoryPassOptions, StoryUpdater, storyPass } from "./update.ts";

/**
 * Cluster a whole collection into stories in order of publication (input order breaks
 * ties), judging at the end the small stories still waiting to fold.
 */
export function clusterStories(
  articles: readonly StoryInput[],
  options: ClusterOptions = {},
): Map<string, string> {
  const clusterer = new StoryClusterer(options);
  const assigned = new Map<string, number>();
  for (const article of inArrivalOrder(articles)) {
    assigned.set(article.id, clusterer.add(article));
    for (const split of clusterer.takeSplits()) {
      for (const id of split.articles) assigned.set(id, split.into);
    }
  }
  // The collection ends here: small stories no later article can grow are judged now.
  clusterer.flush();
  // Stories merge and split as they grow: report each article under the story it ended in.
  return new Map([...assigned].map(([id, story]) => [id, `story-${clusterer.resolve(story)}`]));
}

function inArrivalOrder(articles: readonly StoryInput[]): StoryInput[] {
  const time = (a: StoryInput) => {
    const t = timeOf(a);
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  return articles
    .map((article, i) => ({ article, i, t: time(article) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.article);
}

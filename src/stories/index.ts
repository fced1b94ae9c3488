/**
 * Cross-article work, after the store: near-duplicates, story clusters, and (with the
 * store) one event from many mentions. Never inside a per-article stage.
 */
import { type ClusterOptions, StoryClusterer, type StoryInput } from "./cluster.ts";

export { type ClusterOptions, StoryClusterer, type StoryInput } from "./cluster.ts";

/** Cluster articles into stories in the order given (sort by publication for a feed). */
export function clusterStories(
  articles: readonly StoryInput[],
  options: ClusterOptions = {},
): Map<string, string> {
  const clusterer = new StoryClusterer(options);
  const out = new Map<string, string>();
  for (const article of articles) out.set(article.id, `story-${clusterer.add(article)}`);
  return out;
}

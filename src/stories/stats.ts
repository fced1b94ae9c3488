/**
 * A store's counts with how it clusters stories and merges events: what `dateline stats`
 * prints and `/api/stats` answers, so the two say the same.
 */
import type { Store, StoreStats, StoryStats } from "../store/types.ts";
import type { MergeOptions } from "./events.ts";
import { type StorySettings, storedSettings } from "./update.ts";

export interface StatsWithRules extends StoreStats {
  stories: StoryStats & {
    /** The settings its clusterer runs with; null until its first story pass. */
    settings: StorySettings | "custom" | null;
    /** The rule it merges events with; null until its first story pass. */
    mergeRule: Required<MergeOptions> | null;
  };
}

export async function statsWithRules(store: Store): Promise<StatsWithRules> {
  const counts = await store.stats();
  return {
    ...counts,
    stories: {
      ...counts.stories,
      settings: await storedSettings(store.stories()),
      mergeRule: await store.stories().loadMergeRule(),
    },
  };
}

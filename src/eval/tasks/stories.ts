/**
 * Stories on the UCI News Aggregator dev headlines: B-cubed precision, recall and F1 of our
 * clusters against Google News's story ids. Clustering works across articles, after the store
 * (issue 9), so it is not a pipeline stage: the task calls `clusterStories` from
 * src/stories/index.ts when that module exists.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DataRecord } from "../data.ts";
import { readJsonl } from "../data.ts";
import { bcubed } from "../metrics/bcubed.ts";
import { type EvalTask, round, type TaskOutcome } from "./task.ts";

interface StoryRecord extends DataRecord {
  source?: string;
  story: string;
  timestamp?: string;
  url?: string;
}

/** What the eval passes: the input fields of an article, never the story id. */
export interface StoryInput {
  id: string;
  text: string;
  published: string | null;
  title: string | null;
  source: string | null;
  /** ISO time of publication when the input has it. */
  timestamp: string | null;
}

type ClusterFn = (
  docs: StoryInput[],
) => Map<string, string | number> | Promise<Map<string, string | number>>;

const MODULE = new URL("../../stories/index.ts", import.meta.url);

async function loadClusterer(): Promise<ClusterFn | string> {
  if (!existsSync(fileURLToPath(MODULE))) return "src/stories/index.ts does not exist yet";
  const mod = (await import(MODULE.href)) as Record<string, unknown>;
  const fn = mod.clusterStories;
  if (typeof fn !== "function") return "src/stories/index.ts does not export clusterStories yet";
  return fn as ClusterFn;
}

export const storiesTask: EvalTask = {
  name: "stories",
  summary: "stories: B-cubed P/R/F1 of story clusters (clusterStories from src/stories)",
  stages: [],
  data: "stories/uci-news-dev.jsonl",
  async missing() {
    const loaded = await loadClusterer();
    return typeof loaded === "string" ? loaded : null;
  },
  async run(ctx): Promise<TaskOutcome> {
    const records = readJsonl<StoryRecord>(ctx.dataPath, ctx.limit);
    const cluster = await loadClusterer();
    if (typeof cluster === "string") {
      return {
        status: "not built yet",
        records: records.length,
        tables: [],
        notes: [cluster],
        metrics: {},
      };
    }
    const inputs: StoryInput[] = records.map((r) => ({
      id: r.id,
      text: r.text,
      published: r.published,
      title: r.title ?? null,
      source: r.source ?? null,
      timestamp: r.timestamp ?? null,
    }));
    const predicted = await cluster(inputs);
    const gold = new Map(records.map((r) => [r.id, r.story]));
    const asStrings = new Map([...predicted].map(([id, c]) => [id, String(c)]));
    const s = bcubed(gold, asStrings);
    const clusters = new Set(asStrings.values()).size;
    return {
      records: records.length,
      tables: [
        {
          title: "Story clusters (B-cubed)",
          columns: ["P", "R", "F1", "items", "our clusters", "gold stories"],
          rows: [[s.precision, s.recall, s.f1, s.items, clusters, new Set(gold.values()).size]],
        },
      ],
      notes: [
        "B-cubed over every headline; a headline our clustering leaves out is a singleton",
        "gold story ids are Google News's machine clusters (silver), per MANIFEST.md",
      ],
      metrics: { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) },
    };
  },
};

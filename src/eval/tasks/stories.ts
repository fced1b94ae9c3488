/**
 * Stories on the UCI News Aggregator dev headlines: B-cubed precision, recall and F1 of our
 * clusters against Google News's story ids. Clustering works across articles, after the store
 * (issue 9), so it is not a pipeline stage: the task calls `clusterStories` from
 * src/stories/index.ts when that module exists.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Extractor } from "../../core/extract.ts";
import { recordDocument } from "../../read/json.ts";
import { SqliteStore } from "../../store/sqlite.ts";
import type { IngestItem } from "../../store/types.ts";
import { INGEST_BATCH_SIZE, storyPass } from "../../stories/update.ts";
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
    const gold = new Map(records.map((r) => [r.id, r.story]));
    const whole = await score(cluster, inputs, gold);
    // Tune on the earlier half, confirm on the later one: each half is clustered on its own,
    // from a cold start, as a new deployment would see it.
    const byTime = [...inputs].sort((a, b) => (a.timestamp ?? "").localeCompare(b.timestamp ?? ""));
    const middle = Math.floor(byTime.length / 2);
    const first = await score(cluster, byTime.slice(0, middle), gold);
    const second = await score(cluster, byTime.slice(middle), gold);
    // What `dateline ingest` makes of the same file: the reader, the pipeline, the store and
    // the story pass after each batch, as a user's run would.
    const viaIngest = scored(gold, await throughIngest(records, ctx.extractor));
    const row = (part: string, x: Scored) => [
      part,
      x.s.precision,
      x.s.recall,
      x.s.f1,
      x.s.items,
      x.clusters,
      x.goldStories,
    ];
    return {
      records: records.length,
      tables: [
        {
          title: "Story clusters (B-cubed)",
          columns: ["P", "R", "F1", "items", "our clusters", "gold stories"],
          rows: [
            [
              whole.s.precision,
              whole.s.recall,
              whole.s.f1,
              whole.s.items,
              whole.clusters,
              whole.goldStories,
            ],
          ],
        },
        {
          title:
            "By time: each half clustered on its own (tune on the first, confirm on the second)",
          columns: ["part", "P", "R", "F1", "items", "our clusters", "gold stories"],
          rows: [row("first half", first), row("second half", second), row("whole", whole)],
        },
        {
          title: "Through `dateline ingest` (reader, pipeline, SQLite store, story pass per batch)",
          columns: ["part", "P", "R", "F1", "items", "our clusters", "gold stories"],
          rows: [row("whole", viaIngest)],
        },
        {
          title: "Largest errors on the whole file (B-cubed items lost)",
          columns: ["error", "items lost", "headlines", "gold story (its first headline)", "parts"],
          rows: largestErrors(gold, whole.predicted, records, ERRORS_SHOWN),
        },
      ],
      notes: [
        "B-cubed over every headline; a headline our clustering leaves out is a singleton",
        "gold story ids are Google News's machine clusters (silver), per MANIFEST.md",
        "halves: the records sorted by timestamp and cut at the middle; each is clustered alone",
        `through ingest: the records as JSON lines in file order (the reader keeps the date, not the time), in batches of ${INGEST_BATCH_SIZE} as \`dateline ingest\` stores them; the store picks the headline settings itself`,
        "errors: split = a gold story spread over our clusters (recall lost), mixed = one of our clusters holding several gold stories (precision lost); items lost = its share of the B-cubed loss; parts = headlines per cluster (split) or per gold story (mixed)",
      ],
      metrics: {
        precision: round(whole.s.precision),
        recall: round(whole.s.recall),
        f1: round(whole.s.f1),
        f1FirstHalf: round(first.s.f1),
        f1SecondHalf: round(second.s.f1),
        f1Ingest: round(viaIngest.s.f1),
      },
    };
  },
};

/**
 * The records through the path `dateline ingest` takes: each read as a JSON line would be
 * (its input fields only) and annotated, then stored in a fresh SQLite store batch by batch,
 * each batch followed by the story pass. Returns the story each record's article ended in.
 */
async function throughIngest(
  records: readonly StoryRecord[],
  extractor: Extractor,
): Promise<Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), "dateline-eval-stories-"));
  const store = await SqliteStore.open(join(dir, "stories.db"));
  try {
    const pass = storyPass(store);
    for (let at = 0; at < records.length; at += INGEST_BATCH_SIZE) {
      const items: IngestItem[] = [];
      for (const [i, r] of records.slice(at, at + INGEST_BATCH_SIZE).entries()) {
        const origin = `uci-news-dev.jsonl:${at + i + 1}`;
        const input = {
          id: r.id,
          text: r.text,
          published: r.published,
          title: r.title,
          url: r.url,
          source: r.source,
        };
        const read = recordDocument(input, origin);
        if (!read.ok) items.push({ kind: "failure", failure: read.failure });
        else
          items.push({ kind: "article", doc: extractor.extract(read.doc), origin, idGiven: true });
      }
      const { outcomes } = await store.writeBatch(items);
      await pass(items, outcomes);
    }
    const stories = store.stories();
    const out = new Map<string, string>();
    for (const r of records) {
      const story = await stories.storyOf(r.id);
      if (story !== null) out.set(r.id, `story-${story}`);
    }
    return out;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Error rows shown per kind (split, mixed). */
const ERRORS_SHOWN = 5;

interface Scored {
  s: ReturnType<typeof bcubed>;
  predicted: Map<string, string>;
  clusters: number;
  goldStories: number;
}

async function score(
  cluster: ClusterFn,
  inputs: StoryInput[],
  allGold: ReadonlyMap<string, string>,
): Promise<Scored> {
  const predicted = await cluster(inputs);
  const gold = new Map(inputs.map((d) => [d.id, allGold.get(d.id) ?? ""]));
  return scored(gold, new Map([...predicted].map(([id, c]) => [id, String(c)])));
}

/** B-cubed of a clustering against the gold of the same articles, with its counts. */
function scored(gold: ReadonlyMap<string, string>, predicted: Map<string, string>): Scored {
  return {
    s: bcubed(gold, predicted),
    predicted,
    clusters: new Set(predicted.values()).size,
    goldStories: new Set(gold.values()).size,
  };
}

/**
 * Where the B-cubed loss comes from: the gold stories we split most (recall) and our
 * clusters that mix most (precision), each with the share of items it costs, so an error
 * analysis starts from the figures rather than from browsing clusters.
 */
function largestErrors(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
  records: readonly StoryRecord[],
  shown: number,
): (string | number)[][] {
  const cross = (from: (id: string) => string, to: (id: string) => string) => {
    const out = new Map<string, Map<string, number>>();
    for (const id of gold.keys()) {
      const a = from(id);
      let row = out.get(a);
      if (!row) {
        row = new Map();
        out.set(a, row);
      }
      row.set(to(id), (row.get(to(id)) ?? 0) + 1);
    }
    return out;
  };
  const goldOf = (id: string) => gold.get(id) ?? "";
  const predOf = (id: string) => predicted.get(id) ?? `singleton:${id}`;
  const firstHeadline = new Map<string, string>();
  for (const r of records) if (!firstHeadline.has(r.story)) firstHeadline.set(r.story, r.text);
  const headline = (story: string) => clip(firstHeadline.get(story) ?? "", 60);
  const lost = (parts: Map<string, number>) => {
    const n = [...parts.values()].reduce((a, b) => a + b, 0);
    let sum = 0;
    for (const k of parts.values()) sum += k * (1 - k / n);
    return { n, lost: sum / gold.size };
  };
  const sizes = (parts: Map<string, number>) =>
    [...parts.values()]
      .sort((a, b) => b - a)
      .slice(0, 6)
      .join("+");
  const rows: { kind: string; lost: number; cells: (string | number)[] }[] = [];
  for (const [story, parts] of cross(goldOf, predOf)) {
    const l = lost(parts);
    if (l.lost > 0)
      rows.push({ kind: "split", lost: l.lost, cells: [l.n, headline(story), sizes(parts)] });
  }
  for (const [, parts] of cross(predOf, goldOf)) {
    const l = lost(parts);
    if (l.lost === 0) continue;
    const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 2);
    const what = top.map(([story, k]) => `${k}× ${clip(headline(story), 28)}`).join(" | ");
    rows.push({ kind: "mixed", lost: l.lost, cells: [l.n, what, sizes(parts)] });
  }
  const out: (string | number)[][] = [];
  for (const kind of ["split", "mixed"]) {
    const top = rows
      .filter((r) => r.kind === kind)
      .sort((a, b) => b.lost - a.lost)
      .slice(0, shown);
    for (const r of top) out.push([kind, round(r.lost), ...r.cells]);
  }
  return out;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * `npm run bench -- --stories`: the cost of adding one article to the cross-article work
 * (near-duplicate check + story clustering) as the corpus grows. The corpus is built at
 * run time from the dev data: each synthetic article is a real headline of one UCI story,
 * a made-up name for the synthetic story it belongs to (so that the 49 real stories
 * repeated over a year do not collapse into one), and a body of real sentences from
 * GeoWebNews/PolNeAR; 300 articles a day, 30 stories a day, and one article in ten a
 * perturbed reprint of a recent one.
 *
 * Reported: mean microseconds per article over the last 1,000 articles before each
 * checkpoint (the marginal cost at that corpus size), CPU time, so that a busy shared
 * machine disturbs it less.
 *
 *   npm run bench -- --stories                    checkpoints 1k, 10k, 100k, in memory
 *   npm run bench -- --stories --sizes 1000,10000 --sqlite    through the SQLite store
 *   npm run bench -- --stories --min-split 0       without the clusterer's split pass
 *   npm run bench -- --stories --headline-settings the clusterer's defaults (strict joins
 *                                                  and folding, as `clusterStories` runs)
 *
 * The clusterer runs with the settings ingest uses for articles (`articleClusterOptions`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { seededRandom } from "../core/random.ts";
import { type DataRecord, dataDir, readJsonl } from "../eval/data.ts";
import { SqliteStore } from "../store/sqlite.ts";
import { type ClusterOptions, clusterDefaults, StoryClusterer } from "../stories/cluster.ts";
import { Deduplicator, type DuplicateBackend, MemoryDuplicateBackend } from "../stories/dedup.ts";
import { articleClusterOptions } from "../stories/update.ts";

interface Synthetic {
  id: string;
  headline: string;
  body: string;
  timestamp: string;
}

const SYLLABLES = ["ka", "ro", "vel", "min", "tas", "or", "eb", "lun", "dri", "shu", "pal", "zen"];

function madeUpName(n: number): string {
  let out = "";
  let k = n + 1;
  while (k > 0) {
    out += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  }
  return `${out[0]?.toUpperCase()}${out.slice(1)}`;
}

export function* syntheticCorpus(size: number, seed = 7): Generator<Synthetic> {
  const dir = dataDir();
  const headlines = new Map<string, string[]>();
  for (const r of readJsonl<DataRecord & { story: string }>(
    join(dir, "stories/uci-news-dev.jsonl"),
  )) {
    const list = headlines.get(r.story) ?? [];
    list.push(r.text);
    headlines.set(r.story, list);
  }
  const groups = [...headlines.values()];
  const sentences: string[] = [];
  for (const file of ["geo/geowebnews.jsonl", "quotes/polnear-dev.jsonl"]) {
    for (const r of readJsonl<DataRecord>(join(dir, file))) {
      for (const s of r.text.split(/(?<=[.!?])\s+/)) if (s.length > 40) sentences.push(s);
    }
  }
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const perDay = 300;
  const storiesPerDay = 30;
  const recent: Synthetic[] = [];
  const start = Date.parse("2014-01-01T00:00:00Z");
  for (let i = 0; i < size; i++) {
    const dayIndex = Math.floor(i / perDay);
    const timestamp = new Date(
      start + dayIndex * 86_400_000 + (i % perDay) * 280_000,
    ).toISOString();
    let article: Synthetic;
    if (recent.length > 10 && rnd() < 0.1) {
      const original = pick(recent);
      article = {
        id: `s${i}`,
        headline: original.headline,
        body: `${original.body.replace(/\. /g, ".\n")}\n\nCopyright ${dayIndex}. All rights reserved.`,
        timestamp,
      };
    } else {
      // A synthetic story lasts about two days: its number moves on with the days.
      const story = dayIndex * storiesPerDay + Math.floor(rnd() * storiesPerDay * 2);
      const group = groups[story % groups.length] as string[];
      const body = Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => pick(sentences));
      article = {
        id: `s${i}`,
        headline: `${madeUpName(story)}: ${pick(group)}`,
        body: body.join(" "),
        timestamp,
      };
    }
    recent.push(article);
    if (recent.length > 1000) recent.shift();
    yield article;
  }
}

export interface StoriesBenchRow {
  articles: number;
  /** Mean CPU microseconds per article over the last `window` articles. */
  dedupUs: number;
  clusterUs: number;
  totalUs: number;
  stories: number;
  duplicates: number;
}

const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

export async function runStoriesBench(options: {
  sizes: number[];
  sqlite?: boolean;
  window?: number;
  cluster?: ClusterOptions;
}): Promise<StoriesBenchRow[]> {
  const window = options.window ?? 1000;
  const max = Math.max(...options.sizes);
  let backend: DuplicateBackend = new MemoryDuplicateBackend();
  let cleanup = () => {};
  if (options.sqlite) {
    const dir = mkdtempSync(join(tmpdir(), "dateline-bench-"));
    const store = SqliteStore.openSync(join(dir, "bench.db"));
    // Fingerprints reference articles: store a minimal row for each as ingest would.
    const stories = store.stories();
    backend = {
      findExact: (h) => stories.findExact(h),
      findByBands: (k) => stories.findByBands(k),
      put: async (f) => {
        await store.writeBatch([
          {
            kind: "article",
            doc: {
              id: f.id,
              published: null,
              title: null,
              url: null,
              source: null,
              language: "en",
              text: f.id,
              sentences: [],
              entities: [],
              dates: [],
              places: [],
              events: [],
              quotes: [],
              messages: [],
            },
            origin: f.id,
            idGiven: true,
          },
        ]);
        await stories.put(f);
      },
    };
    cleanup = () => {
      void store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const dedup = new Deduplicator(backend);
  // What ingest runs on articles (title + lead), unless the caller asks otherwise.
  const clusterer = new StoryClusterer({ ...articleClusterOptions, ...options.cluster });
  const rows: StoriesBenchRow[] = [];
  let dedupSum = 0;
  let clusterSum = 0;
  let duplicates = 0;
  let n = 0;
  for (const a of syntheticCorpus(max)) {
    n++;
    const t0 = cpuUs();
    const match = await dedup.add(a.id, `${a.headline}\n\n${a.body}`);
    const t1 = cpuUs();
    if (match) duplicates++;
    else {
      const lead = a.body
        .split(/(?<=[.!?])\s+/)
        .slice(0, 2)
        .join(" ");
      clusterer.add({
        id: a.id,
        text: `${a.headline}\n${lead}`,
        published: null,
        timestamp: a.timestamp,
      });
      // The store pass takes these after each batch; unread they would pile up.
      clusterer.takeMerges();
      clusterer.takeSplits();
    }
    const t2 = cpuUs();
    if (n > max - window || options.sizes.some((s) => n > s - window && n <= s)) {
      dedupSum += t1 - t0;
      clusterSum += t2 - t1;
    }
    if (options.sizes.includes(n)) {
      rows.push({
        articles: n,
        dedupUs: dedupSum / window,
        clusterUs: clusterSum / window,
        totalUs: (dedupSum + clusterSum) / window,
        stories: clusterer.storyCount,
        duplicates,
      });
      dedupSum = 0;
      clusterSum = 0;
    }
  }
  cleanup();
  return rows;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      stories: { type: "boolean" },
      sizes: { type: "string", default: "1000,10000,100000" },
      sqlite: { type: "boolean" },
      json: { type: "boolean" },
      "min-split": { type: "string" },
      "headline-settings": { type: "boolean" },
    },
    strict: false,
  });
  const sizes = String(values.sizes)
    .split(",")
    .map(Number)
    .filter((s) => Number.isInteger(s) && s >= 1000);
  if (sizes.length === 0) {
    console.error("bench --stories: --sizes takes whole numbers of at least 1000");
    return 2;
  }
  const minSplit = values["min-split"] === undefined ? undefined : Number(values["min-split"]);
  if (minSplit !== undefined && !(Number.isInteger(minSplit) && minSplit >= 0)) {
    console.error("bench --stories: --min-split takes a whole number (0 turns splits off)");
    return 2;
  }
  const headline = values["headline-settings"] === true;
  const rows = await runStoriesBench({
    sizes,
    sqlite: values.sqlite === true,
    cluster: {
      ...(headline ? clusterDefaults : {}),
      ...(minSplit === undefined ? {} : { minSplit }),
    },
  });
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  console.log(
    `stories bench — ${values.sqlite ? "SQLite store" : "in memory"}${headline ? ", headline settings" : ""}${minSplit === 0 ? ", no split pass" : ""} — CPU µs per article, mean of the last 1,000 before each size`,
  );
  console.log("articles   dedup µs  cluster µs  total µs  live stories  duplicates");
  for (const r of rows) {
    console.log(
      `${String(r.articles).padStart(8)}  ${r.dedupUs.toFixed(0).padStart(8)}  ${r.clusterUs.toFixed(0).padStart(10)}  ${r.totalUs.toFixed(0).padStart(8)}  ${String(r.stories).padStart(12)}  ${String(r.duplicates).padStart(10)}`,
    );
  }
  return 0;
}

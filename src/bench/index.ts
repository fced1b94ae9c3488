/**
 * `npm run bench`: throughput of each stage and of the whole pipeline (MB/s, documents/s),
 * the entities tagger's tokens/s, peak memory, and the whole pipeline on 1 vs N worker
 * threads. Every figure is the median of `--runs` runs after one warm-up run. No thresholds:
 * the figures go in the closing notes and EVALUATION.md, not in tests.
 *
 *   npm run bench                 5 runs, a table
 *   npm run bench -- --runs 3 --json
 *   npm run bench -- --limit 20   the first 20 articles of each sample file (a quick look)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createExtractor } from "../core/extract.ts";
import { dataDir } from "../eval/data.ts";
import { median } from "../eval/metrics/geo.ts";
import { formatMarkdownTable, formatTable, type Table } from "../eval/report.ts";
import { currentCommit } from "../eval/run.ts";
import { measureConcurrency } from "../run/index.ts";
import { loadSample } from "./sample.ts";

interface StageFigure {
  stage: string;
  /** Median time over all sample documents, ms. */
  ms: number;
  megabytesPerSecond: number;
  documentsPerSecond: number;
  /** Share of the pipeline's time. */
  share: number;
}

export interface BenchReport {
  date: string;
  commit: string;
  runs: number;
  documents: number;
  /** UTF-8 bytes of raw input. */
  bytes: number;
  files: readonly string[];
  /** Building the extractor (loading models and lexicons), ms. */
  loadMs: number;
  stages: StageFigure[];
  pipeline: { ms: number; megabytesPerSecond: number; documentsPerSecond: number };
  /**
   * The whole pipeline by CPU time of this thread's process (user + system), which a shared
   * machine disturbs less than wall time; MB/s on that basis.
   */
  pipelineCpu: { ms: number; megabytesPerSecond: number };
  /** 1-minute load average when the run ended: how busy the shared machine was. */
  loadAverage: number;
  /** Entities stage: tokens (from segment) per second of entities time; null without it. */
  nerTokensPerSecond: number | null;
  tokens: number;
  /** Times the sample was repeated for the thread comparison. */
  workerRepeat: number;
  /** Why a thread-count run could not finish, if one could not. */
  workerFailures: string[];
  workers: Array<{
    concurrency: number;
    ms: number;
    /** CPU time of the whole process (all threads), ms. */
    cpuMs: number;
    megabytesPerSecond: number;
    documentsPerSecond: number;
    speedup: number;
  }>;
  /** Peak resident set size of this process, MB (workers are threads, so included). */
  peakRssMb: number;
  cpus: number;
}

const MB = 1e6;

export async function runBench(options: {
  runs: number;
  limit?: number;
  workers?: number[];
  /** How many times over the thread comparison runs the sample (default 3). */
  repeat?: number;
  progress?: (m: string) => void;
}): Promise<BenchReport> {
  const sample = loadSample(dataDir(), options.limit);
  const loadStarted = performance.now();
  const extractor = createExtractor();
  const loadMs = performance.now() - loadStarted;
  const stageNames = extractor.stageNames;
  const perStage = new Map<string, number[]>(stageNames.map((s) => [s, []]));
  const totals: number[] = [];
  const cpuTotals: number[] = [];
  const nerRates: number[] = [];
  let tokens = 0;
  for (let run = 0; run <= options.runs; run++) {
    options.progress?.(run === 0 ? "bench: warm-up run" : `bench: run ${run}/${options.runs}`);
    const timings = new Map<string, number>();
    tokens = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (const source of sample.sources) {
      // pipeline.run is what extract() calls; it also gives the token count for tokens/s.
      const doc = extractor.pipeline.run(source, timings);
      tokens += doc.tokens.length;
    }
    const elapsed = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    if (run === 0) continue; // warm-up: JIT and caches
    totals.push(elapsed);
    cpuTotals.push((cpu.user + cpu.system) / 1000);
    for (const stage of stageNames) perStage.get(stage)?.push(timings.get(stage) ?? 0);
    const nerMs = timings.get("entities");
    if (nerMs !== undefined && nerMs > 0) nerRates.push(tokens / (nerMs / 1000));
  }
  const docs = sample.sources.length;
  const rate = (ms: number) => ({
    megabytesPerSecond: ms > 0 ? sample.bytes / MB / (ms / 1000) : Number.POSITIVE_INFINITY,
    documentsPerSecond: ms > 0 ? docs / (ms / 1000) : Number.POSITIVE_INFINITY,
  });
  const pipelineMs = median(totals);
  const stages: StageFigure[] = stageNames.map((stage) => {
    const ms = median(perStage.get(stage) ?? []);
    return { stage, ms, ...rate(ms), share: pipelineMs > 0 ? ms / pipelineMs : 0 };
  });

  const concurrencies = options.workers ?? [1, Math.max(2, availableParallelism())];
  // Starting a worker loads the models again (about a second each), so the thread comparison
  // runs the sample several times over: a day's news, not a handful of articles, is the case
  // workers are for.
  const repeat = Math.max(1, options.repeat ?? 3);
  const many = Array.from({ length: repeat }, () => sample.sources).flat();
  const byConcurrency = new Map<number, number[]>(concurrencies.map((c) => [c, []]));
  const cpuByConcurrency = new Map<number, number[]>(concurrencies.map((c) => [c, []]));
  const workerFailures = new Set<string>();
  for (let run = 1; run <= options.runs; run++) {
    options.progress?.(`bench: workers ${concurrencies.join(" vs ")}, run ${run}/${options.runs}`);
    for (const concurrency of concurrencies) {
      // Worker threads are in this process, so its CPU time covers them: CPU well above the
      // 1-thread figure means the threads pay for something (model loading, copying) twice.
      const cpuStarted = process.cpuUsage();
      try {
        for (const m of await measureConcurrency(many, [concurrency])) {
          byConcurrency.get(m.concurrency)?.push(m.elapsedMs);
        }
      } catch (error) {
        // The per-stage figures above are still worth printing when the pool cannot run.
        workerFailures.add(`${concurrency} threads: ${(error as Error).message}`);
        continue;
      }
      const cpu = process.cpuUsage(cpuStarted);
      cpuByConcurrency.get(concurrency)?.push((cpu.user + cpu.system) / 1000);
    }
  }
  const base = median(byConcurrency.get(concurrencies[0] ?? 1) ?? []);
  const workers = concurrencies.map((concurrency) => {
    const ms = median(byConcurrency.get(concurrency) ?? []);
    const cpuMs = median(cpuByConcurrency.get(concurrency) ?? []);
    const docsPerSecond = ms > 0 ? many.length / (ms / 1000) : 0;
    return {
      concurrency,
      ms,
      cpuMs,
      megabytesPerSecond: ms > 0 ? (sample.bytes * repeat) / MB / (ms / 1000) : 0,
      documentsPerSecond: docsPerSecond,
      speedup: ms > 0 ? base / ms : 0,
    };
  });

  return {
    date: new Date().toISOString(),
    commit: currentCommit(),
    runs: options.runs,
    documents: docs,
    bytes: sample.bytes,
    files: sample.files,
    loadMs,
    stages,
    pipeline: { ms: pipelineMs, ...rate(pipelineMs) },
    pipelineCpu: {
      ms: median(cpuTotals),
      megabytesPerSecond: rate(median(cpuTotals)).megabytesPerSecond,
    },
    loadAverage: loadavg()[0] ?? 0,
    nerTokensPerSecond: nerRates.length > 0 ? median(nerRates) : null,
    tokens,
    workerRepeat: repeat,
    workerFailures: [...workerFailures],
    workers,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpus: availableParallelism(),
  };
}

export function benchTables(r: BenchReport): Table[] {
  // Wall time on a shared machine includes waiting for a core; scaling each stage by the
  // pipeline's CPU/wall ratio estimates what it does on a core of its own.
  const cpuRatio = r.pipeline.ms > 0 ? r.pipelineCpu.ms / r.pipeline.ms : 1;
  const cpuScaled = (ms: number) => (ms > 0 ? r.bytes / MB / ((ms * cpuRatio) / 1000) : 0);
  // Text, so the table shows as many decimals as the figure deserves, not a score's three.
  const r1 = (x: number) => x.toFixed(1);
  const r2 = (x: number) => x.toFixed(2);
  const stageRows: Array<Array<string | number>> = r.stages.map((s) => [
    s.stage,
    r1(s.ms),
    r2(s.megabytesPerSecond),
    r1(s.documentsPerSecond),
    `${(s.share * 100).toFixed(1)}%`,
    r2(cpuScaled(s.ms)),
  ]);
  stageRows.push([
    "whole pipeline (1 thread)",
    r1(r.pipeline.ms),
    r2(r.pipeline.megabytesPerSecond),
    r1(r.pipeline.documentsPerSecond),
    "100%",
    r2(r.pipelineCpu.megabytesPerSecond),
  ]);
  return [
    {
      title: `Stages, in-process (median of ${r.runs} runs; ${r.documents} articles, ${(r.bytes / MB).toFixed(2)} MB)`,
      columns: ["stage", "ms", "MB/s", "docs/s", "share", "MB/s by CPU (est.)"],
      rows: stageRows.map((row) =>
        row.map((c) =>
          typeof c === "number" && !Number.isInteger(c) ? Math.round(c * 100) / 100 : c,
        ),
      ),
    },
    {
      title: `Whole pipeline on worker threads (the sample ${r.workerRepeat}× over; wall time incl. starting workers)`,
      columns: ["threads", "ms", "CPU ms (all threads)", "MB/s", "docs/s", "speedup"],
      rows: r.workers.map((w) => [
        w.concurrency,
        Math.round(w.ms),
        Math.round(w.cpuMs),
        r2(w.megabytesPerSecond),
        r1(w.documentsPerSecond),
        r2(w.speedup),
      ]),
    },
    {
      title: "Other",
      columns: ["measure", "value"],
      rows: [
        [
          "whole pipeline by CPU time, ms (MB/s)",
          `${Math.round(r.pipelineCpu.ms)} (${r2(r.pipelineCpu.megabytesPerSecond)})`,
        ],
        ["extractor load (models, lexicons), ms", Math.round(r.loadMs)],
        [
          "entities tagging, tokens/s",
          r.nerTokensPerSecond === null ? "not built yet" : Math.round(r.nerTokensPerSecond),
        ],
        [
          "entities tagging, tokens/s by CPU (est.)",
          r.nerTokensPerSecond === null
            ? "not built yet"
            : Math.round(r.nerTokensPerSecond / cpuRatio),
        ],
        ["tokens in sample", r.tokens],
        ["peak RSS, MB", Math.round(r.peakRssMb)],
        ["CPUs available", r.cpus],
        ...r.workerFailures.map((f) => ["worker run failed", f]),
        ["load average (1 min) at the end", r2(r.loadAverage)],
      ],
    },
  ];
}

const BEGIN = "<!-- bench:begin -->";
const END = "<!-- bench:end -->";

/** Put the bench tables between the markers of a Markdown file (EVALUATION.md). */
export function updateBenchDoc(path: string, report: BenchReport): void {
  const doc = readFileSync(path, "utf8");
  const from = doc.indexOf(BEGIN);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${path}: no ${BEGIN} … ${END} block`);
  const body = [
    `Measured ${report.date.slice(0, 16).replace("T", " ")} UTC at commit \`${report.commit}\`, ${report.cpus} CPUs, load average ${report.loadAverage.toFixed(1)} at the end (the machine is shared: wall-clock figures are pessimistic; the CPU-time line is steadier).`,
    "",
    ...benchTables(report).flatMap((t) => [formatMarkdownTable(t), ""]),
  ].join("\n");
  writeFileSync(path, `${doc.slice(0, from + BEGIN.length)}\n${body}${doc.slice(to)}`);
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--stories")) return (await import("./stories.ts")).main(argv);
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: "string", default: "5" },
      limit: { type: "string" },
      workers: { type: "string" },
      repeat: { type: "string" },
      json: { type: "boolean" },
      "update-doc": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(
      "Usage: npm run bench -- [--runs N] [--limit N] [--workers 1,2] [--repeat N] [--json] [--update-doc FILE]\n\n" +
        "Throughput per stage and of the whole pipeline over a fixed sample of news articles\n" +
        "from ../shared/data (GeoWebNews, PolNeAR dev, GUM news); medians of N runs.",
    );
    return 0;
  }
  const runs = Number(values.runs);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const workers = values.workers?.split(",").map(Number);
  const repeat = values.repeat === undefined ? undefined : Number(values.repeat);
  if (!(Number.isInteger(runs) && runs > 0) || (limit !== undefined && !(limit > 0))) {
    console.error("bench: --runs and --limit take positive whole numbers");
    return 2;
  }
  const report = await runBench({
    runs,
    ...(limit === undefined ? {} : { limit }),
    ...(workers ? { workers } : {}),
    ...(repeat !== undefined && repeat > 0 ? { repeat } : {}),
    progress: (m) => console.error(m),
  });
  if (values["update-doc"]) updateBenchDoc(values["update-doc"], report);
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  console.log(
    `dateline bench — ${report.date} — commit ${report.commit} — stages: ${report.stages.map((s) => s.stage).join(", ") || "(none)"}\n`,
  );
  for (const table of benchTables(report)) console.log(`${formatTable(table)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

/**
 * `npm run bench:api`: a bounded load test of `dateline serve` on loopback. It starts the
 * real command as a child process over a store (`--db`, or one it builds with the real
 * `dateline ingest` from the repository's fixture articles), sends a fixed number of
 * requests (default 1,000, about 50 at a time) over a mix of endpoints as the web UI makes
 * them, and reports latency p50/p95/p99/max in ms, requests/s and errors. It stops by
 * itself; nothing leaves 127.0.0.1.
 *
 *   npm run bench:api
 *   npm run bench:api -- --db news.db --requests 2000 --concurrency 50 --json
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

interface Options {
  db: string | undefined;
  requests: number;
  concurrency: number;
  json: boolean;
}

export interface ApiBenchReport {
  db: string;
  requests: number;
  concurrency: number;
  errors: number;
  /** Whole run, s. */
  seconds: number;
  requestsPerSecond: number;
  /** Latency percentiles over all requests, ms. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** p50 and p95 per endpoint kind, ms. */
  byKind: Record<string, { n: number; p50: number; p95: number }>;
  /** Status codes that were not 200, with counts. */
  failures: Record<string, number>;
}

/** Per request; a request slower than this counts as an error. */
const TIMEOUT_MS = 10_000;

function options(): Options {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      requests: { type: "string", default: "1000" },
      concurrency: { type: "string", default: "50" },
      json: { type: "boolean", default: false },
    },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(requests) || requests < 1 || requests > 100_000) {
    throw new Error("--requests must be 1..100000");
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 500) {
    throw new Error("--concurrency must be 1..500");
  }
  return { db: values.db, requests, concurrency, json: values.json ?? false };
}

const cli = ["--import", "tsx", "src/cli/main.ts"];

/** A store from the repository's fixture articles, through the real `dateline ingest`. */
function buildStore(dir: string): string {
  const inputs = [
    "examples",
    ...readdirSync("test/fixtures").flatMap((slug) =>
      readdirSync(join("test/fixtures", slug))
        .filter((name) => name.startsWith("input."))
        .map((name) => join("test/fixtures", slug, name)),
    ),
  ];
  const db = join(dir, "bench.db");
  const run = spawnSync(process.execPath, [...cli, "ingest", ...inputs, "--db", db], {
    encoding: "utf8",
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`ingest failed: ${run.stderr}`);
  return db;
}

/** `dateline serve --port 0`, resolved with its URL once it prints it. */
function startServe(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...cli, "serve", "--db", db, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const url = /^(http:\/\/127\.0\.0\.1:\d+)\/$/m.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      err += chunk;
    });
    child.once("exit", (code) => reject(new Error(`dateline serve exited (${code}): ${err}`)));
  });
}

function get(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

/** The requests a user session makes, in a fixed rotation: lists, aggregates, one event, search. */
async function workload(base: string): Promise<[string, string][]> {
  const page = (await (await fetch(`${base}/api/events?pageSize=50`)).json()) as {
    items: { articleId: string; index: number }[];
  };
  const events = page.items.map((e) => `/api/events/${e.articleId}/${e.index}`);
  const mix: [string, string][] = [
    ["events", "/api/events"],
    ["events", "/api/events?sort=-date&pageSize=20"],
    ["events", "/api/events?type=ASSAULT,PROTEST&since=2019-01-01"],
    ["events", "/api/events?bbox=38,29,49,38"],
    ["events", "/api/events?q=attack"],
    ["map", "/api/map"],
    ["map", "/api/map?quad=material-conflict"],
    ["timeline", "/api/timeline"],
    ["timeline", "/api/timeline?country=IRQ"],
    ["actors", "/api/actor-pairs"],
    ["actors", "/api/actors"],
    ["search", "/api/search?q=police"],
    ["static", "/app.js"],
    ["openapi", "/openapi.json"],
  ];
  for (const path of events.slice(0, 6)) mix.push(["event", path]);
  return mix;
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 100) / 100;
}

export async function benchApi(opts: Options): Promise<ApiBenchReport> {
  const dir = mkdtempSync(join(tmpdir(), "dateline-bench-api-"));
  const db = opts.db ?? buildStore(dir);
  const { child, url } = await startServe(db);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  try {
    const mix = await workload(url);
    const latencies: number[] = [];
    const byKind = new Map<string, number[]>();
    const failures: Record<string, number> = {};
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= opts.requests) return;
        const [kind, path] = mix[i % mix.length] as [string, string];
        const t0 = performance.now();
        let status: number | string;
        try {
          status = await get(agent, `${url}${path}`);
        } catch (error) {
          status = (error as Error).message;
        }
        const ms = performance.now() - t0;
        latencies.push(ms);
        const list = byKind.get(kind) ?? [];
        list.push(ms);
        byKind.set(kind, list);
        if (status !== 200) failures[String(status)] = (failures[String(status)] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const kinds: ApiBenchReport["byKind"] = {};
    for (const [kind, list] of [...byKind].sort()) {
      list.sort((a, b) => a - b);
      kinds[kind] = { n: list.length, p50: percentile(list, 50), p95: percentile(list, 95) };
    }
    return {
      db: opts.db ?? "(fixture articles)",
      requests: opts.requests,
      concurrency: opts.concurrency,
      errors: Object.values(failures).reduce((a, b) => a + b, 0),
      seconds: Math.round(seconds * 1000) / 1000,
      requestsPerSecond: Math.round(opts.requests / seconds),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
      byKind: kinds,
      failures,
    };
  } finally {
    agent.destroy();
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = options();
  const report = await benchApi(opts);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    const lines = [
      `dateline serve under load: ${report.requests} requests, ${report.concurrency} at a time, store ${report.db}`,
      `  ${report.requestsPerSecond} requests/s over ${report.seconds} s, ${report.errors} errors`,
      `  latency ms: p50 ${report.p50}  p95 ${report.p95}  p99 ${report.p99}  max ${report.max}`,
      ...Object.entries(report.byKind).map(
        ([kind, k]) =>
          `    ${kind.padEnd(9)} n=${String(k.n).padStart(4)}  p50 ${k.p50}  p95 ${k.p95}`,
      ),
    ];
    if (report.errors) lines.push(`  failures: ${JSON.stringify(report.failures)}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  if (report.errors) process.exitCode = 1;
}

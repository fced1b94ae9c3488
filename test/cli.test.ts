/**
 * The real `dateline` command, spawned as users run it (`node bin/dateline.js …`), against
 * real files and a real SQLite store in a temporary directory.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { sampleDocument } from "../src/store/contract.ts";
import { SqliteStore } from "../src/store/index.ts";

const repo = resolve(import.meta.dirname, "..");
const bin = join(repo, "bin", "dateline.js");
const seed = join(repo, "examples", "000_c1e55ffcabdf0152.txt");

const work = mkdtempSync(join(tmpdir(), "dateline-cli-"));
after(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: readonly string[], cwd = work): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, TZ: "UTC", NO_COLOR: "1" },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

function run(
  args: readonly string[],
  options: { cwd?: string; stdin?: string } = {},
): Promise<Run> {
  const child = start(args, options.cwd);
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  child.stdin?.end(options.stdin ?? "");
  return new Promise((done) => child.on("close", (code) => done({ code, stdout, stderr })));
}

const jsonLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Every row of every table, order aside: what a store holds, whatever its file layout. */
function dump(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db
          .prepare(`SELECT * FROM "${name}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Articles stored so far by a running ingest; 0 while the store is being created. */
function countSoFar(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    return count(path, "SELECT count(*) AS n FROM articles");
  } catch {
    return 0;
  }
}

/** A short, distinct news-like text file. */
function goodText(i: number): string {
  const day = String((i % 28) + 1).padStart(2, "0");
  return `date: 2020-01-${day}\ntitle: Report ${i}\n\nAbout ${i + 10} soldiers were sent to Baghdad on Tuesday, officials said. Talks in Geneva went on for day ${i}.\n`;
}

describe("dateline extract", () => {
  it("prints the seed article as one annotated JSON object", async () => {
    const result = await run(["extract", seed, "--concurrency", "1"]);
    assert.equal(result.code, 0, result.stderr);
    const docs = jsonLines(result.stdout);
    assert.equal(docs.length, 1);
    const doc = docs[0] as Record<string, unknown>;
    // The contract's keys in the contract's order (fields added later may sit among them).
    const contractKeys = [
      "id",
      "published",
      "title",
      "url",
      "source",
      "language",
      "text",
      "sentences",
      "entities",
      "dates",
      "places",
      "events",
      "quotes",
      "messages",
    ];
    assert.deepEqual(
      Object.keys(doc).filter((key) => contractKeys.includes(key)),
      contractKeys,
    );
    assert.equal(doc.published, "2019-12-31");
    // The issue's "done when": the page artifact gone, the broken entity decoded, about
    // 13 sentences, and a message for each repair.
    assert.doesNotMatch(String(doc.text), /Loading\.\.\.|& #/);
    assert.match(String(doc.text), /Kata['’]ib Hezbollah/);
    const rules = (doc.messages as { rule: string }[]).map((m) => m.rule);
    assert.ok(rules.includes("clean/broken-entity") && rules.includes("clean/artifact"));
    const sentences = (doc.sentences as unknown[]).length;
    assert.ok(sentences >= 11 && sentences <= 16, `13 or so sentences, not ${sentences}`);
  });

  it("gives the same output in the same order with 1 and 2 workers", async () => {
    const dir = join(work, "order");
    mkdirSync(dir);
    for (let i = 0; i < 30; i++) {
      writeFileSync(
        join(dir, `a${String(i).padStart(2, "0")}.txt`),
        goodText(i).repeat((i % 5) + 1),
      );
    }
    const one = await run(["extract", dir, seed, "--concurrency", "1"]);
    const two = await run(["extract", dir, seed, "--concurrency", "2"]);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.code, 0, two.stderr);
    assert.equal(jsonLines(one.stdout).length, 31);
    assert.equal(two.stdout, one.stdout);
  });

  it("reads JSON lines from stdin and keeps the ids they give", async () => {
    const input = `${JSON.stringify({ id: "given-1", text: "Troops left.", published: "2020-02-02" })}\n`;
    const result = await run(["extract", "-", "--concurrency", "1"], { stdin: input });
    assert.equal(result.code, 0, result.stderr);
    const [doc] = jsonLines(result.stdout);
    assert.equal(doc?.id, "given-1");
    assert.equal(doc?.published, "2020-02-02");
  });

  it("skips an input above --max-bytes with exit code 1 and goes on", async () => {
    const small = join(work, "small.txt");
    writeFileSync(small, goodText(1));
    const result = await run(["extract", seed, small, "--max-bytes", "1k", "--concurrency", "1"]);
    assert.equal(result.code, 1);
    assert.equal(jsonLines(result.stdout).length, 1, "the small file is still extracted");
    assert.match(result.stderr, /skipped .*000_c1e55ffcabdf0152\.txt: .*\(read\/too-large\)/);
  });

  it("rejects bad usage with exit code 2", async () => {
    // A file that exists but that no stage would read: refused, not silently ignored.
    const notALexicon = join(work, "actors.yaml");
    writeFileSync(notALexicon, "actors:\n  - names: [Blue Party]\n");
    for (const args of [
      ["extract", seed, "--concurrency", "0"],
      ["extract", seed, "--lexicon", join(work, "missing.yaml")],
      ["extract", seed, "--lexicon", notALexicon],
      ["extract", seed, "--max-bytes", "lots"],
      ["no-such-command"],
    ]) {
      const result = await run(args);
      assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
      assert.equal(result.stdout, "");
      assert.match(result.stderr, /error/);
    }
    const refused = await run(["extract", seed, "--lexicon", notALexicon]);
    assert.match(refused.stderr, /actors\.yaml is not a lexicon any stage reads/);
  });
});

describe("dateline --help", () => {
  it("flows each command's description as one paragraph, no word stranded on a line", async () => {
    for (const command of ["ingest", "stories", "show", "serve"]) {
      const help = await run([command, "--help"]);
      assert.equal(help.code, 0, help.stderr);
      // The paragraph between the usage line and the first section.
      const paragraph = help.stdout.split("\n\n")[help.stdout.startsWith("Examples") ? 2 : 1];
      const lines = (paragraph ?? "").split("\n");
      assert.ok(lines.length >= 2, `${command}: ${paragraph}`);
      for (const line of lines.slice(0, -1)) {
        assert.ok(line.length > 50, `${command}: a short line inside the paragraph: "${line}"`);
      }
    }
  });
});

describe("dateline ingest", () => {
  it("stores once; a second run reports unchanged and leaves the store as it was", async () => {
    const dir = join(work, "twice");
    mkdirSync(dir);
    const db = join(dir, "dateline.db");
    const first = await run(["ingest", seed, "--json", "--concurrency", "1"], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout), {
      db: "dateline.db",
      inputs: 1,
      added: 1,
      updated: 0,
      unchanged: 0,
      duplicate: 0,
      failed: 0,
      interrupted: false,
      behind: 0,
      resumed: 0,
    });
    const before = dump(db);
    const second = await run(["ingest", seed, "--json", "--concurrency", "2"], { cwd: dir });
    assert.equal(second.code, 0, second.stderr);
    assert.equal(JSON.parse(second.stdout).unchanged, 1);
    assert.match(second.stderr, /1 unchanged/);
    assert.deepEqual(dump(db), before);

    const articles = await run(["articles", "--json"], { cwd: dir });
    const [article] = jsonLines(articles.stdout);
    assert.equal(article?.published, "2019-12-31");
    const stats = await run(["stats", "--json"], { cwd: dir });
    assert.equal(JSON.parse(stats.stdout).articles, 1);
    const shown = await run(["show", String(article?.id).slice(0, 8), "--json"], { cwd: dir });
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(JSON.parse(shown.stdout).id, article?.id);
  });

  it("stores every good file of 1,000 mixed ones and reports every bad one", async () => {
    const dir = join(work, "mixed");
    mkdirSync(dir);
    const good = new Set<string>();
    const bad = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const name = String(i).padStart(4, "0");
      const path = join(dir, name);
      switch (i % 10) {
        case 0:
          writeFileSync(`${path}.txt`, "");
          bad.add(`${path}.txt`);
          break;
        case 1:
          writeFileSync(`${path}.txt`, Buffer.from([0, 1, 2, 0, 0, 255, 7, 0, 1, 2, 3, 0]));
          bad.add(`${path}.txt`);
          break;
        case 2:
          writeFileSync(
            `${path}.txt`,
            Buffer.from([0x41, 0x20, 0xc3, 0x28, 0x20, 0xe2, 0x82, 0x41]),
          );
          bad.add(`${path}.txt`);
          break;
        case 3:
          // One good line, one malformed: the good one is stored, the bad one reported.
          writeFileSync(
            `${path}.jsonl`,
            `${JSON.stringify({ id: `j${i}`, text: goodText(i), published: "2020-03-01" })}\n{"id": "broken", "text": \n`,
          );
          good.add(`${path}.jsonl:1`);
          bad.add(`${path}.jsonl:2`);
          break;
        case 4:
          writeFileSync(`${path}.json`, JSON.stringify({ text: goodText(i), title: `J ${i}` }));
          good.add(`${path}.json`);
          break;
        default:
          writeFileSync(`${path}.txt`, goodText(i));
          good.add(`${path}.txt`);
      }
    }
    const db = join(work, "mixed.db");
    const result = await run(["ingest", dir, "--db", db, "--json", "--concurrency", "2"]);
    assert.equal(result.code, 1, "some inputs failed: exit code 1");
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.added, good.size);
    assert.equal(summary.failed, bad.size);
    for (const origin of bad) assert.ok(result.stderr.includes(origin), `reported: ${origin}`);
    const listed = await run(["messages", "--failed", "--json", "--db", db]);
    assert.deepEqual(new Set(jsonLines(listed.stdout).map((m) => m.origin)), bad);

    const store = await SqliteStore.open(db, { mustExist: true });
    try {
      const stored = new Set((await store.listArticles({})).map((a) => a.origin));
      assert.deepEqual(stored, good);
      const failures = await store.listMessages({ unattached: true });
      assert.deepEqual(new Set(failures.map((m) => m.origin)), bad);
      assert.ok(failures.every((m) => m.rule.startsWith("read/") && m.reason.length > 0));
    } finally {
      await store.close();
    }
  });

  it("loses no stored data when killed mid-run, and only whole batches were written", async () => {
    const dir = join(work, "crash");
    const early = join(dir, "early");
    const many = join(dir, "many");
    mkdirSync(early, { recursive: true });
    mkdirSync(many);
    for (let i = 0; i < 10; i++) writeFileSync(join(early, `e${i}.txt`), goodText(5000 + i));
    for (let i = 0; i < 600; i++) {
      writeFileSync(join(many, `m${String(i).padStart(4, "0")}.txt`), goodText(i));
    }
    const db = join(dir, "crash.db");
    const first = await run(["ingest", early, "--db", db, "--concurrency", "1"]);
    assert.equal(first.code, 0, first.stderr);
    const before = dump(db);

    const child = start(["ingest", many, "--db", db, "--concurrency", "1", "--batch-size", "10"]);
    child.stdin?.end();
    const exited = new Promise((done) => child.on("close", done));
    const deadline = Date.now() + 20_000;
    while (countSoFar(db) <= 10) {
      assert.ok(Date.now() < deadline, "the ingest wrote nothing in time");
      assert.equal(child.exitCode, null, "the ingest ended before it could be killed");
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill("SIGKILL");
    await exited;

    assert.equal(
      count(db, "SELECT count(*) AS n FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
      0,
    );
    const stored = count(db, "SELECT count(*) AS n FROM articles");
    assert.ok(stored < 610, "killed before the end");
    assert.equal((stored - 10) % 10, 0, `whole batches only (${stored - 10} new articles)`);
    const after = dump(db);
    // The data tables; FTS shadow tables are indexes, rewritten as they grow.
    for (const table of ["articles", "article_origins", "annotations", "events", "messages"]) {
      const rows = before[table] ?? [];
      const now = new Set(after[table]);
      for (const row of rows) assert.ok(now.has(row), `${table} kept ${row.slice(0, 80)}`);
    }

    const resumed = await run(["ingest", many, "--db", db, "--json", "--concurrency", "2"]);
    assert.equal(resumed.code, 0, resumed.stderr);
    const summary = JSON.parse(resumed.stdout);
    assert.equal(summary.unchanged, stored - 10, resumed.stdout);
    assert.equal(summary.added, 600 - (stored - 10));
  });
});

describe("dateline ingest, story settings", () => {
  const headlines = [
    "Apple releases iOS 7.1 with CarPlay",
    "iOS 7.1 update brings faster animations",
    "Download iOS 7.1: Siri tweaks and battery fixes",
    "Cosmos premiere draws 8.5 million viewers on Fox",
    "Neil deGrasse Tyson's Cosmos relaunches to favorable reviews",
  ].map((text, i) => JSON.stringify({ id: `h${i}`, text, published: "2014-03-11" }));

  it("clusters a feed of headlines with the headline settings, and says so once", async () => {
    const dir = join(work, "headlines");
    mkdirSync(dir);
    writeFileSync(join(dir, "feed.jsonl"), `${headlines.join("\n")}\n`);
    const db = join(dir, "feed.db");
    const first = await run(["ingest", join(dir, "feed.jsonl"), "--db", db]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /headline settings/);
    const [state] = dump(db).story_state ?? [];
    assert.equal(JSON.parse(JSON.parse(state ?? "{}").json).options.foldSize, 20, "they fold");

    // The store keeps them: asking for the other settings is refused, nothing is stored.
    const before = dump(db);
    const refused = await run(["ingest", seed, "--db", db, "--story-settings", "articles"]);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /clusters stories with the headline settings/);
    assert.deepEqual(dump(db), before);
    const again = await run(["ingest", seed, "--db", db]);
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /headline settings/);
  });

  it("finds stories by the words of their articles and by date, and lists one whole", async () => {
    const dir = join(work, "find-stories");
    mkdirSync(dir);
    // Two headlines with events, to find a story's events by.
    const crimea = [
      "Russia sends troops to Crimea as protesters storm Kiev offices",
      "Russian troops sent to Crimea; protesters storm offices in Kiev",
    ].map((text, i) => JSON.stringify({ id: `e${i}`, text, published: "2014-03-11" }));
    writeFileSync(join(dir, "feed.jsonl"), `${[...headlines, ...crimea].join("\n")}\n`);
    const db = join(dir, "feed.db");
    // The article settings join the two Cosmos headlines at once (the headline settings
    // wait for a burst that five headlines do not make).
    const ingest = ["ingest", join(dir, "feed.jsonl"), "--db", db, "--story-settings", "articles"];
    assert.equal((await run(ingest)).code, 0);
    // A headline is the article's text: the listing names it by that, not by its input line.
    const listed = await run(["articles", "--db", db, "--search", "crimea"]);
    assert.match(listed.stdout, /e0 .*Russia sends troops to Crimea/);
    assert.doesNotMatch(listed.stdout, /feed\.jsonl:/);
    const storiesOf = async (...args: string[]) => {
      const result = await run(["stories", "--db", db, "--json", ...args]);
      assert.equal(result.code, 0, result.stderr);
      return jsonLines(result.stdout).map((s) => ({
        id: s.id as number,
        ids: (s.articles as { id: string }[]).map((a) => a.id),
      }));
    };
    const [cosmos, ...others] = await storiesOf("--search", "cosmos");
    assert.deepEqual(cosmos?.ids, ["h3", "h4"]);
    assert.deepEqual(others, []);
    assert.deepEqual(
      (await storiesOf("--sort", "size")).map((s) => s.ids.length),
      [3, 2, 2],
    );
    assert.deepEqual(await storiesOf("--search", '"iOS 7.1" siri'), [
      { id: (await storiesOf("--search", "carplay"))[0]?.id, ids: ["h0", "h1", "h2"] },
    ]);
    assert.equal((await storiesOf("--until", "2014-03")).length, 3, "March includes the 11th");

    const one = await run(["stories", String(cosmos?.id), "--db", db]);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /^story \d+ {2}2 articles \(2 original\) {2}2014-03-11 /);
    assert.match(one.stdout, /^ {2}h4 .*Neil deGrasse Tyson/m);

    const missing = await run(["stories", "9999", "--db", db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no story 9999/);
    const none = await run(["stories", "--db", db, "--since", "2014-03-12"]);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, "");
    assert.match(none.stderr, /no stories match/);
    const badSearch = await run(["stories", "--db", db, "--search", '"unterminated']);
    assert.equal(badSearch.code, 2);
    assert.match(badSearch.stderr, /not valid full-text syntax/);
    const badSort = await run(["stories", "--db", db, "--sort", "biggest"]);
    assert.equal(badSort.code, 2);

    // The events of one story, one per article and merged. Only the Crimea headlines
    // have events, so that story's are all of them, and the iOS story's none.
    const [russia] = await storiesOf("--search", "crimea");
    const [ios] = await storiesOf("--search", "carplay");
    for (const merged of [[], ["--merged"]]) {
      const eventsOf = async (...args: string[]) =>
        jsonLines(
          (await run(["events", "--db", db, "--format", "json", ...merged, ...args])).stdout,
        );
      const all = await eventsOf();
      assert.ok(all.length > 0, "the Crimea headlines have events");
      assert.deepEqual(await eventsOf("--story", String(russia?.id)), all);
      assert.deepEqual(await eventsOf("--story", String(ios?.id)), []);
    }
    const badStory = await run(["events", "--db", db, "--story", "ios"]);
    assert.equal(badStory.code, 2);
  });

  it("says how many articles of an archive came out of time order, and stores them all", async () => {
    const dir = join(work, "archive");
    mkdirSync(dir);
    // Two iOS headlines of March, then one of January: a batch apiece, as a long archive
    // in file order would come.
    const lines = headlines.slice(0, 3).map((line, i) => {
      const record = JSON.parse(line);
      return JSON.stringify({ ...record, published: i < 2 ? "2014-03-11" : "2014-01-20" });
    });
    writeFileSync(join(dir, "archive.jsonl"), `${lines.join("\n")}\n`);
    const db = join(dir, "archive.db");
    const args = ["ingest", join(dir, "archive.jsonl"), "--db", db, "--batch-size", "1"];
    const result = await run([...args, "--json"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).added, 3);
    assert.equal(JSON.parse(result.stdout).behind, 1);
    assert.match(result.stderr, /1 article came more than the stories' time window behind/);
    // The January headline stands alone, although it shares the March story's words.
    const stories = jsonLines((await run(["stories", "--db", db, "--json"])).stdout);
    assert.deepEqual(stories.map((s) => (s.articles as unknown[]).length).sort(), [1, 2]);
  });

  it("takes the merge rule asked for on a new store and keeps it", async () => {
    const db = join(work, "rule.db");
    const result = await run(["ingest", seed, "--db", db, "--merge-distance-km", "10"]);
    assert.equal(result.code, 0, result.stderr);
    const rule = (dump(db).story_state ?? [])
      .map((row) => JSON.parse(row))
      .find((row) => row.name === "merge");
    assert.equal(JSON.parse(rule?.json ?? "{}").maxDistanceKm, 10);
    // Another rule is refused before anything is stored; the same one, or none, goes on.
    const before = dump(db);
    const refused = await run(["ingest", seed, "--db", db, "--merge-distance-km", "25"]);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /merges events with --merge-distance-km 10 \(not 25\)/);
    assert.deepEqual(dump(db), before);
    for (const args of [["--merge-distance-km", "10"], []]) {
      const again = await run(["ingest", seed, "--db", db, ...args]);
      assert.equal(again.code, 0, again.stderr);
    }
    // `stats` says which rule and settings the store keeps, as the flags that set them.
    const stats = await run(["stats", "--db", db]);
    assert.match(stats.stdout, /merge rule +--merge-distance-km 10 --merge-date-slack-days 1 /);
    assert.match(stats.stdout, /settings +articles\n/);
    assert.match(stats.stdout, /placed +1 of 1 articles \(0 reprints\)\n/);
    const json = JSON.parse((await run(["stats", "--db", db, "--json"])).stdout);
    assert.equal(json.stories.mergeRule.maxDistanceKm, 10);
    assert.equal(json.stories.settings, "articles");
    const wrong = await run(["ingest", seed, "--db", db, "--merge-min-agreements", "4"]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /expected 0, 1, 2 or 3, not "4"/);
    const negative = await run(["ingest", seed, "--db", db, "--merge-date-slack-days", "-1"]);
    assert.match(negative.stderr, /expected a number of at least 0, not "-1"/);
    const share = await run(["ingest", seed, "--db", db, "--merge-wording-overlap", "1.5"]);
    assert.equal(share.code, 2);
    assert.match(share.stderr, /expected a number from 0 to 1, not "1.5"/);
    assert.match(stats.stdout, /--merge-undated-agreements 2 --merge-wording-overlap 0.4\n/);
  });

  it("takes the settings asked for on a new store", async () => {
    const db = join(work, "asked.db");
    const result = await run(["ingest", seed, "--db", db, "--story-settings", "headlines"]);
    assert.equal(result.code, 0, result.stderr);
    const refused = await run(["ingest", seed, "--db", db, "--story-settings", "articles"]);
    assert.equal(refused.code, 2);
  });
});

describe("dateline ingest, interrupted", () => {
  it("stores everything processed before Ctrl-C and exits with 130", async () => {
    const dir = join(work, "interrupt");
    mkdirSync(dir);
    for (let i = 0; i < 400; i++) {
      writeFileSync(join(dir, `i${String(i).padStart(4, "0")}.txt`), goodText(i));
    }
    const db = join(work, "interrupt.db");
    const child = start([
      "ingest",
      dir,
      "--db",
      db,
      "--json",
      "--concurrency",
      "1",
      "--batch-size",
      "10",
    ]);
    child.stdin?.end();
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((done) => child.on("close", done));
    const deadline = Date.now() + 20_000;
    while (countSoFar(db) === 0) {
      assert.ok(Date.now() < deadline, "the ingest wrote nothing in time");
      assert.equal(child.exitCode, null, "the ingest ended before it could be interrupted");
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill("SIGINT");
    assert.equal(await exited, 130, stderr);
    const summary = JSON.parse(stdout);
    assert.equal(summary.interrupted, true);
    assert.ok(summary.inputs < 400, "stopped early");
    assert.equal(count(db, "SELECT count(*) AS n FROM articles"), summary.added, "nothing lost");
  });
});

describe("dateline ingest, killed", () => {
  it("killed outright mid-run, places on the next run what it stored, as one run would have", async () => {
    // Real headlines of one morning (the UCI stories dev file), 30 to a batch.
    const lines = readFileSync(
      join(repo, "..", "shared", "data", "stories", "uci-news-dev.jsonl"),
      "utf8",
    )
      .split("\n")
      .slice(0, 450);
    const input = join(work, "killed.jsonl");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const args = (db: string) => [
      "ingest",
      input,
      "--db",
      db,
      "--concurrency",
      "1",
      "--batch-size",
      "30",
    ];
    const whole = join(work, "whole.db");
    const once = await run(args(whole));
    assert.equal(once.code, 0, once.stderr);

    const db = join(work, "killed.db");
    const child = start(args(db));
    child.stdin?.end();
    const exited = new Promise<string | null>((done) =>
      child.on("close", (_code, signal) => done(signal)),
    );
    const deadline = Date.now() + 30_000;
    while (countSoFar(db) < 90) {
      assert.ok(Date.now() < deadline, "the ingest stored too little in time");
      assert.equal(child.exitCode, null, "the ingest ended before it could be killed");
      await new Promise((r) => setTimeout(r, 5));
    }
    // No chance to clean up: whatever transaction was open is lost, nothing committed is.
    child.kill("SIGKILL");
    assert.equal(await exited, "SIGKILL");
    const stored = countSoFar(db);
    assert.ok(stored < 450, "killed before the end");

    const again = await run([...args(db), "--json"]);
    assert.equal(again.code, 0, again.stderr);
    const summary = JSON.parse(again.stdout);
    assert.equal(summary.unchanged, stored);
    // What the story pass made: every placement, fingerprint, merged event and the state.
    const stories = (path: string) => {
      const { story_articles, story_state, merged_events, event_mentions, ...rest } = dump(path);
      const { dedup_fingerprints, dedup_bands } = rest;
      return {
        story_articles,
        story_state,
        merged_events,
        event_mentions,
        dedup_fingerprints,
        dedup_bands,
      };
    };
    assert.deepEqual(stories(db), stories(whole));
    const stats = JSON.parse((await run(["stats", "--db", db, "--json"])).stdout);
    assert.equal(stats.stories.placed, 450);
  });
});

describe("dateline query commands", () => {
  const dir = join(work, "query");
  const db = join(dir, "q.db");
  before(async () => {
    mkdirSync(dir);
    const store = await SqliteStore.open(db);
    await store.writeBatch([
      {
        kind: "article",
        doc: sampleDocument("q1", 'US marines, sent to Baghdad, said "hello, world".', {
          published: "2019-12-31",
        }),
        origin: "q1.txt",
        idGiven: true,
      },
      {
        kind: "article",
        doc: sampleDocument("q2", "Iraqi police arrested protesters in Basra.", {
          published: "2020-02-01",
          event: {
            type: "COERCE",
            quad: "material-conflict",
            actor: { name: "Iraqi police", country: "IRQ", sector: "COP" },
          },
        }),
        origin: "q2.txt",
        idGiven: true,
      },
    ]);
    await store.close();
  });

  it("lists events with filters as a table, JSON lines and CSV", async () => {
    const table = await run(["events", "--db", db]);
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.trimEnd().split("\n");
    assert.match(lines[0] ?? "", /^DATE\s+TYPE\s+ACTOR/);
    assert.equal(lines.length, 3);

    const json = await run(["events", "--db", db, "--format", "json", "--type", "COERCE"]);
    const events = jsonLines(json.stdout);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.articleId, "q2");
    assert.equal(events[0]?.evidenceText, "Iraqi police arrested protesters in Basra.");

    const csv = await run(["events", "--db", db, "--format", "csv", "--country", "usa"]);
    const rows = csv.stdout.split("\r\n").filter(Boolean);
    assert.equal(rows.length, 2);
    assert.match(rows[0] ?? "", /^article_id,event_id,/);
    assert.ok(rows[1]?.includes('"US marines, sent to Baghdad, said ""hello, world""."'));

    const none = await run(["events", "--db", db, "--since", "2021-01-01"]);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, "");
    assert.match(none.stderr, /no events match/);

    // A month or a year as the upper bound means all of it, not its eve.
    const december = await run(["events", "--db", db, "--format", "json", "--until", "2019-12"]);
    assert.deepEqual(
      jsonLines(december.stdout).map((e) => e.articleId),
      ["q1"],
    );
    const year = await run(["articles", "--db", db, "--json", "--until", "2019"]);
    assert.deepEqual(
      jsonLines(year.stdout).map((a) => a.id),
      ["q1"],
    );
    const badMonth = await run(["articles", "--db", db, "--until", "2019-13"]);
    assert.equal(badMonth.code, 2);
    assert.match(badMonth.stderr, /month 01 to 12/);
    // A day the month lacks is refused, not rolled over into the next month.
    const badDay = await run(["events", "--db", db, "--until", "2019-02-29"]);
    assert.equal(badDay.code, 2);
    assert.match(badDay.stderr, /2019-02 has no day 29/);
    assert.equal((await run(["events", "--db", db, "--until", "2020-02-29"])).code, 0);
    // A range that ends before it starts is a mistake, not "no events": every listing says so.
    for (const command of [["articles"], ["events"], ["events", "--merged"], ["stories"]]) {
      const reversed = await run([
        ...command,
        "--db",
        db,
        "--since",
        "2020-01",
        "--until",
        "2019-12",
      ]);
      assert.equal(reversed.code, 2, command.join(" "));
      assert.match(reversed.stderr, /--since 2020-01 is after --until 2019-12-31/);
      assert.equal(reversed.stdout, "");
    }
    const oneMonth = await run([
      "articles",
      "--db",
      db,
      "--json",
      "--since",
      "2019-12",
      "--until",
      "2019-12",
    ]);
    assert.deepEqual(
      jsonLines(oneMonth.stdout).map((a) => a.id),
      ["q1"],
    );

    const badDate = await run(["events", "--db", db, "--since", "yesterday"]);
    assert.equal(badDate.code, 2);
    const badSearch = await run(["events", "--db", db, "--search", '"unterminated']);
    assert.equal(badSearch.code, 2);
    assert.match(badSearch.stderr, /not valid full-text syntax/);
  });

  it("shows an article with its annotations bracketed when piped", async () => {
    const shown = await run(["show", "q2", "--db", db]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /^\[Iraqi\][^ ]*\bEVENT:COERCE police arrested/m);
    assert.match(shown.stdout, /Events \(1\)/);
    assert.match(shown.stdout, /clean\/broken-entity/);
    assert.ok(!shown.stdout.includes("\u001b["), "no colour codes when piped");

    const missing = await run(["show", "zzz", "--db", db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no article "zzz"/);
    const ambiguous = await run(["show", "q", "--db", db]);
    assert.equal(ambiguous.code, 2);
  });

  it("reports a missing store with exit code 3 instead of creating one", async () => {
    const result = await run(["stats", "--db", join(dir, "absent.db")]);
    assert.equal(result.code, 3);
    assert.match(result.stderr, /no store at/);
  });
});

describe("dateline eval", () => {
  it("runs one task by its full name, or a whole family, and refuses an unknown one", async () => {
    const names = async (task: string) => {
      const result = await run(["eval", "--task", task, "--limit", "2", "--json"]);
      assert.equal(result.code, 0, result.stderr);
      return (JSON.parse(result.stdout) as { results: Array<{ task: string }> }).results.map(
        (r) => r.task,
      );
    };
    assert.deepEqual(await names("events-cameo"), ["events-cameo"]);
    assert.deepEqual(await names("events"), ["events", "events-cameo"]);
    const unknown = await run(["eval", "--task", "sentiment"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no task "sentiment" \(tasks: .*events-cameo/);
  });
});

/**
 * `dateline serve` as users run it: the real bin, a store on disk, a free port. It prints
 * its URL alone on stdout, answers, and stops cleanly on SIGTERM; a missing store is exit 3.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, it } from "node:test";
import { sampleDocument } from "../../store/contract.ts";
import { SqliteStore } from "../../store/index.ts";

const repo = resolve(import.meta.dirname, "../../..");
const bin = join(repo, "bin", "dateline.js");
const work = mkdtempSync(join(tmpdir(), "dateline-serve-"));
after(() => rmSync(work, { recursive: true, force: true }));

it("serves a store on a free loopback port and stops on SIGTERM", async () => {
  const db = join(work, "s.db");
  const store = SqliteStore.openSync(db);
  const doc = sampleDocument("s1", "Marines were sent to Baghdad on Tuesday.", {
    published: "2019-12-31",
  });
  await store.writeBatch([{ kind: "article", doc, origin: "s1", idGiven: true }]);
  await store.close();
  const child = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const line = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/m.exec(out)?.[1];
      if (line) done(line);
    });
    void exited.then((code) => fail(new Error(`serve exited early (${code})`)));
  });
  try {
    const stats = (await (await fetch(`${url}api/stats`)).json()) as { articles: number };
    assert.equal(stats.articles, 1);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>Dateline<\/title>/);
  } finally {
    child.kill("SIGTERM");
  }
  assert.equal(await exited, 0);
});

it("ends with exit 3 and a message when the store does not exist", () => {
  const run = spawnSync(process.execPath, [bin, "serve", "--db", join(work, "none.db")], {
    encoding: "utf8",
  });
  assert.equal(run.status, 3);
  assert.match(run.stderr, /no store at .*none\.db/);
  assert.equal(run.stdout, "");
});

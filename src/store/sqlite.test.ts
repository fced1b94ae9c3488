import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { sampleDocument, storeContract } from "./contract.ts";
import { latestVersion } from "./migrations.ts";
import { QueryError, SqliteStore, StoreError } from "./sqlite.ts";

const dir = mkdtempSync(join(tmpdir(), "dateline-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const freshPath = () => join(dir, `s${counter++}.db`);

storeContract("sqlite", () => SqliteStore.open(freshPath()));

/** Every row of every table, in a fixed order: the store's content, file layout aside. */
function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all();
      out[name] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return out;
  } finally {
    db.close();
  }
}

describe("SqliteStore", () => {
  it("creates a WAL store at the latest schema version", async () => {
    const path = freshPath();
    const store = await SqliteStore.open(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    const versions = db.prepare("SELECT version FROM schema_version ORDER BY version").all();
    assert.deepEqual(
      versions.map((v) => (v as { version: number }).version),
      Array.from({ length: latestVersion }, (_, i) => i + 1),
    );
    db.close();
  });

  it("re-ingesting leaves every table row for row the same", async () => {
    const path = freshPath();
    const docs = [1, 2, 3].map((i) => sampleDocument(`k${i}`, `Sentence number ${i} here.`));
    let store = await SqliteStore.open(path, { now: () => new Date("2020-01-01T00:00:00Z") });
    await store.writeBatch(
      docs.map((doc) => ({ kind: "article", doc, origin: doc.id, idGiven: true })),
    );
    await store.close();
    const first = dump(path);
    store = await SqliteStore.open(path, { now: () => new Date("2021-06-01T00:00:00Z") });
    const again = await store.writeBatch(
      docs.map((doc) => ({ kind: "article", doc, origin: doc.id, idGiven: true })),
    );
    await store.close();
    assert.deepEqual(again.outcomes, ["unchanged", "unchanged", "unchanged"]);
    assert.deepEqual(dump(path), first);
  });

  it("keeps full-text indexes in step with updates", async () => {
    const store = await SqliteStore.open(freshPath());
    const doc = sampleDocument("m1", "Ceasefire talks in Geneva.");
    await store.writeBatch([{ kind: "article", doc, origin: "m1", idGiven: true }]);
    const changed = sampleDocument("m1", "Airstrikes near Idlib.");
    await store.writeBatch([{ kind: "article", doc: changed, origin: "m1", idGiven: true }]);
    assert.deepEqual(await store.listArticles({ search: "geneva" }), []);
    assert.equal((await store.listArticles({ search: "idlib" })).length, 1);
    const events = [];
    for await (const e of store.queryEvents({ search: "geneva" })) events.push(e);
    assert.equal(events.length, 0);
    await store.close();
  });

  it("rejects a full-text query with bad syntax as a QueryError", async () => {
    const store = await SqliteStore.open(freshPath());
    await assert.rejects(store.listArticles({ search: '"unterminated' }), QueryError);
    await assert.rejects(async () => {
      for await (const _ of store.queryEvents({ search: "foo AND" })) break;
    }, QueryError);
    await store.close();
  });

  it("refuses a store written by a newer schema, and a missing one when it must exist", async () => {
    const path = freshPath();
    await (await SqliteStore.open(path)).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_version VALUES (?, 'future', 'x')").run(latestVersion + 1);
    db.close();
    await assert.rejects(SqliteStore.open(path), /newer than this dateline/);
    await assert.rejects(
      SqliteStore.open(join(dir, "missing.db"), { mustExist: true }),
      StoreError,
    );
  });
});

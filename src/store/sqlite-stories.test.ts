import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import Database from "better-sqlite3";
import { mergeDefaults } from "../stories/events.ts";
import { StoryUpdater } from "../stories/update.ts";
import { sampleDocument } from "./contract.ts";
import { SqliteStore } from "./sqlite.ts";
import { storyStoreContract } from "./story-contract.ts";

const dir = mkdtempSync(join(tmpdir(), "dateline-stories-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

storyStoreContract("sqlite", () => SqliteStore.open(join(dir, `s${counter++}.db`)));

it("a rule saved before undatedAgreements and wordingOverlap existed goes on merging as it did", async () => {
  const path = join(dir, "before-undated.db");
  let store = await SqliteStore.open(path);
  const doc = sampleDocument("d1", "US marines were sent to Baghdad on Tuesday.");
  await store.writeBatch([{ kind: "article", doc, origin: "d1", idGiven: true }]);
  await (await StoryUpdater.open(store.stories(), { merge: { minAgreements: 0 } })).update([doc]);
  await store.close();
  const db = new Database(path);
  const saved = JSON.parse(
    (db.prepare("SELECT json FROM story_state WHERE name = 'merge'").get() as { json: string })
      .json,
  );
  delete saved.undatedAgreements;
  delete saved.wordingOverlap;
  db.prepare("UPDATE story_state SET json = ? WHERE name = 'merge'").run(JSON.stringify(saved));
  db.close();
  store = await SqliteStore.open(path);
  try {
    const rule = await store.stories().loadMergeRule();
    // Nor did it read the wording of reports.
    assert.deepEqual(
      [rule?.minAgreements, rule?.undatedAgreements, rule?.wordingOverlap],
      [0, 0, 0],
    );
  } finally {
    await store.close();
  }
});

it("a store whose story pass ran before the merge rule was kept merges with the defaults of then", async () => {
  const path = join(dir, "before-rules.db");
  let store = await SqliteStore.open(path);
  const doc = sampleDocument("d1", "US marines were sent to Baghdad on Tuesday.");
  await store.writeBatch([{ kind: "article", doc, origin: "d1", idGiven: true }]);
  await (await StoryUpdater.open(store.stories(), { merge: { maxDistanceKm: 10 } })).update([doc]);
  await store.close();
  // As such a store was left: the clusterer's state, no rule.
  const db = new Database(path);
  db.prepare("DELETE FROM story_state WHERE name = 'merge'").run();
  db.close();
  store = await SqliteStore.open(path);
  try {
    // The defaults of its time: undated reports needed no more agreements than dated ones.
    assert.deepEqual(await store.stories().loadMergeRule(), {
      ...mergeDefaults,
      undatedAgreements: mergeDefaults.minAgreements,
      wordingOverlap: 0,
    });
    await assert.rejects(
      StoryUpdater.open(store.stories(), { merge: { maxDistanceKm: 10 } }),
      /maxDistanceKm 50 \(not 10\)/,
    );
  } finally {
    await store.close();
  }
});

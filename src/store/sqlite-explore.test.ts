import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { sampleDocument } from "./contract.ts";
import { exploreContract } from "./explore-contract.ts";
import { SqliteStore } from "./sqlite.ts";

const dir = mkdtempSync(join(tmpdir(), "dateline-explore-"));
after(() => rmSync(dir, { recursive: true, force: true }));

exploreContract("sqlite", () => SqliteStore.open(join(dir, "explore.db")));

it("sees what another connection commits (an ingest beside the server)", async () => {
  const path = join(dir, "two.db");
  const reader = await SqliteStore.open(path);
  const writer = await SqliteStore.open(path);
  try {
    assert.equal((await reader.explore().events({})).total, 0);
    const doc = sampleDocument("w1", "Marines were sent to Baghdad.", { published: "2019-12-31" });
    await writer.writeBatch([{ kind: "article", doc, origin: "w1", idGiven: true }]);
    assert.equal((await reader.explore().events({})).total, 1);
    assert.equal((await reader.explore().eventPoints({}))[0]?.name, "Baghdad");
  } finally {
    await reader.close();
    await writer.close();
  }
});

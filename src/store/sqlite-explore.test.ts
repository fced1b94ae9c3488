import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { exploreContract } from "./explore-contract.ts";
import { SqliteStore } from "./sqlite.ts";

const dir = mkdtempSync(join(tmpdir(), "dateline-explore-"));
after(() => rmSync(dir, { recursive: true, force: true }));

exploreContract("sqlite", () => SqliteStore.open(join(dir, "explore.db")));

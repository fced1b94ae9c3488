import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { SqliteStore } from "./sqlite.ts";
import { storyStoreContract } from "./story-contract.ts";

const dir = mkdtempSync(join(tmpdir(), "dateline-stories-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

storyStoreContract("sqlite", () => SqliteStore.open(join(dir, `s${counter++}.db`)));

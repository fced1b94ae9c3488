/**
 * The store behind `ingest` and the query commands. SQLite by default; a PostgreSQL store
 * will implement the same `Store` interface and pass the same contract suite
 * (`contract.ts`), and `openStore` will pick it from a `postgres://` location.
 */
import { SqliteStore, type SqliteStoreOptions } from "./sqlite.ts";
import type { Store } from "./types.ts";

export type * from "./explore-types.ts";
export { QueryError, SqliteStore, StoreError } from "./sqlite.ts";
export type * from "./story-types.ts";
export { storySorts } from "./story-types.ts";
export type * from "./types.ts";

/** Where the CLI keeps its store unless told otherwise (`--db`). */
export const defaultStorePath = "dateline.db";

export async function openStore(
  location: string,
  options: SqliteStoreOptions = {},
): Promise<Store> {
  return SqliteStore.open(location, options);
}

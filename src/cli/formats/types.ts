import type { StoredEvent } from "../../store/index.ts";

/**
 * One output format of `dateline events --format NAME`. A format streams: it reads the
 * events as the store yields them and writes chunks, awaiting each write so that a large
 * export holds one event at a time (a table, which needs column widths, is the exception).
 */
export interface EventFormat {
  /** The value of `--format`. */
  name: string;
  /** One line for `--help`. */
  description: string;
  /**
   * One row per real event (the first report of each merged event, with its counts), not
   * one per report: what `--merged` would otherwise be asked for.
   */
  perEvent?: boolean;
  /** Write every event; resolves to how many were written. */
  write(events: AsyncIterable<StoredEvent>, out: (chunk: string) => Promise<void>): Promise<number>;
}

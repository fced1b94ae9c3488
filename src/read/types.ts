import type { SourceDocument } from "../core/document.ts";

/** An input that could not be read, with where it came from and why. */
export interface ReadFailure {
  /** A path, `path:line` for JSON lines, `path#n` for the n-th item of a feed or JSON array, `stdin:line`. */
  origin: string;
  /**
   * A stable id: `read/unreadable`, `read/unsupported`, `read/empty`, `read/binary`,
   * `read/invalid-utf8`, `read/too-large`, `read/malformed-json`, `read/no-text`,
   * `read/not-a-feed`, `read/no-article`, `read/malformed-warc`.
   */
  rule: string;
  /** A sentence a user can act on. */
  reason: string;
}

export type ReadResult = { ok: true; doc: SourceDocument } | { ok: false; failure: ReadFailure };

/** 20 MiB: far above any news article (tens of kB), low enough that one bad file cannot exhaust memory. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  /**
   * Largest input accepted, in bytes; larger ones are reported, not read. For JSON lines it
   * applies to each line (each line is a document), so a large `.jsonl` streams. Default
   * `DEFAULT_MAX_BYTES` (20 MiB).
   */
  maxBytes?: number;
  /** The stream `-` reads (JSON lines); `process.stdin` unless given (tests). */
  stdin?: NodeJS.ReadableStream;
}

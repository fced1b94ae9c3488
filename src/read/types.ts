import type { SourceDocument } from "../core/document.ts";

/** An input that could not be read, with where it came from and why. */
export interface ReadFailure {
  /** A path, `path:line` for JSON lines, `stdin:line`. */
  origin: string;
  /** A stable id: `read/invalid-utf8`, `read/binary`, `read/empty`, `read/malformed-json`, … */
  rule: string;
  /** A sentence a user can act on. */
  reason: string;
}

export type ReadResult = { ok: true; doc: SourceDocument } | { ok: false; failure: ReadFailure };

export interface ReadOptions {
  /** Largest input accepted, in bytes; larger ones are reported, not read. */
  maxBytes?: number;
}

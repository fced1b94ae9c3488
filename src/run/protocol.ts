import type { SourceDocument } from "../core/document.ts";
import type { AnnotatedDocument } from "../core/output.ts";

/** Main thread → worker: annotate this document. `seq` puts the answer back in order. */
export interface TaskRequest {
  seq: number;
  source: SourceDocument;
}

/** Worker → main thread. */
export type WorkerReply =
  | { kind: "ready" }
  /** The extractor could not be built (a bad `--lexicon` file): the run cannot go on. */
  | { kind: "fatal"; reason: string }
  | { kind: "done"; seq: number; doc: AnnotatedDocument }
  | { kind: "failed"; seq: number; reason: string };

/**
 * One pool worker: builds its extractor once (models and lexicons load here, not per
 * document), then annotates the source documents the main thread sends, one at a time.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createExtractor, type Extractor } from "../core/extract.ts";
import type { PipelineOptions } from "../core/stage.ts";
import type { TaskRequest, WorkerReply } from "./protocol.ts";

const port = parentPort;
if (!port) throw new Error("src/run/worker.ts runs only as a worker thread");

let extractor: Extractor | undefined;
try {
  extractor = createExtractor((workerData as { pipeline: PipelineOptions }).pipeline);
  port.postMessage({ kind: "ready" } satisfies WorkerReply);
} catch (error) {
  port.postMessage({ kind: "fatal", reason: reasonOf(error) } satisfies WorkerReply);
}

port.on("message", (task: TaskRequest) => {
  if (!extractor) return;
  let reply: WorkerReply;
  try {
    reply = { kind: "done", seq: task.seq, doc: extractor.extract(task.source) };
  } catch (error) {
    reply = { kind: "failed", seq: task.seq, reason: reasonOf(error) };
  }
  port.postMessage(reply);
});

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Throughput of the whole pipeline at several concurrencies, for the benchmark: the same
 * documents through `processAll` with 1 worker (in-process) and with N worker threads.
 * Wall time includes starting the workers, as a CLI run pays it.
 */
import type { SourceDocument } from "../core/document.ts";
import type { PipelineOptions } from "../core/stage.ts";
import { processAll } from "./pool.ts";

export interface ConcurrencyMeasure {
  concurrency: number;
  documents: number;
  /** UTF-8 bytes of raw input. */
  bytes: number;
  /** Wall time, milliseconds, start-up included. */
  elapsedMs: number;
  /** Time to build the extractor(s): loading models, starting workers; milliseconds. */
  startupMs: number;
  /** Over the wall time, start-up included (what a CLI run of these documents sees). */
  documentsPerSecond: number;
  megabytesPerSecond: number;
  /** Once started (what a long run tends to). */
  steadyDocumentsPerSecond: number;
  steadyMegabytesPerSecond: number;
}

export async function measureConcurrency(
  sources: readonly SourceDocument[],
  concurrencies: readonly number[],
  pipeline: PipelineOptions = {},
): Promise<ConcurrencyMeasure[]> {
  const bytes = sources.reduce((sum, s) => sum + Buffer.byteLength(s.raw), 0);
  const out: ConcurrencyMeasure[] = [];
  for (const concurrency of concurrencies) {
    const started = performance.now();
    let ready = started;
    let documents = 0;
    const inputs = sources.map((doc) => ({ ok: true as const, doc }));
    const onReady = () => {
      ready = performance.now();
    };
    for await (const result of processAll(inputs, { concurrency, pipeline, onReady })) {
      if (result.ok) documents++;
    }
    const ended = performance.now();
    const elapsedMs = ended - started;
    const steadySeconds = (ended - ready) / 1000;
    out.push({
      concurrency,
      documents,
      bytes,
      elapsedMs,
      startupMs: ready - started,
      documentsPerSecond: (documents * 1000) / elapsedMs,
      megabytesPerSecond: bytes / 1e6 / (elapsedMs / 1000),
      steadyDocumentsPerSecond: documents / steadySeconds,
      steadyMegabytesPerSecond: bytes / 1e6 / steadySeconds,
    });
  }
  return out;
}

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
  /** Wall time, milliseconds. */
  elapsedMs: number;
  documentsPerSecond: number;
  megabytesPerSecond: number;
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
    let documents = 0;
    const inputs = sources.map((doc) => ({ ok: true as const, doc }));
    for await (const result of processAll(inputs, { concurrency, pipeline })) {
      if (result.ok) documents++;
    }
    const elapsedMs = performance.now() - started;
    out.push({
      concurrency,
      documents,
      bytes,
      elapsedMs,
      documentsPerSecond: (documents * 1000) / elapsedMs,
      megabytesPerSecond: bytes / 1e6 / (elapsedMs / 1000),
    });
  }
  return out;
}

/**
 * Runs the per-article stages over a stream of inputs, on all cores. Results come out in
 * input order whatever the concurrency, and only a bounded number of documents is in
 * flight, so a 100k-file run holds a window of documents in memory, not the corpus.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { SourceDocument } from "../core/document.ts";
import { createExtractor, type Extractor } from "../core/extract.ts";
import type { AnnotatedDocument } from "../core/output.ts";
import type { PipelineOptions } from "../core/stage.ts";
import type { ReadFailure, ReadResult } from "../read/types.ts";
import type { TaskRequest, WorkerReply } from "./protocol.ts";

export type ProcessResult =
  | {
      ok: true;
      doc: AnnotatedDocument;
      origin: string;
      /** True when the input gave the id (else it is the content hash). */
      idGiven: boolean;
      /** Length of the raw input, UTF-16 code units. */
      rawLength: number;
    }
  | { ok: false; failure: ReadFailure };

export interface RunOptions {
  /** Worker threads; 1 runs in this thread with no workers. Default: available cores. */
  concurrency?: number;
  pipeline?: PipelineOptions;
  /**
   * Documents read and not yet handed back; default 16 per worker. (Before the workers
   * start, up to `workerThreshold` documents are read ahead.)
   */
  maxInFlight?: number;
  /**
   * Runs with fewer documents than this stay in this thread whatever `concurrency`:
   * starting workers, each loading the models, takes longer than annotating a handful of
   * articles. Default 16.
   */
  workerThreshold?: number;
  /** Called once the extractor (or every worker's) is built, before the first document. */
  onReady?: () => void;
}

export class RunError extends Error {
  override name = "RunError";
}

export function defaultConcurrency(): number {
  return availableParallelism();
}

/** Annotate every input; read failures pass through in place, so order is the input's. */
export async function* processAll(
  inputs: AsyncIterable<ReadResult> | Iterable<ReadResult>,
  options: RunOptions = {},
): AsyncGenerator<ProcessResult> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency()));
  const iterator = toAsyncIterator(inputs);
  // Read up to `workerThreshold` documents first: a run that ends sooner stays in this
  // thread, since starting workers (each loading the models) costs more than it saves.
  const threshold = concurrency === 1 ? 0 : (options.workerThreshold ?? 16);
  const first: ReadResult[] = [];
  let exhausted = false;
  for (let documents = 0; documents < threshold; ) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    first.push(next.value);
    if (next.value.ok) documents++;
  }
  const all = concat(first, exhausted ? undefined : iterator);
  if (concurrency === 1 || exhausted) yield* inThisThread(all, options);
  else yield* inWorkers(all, concurrency, options);
}

async function* concat<T>(
  first: readonly T[],
  rest: AsyncIterator<T> | Iterator<T> | undefined,
): AsyncGenerator<T> {
  yield* first;
  if (!rest) return;
  let done = false;
  try {
    for (;;) {
      const next = await rest.next();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // A consumer that stops early: let the source close its files.
    if (!done) await rest.return?.();
  }
}

async function* inThisThread(
  inputs: AsyncIterable<ReadResult>,
  options: RunOptions,
): AsyncGenerator<ProcessResult> {
  let extractor: Extractor;
  try {
    extractor = createExtractor(options.pipeline ?? {});
  } catch (error) {
    throw new RunError(`the pipeline could not be built: ${(error as Error).message}`);
  }
  options.onReady?.();
  for await (const input of inputs) {
    yield input.ok ? extractOne(extractor, input.doc) : { ok: false, failure: input.failure };
  }
}

async function* inWorkers(
  inputs: AsyncIterable<ReadResult>,
  concurrency: number,
  options: RunOptions,
): AsyncGenerator<ProcessResult> {
  const pool = await WorkerPool.start(concurrency, options.pipeline ?? {});
  options.onReady?.();
  const maxInFlight = Math.max(concurrency, options.maxInFlight ?? concurrency * 16);
  const iterator = inputs[Symbol.asyncIterator]();
  try {
    // Results in input order; each resolves when its worker answers. Never rejects.
    const window: Promise<ProcessResult>[] = [];
    let exhausted = false;
    for (;;) {
      while (!exhausted && window.length < maxInFlight) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const input = next.value;
        window.push(
          input.ok ? pool.run(input.doc) : Promise.resolve({ ok: false, failure: input.failure }),
        );
      }
      const head = window.shift();
      if (!head) break;
      yield await head;
    }
  } finally {
    await pool.close();
    await iterator.return?.();
  }
}

function extractOne(extractor: Extractor, source: SourceDocument): ProcessResult {
  try {
    return succeeded(source, extractor.extract(source));
  } catch (error) {
    return crashed(source, error instanceof Error ? error.message : String(error));
  }
}

function succeeded(source: SourceDocument, doc: AnnotatedDocument): ProcessResult {
  return {
    ok: true,
    doc,
    origin: source.origin,
    idGiven: source.id !== undefined && source.id !== "",
    rawLength: source.raw.length,
  };
}

function crashed(source: SourceDocument, reason: string): ProcessResult {
  return {
    ok: false,
    failure: { origin: source.origin, rule: "run/extract-failed", reason },
  };
}

function toAsyncIterator<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items
    ? (items as AsyncIterable<T>)[Symbol.asyncIterator]()
    : (items as Iterable<T>)[Symbol.iterator]();
}

interface Pending {
  source: SourceDocument;
  resolve: (result: ProcessResult) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker and not answered yet, by seq. */
  pending: Map<number, Pending>;
}

const workerEntry = new URL("./worker-entry.mjs", import.meta.url);

/**
 * A fixed set of workers, each with its own extractor. A task goes to the worker with the
 * fewest outstanding tasks. A worker that dies fails only its outstanding tasks and is
 * replaced, so one pathological document does not end the run.
 */
class WorkerPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closing = false;

  private constructor(private readonly pipeline: PipelineOptions) {}

  static async start(size: number, pipeline: PipelineOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(pipeline);
    try {
      await Promise.all(Array.from({ length: size }, () => pool.spawn()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** Start a worker and resolve once its extractor is built. */
  private spawn(): Promise<void> {
    const worker = new Worker(workerEntry, { workerData: { pipeline: this.pipeline } });
    const slot: Slot = { worker, pending: new Map() };
    this.slots.push(slot);
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on("message", (reply: WorkerReply) => {
        switch (reply.kind) {
          case "ready":
            ready = true;
            resolve();
            break;
          case "fatal":
            reject(new RunError(`the pipeline could not be built: ${reply.reason}`));
            break;
          case "done":
          case "failed": {
            const task = slot.pending.get(reply.seq);
            if (!task) break;
            slot.pending.delete(reply.seq);
            task.resolve(
              reply.kind === "done"
                ? succeeded(task.source, reply.doc)
                : crashed(task.source, reply.reason),
            );
            break;
          }
        }
      });
      const lost = (reason: string) => {
        this.slots.splice(this.slots.indexOf(slot), 1);
        for (const task of slot.pending.values()) {
          task.resolve(crashed(task.source, `worker stopped: ${reason}`));
        }
        slot.pending.clear();
        if (!ready) reject(new RunError(`a worker could not start: ${reason}`));
        else if (!this.closing) this.spawn().catch(() => {});
      };
      worker.on("error", (error) => lost(error.message));
      worker.on("exit", (code) => {
        if (this.slots.includes(slot)) lost(`exit code ${code}`);
      });
    });
  }

  run(source: SourceDocument): Promise<ProcessResult> {
    const slot = this.slots.reduce<Slot | undefined>(
      (best, s) => (!best || s.pending.size < best.pending.size ? s : best),
      undefined,
    );
    if (!slot) return Promise.resolve(crashed(source, "no worker is running"));
    const seq = this.seq++;
    return new Promise((resolve) => {
      try {
        slot.worker.postMessage({ seq, source } satisfies TaskRequest);
        slot.pending.set(seq, { source, resolve });
      } catch (error) {
        // A document that cannot be sent (not cloneable) fails alone.
        resolve(crashed(source, `cannot hand to a worker: ${(error as Error).message}`));
      }
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}

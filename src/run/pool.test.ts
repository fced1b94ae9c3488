import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceDocument } from "../core/document.ts";
import type { ReadResult } from "../read/types.ts";
import { type ProcessResult, processAll } from "./pool.ts";

function inputs(count: number): ReadResult[] {
  return Array.from({ length: count }, (_, i): ReadResult => {
    if (i % 7 === 3) {
      return {
        ok: false,
        failure: { origin: `in/${i}.bin`, rule: "read/binary", reason: "binary" },
      };
    }
    // Lengths vary so workers finish out of order.
    const raw = `Article ${i}. ${"Troops moved to the border. ".repeat((i * 37) % 50)}`;
    return {
      ok: true,
      doc: { raw, format: "text", origin: `in/${i}.txt`, published: "2020-01-01" },
    };
  });
}

async function collect(results: AsyncIterable<ProcessResult>): Promise<ProcessResult[]> {
  const out: ProcessResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

const originOf = (r: ProcessResult) => (r.ok ? r.origin : r.failure.origin);

describe("processAll", () => {
  it("gives the same results in input order with 1 and 2 workers", async () => {
    const given = inputs(60);
    const one = await collect(processAll(given, { concurrency: 1 }));
    const two = await collect(processAll(given, { concurrency: 2, maxInFlight: 8 }));
    assert.deepEqual(
      one.map(originOf),
      given.map((g) => (g.ok ? g.doc.origin : g.failure.origin)),
    );
    assert.deepEqual(two, one);
    assert.equal(one.filter((r) => !r.ok).length, 9, "read failures pass through in place");
    const first = one[0];
    assert.ok(first?.ok);
    assert.equal(first.idGiven, false);
    assert.match(first.doc.id, /^[0-9a-f]{16}$/);
  });

  it("reads ahead no further than the in-flight bound; a bad document fails alone", async () => {
    // A function cannot be posted to a worker: that document fails, the rest go on.
    const odd = { raw: "x", format: "text", origin: "odd", title: (() => "") as unknown as string };
    const given: ReadResult = {
      ok: true,
      doc: { id: "given", raw: "fine", format: "text", origin: "fine" },
    };
    let pulled = 0;
    let consumed = 0;
    let widest = 0;
    async function* source(): AsyncGenerator<ReadResult> {
      for (const input of [{ ok: true, doc: odd as SourceDocument }, given, ...inputs(78)]) {
        pulled++;
        widest = Math.max(widest, pulled - consumed);
        yield input as ReadResult;
      }
    }
    const results: ProcessResult[] = [];
    for await (const result of processAll(source(), {
      concurrency: 2,
      maxInFlight: 5,
      workerThreshold: 0,
    })) {
      consumed++;
      results.push(result);
    }
    assert.equal(consumed, 80);
    assert.ok(widest <= 6, `at most 5 in flight plus the one being read, saw ${widest}`);
    const [failed, kept] = results;
    assert.equal(failed?.ok === false && failed.failure.rule, "run/extract-failed");
    assert.ok(kept?.ok);
    assert.equal(kept.doc.id, "given");
    assert.equal(kept.idGiven, true);
  });

  it("closes the source when the consumer stops early", async () => {
    let closed = false;
    async function* source(): AsyncGenerator<ReadResult> {
      try {
        yield* inputs(40);
      } finally {
        closed = true;
      }
    }
    for await (const _ of processAll(source(), { concurrency: 1 })) break;
    assert.equal(closed, true);
  });

  it("keeps a run shorter than the worker threshold in this thread", async () => {
    // A function cannot be posted to a worker, so this document tells where it ran.
    const odd = { raw: "x", format: "text", origin: "odd", title: (() => "") as unknown as string };
    const results = await collect(
      processAll([{ ok: true, doc: odd as SourceDocument }], {
        concurrency: 2,
        workerThreshold: 2,
      }),
    );
    assert.equal(results[0]?.ok, true);
  });
});

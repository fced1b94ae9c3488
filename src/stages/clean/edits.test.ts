import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdits, Cleaning, EditSink } from "./edits.ts";
import { createCleaner } from "./index.ts";

/** A small seeded generator, so the "random" texts are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  "troops",
  "Baghdad",
  "said",
  " ",
  " ",
  "  ",
  "\n",
  "\n\n\n",
  " & # 39; ",
  "&amp;amp;",
  "& quot;",
  "\u2019",
  "\u201C",
  "\nAdvertisement\n",
  "<b>",
  "</p>",
  " .",
  "\u00A0",
  "\u200B",
  "\r\n",
  "AT&T",
];

function randomText(next: () => number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(next() * PIECES.length)] as string;
  return out;
}

describe("edits", () => {
  it("applies ordered edits and reports their output spans", () => {
    const sink = new EditSink();
    sink.edit(2, 7, "&", { rule: "t", severity: "info", reason: "r" });
    const { text, spans } = applyEdits("a &amp; b", sink);
    assert.equal(text, "a & b");
    assert.deepEqual([...spans], [[0, [2, 3]]]);
  });

  it("drops an edit that overlaps an earlier one", () => {
    const sink = new EditSink();
    sink.edit(0, 5, "x");
    sink.edit(3, 6, "y");
    assert.equal(sink.size, 1);
  });

  it("composes passes: every clean offset maps into raw, in order", () => {
    const clean = createCleaner();
    const next = prng(42);
    for (let round = 0; round < 300; round++) {
      const raw = randomText(next, 5 + Math.floor(next() * 40));
      for (const format of ["text", "html"] as const) {
        const { text, map, repairs } = clean(raw, format);
        assert.equal(map.length, text.length);
        let last = 0;
        for (let i = 0; i <= text.length; i++) {
          const r = map.toRaw(i);
          assert.ok(
            r >= last && r <= raw.length,
            `${JSON.stringify(raw)} at ${i}: ${r} after ${last}`,
          );
          last = r;
        }
        // Words no rule touched are where the map says.
        for (const m of text.matchAll(/troops|Baghdad|said/g)) {
          const r = map.toRaw(m.index);
          assert.equal(raw.slice(r, r + m[0].length), m[0], JSON.stringify(raw));
        }
        for (const rep of repairs) {
          if (!rep.span) continue;
          assert.ok(
            rep.span.start <= rep.span.end && rep.span.end <= text.length,
            JSON.stringify(rep),
          );
        }
      }
    }
  });

  it("cleaning is idempotent: clean text cleans to itself", () => {
    const clean = createCleaner();
    const next = prng(7);
    for (let round = 0; round < 200; round++) {
      const once = clean(randomText(next, 30), "text").text;
      assert.equal(clean(once, "text").text, once);
    }
  });

  it("keeps memory and time bounded on millions of edits", () => {
    const clean = createCleaner();
    const raw = "ab  ".repeat(1_000_000);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const { text, repairs } = clean(raw, "text");
    const grew = (process.memoryUsage().rss - before) / 1024 / 1024;
    assert.equal(text.length, 3 * 1_000_000 - 1);
    assert.equal(repairs.length, 1);
    assert.ok(grew < 400, `RSS grew by ${grew.toFixed(0)} MB for 4 MB with a million edits`);
    assert.ok(performance.now() - started < 10_000);
  });

  it("rejects a substitution that changes the length", () => {
    const cleaning = new Cleaning("abc");
    assert.throws(
      () =>
        cleaning.substitute(() => ({
          text: "ab",
          first: 0,
          count: 1,
          note: { rule: "t", severity: "info", reason: "" },
        })),
      /keep the text's length/,
    );
  });
});

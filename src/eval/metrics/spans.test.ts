import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { micro } from "./prf.ts";
import { charOverlap, matchSpans, scoreSpans } from "./spans.ts";

const gold = [
  { start: 0, end: 10, type: "PERSON" },
  { start: 20, end: 25, type: "LOC" },
  { start: 30, end: 40, type: "ORG" },
];

describe("span F1", () => {
  it("scores a perfect prediction 1 and an empty one 0", () => {
    for (const mode of ["exact", "overlap"] as const) {
      assert.equal(micro(scoreSpans(gold, gold, mode)).f1, 1);
      assert.equal(micro(scoreSpans(gold, [], mode)).f1, 0);
    }
  });

  it("scores boundary errors as misses when exact, hits when overlapping", () => {
    const pred = [
      { start: 4, end: 10, type: "PERSON" }, // boundary off: overlap only
      { start: 20, end: 25, type: "LOC" }, // exact
      { start: 30, end: 40, type: "PERSON" }, // wrong type
      { start: 50, end: 55, type: "LOC" }, // spurious
    ];
    const exact = micro(scoreSpans(gold, pred, "exact"));
    assert.deepEqual([exact.tp, exact.fp, exact.fn], [1, 3, 2]);
    assert.ok(Math.abs(exact.f1 - 2 / 7) < 1e-12);
    const overlap = micro(scoreSpans(gold, pred, "overlap"));
    assert.deepEqual([overlap.tp, overlap.fp, overlap.fn], [2, 2, 1]);
    assert.equal(overlap.precision, 0.5);
    assert.equal(overlap.recall, 2 / 3);
  });

  it("matches one-to-one, so a duplicate prediction costs precision", () => {
    const pred = [
      { start: 0, end: 10, type: "PERSON" },
      { start: 0, end: 10, type: "PERSON" },
    ];
    const s = scoreSpans([{ start: 0, end: 10, type: "PERSON" }], pred, "exact");
    assert.deepEqual(s.PERSON, { tp: 1, fp: 1, fn: 0 });
  });

  it("pairs overlapping spans by the largest shared length", () => {
    const g = [
      { start: 0, end: 5 },
      { start: 6, end: 20 },
    ];
    const p = [{ start: 3, end: 18 }];
    assert.deepEqual(matchSpans(g, p, "overlap"), [[1, 0]]);
  });

  it("excuses a nested gold mention when its nest was matched", () => {
    // "U.S. President Donald Trump" (PERSON) with "U.S." (LOC) inside.
    const nested = [
      { start: 0, end: 27, type: "PERSON" },
      { start: 0, end: 4, type: "LOC" },
    ];
    const pred = [
      { start: 0, end: 4, type: "LOC" },
      { start: 15, end: 27, type: "PERSON" },
    ];
    const strict = micro(scoreSpans(nested, pred, "exact"));
    assert.deepEqual([strict.tp, strict.fp, strict.fn], [1, 1, 1]);
    const excused = micro(scoreSpans(nested, pred, "exact", { excuseNested: true }));
    assert.deepEqual([excused.tp, excused.fp, excused.fn], [1, 1, 0]);
  });

  it("measures overlap against the pieces of a discontinuous span", () => {
    // "“We will go,” he said, “tomorrow.”": the covering span includes `he said`.
    const quote = {
      start: 0,
      end: 30,
      parts: [
        { start: 1, end: 11 },
        { start: 21, end: 29 },
      ],
    };
    assert.equal(micro(scoreSpans([quote], [{ start: 13, end: 20 }], "overlap")).tp, 0);
    assert.equal(micro(scoreSpans([quote], [{ start: 21, end: 29 }], "overlap")).tp, 1);
  });

  it("measures character overlap without double counting", () => {
    const c = charOverlap(
      [{ start: 0, end: 10 }],
      [
        { start: 5, end: 15 },
        { start: 8, end: 12 },
      ],
    );
    assert.deepEqual(c, { tp: 5, fp: 5, fn: 5 });
  });
});

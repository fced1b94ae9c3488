import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { macro, micro, prf } from "./prf.ts";

describe("prf", () => {
  it("scores a perfect prediction 1 and an empty one 0", () => {
    assert.deepEqual(prf({ tp: 4, fp: 0, fn: 0 }), {
      tp: 4,
      fp: 0,
      fn: 0,
      precision: 1,
      recall: 1,
      f1: 1,
    });
    const empty = prf({ tp: 0, fp: 0, fn: 4 });
    assert.equal(empty.precision, 0);
    assert.equal(empty.recall, 0);
    assert.equal(empty.f1, 0);
  });

  it("scores a partial prediction exactly", () => {
    // P = 2/3, R = 2/4, F1 = 2PR/(P+R) = 4/7
    const s = prf({ tp: 2, fp: 1, fn: 2 });
    assert.equal(s.precision, 2 / 3);
    assert.equal(s.recall, 0.5);
    assert.ok(Math.abs(s.f1 - 4 / 7) < 1e-12);
  });

  it("pools counts for micro and averages types for macro", () => {
    const byType = { A: { tp: 1, fp: 0, fn: 0 }, B: { tp: 0, fp: 1, fn: 1 } };
    assert.equal(micro(byType).f1, 0.5);
    assert.equal(macro(byType).f1, 0.5);
    assert.equal(macro(byType).precision, 0.5);
    const skewed = { A: { tp: 3, fp: 0, fn: 0 }, B: { tp: 0, fp: 0, fn: 1 } };
    assert.equal(micro(skewed).recall, 0.75);
    assert.equal(macro(skewed).recall, 0.5);
  });
});

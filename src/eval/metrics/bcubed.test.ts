import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bcubed } from "./bcubed.ts";

const gold = new Map([
  ["a", "1"],
  ["b", "1"],
  ["c", "1"],
  ["d", "2"],
  ["e", "2"],
]);

describe("bcubed", () => {
  it("scores the gold clustering 1, whatever the cluster names", () => {
    const renamed = new Map([...gold].map(([k, v]) => [k, `x${v}`]));
    assert.deepEqual(bcubed(gold, renamed), { precision: 1, recall: 1, f1: 1, items: 5 });
  });

  it("gives all singletons precision 1 and recall 1/|cluster| per item", () => {
    const s = bcubed(gold, new Map());
    assert.equal(s.precision, 1);
    // a,b,c: 1/3 each; d,e: 1/2 each -> (1 + 1) / 5
    assert.equal(s.recall, 2 / 5);
  });

  it("scores one merged cluster exactly", () => {
    const one = new Map([...gold.keys()].map((k) => [k, "all"]));
    const s = bcubed(gold, one);
    // precision: a,b,c 3/5 each, d,e 2/5 each -> (9/5 + 4/5) / 5 = 13/25
    assert.ok(Math.abs(s.precision - 13 / 25) < 1e-12);
    assert.equal(s.recall, 1);
  });

  it("is 0 on no items", () => {
    assert.equal(bcubed(new Map(), new Map()).f1, 0);
  });
});

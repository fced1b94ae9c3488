import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseTimexValue, scoreTimexes, timexValueMatches } from "./tempeval.ts";

const gold = [
  { start: 0, end: 6, value: "2013-03-22" }, // "Friday"
  { start: 10, end: 23, value: "2013-W11" }, // "the last week"
  { start: 30, end: 33, value: "PRESENT_REF" }, // "now"
];

describe("scoreTimexes", () => {
  it("scores a perfect prediction 1 and an empty one 0", () => {
    const perfect = scoreTimexes([{ gold, predicted: gold, dct: "2013-03-22" }]);
    assert.equal(perfect.strict.f1, 1);
    assert.equal(perfect.relaxed.f1, 1);
    assert.equal(perfect.valueAccuracy, 1);
    assert.equal(perfect.value.f1, 1);
    const empty = scoreTimexes([{ gold, predicted: [], dct: "2013-03-22" }]);
    assert.equal(empty.relaxed.f1, 0);
    assert.equal(empty.value.f1, 0);
  });

  it("scores strict, relaxed and value exactly on a partial prediction", () => {
    const predicted = [
      { start: 0, end: 6, value: "2013-03-22" }, // strict, value right
      { start: 14, end: 23, value: "2013-W12" }, // "last week": relaxed only, value wrong
      { start: 30, end: 33, value: "2013-03-22" }, // now = DCT: value right
      { start: 40, end: 45, value: "2013" }, // spurious
    ];
    const s = scoreTimexes([{ gold, predicted, dct: "2013-03-22" }]);
    assert.deepEqual([s.strict.tp, s.strict.fp, s.strict.fn], [2, 2, 1]);
    assert.equal(s.relaxed.precision, 3 / 4);
    assert.equal(s.relaxed.recall, 1);
    assert.equal(s.valueAccuracy, 2 / 3);
    // value F1 = relaxed F1 (6/7) × accuracy (2/3) = 4/7
    assert.ok(Math.abs(s.value.f1 - 4 / 7) < 1e-12);
  });
});

describe("timex values", () => {
  it("compares canonical forms", () => {
    assert.equal(normaliseTimexValue("2013-03-23T15:00:00Z"), "2013-03-23T15:00");
    assert.equal(normaliseTimexValue("19XX"), "19");
    assert.ok(timexValueMatches("P3D", "p3d", null));
    assert.ok(timexValueMatches("PRESENT_REF", "2013-03-22", "2013-03-22"));
    assert.ok(!timexValueMatches("PRESENT_REF", "2013-03-21", "2013-03-22"));
    assert.ok(!timexValueMatches("2013-W12", "2013-03-22", "2013-03-22"));
  });
});

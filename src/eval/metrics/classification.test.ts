import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classify } from "./classification.ts";

describe("classify", () => {
  it("scores a perfect prediction 1", () => {
    const c = classify([
      { gold: "a", predicted: "a" },
      { gold: "b", predicted: "b" },
    ]);
    assert.equal(c.accuracy, 1);
    assert.equal(c.macroF1, 1);
  });

  it("scores an all-wrong prediction 0", () => {
    const c = classify([{ gold: "a", predicted: "b" }], ["a", "b"]);
    assert.equal(c.accuracy, 0);
    assert.equal(c.macroF1, 0);
  });

  it("scores a partial prediction exactly, with listed classes in the macro average", () => {
    const c = classify(
      [
        { gold: "a", predicted: "a" },
        { gold: "a", predicted: "b" },
        { gold: "b", predicted: "b" },
      ],
      ["a", "b", "c"],
    );
    assert.equal(c.accuracy, 2 / 3);
    // a: P 1, R 1/2, F1 2/3; b: P 1/2, R 1, F1 2/3; c: 0 -> macro 4/9
    assert.ok(Math.abs(c.macroF1 - 4 / 9) < 1e-12);
    assert.equal(c.confusion.a?.b, 1);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tokenize } from "../../segment/tokenize.ts";
import { NerModel } from "../model.ts";
import { runTraining } from "./run.ts";

// Trains on a tiny slice so the trainer never rots; real training is `npm run train:ner`.
describe("NER training", () => {
  it("trains a tagger on a few hundred sentences that beats chance and round-trips", () => {
    const { model, heldOut } = runTraining({
      dataDir: "../shared/data/ner",
      limit: 200,
      epochs: 2,
      buckets: 1 << 16,
      gumWeight: 1,
    });
    assert.ok(heldOut.f1 > 0.3, `held-out F1 ${heldOut.f1}`);
    const text = "The United Nations said Iraq and Iran held talks in Geneva on Monday.";
    const tokens = tokenize(text);
    const copy = NerModel.deserialize(model.serialize({}));
    const a = model.tag(text, tokens, [[0, tokens.length]]);
    const b = copy.tag(text, tokens, [[0, tokens.length]]);
    assert.ok(a.length > 0, "tags something");
    assert.deepEqual(
      b.map((m) => [m.from, m.to, m.type]),
      a.map((m) => [m.from, m.to, m.type]),
    );
  });
});

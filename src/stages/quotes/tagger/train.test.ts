import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { loadSpeechLexicon } from "../lexicon.ts";
import { type AttributionRecord, learnCueShares, prepare, trainingDocs } from "./corpus.ts";
import { B_Q, emitFeatures, I_Q, O } from "./features.ts";
import { TaggerModel } from "./model.ts";
import { trainTagger } from "./train.ts";

// A tiny slice of the training data, so that the trainer is exercised on every test run.
const records = readFileSync("../shared/data/quotes/polnear-train.jsonl", "utf8")
  .split("\n")
  .slice(0, 4)
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as AttributionRecord);

describe("quotes tagger training", () => {
  const lex = loadSpeechLexicon();
  const prepared = prepare(records, lex);
  const shares = learnCueShares(prepared);
  const docs = trainingDocs(prepared, lex, shares);
  const options = { epochs: 15, seed: 7, minCount: 1, minWeight: 0, about: "test" };

  it("turns gold attributions into content, source and cue tags", () => {
    const gold = docs.flatMap((d) => [...d.gold]);
    assert.ok(gold.some((t) => t === B_Q));
    assert.ok(gold.some((t) => t === I_Q));
    assert.ok(gold.some((t) => t === O));
    assert.ok(shares.has("said"));
  });

  it("learns its training slice and is reproducible", () => {
    const model = trainTagger(docs, shares, options);
    assert.deepEqual(trainTagger(docs, shares, options), model);
    const tagger = TaggerModel.fromFile(model);
    let right = 0;
    let total = 0;
    for (const d of docs) {
      const tags = tagger.tag(d.features, d.starts);
      d.gold.forEach((g, i) => {
        total++;
        if (tags[i] === g) right++;
      });
    }
    assert.ok(right / total > 0.8, `token accuracy on its own training slice ${right / total}`);
  });

  it("tags the same through the fast path as through feature strings", () => {
    const tagger = TaggerModel.fromFile(trainTagger(docs, shares, options));
    prepared.forEach((p, d) => {
      const doc = docs[d] as (typeof docs)[number];
      const fast = tagger.tagEmitted(p.words.tokens.length, doc.starts, (sink) =>
        emitFeatures(p.words, p.quoted, p.rules, lex, shares, sink),
      );
      assert.deepEqual(fast, tagger.tag(doc.features, doc.starts));
    });
  });
});

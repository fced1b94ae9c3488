import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tokenize } from "../segment/tokenize.ts";
import { SentenceFeatures, STATIC_FEATURES, WORD_FEATURE_GROUPS } from "./features.ts";
import { NerModel } from "./model.ts";
import { MODEL_PATH } from "./resources.ts";
import { WordRows } from "./word-rows.ts";

const model = NerModel.load(MODEL_PATH);

/** The emission scores straight from the weight table, every feature row read. */
function direct(sf: SentenceFeatures): number[] {
  const nl = model.nLabels;
  const out: number[] = [];
  for (let i = 0; i < sf.n; i++) {
    const local = new Array<number>(nl).fill(0);
    for (let k = 0; k < STATIC_FEATURES; k++) {
      const base = ((sf.feats[i * STATIC_FEATURES + k] as number) & model.mask) * nl;
      for (let l = 0; l < nl; l++)
        local[l] = (local[l] as number) + (model.weights[base + l] as number);
    }
    out.push(...local);
  }
  return out;
}

describe("per-word emission sums", () => {
  it("split the static features into groups that cover each exactly once", () => {
    const all = Object.values(WORD_FEATURE_GROUPS)
      .flat()
      .sort((a, b) => a - b);
    assert.deepEqual(
      all,
      Array.from({ length: STATIC_FEATURES }, (_, k) => k),
    );
  });

  it("give the same scores as summing every row, wherever a word recurs", () => {
    assert.ok(model.weights instanceof Int16Array);
    const rows = new WordRows(model.weights, model.mask, model.nLabels);
    const sf = new SentenceFeatures();
    // The same words at sentence starts and ends, inside names, beside other words, in
    // capitals and lowercase: a feature that read context but sat in a word group would
    // give the recurring word its first context's score, and differ here.
    const texts = [
      "Washington said the Pentagon would send troops to Iraq. Iraq said no to Washington.",
      "The Pentagon said Washington would not. Said Washington: Iraq, the Pentagon and Washington agree.",
      "WASHINGTON (Reuters) - U.S. Defense Secretary Mark Esper said on Monday that Esper's trip to Iraq was off.",
      "Esper. Iraq! “Washington” said Mark, and Mark Esper said Washington-based groups.",
    ];
    for (const text of texts) {
      const tokens = tokenize(text);
      // The whole text as one sentence, then its halves: the edges move.
      const half = Math.floor(tokens.length / 2);
      for (const [from, to] of [
        [0, tokens.length],
        [0, half],
        [half, tokens.length],
      ] as const) {
        // As the tagger prepares it (word features hashed on demand), then in full.
        sf.prepare(text, tokens, from, to, model.lex, true);
        const out = new Float32Array(sf.n * model.nLabels);
        rows.emissions(text, tokens, from, sf, out);
        sf.prepare(text, tokens, from, to, model.lex);
        assert.deepEqual(Array.from(out), direct(sf), text.slice(tokens[from]?.start ?? 0));
      }
    }
  });
});

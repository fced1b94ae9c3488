import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mostTypical, termCounts } from "./terms.ts";

describe("termCounts", () => {
  it("lowercases, stems lightly and drops function words", () => {
    assert.deepEqual(
      [...termCounts("Fed's Plosser sees high bar for tapering rates").entries()],
      [
        ["fed", 1],
        ["plosser", 1],
        ["see", 1],
        ["high", 1],
        ["bar", 1],
        ["taper", 1],
        ["rate", 1],
      ],
    );
  });
});

describe("mostTypical", () => {
  it("names a story by a headline its others echo, not by a stray that came first", () => {
    // UCI headlines: a Ukraine commentary folded into the Titanfall story ahead of it.
    const headlines = [
      'A "Credible Threat" Approach to Long Run Deterrence of Russian-European ...',
      "Titanfall Review Roundup",
      "Titanfall review: my buddy",
      "Respawn: Titanfall's server stability is in Microsoft's azure hands",
      "Titanfall's Resolution 'Likely' to be Increased With Patch",
      "Titanfall reviews are in",
    ];
    const i = mostTypical(headlines);
    assert.ok(i > 0, `chose ${headlines[i]}`);
    assert.match(headlines[i] ?? "", /^Titanfall (Review|review)/);
  });

  it("keeps the earliest when none is more typical, and says -1 for no text", () => {
    assert.equal(mostTypical(["Marines sent to Baghdad", "Titanfall launches"]), 0);
    assert.equal(mostTypical(["Only one"]), 0);
    assert.equal(mostTypical([]), -1);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tokenize } from "./tokenize.ts";

/** Tokens written `text` (words), `text#` (numbers), `text!` (punctuation), `text$` (symbols). */
function show(text: string, start?: number, end?: number): string[] {
  const mark = { word: "", number: "#", punct: "!", symbol: "$" } as const;
  return tokenize(text, start, end).map((t) => text.slice(t.start, t.end) + mark[t.kind]);
}

const table: [input: string, expected: string[]][] = [
  ["U.S. officials", ["U.S.", "officials"]],
  ["the U.N.", ["the", "U.N."]],
  ["at 2 a.m.", ["at", "2#", "a.m."]],
  ["Gen. Soleimani", ["Gen", ".!", "Soleimani"]],
  ["Kata'ib Hezbollah", ["Kata'ib", "Hezbollah"]],
  ["Kata’ib", ["Kata’ib"]],
  ["Iranian-backed militia", ["Iranian-backed", "militia"]],
  ["Air-Ground Task Force", ["Air-Ground", "Task", "Force"]],
  ["1,000 troops", ["1,000#", "troops"]],
  ["$5.2 billion", ["$$", "5.2#", "billion"]],
  ["at 10:30 on 12/31/2019", ["at", "10:30#", "on", "12/31/2019#"]],
  ["the 3rd brigade in the 1990s", ["the", "3rd#", "brigade", "in", "the", "1990s#"]],
  ["rose 3.5%", ["rose", "3.5#", "%!"]],
  [
    "a 5km march at 10am, 6:00p.m.",
    ["a", "5#", "km", "march", "at", "10#", "am", ",!", "6:00#", "p.m."],
  ],
  ["the 21st century, 4x4", ["the", "21st#", "century", ",!", "4#", "x4"]],
  ["don't", ["do", "n't"]],
  ["can’t", ["ca", "n’t"]],
  ["Iran's militias", ["Iran", "'s", "militias"]],
  ["Tuesday’s statement", ["Tuesday", "’s", "statement"]],
  ["they're", ["they", "'re"]],
  ["soldiers' families", ["soldiers", "'!", "families"]],
  ["O'Neill", ["O'Neill"]],
  ["Task & Purpose", ["Task", "&!", "Purpose"]],
  ["AT&T", ["AT&T"]],
  ['"We are here," he said.', ['"!', "We", "are", "here", ",!", '"!', "he", "said", ".!"]],
  ["“Stop!”", ["“!", "Stop", "!!", "”!"]],
  ["attack—the second", ["attack", "—!", "the", "second"]],
  ["attack -- the second", ["attack", "--!", "the", "second"]],
  ["wait... then", ["wait", "...!", "then"]],
  ["wait… then", ["wait", "…!", "then"]],
  ["F-16 jets", ["F-16", "jets"]],
  ["COVID-19", ["COVID-19"]],
  ["café naïve", ["café", "naïve"]],
  ["+ 👍", ["+$", "👍$"]],
  ["", []],
];

describe("tokenize", () => {
  for (const [input, expected] of table) {
    it(JSON.stringify(input), () => assert.deepEqual(show(input), expected));
  }

  it("tokenizes a range with offsets into the whole text", () => {
    const text = "Gen. Soleimani was killed in Baghdad.";
    const tokens = tokenize(text, 5, 14);
    assert.deepEqual(tokens, [{ start: 5, end: 14, kind: "word" }]);
    assert.deepEqual(show(text, 15), ["was", "killed", "in", "Baghdad", ".!"]);
  });

  it("puts every non-space character in exactly one token", () => {
    const text = " Kata & # 39; ib\u00a0— “U.S.” 1,000.5 ... don't\t© ";
    let covered = "";
    let previousEnd = 0;
    for (const token of tokenize(text)) {
      assert.ok(token.start >= previousEnd && token.end > token.start);
      assert.match(text.slice(previousEnd, token.start), /^\s*$/u);
      covered += text.slice(token.start, token.end);
      previousEnd = token.end;
    }
    assert.equal(covered, text.replace(/\s+/gu, ""));
  });
});

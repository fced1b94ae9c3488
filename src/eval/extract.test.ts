import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OffsetMap } from "../core/offset-map.ts";
import { mapSpan, sourceOf } from "./extract.ts";

describe("mapSpan", () => {
  // raw "Kata & # 39;ib  Hezbollah" -> clean "Kata'ib Hezbollah"
  const raw = "Kata & # 39;ib  Hezbollah";
  const map = new OffsetMap();
  map.keep(0, 4); // "Kata"
  map.replace(4, 12, 1); // " & # 39;" -> "'"  (the broken entity, with its stray space)
  map.keep(12, 15); // "ib "
  map.replace(15, 16, 0); // the second space, folded away
  map.keep(16, 25); // "Hezbollah"

  it("maps a span across a decoded entity back to the raw text", () => {
    const whole = mapSpan(map, raw, { start: 0, end: 17 });
    assert.deepEqual(whole, { start: 0, end: 25 });
    const word = mapSpan(map, raw, { start: 8, end: 17 });
    assert.equal(raw.slice(word.start, word.end), "Hezbollah");
  });

  it("trims whitespace the cleaner folded away off the end", () => {
    const first = mapSpan(map, raw, { start: 0, end: 8 }); // "Kata'ib "
    assert.equal(raw.slice(first.start, first.end), "Kata & # 39;ib");
  });
});

describe("sourceOf", () => {
  it("passes only the input fields a user would give", () => {
    const record = { id: "x", text: "Hi.", published: "2020-01-02", title: "T", gold: [1] };
    assert.deepEqual(sourceOf(record, "f:1"), {
      id: "x",
      raw: "Hi.",
      format: "text",
      published: "2020-01-02",
      title: "T",
      origin: "f:1",
    });
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Event } from "../../core/annotations.ts";
import { goldCountry, goldSector, sentenceQuad } from "./events.ts";
import { selectTasks } from "./index.ts";
import { normaliseName, trimAttachedPunctuation } from "./ner.ts";

describe("NER span normalisation", () => {
  const text = "the United States' envoy met The Guardian's editor in Washington D.C., then left.";
  it("trims a leading 'the' and a trailing possessive", () => {
    const us = normaliseName(text, { start: 0, end: 18 });
    assert.equal(us && text.slice(us.start, us.end), "United States");
    const guardian = normaliseName(text, { start: 29, end: 43 });
    assert.equal(guardian && text.slice(guardian.start, guardian.end), "Guardian");
  });
  it("trims compromise's attached punctuation but keeps an abbreviation's period", () => {
    const dc = trimAttachedPunctuation(text, { start: 54, end: 70 });
    assert.equal(text.slice(dc.start, dc.end), "Washington D.C.");
    const left = trimAttachedPunctuation(text, { start: 76, end: 81 });
    assert.equal(text.slice(left.start, left.end), "left");
  });
});

describe("events scoring helpers", () => {
  it("reads countries and sectors from CAMEO codes", () => {
    assert.equal(goldCountry("USAMIL"), "USA");
    assert.equal(goldCountry("JAP"), "JPN");
    assert.equal(goldCountry("IGO"), null);
    assert.equal(goldCountry(null), null);
    assert.equal(goldSector("REBkur"), "REB");
    assert.equal(goldSector("***"), null);
  });
  it("classes a sentence by its most confident non-negated event, none as statement", () => {
    const event = (quad: Event["quad"], confidence: number, negated = false) =>
      ({ quad, confidence, negated }) as Event;
    assert.equal(sentenceQuad([]), "statement");
    assert.equal(
      sentenceQuad([event("verbal-conflict", 0.5), event("material-conflict", 0.9, true)]),
      "verbal-conflict",
    );
    assert.equal(
      sentenceQuad([event("verbal-conflict", 0.5), event("material-conflict", 0.7)]),
      "material-conflict",
    );
  });
});

describe("selectTasks", () => {
  it("selects a family by its name and rejects unknown names", () => {
    assert.deepEqual(
      selectTasks(["events"]).map((t) => t.name),
      ["events", "events-cameo"],
    );
    assert.throws(() => selectTasks(["nope"]), /unknown task nope/);
  });
});

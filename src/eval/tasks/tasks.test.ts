import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Event } from "../../core/annotations.ts";
import { cameoHalf, goldCountry, goldSector, sentenceCameoClass, sentenceQuad } from "./events.ts";
import { selectTasks } from "./index.ts";
import { normaliseName, trimAttachedPunctuation } from "./ner.ts";
import { firstPlace, goldNames, personName } from "./ner-names.ts";
import { scoreQuoteRecord } from "./quotes.ts";

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
  it("classes a sentence by the CAMEO class of its event's code, as the ConfliBERT labels do", () => {
    const event = (cameo: string | undefined, confidence: number, negated = false) =>
      ({ type: "ASSAULT", mode: null, cameo, confidence, negated }) as unknown as Event;
    assert.equal(sentenceCameoClass([]), "statement");
    // An appeal (02) is a statement in CAMEO though PLOVER's REQUEST is verbal conflict.
    assert.equal(sentenceCameoClass([event("0253", 0.9)]), "statement");
    assert.equal(sentenceCameoClass([event("085", 0.9)]), "material-cooperation");
    // PLOVER's quad table: SANCTION (CAMEO 16) is verbal conflict, PROTEST (14) material.
    assert.equal(sentenceCameoClass([event("161", 0.9)]), "verbal-conflict");
    assert.equal(sentenceCameoClass([event("141", 0.9)]), "material-conflict");
    // The most confident non-negated event decides; no code falls back to the type's default.
    assert.equal(sentenceCameoClass([event("0253", 0.5), event("190", 0.9, true)]), "statement");
    assert.equal(sentenceCameoClass([event(undefined, 0.9)]), "material-conflict");
  });
  it("splits the file into alternate blocks of ten records", () => {
    assert.deepEqual([0, 9, 10, 19, 20, 35].map(cameoHalf), ["A", "A", "B", "B", "A", "B"]);
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

describe("GUM mentions as names", () => {
  const slice = (text: string, s: { start: number; end: number } | null) =>
    s ? text.slice(s.start, s.end) : null;
  it("strips a title before a person's name and drops a bare title", () => {
    const t = "U.S. President Donald Trump met Ambassador to the United States Hamdullah Mohib.";
    assert.equal(slice(t, personName(t, { start: 0, end: 27 })), "Donald Trump");
    const us = { start: 46, end: 63 }; // "the United States", nested in the next mention
    assert.equal(slice(t, personName(t, { start: 32, end: 79 }, [us])), "Hamdullah Mohib");
    const s = "The President and the Secretary of State spoke.";
    assert.equal(personName(s, { start: 4, end: 13 }), null);
    assert.equal(personName(s, { start: 22, end: 40 }), null);
    const plain = "Mohamed El-Hassan Mohamed";
    assert.deepEqual(personName(plain, { start: 0, end: 25 }), { start: 0, end: 25 });
  });
  it("splits a comma-joined place whose second part is a gold place", () => {
    const t = "in Irving, Texas today";
    const texas = { start: 11, end: 16, type: "LOC" };
    assert.equal(slice(t, firstPlace(t, { start: 3, end: 16, type: "LOC" }, [texas])), "Irving");
    const names = goldNames(t, [{ start: 3, end: 16, type: "LOC" }, texas]).map((s) => slice(t, s));
    assert.deepEqual(names, ["Irving", "Texas"]);
  });
});

describe("quotes scoring of one record", () => {
  it("matches a discontinuous content by its fragments and checks the speaker of the match", () => {
    const text = '"We will stay," Ana said. "The talks go on."';
    const record = {
      id: "r",
      text,
      published: null,
      quotes: [
        {
          source: { start: 15, end: 18, text: "Ana" },
          cue: { start: 19, end: 23, text: "said" },
          content: {
            start: 1,
            end: 43,
            text: text.slice(1, 43),
            fragments: [
              { start: 1, end: 13, text: "We will stay" },
              { start: 26, end: 43, text: "The talks go on." },
            ],
          },
        },
      ],
    };
    const ours = [
      {
        start: 26,
        end: 43,
        text: "The talks go on.",
        direct: true,
        speaker: { start: 15, end: 18, text: "Ana" },
        cue: null,
      },
      { start: 0, end: 4, text: '"We ', direct: false, speaker: null, cue: null },
    ];
    const scored = scoreQuoteRecord(record, ours, (s) => ({ start: s.start, end: s.end }));
    assert.deepEqual(scored.content, { tp: 1, fp: 1, fn: 0 });
    assert.deepEqual(scored.speakerExact, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual([scored.attributed, scored.attributedRight], [1, 1]);
    assert.deepEqual(scored.contentPairs, [[0, 0]]);
  });
});

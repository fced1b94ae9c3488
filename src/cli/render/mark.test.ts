import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AnnotatedDocument } from "../../core/output.ts";
import { sampleDocument } from "../../store/contract.ts";
import { createStyle } from "../style.ts";
import { markText } from "./mark.ts";

const plain = createStyle(false);

function doc(text: string, patch: Partial<AnnotatedDocument>): AnnotatedDocument {
  return {
    ...sampleDocument("t", text, { events: false }),
    entities: [],
    dates: [],
    places: [],
    quotes: [],
    ...patch,
  };
}

describe("markText without colour", () => {
  const text = "Mark Esper said troops were sent to Baghdad on Tuesday.";
  const esper = { start: 0, end: 10, text: "Mark Esper" };
  const baghdad = { start: 36, end: 43, text: "Baghdad" };
  const tuesday = { start: 47, end: 54, text: "Tuesday" };

  it("brackets each span and labels it after the closing bracket", () => {
    const marked = markText(
      doc(text, {
        entities: [
          {
            ...esper,
            type: "PERSON",
            actor: { name: "Mark Esper", country: "USA", sector: "GOV" },
          },
        ],
        dates: [
          {
            ...tuesday,
            value: "2019-12-31",
            grain: "day",
            earliest: "2019-12-31",
            latest: "2019-12-31",
          },
        ],
      }),
      plain,
    );
    assert.equal(
      marked,
      "[Mark Esper]PERSON·USA said troops were sent to Baghdad on [Tuesday]DATE:2019-12-31.",
    );
  });

  it("gives spans with one extent one pair of brackets and nests the rest", () => {
    const place = {
      ...baghdad,
      geonameId: 98182,
      name: "Baghdad",
      countryCode: "IQ",
      admin1: null,
      lat: null,
      lon: null,
      precision: "city" as const,
      confidence: 1,
    };
    const marked = markText(
      doc(text, {
        entities: [{ ...baghdad, type: "GPE", actor: null }],
        places: [place],
        quotes: [
          { start: 16, end: 54, text: text.slice(16, 54), direct: false, speaker: null, cue: null },
        ],
      }),
      plain,
    );
    assert.equal(
      marked,
      "Mark Esper said [troops were sent to [Baghdad]GPE|PLACE:98182 on Tuesday]QUOTE.",
    );
  });

  it("closes crossing spans in the order they end, each with its label", () => {
    const marked = markText(
      doc("abcdef", {
        entities: [
          { start: 0, end: 4, text: "abcd", type: "ORG", actor: null },
          { start: 2, end: 6, text: "cdef", type: "GPE", actor: null },
        ],
      }),
      plain,
    );
    assert.equal(marked, "[ab[cd]ORGef]GPE");
  });

  it("leaves the text alone when nothing is marked, and ignores spans outside it", () => {
    const marked = markText(
      doc("plain", { entities: [{ start: 3, end: 99, text: "x", type: "ORG", actor: null }] }),
      plain,
    );
    assert.equal(marked, "plain");
  });
});

describe("markText with colour", () => {
  it("colours the text and adds no brackets", () => {
    const marked = markText(
      doc("Esper spoke.", {
        entities: [{ start: 0, end: 5, text: "Esper", type: "PERSON", actor: null }],
      }),
      createStyle(true),
    );
    assert.equal(marked, "\x1b[36mEsper\x1b[39m spoke.");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AnnotatedDocument } from "../core/output.ts";
import { storyKeys, storyText } from "./update.ts";

const text = "Gunmen seized 30 students in Kaduna. Police said. A third sentence is not the lead.";

const doc: AnnotatedDocument = {
  id: "a",
  published: "2021-03-02",
  title: "Students abducted",
  url: null,
  source: null,
  language: "en",
  text,
  sentences: [
    { start: 0, end: 36 },
    { start: 37, end: 49 },
    { start: 50, end: text.length },
  ],
  entities: [
    { start: 30, end: 36, text: "Kaduna", type: "GPE", actor: null },
    {
      start: 37,
      end: 43,
      text: "Police",
      type: "ORG",
      actor: { name: "Nigeria Police Force", country: "NGA", sector: "COP" },
    },
  ],
  dates: [],
  places: [
    {
      start: 30,
      end: 36,
      text: "Kaduna",
      geonameId: 2335727,
      name: "Kaduna",
      countryCode: "NG",
      admin1: null,
      lat: 10.52,
      lon: 7.44,
      precision: "city",
      confidence: 0.9,
    },
    {
      start: 0,
      end: 0,
      text: "Nigerian",
      geonameId: 2328926,
      name: "Nigeria",
      countryCode: "NG",
      admin1: null,
      lat: 9,
      lon: 8,
      precision: "country",
      confidence: 0.9,
    },
  ],
  events: [],
  quotes: [],
  messages: [],
};

describe("what the clusterer sees of an annotated article", () => {
  it("reads the title and the lead, not the whole text", () => {
    assert.equal(
      storyText(doc),
      "Students abducted\nGunmen seized 30 students in Kaduna. Police said.",
    );
  });

  it("adds named actors and precise places as keys, not countries", () => {
    assert.deepEqual(storyKeys(doc), ["entity:nigeria police force", "place:2335727"]);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type GoldMention, goldNames, personNameIn, placeOrOrgName } from "./ner-names.ts";

/** A mention of `text` by its surface (first occurrence). */
function at(text: string, surface: string, type: string, propnHead = true): GoldMention {
  const start = text.indexOf(surface);
  assert.ok(start >= 0, surface);
  const m: GoldMention = { start, end: start + surface.length, type };
  if (!propnHead) m.propnHead = false;
  return m;
}

const names = (text: string, mentions: GoldMention[]) =>
  goldNames(text, mentions).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

describe("GUM noun phrases read as names", () => {
  it("drops a possessor, a post-modifier and an apposed qualification from a person", () => {
    const t = "DAB's Elizabeth Quat met Lee Cheuk-yan of the Labour Party and Mark Tedeschi, QC.";
    const dab = at(t, "DAB", "ORG");
    const labour = at(t, "Labour Party", "ORG");
    assert.deepEqual(
      names(t, [
        at(t, "DAB's Elizabeth Quat", "PERSON"),
        dab,
        at(t, "Lee Cheuk-yan of the Labour Party", "PERSON"),
        labour,
        at(t, "Mark Tedeschi, QC", "PERSON"),
      ]),
      [
        "PERSON:Elizabeth Quat",
        "ORG:DAB",
        "PERSON:Lee Cheuk-yan",
        "ORG:Labour Party",
        "PERSON:Mark Tedeschi",
      ],
    );
  });
  it("takes a person named in apposition to a common noun, and nothing else from such phrases", () => {
    const t =
      "musician Tiziano Lugli and the boy wearing a NASA T-shirt and those who speak English; Scientology officials; Thailand's foreign minister; critics of Donald Trump";
    assert.deepEqual(
      names(t, [
        at(t, "musician Tiziano Lugli", "PERSON", false),
        at(t, "the boy wearing a NASA T-shirt", "PERSON", false),
        at(t, "NASA", "ORG"),
        at(t, "those who speak English", "PERSON", false),
        at(t, "Scientology officials", "PERSON", false),
        at(t, "Thailand's foreign minister", "PERSON", false),
        at(t, "Thailand", "LOC"),
        at(t, "critics of Donald Trump", "PERSON", false),
        at(t, "Donald Trump", "PERSON"),
      ]),
      ["PERSON:Tiziano Lugli", "ORG:NASA", "LOC:Thailand", "PERSON:Donald Trump"],
    );
  });
  it("takes an organisation's or place's name from a classifier or apposition phrase naming it", () => {
    const t =
      "the Scientology organization; Yonhap news agency; the Kowloon West geographical constituency; journal Nature Climate Change; the New Zealand government; the US team";
    assert.deepEqual(
      names(t, [
        at(t, "the Scientology organization", "ORG", false),
        at(t, "Yonhap news agency", "ORG", false),
        at(t, "the Kowloon West geographical constituency", "LOC", false),
        at(t, "journal Nature Climate Change", "ORG", false),
        at(t, "the New Zealand government", "ORG", false),
        at(t, "the US team", "ORG", false),
      ]),
      ["ORG:Scientology", "ORG:Yonhap", "LOC:Kowloon West", "ORG:Nature Climate Change"],
    );
  });
  it("keeps titles apart and drops a bare title", () => {
    const t =
      "Afghan Ambassador to the United States Hamdullah Mohib and Labour's Shadow Home Secretary";
    const us = at(t, "United States", "LOC");
    const m = at(t, "Afghan Ambassador to the United States Hamdullah Mohib", "PERSON");
    const name = personNameIn(t, m, [us], false);
    assert.equal(name && t.slice(name.start, name.end), "Hamdullah Mohib");
    assert.deepEqual(
      names(t, [at(t, "Labour's Shadow Home Secretary", "PERSON"), at(t, "Labour", "ORG")]),
      ["ORG:Labour"],
    );
  });
  it("cuts places and organisations at a clause, a parenthesis or a place of their own", () => {
    const t =
      "India, where homeopathy is common; the Fisht Stadium in Sochi; Movimento 5 Stelle (M5S); Mecca's Grand Mosque; mainland Australia; University of North Carolina at Chapel Hill; University of Texas";
    const cut = (surface: string, nested: GoldMention[] = []) => {
      const s = placeOrOrgName(t, at(t, surface, "LOC"), nested);
      return t.slice(s.start, s.end);
    };
    assert.equal(cut("India, where homeopathy is common"), "India");
    assert.equal(cut("Fisht Stadium in Sochi", [at(t, "Sochi", "LOC")]), "Fisht Stadium");
    assert.equal(cut("Movimento 5 Stelle (M5S)"), "Movimento 5 Stelle");
    assert.equal(cut("Mecca's Grand Mosque", [at(t, "Mecca", "LOC")]), "Grand Mosque");
    assert.equal(cut("mainland Australia"), "Australia");
    // `at` and `of` belong to names.
    assert.equal(
      cut("University of North Carolina at Chapel Hill", [at(t, "Chapel Hill", "LOC")]),
      "University of North Carolina at Chapel Hill",
    );
    assert.equal(cut("University of Texas", [at(t, "Texas", "LOC")]), "University of Texas");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DateMention, Event, EventArgument, Place } from "../core/annotations.ts";
import { haversineKm } from "../core/geo.ts";
import { argumentAgreement, EventMerger, mentionsOf, placeAgreement } from "./events.ts";

const arg = (name: string, country: string | null, sector: string | null): EventArgument => ({
  start: 0,
  end: name.length,
  text: name,
  name,
  country,
  sector,
});

const place = (name: string, geonameId: number, cc: string, lat: number, lon: number): Place => ({
  start: 0,
  end: name.length,
  text: name,
  geonameId,
  name,
  countryCode: cc,
  admin1: null,
  lat,
  lon,
  precision: "city",
  confidence: 0.9,
});

const KADUNA = place("Kaduna", 2335727, "NG", 10.52, 7.44);
const KADUNA_SUBURB = place("Kakuri", 2335180, "NG", 10.45, 7.42);
const LAGOS = place("Lagos", 2332459, "NG", 6.45, 3.39);

const date = (earliest: string, latest = earliest): DateMention => ({
  start: 0,
  end: 7,
  text: "Tuesday",
  value: earliest,
  grain: "day",
  earliest,
  latest,
});

function event(over: Partial<Event> = {}): Event {
  return {
    id: "e0",
    type: "ASSAULT",
    mode: null,
    quad: "material-conflict",
    trigger: { start: 0, end: 8, text: "abducted" },
    actor: arg("gunmen", null, "CRM"),
    recipient: arg("students", "NGA", "EDU"),
    location: KADUNA,
    date: date("2021-03-02"),
    dead: null,
    injured: null,
    arrested: null,
    size: null,
    negated: false,
    hypothetical: false,
    evidence: { sentence: 0, start: 0, end: 60 },
    attribution: null,
    links: [],
    confidence: 0.8,
    coder: "rule:test@1",
    ...over,
  };
}

interface Doc {
  id: string;
  source: string | null;
  published: string | null;
  events: Event[];
}

const doc = (id: string, source: string | null, published: string, events: Event[]): Doc => ({
  id,
  source,
  published,
  events,
});

function mergeAll(docs: Doc[], duplicates: Record<string, string> = {}) {
  const merger = new EventMerger();
  for (const d of docs) {
    for (const m of mentionsOf(d, duplicates[d.id] ?? null)) merger.add(m);
  }
  return merger;
}

describe("EventMerger", () => {
  it("merges one kidnapping reported by several outlets and counts each once", () => {
    const merger = mergeAll(
      [
        doc("a1", "Reuters", "2021-03-02", [event()]),
        doc("a2", "Punch", "2021-03-03", [event({ date: date("2021-03-02") })]),
        // A second mention in the same article: another mention, not another article.
        doc("a3", "Premium Times", "2021-03-03", [
          event({ location: KADUNA_SUBURB, date: null }),
          event({ evidence: { sentence: 4, start: 300, end: 380 } }),
        ]),
        // A syndicated reprint of a1: kept as a mention, counted nowhere.
        doc("a4", "Yahoo News", "2021-03-02", [event()]),
      ],
      { a4: "a1" },
    );
    const events = merger.all();
    assert.equal(events.length, 1);
    const [merged] = events;
    assert.ok(merged);
    assert.equal(merged.mentions.length, 5);
    assert.equal(merged.numMentions, 4);
    assert.equal(merged.numArticles, 3);
    assert.equal(merged.numSources, 3);
    assert.equal(merged.numReprints, 1);
    assert.equal(merged.earliest, "2021-03-02");
    assert.deepEqual(
      merged.mentions.map((m) => [m.articleId, m.sentence, m.start, m.end, m.source]),
      [
        ["a1", 0, 0, 60, "Reuters"],
        ["a2", 0, 0, 60, "Punch"],
        ["a3", 0, 0, 60, "Premium Times"],
        ["a3", 4, 300, 380, "Premium Times"],
        ["a4", 0, 0, 60, "Yahoo News"],
      ],
    );
  });

  // Each row: what differs in the second report, and whether it is still the same event.
  const rows: [string, Partial<Event>, boolean][] = [
    ["another type", { type: "COERCE", quad: "material-conflict" }, false],
    ["another city 600 km away", { location: LAGOS }, false],
    ["a nearby place within 50 km", { location: KADUNA_SUBURB }, true],
    ["no place, same actors", { location: null }, true],
    ["a week later", { date: date("2021-03-09") }, false],
    ["one day off (rounding)", { date: date("2021-03-03") }, true],
    ["the same month, vaguely", { date: date("2021-03-01", "2021-03-31") }, true],
    ["a different recipient", { recipient: arg("worshippers", "NGA", "REL") }, false],
    ["negated", { negated: true }, false],
    ["hypothetical", { hypothetical: true }, false],
    ["a shorter name of the actor", { actor: arg("the gunmen", null, "CRM") }, true],
  ];
  for (const [what, change, same] of rows) {
    it(`${same ? "merges" : "keeps apart"} a report with ${what}`, () => {
      const merger = mergeAll([
        doc("a1", "Reuters", "2021-03-02", [event()]),
        doc("a2", "AP", "2021-03-03", [event(change)]),
      ]);
      assert.equal(merger.all().length, same ? 1 : 2);
    });
  }

  it("needs some agreement besides type and date", () => {
    const bare = { actor: null, recipient: null, location: null };
    const merger = mergeAll([
      doc("a1", "Reuters", "2021-03-02", [event(bare)]),
      doc("a2", "AP", "2021-03-02", [event(bare)]),
    ]);
    assert.equal(merger.all().length, 2);
  });

  it("refines the merged event with the most precise place and the first known actor", () => {
    const country: Place = { ...KADUNA, name: "Nigeria", geonameId: 2328926, precision: "country" };
    const merger = mergeAll([
      doc("a1", "Reuters", "2021-03-02", [event({ location: country, actor: null })]),
      doc("a2", "AP", "2021-03-02", [event()]),
    ]);
    const [merged] = merger.all();
    assert.equal(merged?.location?.name, "Kaduna");
    assert.equal(merged?.actor?.name, "gunmen");
  });

  it("continues from seeded events and reports what changed", () => {
    const first = mergeAll([doc("a1", "Reuters", "2021-03-02", [event()])]);
    const stored = structuredClone(first.all());
    const second = new EventMerger();
    for (const e of stored) second.seed(e);
    const [m] = mentionsOf(doc("a2", "AP", "2021-03-03", [event()]));
    assert.ok(m);
    const joined = second.add(m);
    assert.equal(joined.id, stored[0]?.id);
    assert.equal(joined.numArticles, 2);
    assert.deepEqual(
      second.takeChanged().map((e) => e.id),
      [joined.id],
    );
    // Adding the same mention again changes nothing.
    assert.equal(second.add(m).numMentions, 2);
  });

  it("asks more of reports that give no day of their own", () => {
    // Two reports a day apart that name only the same actor: as often two statements.
    const undated = { recipient: null, location: null, date: null };
    const apart = mergeAll([
      doc("a1", "Reuters", "2021-03-02", [event(undated)]),
      doc("a2", "AP", "2021-03-03", [event(undated)]),
    ]);
    assert.equal(apart.all().length, 2);
    // Dated to one day by both texts, one agreement is enough.
    const dated = { recipient: null, location: null };
    const one = mergeAll([
      doc("a1", "Reuters", "2021-03-02", [event(dated)]),
      doc("a2", "AP", "2021-03-03", [event(dated)]),
    ]);
    assert.equal(one.all().length, 1);
    // A dated report does not join an event only undated reports made, nor the other way.
    const mixed = mergeAll([
      doc("a1", "Reuters", "2021-03-02", [event(undated)]),
      doc("a2", "AP", "2021-03-03", [event(dated)]),
      doc("a3", "AFP", "2021-03-03", [event(undated)]),
    ]);
    assert.equal(mixed.all().length, 3);
    // Two agreements merge undated reports; the option sets how many.
    const two = mergeAll([
      doc("a1", "Reuters", "2021-03-02", [event({ location: null, date: null })]),
      doc("a2", "AP", "2021-03-03", [event({ location: null, date: null })]),
    ]);
    assert.equal(two.all().length, 1);
    // Within one story, one agreement is enough again: syndicated headlines of one event.
    const inStory = new EventMerger();
    for (const [id, d, story] of [
      ["a1", "2021-03-02", 7],
      ["a2", "2021-03-03", 7],
      ["a3", "2021-03-03", 8],
    ] as const) {
      for (const m of mentionsOf(doc(id, "AP", d, [event(undated)]))) {
        inStory.add({ ...m, storyId: story });
      }
    }
    assert.deepEqual(
      inStory.all().map((e) => e.mentions.map((m) => m.articleId)),
      [["a1", "a2"], ["a3"]],
    );
    const lax = new EventMerger({ undatedAgreements: 1 });
    for (const d of ["2021-03-02", "2021-03-03"]) {
      for (const m of mentionsOf(doc(`a${d}`, "AP", d, [event(undated)]))) lax.add(m);
    }
    assert.equal(lax.all().length, 1);
  });

  it("never takes two named people for one by their country and sector", () => {
    const person = (name: string) => ({ ...arg(name, "USA", "GOV"), entity: 0 });
    const said = (id: string, actor: EventArgument, type: "PERSON" | "ORG") => ({
      ...doc(id, "AP", "2016-03-22", [
        event({
          type: "ACCUSE",
          quad: "verbal-conflict",
          actor,
          recipient: arg("Trump", "USA", "GOV"),
        }),
      ]),
      entities: [{ type }],
    });
    const [sanders] = mentionsOf(said("a1", person("Bernie Sanders"), "PERSON"));
    const [cruz] = mentionsOf(said("a2", person("Ted Cruz"), "PERSON"));
    const [house] = mentionsOf(said("a3", person("White House"), "ORG"));
    assert.deepEqual(sanders?.people, { actor: true, recipient: false });
    assert.deepEqual(house?.people, { actor: false, recipient: false });
    const merger = new EventMerger();
    for (const m of [sanders, cruz, house]) if (m) merger.add(m);
    // Sanders and Cruz conflict; the White House is no evidence against Sanders, and the
    // recipient and place they share join it to his report.
    assert.deepEqual(
      merger.all().map((e) => e.mentions.map((m) => m.articleId)),
      [["a1", "a3"], ["a2"]],
    );
    const named = { name: "Bernie Sanders", country: "USA", sector: "GOV", person: true };
    const other = { ...named, name: "Ted Cruz" };
    assert.equal(argumentAgreement(named, other), -1);
    assert.equal(argumentAgreement(named, { ...other, name: "the Senate", person: false }), 0);
    assert.equal(argumentAgreement(named, { ...named, name: "Sanders" }), 1);
  });

  it("takes near-copies of a headline in one story for one event, whatever arguments were read", () => {
    // Three reports of one death; the events stage read the worker as the actor of one, the
    // train line ("Hudson") as the actor of another, and nothing of the third.
    const headlines: [string, Partial<Event>][] = [
      [
        "Metro-North worker struck and killed by train",
        { actor: arg("Metro-North worker", null, "CVL") },
      ],
      [
        "Metro-North worker, 58, killed by Hudson line train headed for Poughkeepsie",
        { actor: arg("Hudson", null, null), recipient: arg("Metro-North worker", null, "CVL") },
      ],
      ["Metro-North employee killed by train in Manhattan", {}],
    ];
    const run = (storyOf: (i: number) => number | null, options = {}) => {
      const merger = new EventMerger(options);
      headlines.forEach(([text, over], i) => {
        const e = event({
          actor: null,
          recipient: null,
          location: null,
          date: null,
          evidence: { sentence: 0, start: 0, end: text.length },
          ...over,
        });
        const d = { ...doc(`a${i}`, `S${i}`, "2014-03-10", [e]), text };
        for (const m of mentionsOf(d)) merger.add({ ...m, storyId: storyOf(i) });
      });
      return merger.all().map((ev) => ev.mentions.map((m) => m.articleId));
    };
    assert.deepEqual(
      run(() => 1),
      [["a0", "a1", "a2"]],
    );
    // Outside a story, or with the rule off, the conflict and the missing arguments keep
    // them apart, as before.
    assert.deepEqual(
      run(() => null),
      [["a0"], ["a1"], ["a2"]],
    );
    assert.deepEqual(
      run(() => 1, { wordingOverlap: 0 }),
      [["a0"], ["a1"], ["a2"]],
    );
    assert.deepEqual(
      run((i) => (i === 2 ? 2 : 1)),
      [["a0", "a1"], ["a2"]],
    );
  });

  it("does not read the wording across swapped roles, conflicting places or within one article", () => {
    const merge = (reports: [string, string, Partial<Event>][]) => {
      const merger = new EventMerger();
      for (const [id, text, over] of reports) {
        const e = event({
          date: null,
          evidence: { sentence: 0, start: 0, end: text.length },
          ...over,
        });
        const d = { ...doc(id, id, "2022-02-24", [e]), text };
        for (const m of mentionsOf(d)) merger.add({ ...m, storyId: 1 });
      }
      return merger.all().length;
    };
    const russia = arg("Russia", "RUS", null);
    const ukraine = arg("Ukraine", "UKR", null);
    assert.equal(
      merge([
        ["a1", "Russia attacks Ukraine", { actor: russia, recipient: ukraine, location: null }],
        ["a2", "Ukraine attacks Russia", { actor: ukraine, recipient: russia, location: null }],
      ]),
      2,
    );
    const gunmen = "Gunmen abduct students from a school";
    assert.equal(
      merge([
        ["a1", gunmen, { actor: arg("gunmen", null, "CRM"), location: KADUNA }],
        ["a2", gunmen, { actor: arg("bandits", null, null), location: LAGOS }],
      ]),
      2,
    );
    assert.equal(
      merge([
        ["a1", gunmen, { actor: arg("gunmen", null, "CRM"), location: KADUNA }],
        ["a2", gunmen, { actor: arg("bandits", null, null), location: KADUNA_SUBURB }],
      ]),
      1,
    );
    // Two events of one sentence (a meeting with two leaders) are two dyads, not two reports.
    const text = "The president met Shinzo Abe and Park Geun Hye.";
    const meeting = (recipient: EventArgument) =>
      event({
        type: "CONSULT",
        quad: "verbal-cooperation",
        actor: arg("The president", "USA", "GOV"),
        recipient,
        location: null,
        date: null,
        evidence: { sentence: 0, start: 0, end: text.length },
      });
    const merger = new EventMerger();
    const d = {
      ...doc("a1", "AP", "2016-03-31", [
        meeting(arg("Shinzo Abe", "JPN", "GOV")),
        meeting(arg("Park Geun Hye", "KOR", "GOV")),
      ]),
      text,
    };
    for (const m of mentionsOf(d)) merger.add({ ...m, storyId: 1 });
    assert.equal(merger.all().length, 2);
  });

  it("compares arguments and places", () => {
    assert.equal(argumentAgreement(arg("Mark Esper", "USA", "GOV"), arg("Esper", "USA", "GOV")), 1);
    assert.equal(
      argumentAgreement(arg("U.S. troops", "USA", "MIL"), arg("American soldiers", "USA", "MIL")),
      1,
    );
    assert.equal(argumentAgreement(arg("police", "NGA", "COP"), arg("police", "GHA", "COP")), -1);
    assert.equal(argumentAgreement(null, arg("police", "NGA", "COP")), 0);
    assert.equal(placeAgreement(KADUNA, LAGOS, 50), -1);
    assert.ok(Math.abs(haversineKm(10.52, 7.44, 6.45, 3.39) - 636) < 10);
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { Entity, Place } from "../../core/annotations.ts";
import { Document } from "../../core/document.ts";
import { OffsetMap } from "../../core/offset-map.ts";
import type { StageContext } from "../../core/stage.ts";
import { segmentStage } from "../segment/index.ts";
import { loadGazetteer, parsePlacesLexicon, placesStage } from "./index.ts";

const segment = segmentStage({});
const places = placesStage({});
const ctx: StageContext = { referenceDate: null, options: {}, report() {} };

/** Run segment and places over `text`, with the tagger's entities given by their surfaces. */
function run(text: string, entities: [string, Entity["type"]][] = []): Place[] {
  const doc = new Document({ raw: text, format: "text", origin: "test" });
  doc.setText(text, OffsetMap.identity(text.length));
  segment.run(doc, ctx);
  let from = 0;
  for (const [surface, type] of entities) {
    const start = text.indexOf(surface, from);
    assert.ok(start >= 0, `entity ${surface} not in text`);
    doc.entities.push({ start, end: start + surface.length, text: surface, type, actor: null });
    from = start + surface.length;
  }
  places.run(doc, ctx);
  for (const p of doc.places) assert.equal(text.slice(p.start, p.end), p.text);
  return doc.places;
}

function find(found: Place[], surface: string, nth = 0): Place | undefined {
  return found.filter((p) => p.text === surface)[nth];
}

describe("places: the seed's places resolve exactly", () => {
  const text = readFileSync(
    new URL("../../../../shared/seed/000_c1e55ffcabdf0152.txt", import.meta.url),
    "utf8",
  );
  const found = run(text);
  for (const [surface, geonameId, precision] of [
    ["Baghdad", 98182, "city"],
    ["Kirkuk", 94787, "city"],
    ["Iraq", 99237, "country"],
  ] as const) {
    test(`${surface} → ${geonameId}`, () => {
      const place = find(found, surface);
      assert.ok(place, `${surface} not found`);
      assert.equal(place.geonameId, geonameId);
      assert.equal(place.countryCode, "IQ");
      assert.equal(place.precision, precision);
    });
  }
});

// [text, surface, nth occurrence, expected geonameId (null: must not be a place), precision?]
const TRAPS: [string, string, number, number | null, string?][] = [
  ["Officials in Washington imposed sanctions on Iran.", "Washington", 0, 4140963, "city"],
  ["The governor of Washington state spoke in Seattle.", "Washington", 0, 5815135, "admin1"],
  ["Rain fell in Seattle, Washington, on Monday.", "Washington", 0, 5815135, "admin1"],
  ["Washington, D.C. is the capital.", "Washington, D.C.", 0, 4140963, "city"],
  ["Russian troops entered Georgia, near Tbilisi.", "Georgia", 0, 614540, "country"],
  [
    "Voters in Atlanta and Savannah went to the polls as Georgia counted ballots in Texas and Florida too.",
    "Georgia",
    0,
    4197000,
    "admin1",
  ],
  ["Talks were held in Jordan and Lebanon.", "Jordan", 0, 248816, "country"],
  ["Michael Jordan said Jordan would not play.", "Jordan", 0, null],
  ["Paris Hilton arrived late.", "Paris", 0, null],
  ["The summit opened in Paris on Monday.", "Paris", 0, 2988507, "city"],
  ["He grew up in Paris, Texas, before moving on.", "Paris", 0, 4717560, "city"],
  ["Storms hit Texas overnight.", "Texas", 0, 4736286, "admin1"],
  ["Fighting resumed in Kirkuk, Iraq, on Sunday.", "Kirkuk", 0, 94787, "city"],
  ["Fighters attacked Cadale (Middle Shabelle) on Monday.", "Cadale", 0, 63344, "city"],
  ["The talks moved from Kiev to Bombay.", "Kiev", 0, 703448, "city"],
  ["The talks moved from Kiev to Bombay.", "Bombay", 0, 1275339, "city"],
  ["Aid reached the Gaza Strip and the West Bank.", "Gaza Strip", 0, null, "region"],
  ["Elections were held in Burma, also called Myanmar.", "Burma", 0, 1327865, "country"],
  ["Cocoa exports from Ivory Coast rose.", "Ivory Coast", 0, 2287781, "country"],
  ["Tensions in the Middle East grew.", "Middle East", 0, 6269133, "region"],
  ["Mexico said it would respond.", "Mexico", 0, 3996063, "country"],
  ["Flooding hit New York on Tuesday.", "New York", 0, 5128581, "city"],
  ["Talks resumed in Geneva on Monday.", "Geneva", 0, 2660646, "city"],
  ["The Oklahoma Legislature met in Oklahoma City.", "Oklahoma", 0, 4544379, "admin1"],
  ["Vladimir Putin met Kobe Bryant.", "Vladimir", 0, null],
  ["The NATO summit opened.", "NATO", 0, null],
  ["KYIV, March 3 — Talks resumed.", "KYIV", 0, 703448, "city"],
  ["Mining is spreading in South Venezuela.", "South Venezuela", 0, 3625428, "country"],
  ["Rain is due in Southern California today.", "Southern California", 0, 5332921, "admin1"],
  ["The Ukraine crisis deepened.", "Ukraine", 0, 690791, "country"],
  ["ROME (Reuters) — The pope spoke.", "ROME", 0, 3169070, "city"],
  ["Some Guys Have All The Luck is playing.", "Luck", 0, null],
  ["The Syrian Arab Red Crescent (SARC) helped.", "Crescent", 0, null],
  ["Four White House aides left.", "White House", 0, null],
  ["Protesters gathered outside the White House on Sunday.", "White House", 0, 9675434, "site"],
  ["It was sold in 44 states and Washington, D.C., last year.", "Washington, D.C.", 0, 4140963],
  ["The meeting is in May in Geneva.", "May", 0, null],
];

describe("places: traps", () => {
  for (const [text, surface, nth, geonameId, precision] of TRAPS) {
    test(`${surface} in «${text}»`, () => {
      const place = find(run(text), surface, nth);
      if (geonameId === null && precision === undefined) {
        assert.equal(place, undefined, `${surface} should not be a place`);
        return;
      }
      assert.ok(place, `${surface} not found`);
      assert.equal(place.geonameId, geonameId);
      if (precision) assert.equal(place.precision, precision);
    });
  }
});

describe("places: facilities take their place's point with precision site", () => {
  for (const [text, surface, geonameId] of [
    ["Protesters stormed the US embassy in Baghdad on Tuesday.", "US embassy", 98182],
    ["A rocket hit a US military base in Kirkuk, Iraq.", "US military base", 94787],
  ] as const) {
    test(surface, () => {
      const place = find(run(text), surface);
      assert.ok(place, `${surface} not found`);
      assert.equal(place.precision, "site");
      assert.equal(place.geonameId, geonameId);
    });
  }
  test("a named landmark takes the place after `in`, not the city before it", () => {
    const text = "He left Liverpool for the Bambino Gesu Hospital in Rome.";
    const place = find(run(text), "Bambino Gesu Hospital");
    assert.equal(place?.precision, "site");
    assert.equal(place?.geonameId, 3169070);
  });
  test("a tagged FAC takes the place after `in`", () => {
    const text = "Crowds gathered outside Camp Taji in Baghdad.";
    const place = find(
      run(text, [
        ["Camp Taji", "FAC"],
        ["Baghdad", "GPE"],
      ]),
      "Camp Taji",
    );
    assert.equal(place?.precision, "site");
    assert.equal(place?.geonameId, 98182);
  });
});

describe("places: entities and demonyms", () => {
  test("a tagged name runs on over a comma to the longest place name", () => {
    const text = "Murals are visible in Washington, D.C., today.";
    const found = run(text, [
      ["Washington", "GPE"],
      ["D.C.", "GPE"],
    ]);
    assert.equal(find(found, "Washington, D.C.")?.geonameId, 4140963);
  });
  test("a tagged PERSON is never a place", () => {
    const found = run("Jordan Henderson scored twice.", [["Jordan Henderson", "PERSON"]]);
    assert.equal(found.length, 0);
  });
  test("a lone surname of a tagged person is that person, not a town", () => {
    const text = "Che Adams scored in Birmingham. Adams was later sent off.";
    const found = run(text, [
      ["Che Adams", "PERSON"],
      ["Birmingham", "GPE"],
      ["Adams", "GPE"],
    ]);
    assert.equal(find(found, "Adams"), undefined);
    assert.ok(find(found, "Birmingham"));
  });
  test("a place the tagger calls a person is still a place", () => {
    const place = find(run("Kentucky passed the bill.", [["Kentucky", "PERSON"]]), "Kentucky");
    assert.equal(place?.geonameId, 6254925);
  });
  test("a tagged GPE is resolved even when it is a common word", () => {
    const place = find(run("He moved to Reading last year.", [["Reading", "GPE"]]), "Reading");
    assert.equal(place?.countryCode, "GB");
    assert.equal(place?.entity, 0);
  });
  test("adjectival demonyms are places with form demonym; nouns and languages are not", () => {
    const found = run("Russian diplomats met an American. She speaks English and Arabic.");
    const russian = find(found, "Russian");
    assert.equal(russian?.geonameId, 2017370);
    assert.equal(russian?.form, "demonym");
    assert.equal(find(found, "American"), undefined);
    assert.equal(find(found, "English"), undefined);
  });
});

describe("places: the committed index matches the lexicons it was built from", () => {
  // Fails when a lexicon changed without `npm run build:gazetteer`.
  const gazetteer = loadGazetteer();
  const rows = (file: string): string[][] =>
    readFileSync(new URL(`./lexicon/${file}`, import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"))
      .map((line) => line.split("\t"));
  test("every country of countries.tsv, with its id", () => {
    for (const [cc, , id, , , name] of rows("countries.tsv")) {
      const index = gazetteer.country(cc as string);
      assert.ok(index !== undefined, `${name} missing`);
      assert.equal(gazetteer.entry(index).geonameId, Number(id), String(name));
    }
  });
  test("every listed admin1 region of admin1.tsv, with its id", () => {
    for (const [code, id] of rows("admin1.tsv")) {
      if (!id) continue;
      const index = gazetteer.admin1Entry(code as string);
      assert.ok(index !== undefined, `${code} missing`);
      assert.equal(gazetteer.entry(index).geonameId, Number(id), String(code));
    }
  });
  test("every alias of city-aliases.tsv", () => {
    for (const [id, aliases] of rows("city-aliases.tsv")) {
      for (const alias of (aliases ?? "").split("|")) {
        const ids = gazetteer.lookup(alias).map((c) => gazetteer.entry(c).geonameId);
        assert.ok(ids.includes(Number(id)), `${alias} → ${id}`);
      }
    }
  });
});

describe("places: gazetteer", () => {
  test("loads in well under a second of CPU and holds the countries", () => {
    // CPU time, not wall time: a loaded CI machine must not fail this.
    const before = process.cpuUsage();
    const gazetteer = loadGazetteer(new URL("./model/gazetteer.json.gz", import.meta.url).pathname);
    const used = process.cpuUsage(before);
    const ms = (used.user + used.system) / 1000;
    assert.ok(ms < 2000, `loaded in ${ms.toFixed(0)} ms of CPU`);
    const iraq = gazetteer.country("IQ");
    assert.ok(iraq !== undefined);
    assert.equal(gazetteer.entry(iraq).geonameId, 99237);
  });
});

describe("places: a user's lexicon", () => {
  test("`--lexicon x.places.tsv` adds places the gazetteer lacks", (t) => {
    const dir = mkdtempSync(join(tmpdir(), "places-"));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "niamey.places.tsv");
    writeFileSync(
      path,
      "# a neighbourhood of Niamey\nKirkissoye\tKirkissoy\t\t13.4869\t2.0969\tNE\tcity\t\n",
    );
    const stage = placesStage({ lexicons: [path] });
    const text = "Clashes were reported in Kirkissoye on Sunday.";
    const doc = new Document({ raw: text, format: "text", origin: "test" });
    doc.setText(text, OffsetMap.identity(text.length));
    segment.run(doc, ctx);
    stage.run(doc, ctx);
    const place = find(doc.places, "Kirkissoye");
    assert.equal(place?.countryCode, "NE");
    assert.equal(place?.geonameId, null);
    assert.equal(place?.precision, "city");
    // The shared gazetteer is untouched: the default stage still does not know it.
    assert.equal(find(run(text), "Kirkissoye"), undefined);
  });
  test("a malformed line names its file and line", () => {
    assert.throws(
      () => parsePlacesLexicon("Nowhere\t\t\t\t\t\tcity\n", "x.places.tsv"),
      /x\.places\.tsv:1/,
    );
  });
});

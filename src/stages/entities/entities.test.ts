import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Document } from "../../core/document.ts";
import { OffsetMap } from "../../core/offset-map.ts";
import { createPipeline } from "../../core/pipeline.ts";
import type { StageContext } from "../../core/stage.ts";
import { cleanStage } from "../clean/index.ts";
import { segmentStage } from "../segment/index.ts";
import { tokenize } from "../segment/tokenize.ts";
import { codeActorText, codeNominalActor } from "./actors.ts";
import { entitiesStage } from "./index.ts";
import { loadLexicons, phraseKey } from "./lexicon.ts";
import { NerModel } from "./model.ts";
import { MODEL_PATH } from "./resources.ts";
import { matchTitle } from "./titles.ts";

const ctx: StageContext = { referenceDate: null, options: {}, report: () => {} };
const stage = entitiesStage();

function run(text: string, s = stage): Document {
  const doc = new Document({ raw: text, format: "text", origin: "test" });
  doc.setText(text, OffsetMap.identity(text.length));
  doc.tokens = tokenize(text);
  s.run(doc, ctx);
  return doc;
}

describe("entities model", () => {
  it("loads the shipped model quickly", () => {
    const started = performance.now();
    NerModel.load(MODEL_PATH);
    const ms = performance.now() - started;
    // Under a second on a quiet machine; the bound leaves room for a busy CI.
    assert.ok(ms < 3000, `model loaded in ${ms.toFixed(0)} ms`);
  });

  it("tags people, organisations and places in a short text", () => {
    const doc = run(
      "Defense Secretary Mark Esper said the Pentagon will send troops to Iraq. Esper spoke in Washington.",
    );
    const byText = new Map(doc.entities.map((e) => [e.text, e]));
    assert.equal(byText.get("Mark Esper")?.type, "PERSON");
    assert.equal(byText.get("Mark Esper")?.actor?.title, "Defense Secretary");
    assert.equal(byText.get("Mark Esper")?.actor?.sector, "GOV");
    assert.equal(byText.get("Iraq")?.type, "GPE");
    assert.equal(byText.get("Iraq")?.actor?.country, "IRQ");
    assert.equal(byText.get("Pentagon")?.actor?.country, "USA");
    const esper = doc.entities.find((e) => e.text === "Esper");
    assert.ok(esper, "the short form is tagged");
    assert.equal(esper.type, "PERSON");
    assert.equal(doc.entities[esper.refersTo ?? -1]?.text, "Mark Esper");
    assert.equal(esper.actor?.name, "Mark Esper");
    for (const e of doc.entities) assert.equal(doc.text.slice(e.start, e.end), e.text);
  });

  it("keeps a possessive out of the name and demonyms as NORP", () => {
    const doc = run("Iran's foreign minister met Iraqi officials in Baghdad on Monday.");
    const types = Object.fromEntries(doc.entities.map((e) => [e.text, e.type]));
    assert.equal(types.Iran, "GPE");
    assert.equal(types.Iraqi, "NORP");
    assert.equal(types.Baghdad, "GPE");
  });
});

describe("national teams", () => {
  it("a country beside a match score is a team (ORG) throughout the story", () => {
    const doc = run(
      "Sweden 1 – 0 South Korea. Sweden had more of the ball. Later, Egypt lost to Russia 3-1.",
    );
    const types = doc.entities.map((e) => `${e.text}:${e.type}`);
    assert.deepEqual(
      types.filter(
        (t) => t.startsWith("Sweden") || t.startsWith("South Korea") || t.startsWith("Russia"),
      ),
      ["Sweden:ORG", "South Korea:ORG", "Sweden:ORG", "Russia:ORG"],
    );
  });
  it("the team's people in the plural are the team", () => {
    const doc = run("Belgium 3 – 0 Panama. A volley put the Belgians in the lead.");
    assert.ok(doc.entities.some((e) => e.text === "Belgians" && e.type === "ORG"));
  });
  it("leaves countries alone in a story without scores", () => {
    const doc = run("Sweden and South Korea signed a trade deal in 2019 - 2020 talks.");
    assert.ok(doc.entities.some((e) => e.text === "Sweden" && e.type === "GPE"));
  });
});

describe("capitalisation in context", () => {
  it("a sentence's first word the article writes in lowercase is no name, nor a title's word", () => {
    const doc = run(
      "Children have an adequate intake of iodine. Iodine deficiency can lead to serious problems. The plan is part of Prime Minister Rishi Sunak's effort.",
    );
    const names = doc.entities.map((e) => e.text);
    assert.ok(!names.includes("Iodine"), names.join(" | "));
    assert.ok(!names.includes("Prime"), names.join(" | "));
    assert.ok(names.includes("Rishi Sunak"), names.join(" | "));
  });
  it("a lone organisation word opening a sentence is the common noun", () => {
    const doc = run(
      "The exhibit opened at the University of Southern Indiana. University exhibits can reach out and attract large audiences.",
    );
    assert.ok(
      !doc.entities.some((e) => e.text === "University"),
      doc.entities.map((e) => e.text).join(" | "),
    );
  });
  it("keeps a short name of a longer one even when the article has the common word", () => {
    const doc = run("George Bush spoke on Monday. Bush said the bush was dry.");
    assert.ok(doc.entities.some((e) => e.text === "Bush" && e.type === "PERSON"));
  });
});

describe("people the tagger took for organisations", () => {
  it("a name whose last word the story uses alone for a person is that person", () => {
    const doc = run(
      "Romelu Lukaku, Yannick Carrasco, and Dries Mertens made early attempts. Mertens scored in the second half.",
    );
    const dries = doc.entities.find((e) => e.text === "Dries Mertens");
    assert.equal(dries?.type, "PERSON", doc.entities.map((e) => `${e.text}:${e.type}`).join(" | "));
  });
});

describe("organisation names with a complement", () => {
  it("runs on through for/on/of into capitalised words, not into a date", () => {
    const doc = run(
      "The Andy Warhol Foundation for the Visual Arts gave prints. The Security Council on Monday met.",
    );
    const names = doc.entities.map((e) => e.text);
    assert.ok(names.includes("Andy Warhol Foundation for the Visual Arts"), names.join(" | "));
    assert.ok(!names.some((n) => n.includes("Monday")), names.join(" | "));
  });
});

describe("coordinated names", () => {
  it("two names joined by `and` are two, a known name with `and` stays one", () => {
    const doc = run(
      "The team from the Massachusetts Institute of Technology and Colorado State University studied it. According to AFP, the Untied Nations and United States have both criticised it. Trinidad and Tobago won.",
    );
    const names = doc.entities.map((e) => `${e.text}:${e.type}`);
    for (const n of [
      "Massachusetts Institute of Technology:ORG",
      "Colorado State University:ORG",
      "Untied Nations:ORG",
      "United States:GPE",
      "Trinidad and Tobago:GPE",
    ])
      assert.ok(names.includes(n), `${n} in ${names.join(" | ")}`);
  });
});

describe("count nouns", () => {
  it("a capitalised word used in the plural and the singular is a kind of thing", () => {
    const doc = run(
      "The exhibit includes roughly 100 Polaroids of celebrities. The Polaroids were all donated. Visitors could have their own Polaroid taken.",
    );
    assert.ok(
      !doc.entities.some((e) => e.text.startsWith("Polaroid")),
      doc.entities.map((e) => `${e.text}:${e.type}`).join(" | "),
    );
  });
  it("groups of people stay", () => {
    const doc = run(
      "The Houthis attacked again. A Houthi spokesman said the Houthis would fight on.",
    );
    assert.ok(doc.entities.some((e) => e.text === "Houthis"));
  });
});

describe("compass parts of places", () => {
  it("a place with a compass point after it is a place", () => {
    const doc = run("In the Kowloon West geographical constituency, pro-Beijing councillors won.");
    assert.ok(
      doc.entities.some((e) => e.text === "Kowloon West" && e.type === "GPE"),
      doc.entities.map((e) => `${e.text}:${e.type}`).join(" | "),
    );
  });
});

describe("team names and eponymous governments", () => {
  it("`Team Estonia` is one organisation, `the Monti government` is named after a person", () => {
    const doc = run(
      "The tax system was changed by the Monti government. Team Estonia had to rebuild their robot. The Iraq government agreed.",
    );
    const names = doc.entities.map((e) => `${e.text}:${e.type}`);
    for (const n of ["Monti:PERSON", "Team Estonia:ORG", "Iraq:GPE"])
      assert.ok(names.includes(n), `${n} in ${names.join(" | ")}`);
  });
});

describe("currencies", () => {
  it("a currency's country prefix is no mention of the place", () => {
    const doc = run("He was released on US$ 20,000 bail in the US on Thursday.");
    const us = doc.entities.filter((e) => e.text === "US");
    assert.equal(us.length, 1, doc.entities.map((e) => e.text).join(" | "));
    assert.equal(doc.text.slice(us[0]?.end ?? 0, (us[0]?.end ?? 0) + 4), " on ");
  });
});

describe("possessors", () => {
  it("an organisation's person after 's is a name of its own", () => {
    const doc = run("Nathan Law of Demosisto and New People Party's Regina Ip were re-elected.");
    const names = doc.entities.map((e) => `${e.text}:${e.type}`);
    assert.ok(names.includes("Regina Ip:PERSON"), names.join(" | "));
    assert.ok(!names.some((n) => n.includes("'s")), names.join(" | "));
  });
  it("an organisation run on into the person named after it is two names", () => {
    const doc = run(
      "Executive director of the Dallas chapter of the Council on American - Islamic Relations Alia Salem said Mohamed wishes to use his fame.",
    );
    const names = doc.entities.map((e) => `${e.text}:${e.type}`);
    assert.ok(names.includes("Council on American - Islamic Relations:ORG"), names.join(" | "));
    assert.ok(names.includes("Alia Salem:PERSON"), names.join(" | "));
  });
});

describe("organisations by their head noun", () => {
  it("`the Church` after `the Church of Scientology` is that organisation", () => {
    const doc = run(
      "She left the Church of Scientology in 2009. The Church denied her claims on Monday.",
    );
    const church = doc.entities.find((e) => e.text === "Church");
    assert.ok(church, doc.entities.map((e) => e.text).join(" | "));
    assert.equal(church.type, "ORG");
    assert.equal(doc.entities[church.refersTo ?? -1]?.text, "Church of Scientology");
  });
});

describe("events", () => {
  it("an event is no name; an organisation naming it stays", () => {
    const doc = run(
      "He was invited to the Google Science Fair. The Taipei Lantern Festival opened on Saturday.",
    );
    const names = doc.entities.map((e) => `${e.text}:${e.type}`);
    assert.ok(names.includes("Google:ORG"), names.join(" | "));
    assert.ok(!names.some((n) => /Fair|Festival/.test(n)), names.join(" | "));
  });
});

describe("titles", () => {
  const lex = loadLexicons();
  const rows: [string, number, string | null, string | null][] = [
    // [phrase, tokens the title takes, sector, country]
    ["Defense Secretary Mark Esper", 2, "GOV", null],
    ["U.S. President Donald Trump", 2, "GOV", "USA"],
    ["Lt. Gen. John Smith", 4, "MIL", null],
    ["Iraqi Prime Minister Adel Abdul-Mahdi", 3, "GOV", "IRQ"],
    ["Mr. Smith", 2, null, null],
    ["Lebanon's new President Elias Hrawi", 4, "GOV", "LBN"],
    ["Jordan's visiting King Abdullah", 4, "GOV", "JOR"],
    ["Mark Esper", 0, null, null],
    ["President", 0, null, null],
  ];
  for (const [words, length, sector, country] of rows) {
    it(words, () => {
      const m = matchTitle(phraseKey(words).split(" "), lex);
      assert.equal(m.length, length);
      assert.equal(m.sector, sector);
      assert.equal(m.country?.iso3 ?? null, country);
    });
  }
});

describe("actor coding", () => {
  const text =
    "About 100 marines are being sent to the US embassy in Baghdad, U.S. officials said. Iranian-backed militia fighters and protesters attacked the embassy in Baghdad. The United States will call on the Iraqi government to act.";
  const doc = run(text);
  const rows: [string, string | null, string | null, string | null][] = [
    ["About 100 marines", "USA", "MIL", null],
    ["U.S. officials", "USA", "GOV", null],
    ["Iranian-backed militia fighters", "IRQ", "REB", "IRN"],
    ["protesters", "IRQ", "CVL", null],
    ["the Iraqi government", "IRQ", "GOV", null],
  ];
  for (const [phrase, country, sector, backedBy] of rows) {
    it(phrase, () => {
      const start = text.indexOf(phrase);
      const actor = codeNominalActor(doc, { start, end: start + phrase.length });
      assert.ok(actor, `${phrase} is coded`);
      assert.equal(actor.country, country);
      assert.equal(actor.sector, sector);
      assert.equal(actor.backedBy ?? null, backedBy);
      assert.ok(actor.how && actor.how.length > 0, "says how");
    });
  }
  it("codes free text through the lexicon", () => {
    assert.deepEqual(
      { ...codeActorText("Kata'ib Hezbollah", doc), how: undefined },
      { name: "Kata'ib Hezbollah", country: "IRQ", sector: "REB", backedBy: "IRN", how: undefined },
    );
    assert.equal(codeActorText("the weather", doc), null);
  });
  it("reads user lexicons given with --lexicon", () => {
    const dir = mkdtempSync(join(tmpdir(), "dateline-lexicon-"));
    const file = join(dir, "mine.json");
    writeFileSync(
      file,
      JSON.stringify({ actors: [{ names: ["Zorblax Front"], country: "FRA", sector: "REB" }] }),
    );
    const own = entitiesStage({ lexicons: [file] });
    const d = run("Fighters of the Zorblax Front seized the town.", own);
    const e = d.entities.find((x) => x.text === "Zorblax Front");
    assert.ok(e, "the user entry is found");
    assert.equal(e.type, "ORG");
    assert.deepEqual(e.actor, {
      name: "Zorblax Front",
      country: "FRA",
      sector: "REB",
      how: ["user-lexicon"],
    });
  });
});

describe("countries of named actors", () => {
  const country = (text: string, name: string): string | null | undefined =>
    run(text).entities.find((e) => e.text === name)?.actor?.country;
  it("a titled person takes no country from the other side of the story", () => {
    // The one country named is the target, or the envoys met: the person is their counterpart.
    assert.equal(
      country("President Bush has threatened further action against Russia.", "Bush"),
      null,
    );
    assert.equal(
      country(
        "A group of Moroccan diplomats held their first meeting with President Obama.",
        "Obama",
      ),
      null,
    );
  });
  it("a titled person takes the country the story is at home in", () => {
    assert.equal(
      country(
        "Opposition groups in Zimbabwe are demanding that President Mugabe resign.",
        "Mugabe",
      ),
      "ZWE",
    );
  });
  it("what the text says of the person's country wins", () => {
    assert.equal(
      country(
        "King Hassan of Morocco said he would host a meeting between Israel and Egypt.",
        "Hassan",
      ),
      "MAR",
    );
    // The organisation before the title is international: no country, none guessed.
    assert.equal(
      country("Arab League Secretary General Chadli Klibi met Syria's president.", "Chadli Klibi"),
      null,
    );
  });
  it("a country before a lexicon name is the organisation's own", () => {
    const doc = run("The Ivory Coast's Supreme Court allowed the candidate to run.");
    const court = doc.entities.find((e) => e.type === "ORG" && e.text.includes("Supreme Court"));
    assert.equal(court?.actor?.country, "CIV");
  });
  it("a region named by its country is in that country", () => {
    assert.equal(
      country("Israel today mounted its invasion of South Lebanon.", "South Lebanon"),
      "LBN",
    );
  });
});

describe("the seed article", () => {
  const raw = readFileSync("examples/000_c1e55ffcabdf0152.txt", "utf8");
  const doc = createPipeline([cleanStage(), segmentStage(), stage]).run({
    raw,
    format: "text",
    origin: "seed",
  });
  const musts: [string, string, string | null, string | null][] = [
    ["Mark Esper", "PERSON", "USA", "GOV"],
    ["Lucas Tomlinson", "PERSON", null, null],
    ["Kata'ib Hezbollah", "ORG", "IRQ", null],
    ["Fox News", "ORG", null, null],
    ["Task & Purpose", "ORG", null, null],
    ["Department of Defense", "ORG", "USA", "GOV"],
    ["Baghdad", "GPE", null, null],
    ["Kirkuk", "GPE", null, null],
    ["Iraq", "GPE", null, null],
  ];
  for (const [text, type, country, sector] of musts) {
    it(`${text} ${type}${country ? ` ${country}` : ""}${sector ? ` ${sector}` : ""}`, () => {
      const e = doc.entities.find((x) => x.text.replace("’", "'") === text && x.type === type);
      assert.ok(e, `${text} found as ${type}`);
      if (country) assert.equal(e.actor?.country, country);
      if (sector) assert.equal(e.actor?.sector, sector);
    });
  }
});

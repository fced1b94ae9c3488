/**
 * Table-driven tests of the events stage on hand-built documents: the text, its tokens from
 * the real tokenizer, and the entities, places and dates an upstream stage would give, so
 * that these tests pin the coder's own decisions (arguments, counts, modality, links).
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { Entity, EntityType, Event, Place } from "../../core/annotations.ts";
import { Document } from "../../core/document.ts";
import { OffsetMap } from "../../core/offset-map.ts";
import { tokenize } from "../segment/tokenize.ts";
import { cameoClass, composeCameo, defaultCameo, gdeltQuadClass, isCameoCode } from "./cameo.ts";
import { eventsStage } from "./index.ts";
import { loadEventLexicon, parseUserLexicon } from "./lexicon.ts";
import { lemmatize, nounForms, verbForms } from "./morphology.ts";

type Ent = [text: string, type: EntityType, country: string | null, sector: string | null];
type Plc = [text: string, geonameId: number, countryCode: string, precision: Place["precision"]];
type Dat = [text: string, value: string];

interface Given {
  entities?: Ent[];
  places?: Plc[];
  dates?: Dat[];
}

/** Spans of every occurrence of `needle` in `text`. */
function all(text: string, needle: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    out.push({ start: i, end: i + needle.length });
  }
  return out;
}

function build(text: string, given: Given = {}): Document {
  const doc = new Document({ raw: text, format: "text", origin: "test", published: "2019-12-31" });
  doc.setText(text, OffsetMap.identity(text.length));
  doc.tokens = tokenize(text);
  // Sentences: split after . ! ? followed by a space and a capital or a quote.
  const sentences: { start: number; end: number }[] = [];
  let start = 0;
  const re = /[.!?]["”]?(?=\s+["“A-Z])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    sentences.push({ start, end: m.index + m[0].length });
    start = m.index + m[0].length + 1;
    while (text[start] === " ") start++;
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  doc.sentences = sentences;
  const entities: Entity[] = [];
  for (const [t, type, country, sector] of given.entities ?? []) {
    for (const s of all(text, t)) {
      entities.push({ ...s, text: t, type, actor: { name: t, country, sector } });
    }
  }
  doc.entities = entities.sort((a, b) => a.start - b.start);
  const places: Place[] = [];
  for (const [t, geonameId, countryCode, precision] of given.places ?? []) {
    for (const s of all(text, t)) {
      places.push({
        ...s,
        text: t,
        geonameId,
        name: t,
        countryCode,
        admin1: null,
        lat: null,
        lon: null,
        precision,
        confidence: 0.9,
      });
    }
  }
  doc.places = places.sort((a, b) => a.start - b.start);
  doc.dates = (given.dates ?? [])
    .flatMap(([t, value]) =>
      all(text, t).map((s) => ({
        ...s,
        text: t,
        value,
        grain: "day" as const,
        earliest: value,
        latest: value,
      })),
    )
    .sort((a, b) => a.start - b.start);
  return doc;
}

const stage = eventsStage({});
const ctx = { referenceDate: "2019-12-31", options: {}, report: () => {} };

function code(text: string, given: Given = {}): Event[] {
  const doc = build(text, given);
  stage.run(doc, ctx);
  return doc.events;
}

const US: Ent = ["US", "GPE", "USA", null];
const USdots: Ent = ["U.S.", "GPE", "USA", null];
const IRAN: Ent = ["Iran", "GPE", "IRN", null];
const ISRAEL: Ent = ["Israel", "GPE", "ISR", null];
const ISRAELI: Ent = ["Israeli", "NORP", "ISR", null];
const BAGHDAD_PLACE: Plc = ["Baghdad", 98182, "IQ", "city"];
const KIRKUK_PLACE: Plc = ["Kirkuk", 94787, "IQ", "city"];

describe("morphology", () => {
  test("lemmatize with a lexicon settles inflections", () => {
    const known = new Set([
      "send",
      "attack",
      "airstrike",
      "storm",
      "withdraw",
      "arrest",
      "seize",
      "stop",
      "deny",
    ]);
    const rows: [string, string][] = [
      ["sent", "send"],
      ["attacked", "attack"],
      ["airstrikes", "airstrike"],
      ["storming", "storm"],
      ["withdrew", "withdraw"],
      ["arrested", "arrest"],
      ["seized", "seize"],
      ["stopped", "stop"],
      ["denies", "deny"],
    ];
    for (const [form, lemma] of rows)
      assert.equal(
        lemmatize(form, (l) => known.has(l)),
        lemma,
        form,
      );
  });
  test("inflect generates what news writes", () => {
    assert.ok(verbForms("send").includes("sent"));
    assert.ok(verbForms("storm").includes("stormed"));
    assert.ok(verbForms("deny").includes("denied"));
    assert.ok(verbForms("stop").includes("stopped"));
    assert.ok(verbForms("seize").includes("seizing"));
    assert.ok(nounForms("airstrike").includes("airstrikes"));
    assert.ok(nounForms("crisis").includes("crises"));
  });
});

describe("lexicon", () => {
  test("every row parses and every PLOVER type has triggers", () => {
    const lex = loadEventLexicon();
    const types = new Set(lex.entries.map((e) => e.type).filter(Boolean));
    assert.equal(types.size, 16);
  });
  test("a user file adds triggers; files for other stages are ignored", () => {
    const dir = mkdtempSync(join(tmpdir(), "dateline-events-"));
    const path = join(dir, "mine.json");
    writeFileSync(
      path,
      JSON.stringify({
        actors: [],
        events: [
          {
            lemma: "torpedo",
            pos: "v",
            type: "ASSAULT",
            mode: "heavy-weapons",
            recipient: "obj",
            rule: "user/torpedo",
          },
        ],
      }),
    );
    const rows = parseUserLexicon(path, JSON.stringify({ actors: [{ names: ["X"] }] }));
    assert.equal(rows.length, 0);
    const withUser = eventsStage({ lexicons: [path] });
    const doc = build("Israeli submarines torpedoed the ship.", { entities: [ISRAELI] });
    withUser.run(doc, ctx);
    assert.equal(doc.events[0]?.type, "ASSAULT");
    assert.equal(doc.events[0]?.coder, "rule:user/torpedo@1");
    assert.throws(
      () =>
        parseUserLexicon("bad.json", JSON.stringify({ events: [{ lemma: "x", type: "FIGHT" }] })),
      /not a PLOVER event type/,
    );
  });
});

describe("arguments, counts, modality", () => {
  test("passive mobilisation: the troops sent, their number, the place", () => {
    const [e, ...rest] = code(
      "About 100 marines are being sent to the US embassy in Baghdad, officials said.",
      {
        entities: [US, ["Baghdad", "GPE", "IRQ", null]],
        places: [BAGHDAD_PLACE],
      },
    );
    assert.equal(rest.length, 0);
    assert.equal(e?.type, "MOBILIZE");
    assert.equal(e?.mode, "troops");
    assert.equal(e?.size, 100);
    assert.equal(e?.actor?.sector, "MIL");
    assert.equal(e?.location?.geonameId, 98182);
    assert.deepEqual(e?.attribution, { text: "officials", anonymous: true });
  });

  test("a killing told inside an attack is the attack's count; vague counts say so", () => {
    const events = code(
      "The strikes came after a missile attack on a US military base in Kirkuk, in which an American contractor was killed and several soldiers injured.",
      {
        entities: [US, ["American", "NORP", "USA", null], ["Kirkuk", "GPE", "IRQ", null]],
        places: [KIRKUK_PLACE],
      },
    );
    const attack = events.find((e) => e.trigger.text === "attack");
    assert.ok(attack);
    assert.equal(
      events.filter((e) => e.type === "ASSAULT").length,
      1,
      "the killing is no event of its own",
    );
    assert.equal(attack.dead, 1);
    assert.equal(attack.injured, null);
    assert.deepEqual(attack.countsVague, ["injured"]);
    assert.equal(attack.recipient?.country, "USA");
    assert.equal(attack.recipient?.sector, "MIL");
    assert.equal(attack.location?.geonameId, 94787);
    assert.equal(attack.mode, "heavy-weapons");
  });

  test("table: type, actor and recipient countries, flags", () => {
    const rows: [
      string,
      Given,
      Partial<Record<"type" | "mode" | "actor" | "recipient", string | null>> & {
        negated?: boolean;
        hypothetical?: boolean;
        dead?: number;
        arrested?: number;
      },
    ][] = [
      [
        "Israeli troops did not attack the village.",
        { entities: [ISRAELI] },
        { type: "ASSAULT", actor: "ISR", negated: true },
      ],
      [
        "Iran threatened to attack Israel.",
        { entities: [IRAN, ISRAEL] },
        { type: "THREATEN", mode: "violence", actor: "IRN", recipient: "ISR" },
      ],
      [
        "Hamas plans to attack Israel.",
        { entities: [["Hamas", "ORG", "PSE", "REB"], ISRAEL] },
        { type: "THREATEN", actor: "PSE", recipient: "ISR" },
      ],
      [
        "Three US servicemen were killed by a roadside bomb.",
        { entities: [US] },
        { type: "ASSAULT", mode: "explosives", recipient: "USA", dead: 3 },
      ],
      [
        "Egyptian police arrested 12 protesters in Cairo.",
        { entities: [["Egyptian", "NORP", "EGY", null]] },
        { type: "COERCE", mode: "arrest", actor: "EGY", arrested: 12 },
      ],
      [
        "Iran condemned the attack.",
        { entities: [IRAN] },
        { type: "ACCUSE", mode: "disapprove", actor: "IRN" },
      ],
      [
        "The United States imposed sanctions on Iran.",
        { entities: [["United States", "GPE", "USA", null], IRAN] },
        { type: "SANCTION", actor: "USA", recipient: "IRN" },
      ],
      [
        "Israel said it would withdraw its troops from Lebanon.",
        { entities: [ISRAEL, ["Lebanon", "GPE", "LBN", null]] },
        { type: "CONCEDE", actor: "ISR" },
      ],
      [
        "Iran and Iraq held talks in Baghdad.",
        { entities: [IRAN, ["Iraq", "GPE", "IRQ", null]] },
        { type: "CONSULT", actor: "IRN" },
      ],
      ["Thousands of demonstrators stormed the parliament.", {}, { type: "PROTEST", mode: "riot" }],
    ];
    for (const [text, given, want] of rows) {
      const events = code(text, given);
      const e = events[0];
      assert.ok(e, `no event: ${text}`);
      if (want.type) assert.equal(e.type, want.type, text);
      if (want.mode !== undefined) assert.equal(e.mode, want.mode, text);
      if (want.actor !== undefined)
        assert.equal(e.actor?.country ?? null, want.actor, `actor: ${text}`);
      if (want.recipient !== undefined)
        assert.equal(e.recipient?.country ?? null, want.recipient, `recipient: ${text}`);
      assert.equal(e.negated, want.negated ?? false, `negated: ${text}`);
      if (want.hypothetical !== undefined) assert.equal(e.hypothetical, want.hypothetical, text);
      if (want.dead !== undefined) assert.equal(e.dead, want.dead, text);
      if (want.arrested !== undefined) assert.equal(e.arrested, want.arrested, text);
      // One event per sentence here: a complement (`to attack`) is never a second event.
      assert.equal(
        events.filter((x) => x.actor?.text === e.actor?.text).length,
        1,
        `one event: ${text}`,
      );
    }
  });

  test("conditions are hypothetical; announced force is a threat", () => {
    const events = code("Iran will attack if Israel strikes its nuclear sites.", {
      entities: [IRAN, ISRAEL],
    });
    const threat = events.find((e) => e.trigger.text === "attack");
    const strike = events.find((e) => e.trigger.text === "strikes");
    assert.equal(threat?.type, "THREATEN");
    assert.equal(threat?.hypothetical, false);
    assert.equal(strike?.type, "ASSAULT");
    assert.equal(strike?.hypothetical, true);
  });

  test("a failed cooperation is a refusal; opinions are not agreements", () => {
    const [e] = code("Israel and Syria failed to reach agreement on Sunday.", {
      entities: [ISRAEL, ["Syria", "GPE", "SYR", null]],
    });
    assert.equal(e?.type, "REJECT");
    assert.deepEqual(code("Officials said they agree with the court that the law is sound."), []);
  });

  test("an enumeration of countries: one event per country", () => {
    const events = code(
      "The US Congress agreed to lift embargoes on Iran, Libya, North Korea, Sudan.",
      {
        entities: [
          ["US Congress", "ORG", "USA", "LEG"],
          IRAN,
          ["Libya", "GPE", "LBY", null],
          ["North Korea", "GPE", "PRK", null],
          ["Sudan", "GPE", "SDN", null],
        ],
      },
    );
    assert.deepEqual(
      events.map((e) => `${e.type}:${e.recipient?.country}`),
      ["AGREE:IRN", "AGREE:LBY", "AGREE:PRK", "AGREE:SDN"],
    );
  });

  test("no named target: the place it happens, but not a meeting's venue", () => {
    const [refuge] = code("Some 800,000 Iraqi Kurds sought refuge in Germany last month.", {
      entities: [
        ["Iraqi", "NORP", "IRQ", null],
        ["Germany", "GPE", "DEU", null],
      ],
      places: [["Germany", 2921044, "DE", "country"]],
    });
    assert.equal(refuge?.type, "REQUEST");
    assert.equal(refuge?.recipient?.country, "DEU");
    const [talks] = code(
      "Delegations from Armenia and Azerbaijan resumed talks in Geneva on Monday.",
      {
        entities: [
          ["Armenia", "GPE", "ARM", null],
          ["Azerbaijan", "GPE", "AZE", null],
        ],
        places: [["Geneva", 2660646, "CH", "city"]],
      },
    );
    assert.equal(talks?.type, "CONSULT");
    assert.notEqual(talks?.recipient?.country, "CHE");
  });

  test("US is a country, not the pronoun: one event per country of a coordination", () => {
    const events = code("US and British forces attacked the town.", {
      entities: [US, ["British", "NORP", "GBR", null]],
    });
    assert.deepEqual(
      events.map((e) => `${e.type}:${e.actor?.text}:${e.actor?.country}`),
      ["ASSAULT:US:USA", "ASSAULT:British forces:GBR"],
    );
  });

  test("an ally named by its patron is not the patron's own", () => {
    const [e] = code("Hezbollah guerrillas killed the deputy chief of Israel's militia ally.", {
      entities: [["Hezbollah", "ORG", "LBN", "REB"], ISRAEL],
    });
    assert.equal(e?.type, "ASSAULT");
    assert.notEqual(e?.recipient?.country, "ISR");
  });

  test("police act at home: their uncoded targets are of their country", () => {
    const [e] = code("Egyptian police opened fire on demonstrators, killing one person.", {
      entities: [["Egyptian", "NORP", "EGY", null]],
    });
    assert.equal(e?.actor?.country, "EGY");
    assert.equal(e?.recipient?.country, "EGY");
  });

  test("would be sent: kept, flagged hypothetical", () => {
    const [e] = code("About 100 additional Marines would be sent to the embassy.");
    assert.equal(e?.type, "MOBILIZE");
    assert.equal(e?.hypothetical, true);
  });

  test("no event from statements, tweets, purposes or garbled objects", () => {
    const none = [
      "Defense Secretary Mark Esper also made a statement, but he didn't say how many.",
      "Fox News reporter Lucas Tomlinson tweeted for the first time on Tuesday.",
      "Your job will be to protect the message, not to evacuate it.",
      "The helicopters flew a special mission to fire torches.",
      "We rely on the host country's forces to protect our personnel.",
    ];
    for (const text of none)
      assert.deepEqual(
        code(text).map((e) => `${e.type}:${e.trigger.text}`),
        [],
        text,
      );
  });
});

describe("links and references", () => {
  test("in retaliation for, after: links between the events of a sentence and to earlier ones", () => {
    const text =
      "Demonstrators attempted to storm the embassy in retaliation for the recent U.S. airstrikes on Kata'ib Hezbollah. These air strikes were carried out after a missile attack on a US base.";
    const events = code(text, {
      entities: [USdots, US, ["Kata'ib Hezbollah", "ORG", "IRQ", "REB"]],
      dates: [["recent", "2019-12-31"]],
    });
    const storm = events.find((e) => e.trigger.text === "storm");
    const strikes = events.find((e) => e.trigger.text === "airstrikes");
    const missile = events.find((e) => e.trigger.text === "attack");
    assert.ok(storm && strikes && missile);
    assert.equal(events.length, 3, "`these air strikes` is the same event, not a new one");
    assert.deepEqual(storm.links, [{ relation: "retaliation-for", event: strikes.id }]);
    assert.deepEqual(strikes.links, [{ relation: "after", event: missile.id }]);
    assert.equal(strikes.actor?.country, "USA");
    assert.equal(strikes.recipient?.country, "IRQ");
    assert.equal(storm.type, "PROTEST");
  });

  test("`we` in a quotation is its speaker; `the embassy` is the embassy told before", () => {
    const text =
      'Marines were sent to the US embassy in Baghdad. Protesters stormed the embassy on Tuesday. "We call on the Iraqi government to protect our staff," Esper said.';
    const events = code(text, {
      entities: [US, ["Esper", "PERSON", "USA", "GOV"], ["Iraqi", "NORP", "IRQ", null]],
      places: [BAGHDAD_PLACE],
      dates: [["Tuesday", "2019-12-31"]],
    });
    const storm = events.find((e) => e.trigger.text === "stormed");
    assert.equal(storm?.recipient?.country, "USA");
    assert.equal(storm?.location?.geonameId, 98182);
    assert.equal(storm?.date?.value, "2019-12-31");
    const call = events.find((e) => e.type === "REQUEST");
    assert.equal(call?.actor?.country, "USA");
    assert.equal(call?.recipient?.country, "IRQ");
    assert.equal(call?.recipient?.sector, "GOV");
    assert.equal(call?.attribution?.text, "Esper");
  });
});

describe("CAMEO codes", () => {
  const MYANMAR: Ent = ["Myanmar", "GPE", "MMR", null];
  const UN: Ent = ["The United Nations", "ORG", null, "IGO"];
  const NK: Ent = ["North Korea", "GPE", "PRK", null];
  const SK: Ent = ["South Korea", "GPE", "KOR", null];
  const RUSSIA: Ent = ["Russia", "GPE", "RUS", null];
  const GERMANY: Ent = ["Germany", "GPE", "DEU", null];
  const YEMEN: Ent = ["Yemen", "GPE", "YEM", null];
  const GOV: Ent = ["The government", "ORG", null, "GOV"];
  const OBAMA: Ent = ["Obama", "PERSON", "USA", "GOV"];
  const CUBA: Ent = ["Cuba", "GPE", "CUB", null];
  // text, entities, PLOVER type, CAMEO code, CAMEO class (differs from PLOVER's quad where
  // the schemes differ: appeals, yielding, reducing relations, denials).
  const rows: [string, Ent[], string, string, string][] = [
    [
      "The United Nations urged Myanmar to release political prisoners.",
      [UN, MYANMAR],
      "REQUEST",
      "0253",
      "statement",
    ],
    [
      "North Korea threatened to attack South Korea.",
      [NK, SK],
      "THREATEN",
      "138",
      "verbal-conflict",
    ],
    [
      "The government lifted the curfew on Saturday.",
      [GOV],
      "CONCEDE",
      "081",
      "material-cooperation",
    ],
    [
      "Russia expelled two German diplomats.",
      [RUSSIA, GERMANY],
      "SANCTION",
      "161",
      "verbal-conflict",
    ],
    ["Iran rejected accusations by Israel.", [IRAN, ISRAEL], "REJECT", "016", "statement"],
    [
      "Obama will not lift the embargo on Cuba.",
      [OBAMA, CUBA],
      "REJECT",
      "1244",
      "verbal-conflict",
    ],
    [
      "Germany will send humanitarian aid to Yemen.",
      [GERMANY, YEMEN],
      "AGREE",
      "033",
      "verbal-cooperation",
    ],
    ["Germany accepted 1,500 refugees.", [GERMANY], "AID", "075", "material-cooperation"],
    [
      "Pakistan handed over two suspects to India.",
      [
        ["Pakistan", "GPE", "PAK", null],
        ["India", "GPE", "IND", null],
      ],
      "COOPERATE",
      "063",
      "material-cooperation",
    ],
    ["Russia said it will not lift the embargo.", [RUSSIA], "REJECT", "1244", "verbal-conflict"],
  ];
  for (const [text, entities, type, cameo, klass] of rows) {
    test(text, () => {
      const [e] = code(text, { entities });
      assert.ok(e, "an event");
      assert.equal(e.type, type);
      assert.equal(e.cameo, cameo);
      assert.equal(cameoClass(e.cameo as string), klass);
    });
  }
  test("classes, GDELT quad classes, defaults and composition", () => {
    const classes = ["01", "02", "03", "05", "06", "08", "09", "13", "14", "15", "16", "17", "20"];
    assert.deepEqual(
      classes.map((c) => gdeltQuadClass(c)),
      [1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 3, 4, 4],
    );
    assert.equal(cameoClass("020"), "statement");
    assert.equal(defaultCameo("ASSAULT", "aerial"), "195");
    assert.equal(defaultCameo("REQUEST", null), "100");
    assert.equal(composeCameo("REQUEST", "100", "0841"), "1053");
    assert.equal(composeCameo("AGREE", "030", "036"), "030");
    assert.equal(composeCameo("AGREE", "030", "046"), "036");
    assert.equal(composeCameo("THREATEN", "130", "163"), "1312");
    assert.ok(isCameoCode("0841") && !isCameoCode("21") && !isCameoCode("7"));
  });
  test("a user row may give its CAMEO code; a bad code is refused", () => {
    const row = (cameo: string) =>
      parseUserLexicon(
        "mine.json",
        JSON.stringify({
          events: [{ lemma: "airlift", type: "AID", cameo, rule: "user/airlift" }],
        }),
      );
    assert.equal(row("073")[0]?.cameo, "073");
    assert.throws(() => row("999"), /not a CAMEO event code/);
  });
});

import assert from "node:assert/strict";
import { test } from "node:test";
import type { Event, Place } from "../core/annotations.ts";
import type { MergedRef, StoredEvent } from "../store/types.ts";
import type { MergedPlace } from "../stories/events.ts";
import { ACLED_COLUMNS, acledRow, acledType } from "./acled.ts";
import { acledFormat, gdeltFormat, gdeltMentionsFormat, ploverFormat } from "./formats.ts";
import {
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  gdeltEventRow,
  gdeltMentionRow,
} from "./gdelt.ts";
import { ploverRecord } from "./plover.ts";
import { type ExportEvent, firstReports, numericId, realEventKey, tsvLine } from "./types.ts";

const text = "About 100 marines are being sent to the US embassy in Baghdad.";

const BAGHDAD: Place = {
  start: 55,
  end: 62,
  text: "Baghdad",
  geonameId: 98182,
  name: "Baghdad",
  countryCode: "IQ",
  admin1: "Baghdad",
  lat: 33.34,
  lon: 44.4,
  precision: "city",
  confidence: 0.9,
};

function event(over: Partial<Event> = {}): Event {
  return {
    id: "e10",
    type: "MOBILIZE",
    mode: "troops",
    quad: "material-conflict",
    trigger: { start: 28, end: 32, text: "sent" },
    actor: {
      start: 0,
      end: 17,
      text: "About 100 marines",
      name: "Marines",
      country: "USA",
      sector: "MIL",
    },
    recipient: null,
    location: BAGHDAD,
    date: {
      start: 0,
      end: 0,
      text: "Tuesday",
      value: "2019-12-31",
      grain: "day",
      earliest: "2019-12-31",
      latest: "2019-12-31",
    },
    dead: null,
    injured: null,
    arrested: null,
    size: 100,
    negated: false,
    hypothetical: false,
    evidence: { sentence: 0, start: 0, end: text.length },
    attribution: { text: "U.S. officials", anonymous: true },
    links: [{ relation: "after", event: "e99" }],
    confidence: 0.8,
    coder: "rule:mobilize/send-troops@1",
    ...over,
  };
}

function stored(ev: Event): ExportEvent {
  return {
    articleId: "a1",
    event: ev,
    evidenceText: text,
    article: {
      published: "2019-12-31",
      title: "Marines sent",
      url: "https://example.org/a",
      source: "example",
    },
  };
}

test("plover: POLECAT-style fields, global ids for the event and its links", () => {
  const r = ploverRecord(stored(event()));
  assert.equal(r.event_id, "a1:e10");
  assert.equal(r.event_type, "MOBILIZE");
  assert.equal(r.event_mode, "troops");
  assert.equal(r.quad_code, 4);
  assert.equal(r.event_date, "2019-12-31");
  assert.equal(r.actor?.country, "USA");
  assert.equal(r.geonames_id, 98182);
  assert.equal(r.size, 100);
  assert.deepEqual(r.links, [{ relation: "after", event_id: "a1:e99" }]);
  assert.equal(r.evidence.text, text);
  // Without a code of its own, the type's and mode's: MOBILIZE troops is CAMEO 154.
  assert.equal(r.cameo_code, "154");
  assert.equal(ploverRecord(stored(event({ cameo: "153" }))).cameo_code, "153");
});

test("gdelt: 61 event columns and 16 mention columns, in GDELT's order", () => {
  assert.equal(GDELT_EVENT_COLUMNS.length, 61);
  assert.equal(GDELT_MENTION_COLUMNS.length, 16);
  const row = gdeltEventRow(stored(event()));
  assert.equal(row.length, 61);
  const get = (name: string) =>
    row[GDELT_EVENT_COLUMNS.indexOf(name as (typeof GDELT_EVENT_COLUMNS)[number])];
  assert.equal(get("Day"), "20191231");
  assert.equal(get("FractionDate"), "2019.9973");
  assert.equal(get("Actor1Code"), "USAMIL");
  assert.equal(get("EventRootCode"), "15");
  assert.equal(get("QuadClass"), 4);
  assert.equal(get("ActionGeo_FeatureID"), 98182);
  assert.equal(get("ActionGeo_Type"), 4);
  const m = gdeltMentionRow(stored(event()), text.length);
  assert.equal(m.length, 16);
  assert.equal(m[0], row[0]);
  assert.equal(m[GDELT_MENTION_COLUMNS.indexOf("ActionCharOffset")], 28);
  assert.equal(m[GDELT_MENTION_COLUMNS.indexOf("SentenceID")], 1);
  // Air strikes are CAMEO 19 (conventional force), bombings 18.
  assert.equal(
    gdeltEventRow(stored(event({ type: "ASSAULT", mode: "aerial" })))[
      GDELT_EVENT_COLUMNS.indexOf("EventRootCode")
    ],
    "19",
  );
  assert.equal(
    gdeltEventRow(stored(event({ type: "ASSAULT", mode: "explosives" })))[
      GDELT_EVENT_COLUMNS.indexOf("EventRootCode")
    ],
    "18",
  );
  // The coder's CAMEO code, not PLOVER's quad: an appeal for a release is CAMEO 0253, a
  // statement (QuadClass 1) though PLOVER's REQUEST is verbal conflict; sanctions are CAMEO
  // 163, "reduce relations", verbal conflict (3) though PLOVER's SANCTION is material conflict.
  const codes = (over: Partial<Event>) => {
    const r = gdeltEventRow(stored(event(over)));
    return ["EventCode", "EventBaseCode", "EventRootCode", "QuadClass"].map(
      (c) => r[GDELT_EVENT_COLUMNS.indexOf(c as (typeof GDELT_EVENT_COLUMNS)[number])],
    );
  };
  assert.deepEqual(codes({ type: "REQUEST", quad: "verbal-conflict", cameo: "0253" }), [
    "0253",
    "025",
    "02",
    1,
  ]);
  assert.deepEqual(
    codes({ type: "SANCTION", mode: "discontinue", quad: "material-conflict", cameo: "163" }),
    ["163", "163", "16", 3],
  );
  // An event without a code (stored before events had them) takes its type's and mode's.
  assert.deepEqual(codes({ type: "RETREAT", mode: "release", quad: "material-cooperation" }), [
    "0841",
    "084",
    "08",
    2,
  ]);
});

test("merged reports: one GlobalEventID and the real event's counts, reprints not counted", () => {
  const merged = { id: "ev-0123456789ab", numMentions: 3, numArticles: 2, numSources: 2 };
  const a = { ...stored(event()), merged };
  const b = { ...stored(event({ id: "e3" })), articleId: "a2", merged };
  const get = (row: unknown[], name: string) =>
    row[GDELT_EVENT_COLUMNS.indexOf(name as (typeof GDELT_EVENT_COLUMNS)[number])];
  const row = gdeltEventRow(a);
  assert.equal(get(row, "GlobalEventID"), numericId("ev-0123456789ab"));
  assert.deepEqual(
    ["NumMentions", "NumSources", "NumArticles"].map((c) => get(row, c)),
    [3, 2, 2],
  );
  // Every report of the event points at the same row of the events table.
  assert.equal(gdeltMentionRow(b)[0], get(row, "GlobalEventID"));
  assert.equal(realEventKey(b), "ev-0123456789ab");
  assert.equal(ploverRecord(b).merged_event?.num_articles, 2);
  assert.equal(ploverRecord(b).event_id, "a2:e3", "the line is still the report");
  // A mention no pass merged is its own event, counted once.
  const alone = gdeltEventRow(stored(event()));
  assert.equal(get(alone, "GlobalEventID"), numericId("a1:e10"));
  assert.deepEqual(
    ["NumMentions", "NumSources", "NumArticles"].map((c) => get(alone, c)),
    [1, 1, 1],
  );
  assert.equal(ploverRecord(stored(event())).merged_event, null);
  assert.equal(acledRow(a)?.[0], acledRow(b)?.[0], "one ACLED id for the event");
});

test("a per-event row fills the earliest report's gaps from its merged event", () => {
  const get = (row: unknown[], name: string) =>
    row[GDELT_EVENT_COLUMNS.indexOf(name as (typeof GDELT_EVENT_COLUMNS)[number])];
  const acled = (row: unknown[] | null, name: string) =>
    row?.[ACLED_COLUMNS.indexOf(name as (typeof ACLED_COLUMNS)[number])];
  // The first report names no one, no place and no day; later ones named them all.
  const silent = event({ actor: null, location: null, date: null, type: "ASSAULT", mode: null });
  // The merged event's place: the place as a report gives it, without its words.
  const { start: _start, end: _end, text: _text, confidence: _confidence, ...baghdad } = BAGHDAD;
  const iraq: MergedPlace = {
    ...baghdad,
    geonameId: 99237,
    name: "Iraq",
    admin1: null,
    precision: "country",
  };
  const merged: MergedRef = {
    id: "ev-1",
    numMentions: 2,
    numArticles: 2,
    numSources: 2,
    actor: { name: "Marines", country: "USA", sector: "MIL" },
    recipient: { name: "Protesters", country: "IRQ", sector: "CVL" },
    location: baghdad,
    earliest: "2019-12-30",
    latest: "2019-12-30",
  };
  const first = { ...stored(silent), merged };
  const row = gdeltEventRow(first);
  assert.deepEqual(
    [
      "Actor1Name",
      "Actor2Name",
      "ActionGeo_FullName",
      "ActionGeo_ADM1Code",
      "ActionGeo_FeatureID",
    ].map((c) => get(row, c)),
    ["MARINES", "PROTESTERS", "Baghdad, IQ", "IQ-Baghdad", 98182],
  );
  assert.equal(get(row, "Day"), "20191230", "the day the reports agree on, not publication");
  const mentionDay = (e: typeof first) =>
    gdeltMentionRow(e)[GDELT_MENTION_COLUMNS.indexOf("EventTimeDate")];
  assert.equal(mentionDay(first), "20191230000000", "the mention names its event's day");
  assert.equal(
    gdeltMentionRow(first)[GDELT_MENTION_COLUMNS.indexOf("MentionTimeDate")],
    "20191231000000",
    "and its own publication day",
  );
  assert.equal(
    mentionDay({ ...first, merged: { ...merged, latest: "2019-12-31" } }),
    "20191231000000",
    "no agreed day: its own",
  );
  const arow = acledRow(first);
  assert.deepEqual(
    ["actor1", "actor2", "location", "admin1", "event_date", "sub_event_type"].map((c) =>
      acled(arow, c),
    ),
    ["Marines", "Protesters", "Baghdad", "Baghdad", "2019-12-30", "Attack"],
  );
  // The report's own findings stand: its day (31 December) and its place when as precise.
  const own = {
    ...stored(event({ location: { ...event().location, ...iraq } as Event["location"] })),
  };
  const ownRow = gdeltEventRow({ ...own, merged: { ...merged, location: iraq } });
  assert.equal(get(ownRow, "Day"), "20191231", "the report's own day");
  assert.equal(get(ownRow, "ActionGeo_FeatureID"), 99237);
  // A more precise place of another report replaces its own.
  assert.equal(get(gdeltEventRow({ ...own, merged }), "ActionGeo_FeatureID"), 98182);
  // An older store's merged place has no admin1: the row says what it has.
  const { admin1: _, ...noAdmin1 } = baghdad;
  const old = gdeltEventRow({ ...stored(silent), merged: { ...merged, location: noAdmin1 } });
  assert.equal(get(old, "ActionGeo_ADM1Code"), "IQ");
});

test("per-event tables keep the first report of each real event, per-report ones all", async () => {
  const merged = { id: "ev-1", numMentions: 2, numArticles: 2, numSources: 2 };
  const report = (ev: Event, articleId: string, ref: MergedRef | null | undefined) => ({
    ...stored(ev),
    articleId,
    index: 0,
    ...(ref !== undefined ? { merged: ref } : {}),
  });
  const reports: StoredEvent[] = [
    report(event(), "a1", merged),
    report(event({ id: "e2" }), "a1", null),
    report(event(), "a2", merged),
    report(event({ id: "e3" }), "a1", undefined),
  ];
  async function* stream() {
    yield* reports;
  }
  const kept: string[] = [];
  for await (const e of firstReports(stream())) kept.push(`${e.articleId}:${e.event.id}`);
  assert.deepEqual(kept, ["a1:e10", "a1:e2", "a1:e3"]);
  const lines = async (format: typeof gdeltFormat) => {
    let text = "";
    const n = await format.write(stream(), async (chunk) => {
      text += chunk;
    });
    return { n, rows: text.trim().split("\n").length - (format === ploverFormat ? 0 : 1) };
  };
  assert.deepEqual(await lines(gdeltFormat), { n: 3, rows: 3 });
  assert.deepEqual(await lines(gdeltMentionsFormat), { n: 4, rows: 4 });
  assert.deepEqual(await lines(ploverFormat), { n: 4, rows: 4 });
  assert.deepEqual(await lines(acledFormat), { n: 3, rows: 3 });
});

test("an ACLED row comes from the first report ACLED has a category for", async () => {
  // Two reports of one agreement: the first names no ceasefire, the second does.
  const merged = { id: "ev-2", numMentions: 2, numArticles: 2, numSources: 2 };
  const agree = (id: string, trigger: string) => ({
    ...stored(
      event({ id, type: "AGREE", mode: null, trigger: { start: 0, end: 6, text: trigger } }),
    ),
    index: 0,
    merged,
  });
  async function* stream() {
    yield agree("e1", "agreed");
    yield agree("e2", "agreed a ceasefire");
  }
  let text = "";
  const n = await acledFormat.write(stream(), async (chunk) => {
    text += chunk;
  });
  assert.equal(n, 1);
  assert.match(text, /Agreement/);
});

test("tsv lines never carry tabs or line breaks inside a value", () => {
  assert.equal(tsvLine(["a\tb", "c\nd", null, 3]), "a b\tc d\t\t3\n");
});

test("numeric ids are stable and distinct", () => {
  assert.equal(numericId("a1:e10"), numericId("a1:e10"));
  assert.notEqual(numericId("a1:e10"), numericId("a1:e11"));
  assert.ok(Number.isSafeInteger(numericId("x".repeat(500))));
});

test("acled crosswalk, table-driven", () => {
  const rows: [Partial<Event>, string | null, string | null][] = [
    [{ type: "ASSAULT", mode: "aerial" }, "Explosions/Remote violence", "Air/drone strike"],
    [
      { type: "ASSAULT", mode: "explosives" },
      "Explosions/Remote violence",
      "Remote explosive/landmine/IED",
    ],
    [
      {
        type: "ASSAULT",
        mode: "firearms",
        recipient: { start: 0, end: 1, text: "x", name: "x", country: null, sector: "CVL" },
      },
      "Violence against civilians",
      "Attack",
    ],
    [
      {
        type: "ASSAULT",
        mode: null,
        recipient: { start: 0, end: 1, text: "x", name: "x", country: null, sector: "MIL" },
      },
      "Battles",
      "Armed clash",
    ],
    [{ type: "PROTEST", mode: "demo" }, "Protests", "Peaceful protest"],
    [{ type: "PROTEST", mode: "riot" }, "Riots", "Violent demonstration"],
    [{ type: "COERCE", mode: "arrest" }, "Strategic developments", "Arrests"],
    [{ type: "MOBILIZE", mode: "troops" }, "Strategic developments", "Change to group/activity"],
    [{ type: "REQUEST", mode: null }, null, null],
    [{ type: "ACCUSE", mode: "disapprove" }, null, null],
  ];
  for (const [over, type, sub] of rows) {
    const ev = event(over);
    const t = acledType(ev, ev.recipient);
    assert.equal(t?.type ?? null, type, JSON.stringify(over));
    assert.equal(t?.subType ?? null, sub, JSON.stringify(over));
  }
  const row = acledRow(stored(event()), { countryName: (c) => (c === "IQ" ? "Iraq" : null) });
  assert.ok(row);
  assert.equal(row.length, ACLED_COLUMNS.length);
  assert.equal(row[ACLED_COLUMNS.indexOf("country")], "Iraq");
  assert.equal(row[ACLED_COLUMNS.indexOf("tags")], "crowd size=100");
  assert.equal(row[ACLED_COLUMNS.indexOf("fatalities")], 0);
  assert.equal(acledRow(stored(event({ type: "REQUEST", mode: null }))), null);
});

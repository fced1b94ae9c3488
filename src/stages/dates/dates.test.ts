import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { DateMention } from "../../core/annotations.ts";
import { Document } from "../../core/document.ts";
import type { Message } from "../../core/message.ts";
import { OffsetMap } from "../../core/offset-map.ts";
import { scoreTimexes } from "../../eval/metrics/tempeval.ts";
import { attachDate, dateForSpan } from "./attach.ts";
import { isoWeek, parseDay } from "./calendar.ts";
import { datesStage } from "./index.ts";
import { createTagger } from "./tagger.ts";

const tagger = createTagger();

function tag(text: string, ref: string | null): DateMention[] {
  return tagger.tag({ text, referenceDate: ref, sentences: [] }).dates;
}

type Expected = Partial<
  Pick<DateMention, "value" | "grain" | "earliest" | "latest" | "kind" | "mod">
>;

// [text, reference date, the expression, what it must resolve to]. 2019-12-31 is a Tuesday,
// in ISO week 2020-W01; 2013-03-22 a Friday.
const CASES: [string, string | null, string, Expected][] = [
  // A bare weekday in past-tense reporting: the latest such day on or before publication.
  [
    "Officials said the attack happened on Friday.",
    "2019-12-31",
    "Friday",
    { value: "2019-12-27", grain: "day", earliest: "2019-12-27", latest: "2019-12-27" },
  ],
  ["U.S. officials said on Tuesday.", "2019-12-31", "Tuesday", { value: "2019-12-31" }],
  [
    "The FAA on Friday announced it will close 149 towers.",
    "2019-12-31",
    "Friday",
    { value: "2019-12-27" },
  ],
  ["Protesters stormed the embassy on Sunday.", "2019-12-31", "Sunday", { value: "2019-12-29" }],
  // Future clauses point forward; the same weekday as publication is that day.
  ["The ministers will meet on Friday.", "2019-12-31", "Friday", { value: "2020-01-03" }],
  ["He said he will travel to Paris on Friday.", "2019-12-31", "Friday", { value: "2020-01-03" }],
  ["The vote is scheduled for Tuesday.", "2019-12-31", "Tuesday", { value: "2019-12-31" }],
  [
    "The match has been postponed until 15:00 GMT Saturday.",
    "2013-03-22",
    "15:00 GMT Saturday",
    { value: "2013-03-23T15:00", grain: "day" },
  ],
  ["They met last Friday.", "2019-12-31", "last Friday", { value: "2019-12-27" }],
  ["They will meet next Friday.", "2019-12-31", "next Friday", { value: "2020-01-03" }],
  [
    "Violence erupted Monday night.",
    "2019-12-31",
    "Monday night",
    { value: "2019-12-30TNI", grain: "day" },
  ],
  // Vague references.
  [
    "in retaliation for the recent U.S. airstrikes",
    "2019-12-31",
    "recent",
    { value: "PAST_REF", grain: "vague", earliest: "", latest: "2019-12-31" },
  ],
  [
    "He recently visited Baghdad.",
    "2019-12-31",
    "recently",
    { value: "PAST_REF", grain: "vague", latest: "2019-12-31" },
  ],
  [
    "Troops are currently stationed there.",
    "2019-12-31",
    "currently",
    { value: "PRESENT_REF", earliest: "2019-12-31", latest: "2019-12-31" },
  ],
  ["He has admitted it now.", "2019-12-31", "now", { value: "PRESENT_REF" }],
  [
    "in the future",
    "2019-12-31",
    "the future",
    { value: "FUTURE_REF", earliest: "2019-12-31", latest: "" },
  ],
  // Weeks and months relative to publication.
  [
    "Attacks rose earlier this month.",
    "2019-12-31",
    "earlier this month",
    { value: "2019-12", earliest: "2019-12-01", latest: "2019-12-31" },
  ],
  [
    "Attacks rose last week.",
    "2019-12-31",
    "last week",
    { value: "2019-W52", grain: "week", earliest: "2019-12-23", latest: "2019-12-29" },
  ],
  [
    "Talks resume this week.",
    "2019-12-31",
    "this week",
    { value: "2020-W01", earliest: "2019-12-30", latest: "2020-01-05" },
  ],
  [
    "Six deaths were reported in the last week.",
    "2013-03-22",
    "the last week",
    { value: "2013-W11", earliest: "2013-03-15", latest: "2013-03-22" },
  ],
  [
    "Fighting has intensified in recent days.",
    "2019-12-31",
    "recent days",
    { value: "PXD", kind: "duration", earliest: "", latest: "2019-12-31" },
  ],
  ["He arrived last month.", "2019-12-31", "last month", { value: "2019-11", grain: "month" }],
  ["The plan was approved last year.", "2019-12-31", "last year", { value: "2018", grain: "year" }],
  // Month and day without a year: the nearest past year in a past clause.
  ["The base was attacked on Dec. 27.", "2019-12-31", "Dec. 27", { value: "2019-12-27" }],
  ["The base was attacked on Dec. 27.", "2020-01-15", "Dec. 27", { value: "2019-12-27" }],
  ["It opened on December 27, 2018.", "2019-12-31", "December 27, 2018", { value: "2018-12-27" }],
  ["The closures will begin on April 7.", "2013-03-22", "April 7", { value: "2013-04-07" }],
  [
    "They met in March.",
    "2019-12-31",
    "March",
    { value: "2019-03", grain: "month", earliest: "2019-03-01", latest: "2019-03-31" },
  ],
  ["He was arrested in August.", "2013-03-22", "August", { value: "2012-08" }],
  ["The book is due to be published in May.", "2013-03-22", "May", { value: "2013-05" }],
  ["He died last June.", "2013-03-22", "last June", { value: "2012-06" }],
  ["They met last March.", "2019-03-15", "last March", { value: "2018-03" }],
  [
    "Raymond Roth went missing late last July.",
    "2013-03-22",
    "late last July",
    { value: "2012-07", mod: "END" },
  ],
  [
    "The season started in early December.",
    "2019-12-31",
    "early December",
    { value: "2019-12", mod: "START", earliest: "2019-12-01", latest: "2019-12-10" },
  ],
  [
    "The flu peaked by the end of the year.",
    "2013-03-22",
    "the end of the year",
    { value: "2012", mod: "END" },
  ],
  ["It was signed in May 2010.", "2019-12-31", "May 2010", { value: "2010-05" }],
  ["Fighting raged in mid-March.", "2019-12-31", "mid-March", { value: "2019-03", mod: "MID" }],
  // Ranges are kept apart from points.
  [
    "Talks were held Dec. 27-29.",
    "2019-12-31",
    "Dec. 27-29",
    { kind: "range", value: "2019-12-27/2019-12-29", earliest: "2019-12-27", latest: "2019-12-29" },
  ],
  [
    "Protests went on from Monday to Wednesday.",
    "2020-01-03",
    "Monday to Wednesday",
    { kind: "range", earliest: "2019-12-30", latest: "2020-01-01" },
  ],
  [
    "the pandemic of 2009-2010",
    "2019-12-31",
    "2009-2010",
    { kind: "range", earliest: "2009-01-01", latest: "2010-12-31" },
  ],
  // Durations are not points: open interval unless anchored.
  [
    "The siege lasted for three days.",
    "2019-12-31",
    "three days",
    { kind: "duration", value: "P3D", earliest: "", latest: "" },
  ],
  ["a three-day visit", "2019-12-31", "three-day", { kind: "duration", value: "P3D" }],
  ["A four-week, phased closure", "2013-03-22", "four-week", { value: "P4W" }],
  [
    "He spoke to both leaders over the past two years.",
    "2013-03-22",
    "the past two years",
    { value: "P2Y", earliest: "2011-03-22", latest: "2013-03-22" },
  ],
  ["An hour before the vote", "2019-12-31", "An hour", { value: "PT1H" }],
  ["the worst in a decade", "2019-12-31", "a decade", { value: "P10Y" }],
  [
    "in the past several months",
    "2013-03-22",
    "the past several months",
    { value: "PXM", latest: "2013-03-22" },
  ],
  [
    "a sentence of 90 days in jail and five years' probation",
    "2013-03-22",
    "five years'",
    { value: "P5Y" },
  ],
  // Years, decades, centuries, seasons.
  [
    "The raid happened in 2019.",
    "2019-12-31",
    "2019",
    { value: "2019", grain: "year", earliest: "2019-01-01", latest: "2019-12-31" },
  ],
  [
    "music of the 1990s",
    "2019-12-31",
    "the 1990s",
    { value: "199", earliest: "1990-01-01", latest: "1999-12-31" },
  ],
  ["explorations of the 20th century", "2019-12-31", "20th century", { value: "19" }],
  [
    "He faked his death last summer.",
    "2013-03-22",
    "last summer",
    { value: "2012-SU", earliest: "2012-06-01", latest: "2012-08-31" },
  ],
  ["in the summer of 2010", "2019-12-31", "the summer of 2010", { value: "2010-SU" }],
  ["the expedition of 1957-58", "2013-03-22", "1957-58", { kind: "range", latest: "1958-12-31" }],
  // Days relative to publication; times attach to the day.
  ["He was arrested yesterday.", "2019-12-31", "yesterday", { value: "2019-12-30", grain: "day" }],
  ["Markets close today.", "2019-12-31", "today", { value: "2019-12-31" }],
  [
    "He will speak tonight.",
    "2019-12-31",
    "tonight",
    { value: "2019-12-31TNI", grain: "day", earliest: "2019-12-31" },
  ],
  ["Rockets hit the base this morning.", "2019-12-31", "this morning", { value: "2019-12-31TMO" }],
  ["Rockets hit the base last night.", "2019-12-31", "last night", { value: "2019-12-30TNI" }],
  [
    "The attack came two weeks ago.",
    "2019-12-31",
    "two weeks ago",
    { value: "2019-W51", grain: "week" },
  ],
  [
    "When I first started just six years ago",
    "2013-03-21",
    "six years ago",
    { value: "2007", grain: "year" },
  ],
  [
    "The curfew starts at 8 p.m. Friday.",
    "2019-12-31",
    "8 p.m. Friday",
    { value: "2020-01-03T20:00" },
  ],
  [
    "The curfew was lifted at 8 p.m. Friday.",
    "2019-12-31",
    "8 p.m. Friday",
    { value: "2019-12-27T20:00" },
  ],
  [
    "On Monday, a rally began at 10 a.m.",
    "2019-12-31",
    "10 a.m.",
    { value: "2019-12-30T10:00", earliest: "2019-12-30" },
  ],
  // Anaphoric days count from the last day named.
  [
    "The embassy was stormed on Tuesday. The next day, troops arrived.",
    "2020-01-03",
    "The next day",
    { value: "2020-01-01" },
  ],
  [
    "The last ballot was cast at 2:30 the next day.",
    "2016-09-09",
    "2:30",
    { value: "2016-09-10T02:30" },
  ],
  ["They have fought for years.", "2019-12-31", "years", { value: "PXY", kind: "duration" }],
  [
    "Protests went on over the weekend.",
    "2019-12-31",
    "the weekend",
    { value: "2019-W52-WE", earliest: "2019-12-28", latest: "2019-12-29" },
  ],
  [
    "on Waitangi Day - February 6 - this year",
    "2015-05-07",
    "February 6",
    { kind: "point", value: "2015-02-06" },
  ],
  [
    "Profit fell in the fourth quarter.",
    "2013-03-22",
    "the fourth quarter",
    { value: "2012-Q4", earliest: "2012-10-01", latest: "2012-12-31" },
  ],
  ["first-quarter profit rose", "2013-05-02", "first-quarter", { value: "2013-Q1" }],
  [
    "Talks will go on in the coming weeks.",
    "2019-12-31",
    "the coming weeks",
    { value: "PXW", earliest: "2019-12-31", latest: "" },
  ],
  [
    "Rockets hit the base early Tuesday.",
    "2019-12-31",
    "early Tuesday",
    { value: "2019-12-31", mod: "START" },
  ],
  ["Growth slowed in mid-2012.", "2013-03-22", "mid-2012", { value: "2012", mod: "MID" }],
  ["the 2010 election", "2019-12-31", "2010", { value: "2010" }],
  ["a member of the 1953 team", "2019-12-31", "1953", { value: "1953" }],
  ["Around 2000, the city grew.", "2019-12-31", "2000", { value: "2000" }],
  ["Good Friday services were held.", "2019-04-25", "Good Friday", { value: "2019-04-19" }],
  ["Shops closed on Christmas Eve.", "2020-01-03", "Christmas Eve", { value: "2019-12-24" }],
  ["Talks will resume after Thanksgiving.", "2019-11-01", "Thanksgiving", { value: "2019-11-28" }],
  [
    "Sales rose in the first half of 2012.",
    "2013-03-22",
    "the first half of 2012",
    { value: "2012-H1", earliest: "2012-01-01", latest: "2012-06-30" },
  ],
  [
    "He moved to Paris in 2008. That year, the crisis began.",
    "2019-12-31",
    "That year",
    { value: "2008", grain: "year" },
  ],
  [
    "Clashes broke out earlier in the week.",
    "2019-12-31",
    "earlier in the week",
    { value: "2020-W01", earliest: "2019-12-30", latest: "2019-12-31" },
  ],
  [
    "Prices rose this past week.",
    "2019-12-31",
    "this past week",
    { value: "2019-W52", latest: "2019-12-31" },
  ],
  // Sets.
  ["They meet every Monday.", "2019-12-31", "every Monday", { kind: "set", value: "XXXX-WXX-1" }],
  ["making $60,000 a year", "2019-12-31", "a year", { kind: "set", value: "P1Y" }],
  // Without a publication date, absolute dates still resolve, relative ones stay vague.
  ["The raid happened in 2019.", null, "2019", { value: "2019", grain: "year" }],
  ["It opened on December 27, 2018.", null, "December 27, 2018", { value: "2018-12-27" }],
  [
    "Officials said the attack happened on Friday.",
    null,
    "Friday",
    { value: "XXXX-WXX-5", grain: "vague", earliest: "", latest: "" },
  ],
  ["He was arrested yesterday.", null, "yesterday", { grain: "vague", earliest: "", latest: "" }],
];

// Text that holds no time expression, though it looks like it might.
const NOT_DATES: [string, string][] = [
  ["The talks may fail.", "may"],
  ["Prime Minister Theresa May said so.", "May"],
  ["Protesters march on Washington.", "march"],
  ["A 22-year-old man was arrested.", "22-year-old"],
  ["Children ages 6 months and older should be vaccinated.", "6 months"],
  ["The bill cost $2010 in fees.", "2010"],
  ["There were 2019 people at the rally.", "2019"],
  ["About 2000 troops were deployed.", "2000"],
  ["a crowd of 1500 protesters", "1500"],
  ["The 2000 troops left.", "2000"],
  ["Black Friday sales were held.", "Friday"],
  ["He hosted Saturday Night Live.", "Saturday Night"],
  ["Breitbart News Daily host Alex Marlow spoke.", "Daily"],
  ["Less than a quarter of the donors gave.", "a quarter"],
  ["April Ryan asked a question.", "April"],
  ["About one-quarter of voters agreed.", "one-quarter"],
  ["One day he will return.", "One day"],
];

describe("dates: traps, each with its reference date", () => {
  for (const [text, ref, expression, expected] of CASES) {
    it(`${JSON.stringify(text)} @ ${ref ?? "no date"} → ${expression}`, () => {
      const dates = tag(text, ref);
      const found = dates.find((d) => d.text === expression);
      assert.ok(
        found,
        `"${expression}" not found; got ${dates.map((d) => JSON.stringify(d.text)).join(", ")}`,
      );
      const picked: Expected = {};
      for (const key of Object.keys(expected) as (keyof Expected)[]) {
        (picked as Record<string, unknown>)[key] = found[key];
      }
      assert.deepEqual(picked, expected);
      assert.equal(text.slice(found.start, found.end), found.text);
    });
  }
  for (const [text, word] of NOT_DATES) {
    it(`${JSON.stringify(text)}: "${word}" is no date`, () => {
      const hit = tag(text, "2019-12-31").find(
        (d) => d.text.includes(word) || word.includes(d.text),
      );
      assert.equal(hit, undefined, `found ${JSON.stringify(hit)}`);
    });
  }
});

describe("calendar", () => {
  it("numbers ISO weeks across the year's end", () => {
    assert.equal(isoWeek(parseDay("2019-12-31") as number), "2020-W01");
    assert.equal(isoWeek(parseDay("2021-01-03") as number), "2020-W53");
    assert.equal(isoWeek(parseDay("2013-03-22") as number), "2013-W12");
  });
  it("rejects impossible dates", () => {
    assert.equal(parseDay("2019-02-30"), null);
    assert.equal(parseDay("yesterday"), null);
  });
});

function documentOf(raw: string, published: string | null, sentences = true): Document {
  const doc = new Document({ raw, format: "text", origin: "t", published });
  doc.setText(raw, OffsetMap.identity(raw.length));
  if (sentences) {
    let start = 0;
    for (const m of raw.matchAll(/[.!?](?=\s|$)/g)) {
      const end = (m.index ?? 0) + 1;
      doc.sentences.push({ start, end });
      start = end;
      while (start < raw.length && /\s/.test(raw[start] as string)) start++;
    }
  }
  return doc;
}

function runStage(doc: Document): Message[] {
  const messages: Message[] = [];
  datesStage().run(doc, {
    referenceDate: doc.published,
    options: {},
    report: (m) => messages.push({ ...m, stage: "dates" }),
  });
  return messages;
}

describe("dates stage", () => {
  it("resolves every Tuesday of the seed article to its publication day", () => {
    const raw = readFileSync(
      new URL("../../../examples/000_c1e55ffcabdf0152.txt", import.meta.url),
      "utf8",
    );
    const doc = documentOf(raw, "2019-12-31");
    runStage(doc);
    const tuesdays = doc.dates.filter((d) => d.text === "Tuesday");
    assert.ok(tuesdays.length >= 4, `only ${tuesdays.length} Tuesdays`);
    for (const t of tuesdays) assert.equal(t.value, "2019-12-31");
    const recent = doc.dates.find((d) => d.text === "recent");
    assert.equal(recent?.grain, "vague");
    assert.equal(recent?.latest, "2019-12-31");
  });

  it("reports each relative date it cannot resolve without a publication date", () => {
    const raw = "Troops arrived on Friday. The base opened in 2003.";
    const doc = documentOf(raw, null);
    const messages = runStage(doc);
    const friday = raw.indexOf("Friday");
    assert.deepEqual(
      messages.map((m) => [m.rule, m.span]),
      [["dates/unresolved", { start: friday, end: friday + 6 }]],
    );
    assert.equal(doc.dates.find((d) => d.text === "2003")?.value, "2003");
  });
});

describe("dateForSpan", () => {
  const raw =
    "Rockets hit the base on Friday, and troops will arrive on Monday. Officials said the embassy was attacked. The strikes came last week; talks resume on Thursday.";
  const doc = documentOf(raw, "2019-12-31");
  runStage(doc);
  const at = (word: string): { start: number; end: number } => {
    const start = raw.indexOf(word);
    return { start, end: start + word.length };
  };

  it("takes the expression of the event's clause", () => {
    assert.deepEqual(attachDate(doc, at("hit")).how, "clause");
    assert.equal(dateForSpan(doc, at("hit")).value, "2019-12-27");
    assert.equal(dateForSpan(doc, at("arrive")).text, "Monday");
    assert.equal(dateForSpan(doc, at("strikes")).text, "last week");
    assert.equal(dateForSpan(doc, at("resume")).text, "Thursday");
  });

  it("keeps linked events apart and lets a modifier date its noun", () => {
    const text =
      "Protesters attempted to storm the embassy on Tuesday in retaliation for the recent American airstrikes on the group.";
    const seed = documentOf(text, "2019-12-31");
    runStage(seed);
    const span = (word: string) => ({
      start: text.indexOf(word),
      end: text.indexOf(word) + word.length,
    });
    assert.equal(dateForSpan(seed, span("storm")).text, "Tuesday");
    const strikes = dateForSpan(seed, span("airstrikes"));
    assert.deepEqual(
      [strikes.text, strikes.grain, strikes.latest],
      ["recent", "vague", "2019-12-31"],
    );
  });

  it("falls back to on or before publication, grain vague", () => {
    const { date, how } = attachDate(doc, at("attacked"));
    assert.equal(how, "publication");
    assert.deepEqual(
      [date.value, date.grain, date.earliest, date.latest, date.rule],
      ["PAST_REF", "vague", "", "2019-12-31", "dates/attach/on-or-before-publication"],
    );
  });
});

describe("stated and inferred parts", () => {
  it("keeps what the text says apart from what the publication date supplies", () => {
    const [dec27] = tag("The base was attacked on Dec. 27.", "2019-12-31");
    assert.deepEqual([dec27?.stated, dec27?.inferred], [["month", "day"], ["year"]]);
    const [friday] = tag("They met on Friday.", "2019-12-31");
    assert.deepEqual([friday?.stated, friday?.inferred], [["weekday"], ["day", "month", "year"]]);
    const [full] = tag("It opened on December 27, 2018.", "2019-12-31");
    assert.deepEqual([full?.stated, full?.inferred], [["month", "day", "year"], []]);
  });
});

describe("TIMEX3 view and scoring", () => {
  it("flattens ranges into their parts and scores strict, relaxed and value", () => {
    const text = "the pandemic of 2009-2010, last week";
    // A range's endpoints are what TimeML annotates; the evaluation scores them the same way.
    const view = tag(text, "2019-12-31").flatMap((d) => d.parts ?? [d]);
    assert.deepEqual(
      view.map((t) => [t.text, t.value]),
      [
        ["2009", "2009"],
        ["2010", "2010"],
        ["last week", "2019-W52"],
      ],
    );
    const gold = [
      { start: 16, end: 20, value: "2009" },
      { start: 21, end: 25, value: "2011" },
      { start: 32, end: 36, value: "2019-W52" },
    ];
    const predicted = view.map(({ start, end, value }) => ({ start, end, value }));
    const s = scoreTimexes([{ gold, predicted, dct: "2019-12-31" }]);
    assert.deepEqual(
      [
        s.strict.tp,
        s.relaxed.tp,
        s.valueCorrect,
        s.relaxed.tp + s.relaxed.fn,
        s.relaxed.tp + s.relaxed.fp,
      ],
      [2, 3, 2, 3, 3],
    );
  });
});

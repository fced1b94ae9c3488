import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Document } from "../../core/document.ts";
import { OffsetMap } from "../../core/offset-map.ts";
import { createPipeline } from "../../core/pipeline.ts";
import type { StageContext } from "../../core/stage.ts";
import { cleanStage } from "../clean/index.ts";
import { segmentStage } from "./index.ts";
import { isHardWrapped } from "./split.ts";

const stage = segmentStage();

function sentencesOf(raw: string): string[] {
  const doc = new Document({ raw, format: "text", origin: "t" });
  doc.setText(raw, OffsetMap.identity(raw.length));
  const ctx: StageContext = { referenceDate: null, options: {}, report: () => {} };
  stage.run(doc, ctx);
  return doc.sentences.map((s) => raw.slice(s.start, s.end));
}

type Row = [name: string, input: string, expected: string[]];

const table: Row[] = [
  // Abbreviations: titles, dotted names, months and numbers.
  [
    "titles before names",
    "Gen. Soleimani met Sen. Graham and Dr. Smith. Mr. Esper left.",
    ["Gen. Soleimani met Sen. Graham and Dr. Smith.", "Mr. Esper left."],
  ],
  [
    "U.S. and U.N. before a modifier",
    "U.S. officials and U.N. envoys met U.S. President Trump in Baghdad.",
    ["U.S. officials and U.N. envoys met U.S. President Trump in Baghdad."],
  ],
  [
    "U.S. at the end of a sentence, decided by the next word",
    "Troops were sent to the U.S. The embassy was closed.",
    ["Troops were sent to the U.S.", "The embassy was closed."],
  ],
  [
    "U.S. before a new sentence's pronoun",
    "He flew back to the U.S. He did not comment.",
    ["He flew back to the U.S.", "He did not comment."],
  ],
  [
    "a.m. before a word capitalised only to start a sentence; U.S. before a name",
    "He sued at 10 a.m. Researchers flocked to it. It violated the U.S. Religious Freedom Act.",
    [
      "He sued at 10 a.m.",
      "Researchers flocked to it.",
      "It violated the U.S. Religious Freedom Act.",
    ],
  ],
  [
    "lowercase abbreviations",
    "Call police at 905-453-2121, ext. 1133. Tickets cost approx. $80 each, etc. The rest.",
    ["Call police at 905-453-2121, ext. 1133.", "Tickets cost approx. $80 each, etc.", "The rest."],
  ],
  [
    "an abbreviation matches in its own case only",
    "They played under a blistering sun. Striker Maazou scored on Sun. Jan. 5 in L.A.",
    ["They played under a blistering sun.", "Striker Maazou scored on Sun. Jan. 5 in L.A."],
  ],
  [
    "a month before a day, a number sign before a number",
    "On Dec. 27 the base was hit. He lives at No. 10 Downing St. in London.",
    ["On Dec. 27 the base was hit.", "He lives at No. 10 Downing St. in London."],
  ],
  [
    "a month without a day is an ordinary word",
    "The talks ended in Jan. Nobody came.",
    ["The talks ended in Jan.", "Nobody came."],
  ],
  [
    "company suffixes",
    "Apple Inc. Chief Executive Tim Cook and Boeing Corp. shares fell. Analysts at Acme Inc. The rest.",
    [
      "Apple Inc. Chief Executive Tim Cook and Boeing Corp. shares fell.",
      "Analysts at Acme Inc.",
      "The rest.",
    ],
  ],
  [
    "a.m. and p.m.",
    "The attack began at 2 a.m. Tuesday and ended at 5 p.m. The embassy reopened.",
    ["The attack began at 2 a.m. Tuesday and ended at 5 p.m.", "The embassy reopened."],
  ],
  [
    "St. as saint and street",
    "The case moved to St. Louis. It was heard on Main St. The verdict came later.",
    ["The case moved to St. Louis.", "It was heard on Main St.", "The verdict came later."],
  ],
  [
    "U.S. before a dash or a slash",
    "He spoke on U.S. - China relations and U.S./French ties.",
    ["He spoke on U.S. - China relations and U.S./French ties."],
  ],
  [
    "inner abbreviations",
    "Several groups, e.g. Kata'ib Hezbollah, vs. the government.",
    ["Several groups, e.g. Kata'ib Hezbollah, vs. the government."],
  ],
  // Initials.
  [
    "initials in names",
    "John F. Kennedy and George W. Bush spoke. Mary J. Blige sang.",
    ["John F. Kennedy and George W. Bush spoke.", "Mary J. Blige sang."],
  ],
  [
    "an initial before a nickname",
    'Former Marine General John J. "Jack" Sheehan declined.',
    ['Former Marine General John J. "Jack" Sheehan declined.'],
  ],
  [
    "a capital letter at a sentence end",
    "They called it Plan B. The plan failed.",
    ["They called it Plan B.", "The plan failed."],
  ],
  // Numbers, decimals, times.
  [
    "decimals, times and money",
    "The deal is worth $5.2 billion. It closed at 10:30 a.m. on 12.31.2019 and rose 3.5%.",
    ["The deal is worth $5.2 billion.", "It closed at 10:30 a.m. on 12.31.2019 and rose 3.5%."],
  ],
  [
    "a number at the end of a sentence",
    "The war began in 2003. 4,000 troops died.",
    ["The war began in 2003.", "4,000 troops died."],
  ],
  // Ellipses.
  [
    "an ellipsis inside a sentence",
    "We waited … and waited... for hours.",
    ["We waited … and waited... for hours."],
  ],
  [
    "an ellipsis before a new sentence",
    "The line went dead... Then he called again.",
    ["The line went dead...", "Then he called again."],
  ],
  ["a spaced ellipsis", "The rest . . . Bush answered.", ["The rest . . . Bush answered."]],
  [
    "an ellipsis between cut sentences with no spaces",
    '"We found it courageous...For example, 29%...Overall, the vote...counts."',
    ['"We found it courageous...', "For example, 29%...", 'Overall, the vote...counts."'],
  ],
  // Question and exclamation marks.
  [
    "questions and exclamations",
    "Why now? Nobody knows! Officials declined to say.",
    ["Why now?", "Nobody knows!", "Officials declined to say."],
  ],
  [
    "a quoted question before its attribution",
    '"Why now?" he asked. "Stop!" Esper said.',
    ['"Why now?" he asked.', '"Stop!" Esper said.'],
  ],
  // Quotations.
  [
    "a quotation spanning sentences",
    '"We are sending forces," he continued. "As in all countries, we rely on the host. The United States continues to support Iraq."',
    [
      '"We are sending forces," he continued.',
      '"As in all countries, we rely on the host.',
      'The United States continues to support Iraq."',
    ],
  ],
  [
    "a sentence ends at the closing quote, curly or straight",
    "“We have taken measures.” Esper said more. He said: 'It is done.' Then he left.",
    ["“We have taken measures.”", "Esper said more.", "He said: 'It is done.'", "Then he left."],
  ],
  [
    "a closing quote after a space (scraped text)",
    '"The United States supports a free Iraq . " Esper left.',
    ['"The United States supports a free Iraq . "', "Esper left."],
  ],
  [
    "a quote attached to the next word opens one, even after a missing quote",
    'He called it "good news. Gore said. "Further, it is bad," he added.',
    ['He called it "good news.', "Gore said.", '"Further, it is bad," he added.'],
  ],
  [
    "a comma before the closing quote does not split",
    '"The embassy is safe," he said in a statement.',
    ['"The embassy is safe," he said in a statement.'],
  ],
  [
    "a parenthesis after the period",
    "He left. (He had been warned.) Then the attack began.",
    ["He left.", "(He had been warned.)", "Then the attack began."],
  ],
  // Headlines, datelines, layout.
  [
    "a headline before a blank line",
    "Marines sent to Baghdad embassy\n\nAbout 100 marines are being sent.",
    ["Marines sent to Baghdad embassy", "About 100 marines are being sent."],
  ],
  [
    "a headline and a date line, one per line",
    "Marines sent to Baghdad\nTuesday, December 31, 2019\nAbout 100 marines are being sent.",
    ["Marines sent to Baghdad", "Tuesday, December 31, 2019", "About 100 marines are being sent."],
  ],
  [
    "a dateline stays with its sentence",
    "BAGHDAD (Reuters) - About 100 marines were sent. They arrived.",
    ["BAGHDAD (Reuters) - About 100 marines were sent.", "They arrived."],
  ],
  [
    "a dateline with an abbreviation and a date",
    "ST. LOUIS, Dec. 27 (AP) — Protesters gathered. Police watched.",
    ["ST. LOUIS, Dec. 27 (AP) — Protesters gathered.", "Police watched."],
  ],
  [
    "a dateline on the line after a headline",
    "Protests in Missouri\nST. LOUIS, Mo. (AP) — Protesters gathered. Police watched.",
    ["Protests in Missouri", "ST. LOUIS, Mo. (AP) — Protesters gathered.", "Police watched."],
  ],
  [
    "a paragraph break always ends a sentence",
    "The embassy was stormed by\n\nDemonstrators and militia fighters",
    ["The embassy was stormed by", "Demonstrators and militia fighters"],
  ],
  [
    "a paragraph break after an abbreviation",
    "They returned to the U.S.\n\nOfficials said nothing.",
    ["They returned to the U.S.", "Officials said nothing."],
  ],
  [
    "a line break inside a sentence before a lowercase word",
    "The embassy was stormed by\ndemonstrators on Tuesday.",
    ["The embassy was stormed by\ndemonstrators on Tuesday."],
  ],
  [
    "a line break inside a sentence after an article or preposition",
    "The attack was condemned by the\nPentagon and by\nIraq's government.",
    ["The attack was condemned by the\nPentagon and by\nIraq's government."],
  ],
  [
    "bullet lines",
    "The demands:\n- withdraw troops\n- close the base\n• free prisoners\n1. Talks resume.\n2) Aid flows.",
    [
      "The demands:",
      "- withdraw troops",
      "- close the base",
      "• free prisoners",
      "1. Talks resume.",
      "2) Aid flows.",
    ],
  ],
  [
    "hard-wrapped text keeps sentences across lines",
    [
      "About 100 marines are being sent to the US embassy in Baghdad to",
      "strengthen security after the attack by Iranian proxies on Tuesday,",
      "U.S. officials said on Tuesday. The additional Marines come from a",
      "Special Purpose Marine Air-Ground Task Force based in the region.",
    ].join("\n"),
    [
      "About 100 marines are being sent to the US embassy in Baghdad to\nstrengthen security after the attack by Iranian proxies on Tuesday,\nU.S. officials said on Tuesday.",
      "The additional Marines come from a\nSpecial Purpose Marine Air-Ground Task Force based in the region.",
    ],
  ],
  [
    "no space after the mark is not an end",
    "The U.S.-led coalition and dateline.com reported it.",
    ["The U.S.-led coalition and dateline.com reported it."],
  ],
  ["text without a final mark", "Marines sent to Baghdad", ["Marines sent to Baghdad"]],
  ["surrounding whitespace is trimmed", "  \n Hello there.  \n\n ", ["Hello there."]],
  ["empty text", "", []],
  ["only whitespace", " \n\t ", []],
];

describe("segment: sentence rules", () => {
  for (const [name, input, expected] of table) {
    it(name, () => assert.deepEqual(sentencesOf(input), expected));
  }
});

describe("segment: hard-wrap detection", () => {
  it("takes one paragraph per line as not wrapped", () => {
    const lines =
      "Marines sent.\nThey came from a task force based in the region, officials said.\n";
    assert.equal(isHardWrapped(lines.repeat(4)), false);
  });
  it("takes a list of headlines as not wrapped", () => {
    const lines = [
      "Marines sent to protect US embassy in Baghdad after attack",
      "Esper says more troops will reinforce the embassy in Iraq",
      "Kata'ib Hezbollah supporters withdraw from the Green Zone",
      "Iraq's prime minister condemns US strikes on militia bases",
    ];
    assert.equal(isHardWrapped(lines.join("\n")), false);
    assert.deepEqual(sentencesOf(lines.join("\n")), lines);
  });
  it("takes lines cut at a fixed width as wrapped", () => {
    const line = "the attack by Iranian proxies on Tuesday, officials said on\n";
    assert.equal(isHardWrapped(line.repeat(4)), true);
  });
});

/** Sentences are trimmed, in order, and cover every non-space character exactly once. */
function assertCovers(text: string, sentences: readonly { start: number; end: number }[]): void {
  let previousEnd = 0;
  for (const s of sentences) {
    assert.ok(s.start < s.end, `empty sentence at ${s.start}`);
    assert.ok(s.start >= previousEnd, `sentence at ${s.start} overlaps the one before`);
    assert.match(text.slice(previousEnd, s.start), /^\s*$/u, `text lost before ${s.start}`);
    assert.match(text[s.start] as string, /\S/u);
    assert.match(text[s.end - 1] as string, /\S/u);
    previousEnd = s.end;
  }
  assert.match(text.slice(previousEnd), /^\s*$/u, "text lost at the end");
}

describe("segment: user abbreviations", () => {
  it("reads extra abbreviation files given in the stage options", () => {
    const dir = mkdtempSync(join(tmpdir(), "segment-"));
    const file = join(dir, "ranks.json");
    writeFileSync(file, JSON.stringify({ title: ["Sqn", "Ldr"] }));
    const text = "He met Sqn. Ldr. Smith in Basra.";
    assert.equal(sentencesOf(text).length, 3);
    const own = segmentStage({ stages: { segment: { abbreviations: [file] } } });
    const doc = new Document({ raw: text, format: "text", origin: "t" });
    doc.setText(text, OffsetMap.identity(text.length));
    own.run(doc, { referenceDate: null, options: {}, report: () => {} });
    assert.deepEqual(doc.sentences, [{ start: 0, end: text.length }]);
    rmSync(dir, { recursive: true });
  });
});

describe("segment: messages", () => {
  it("says once that a hard-wrapped text's line breaks were read as spaces", () => {
    const line = "the attack by Iranian proxies on Tuesday, officials said on\n";
    const doc = new Document({ raw: line.repeat(4), format: "text", origin: "t" });
    doc.setText(doc.raw, OffsetMap.identity(doc.raw.length));
    const rules: string[] = [];
    stage.run(doc, { referenceDate: null, options: {}, report: (m) => rules.push(m.rule) });
    assert.deepEqual(rules, ["segment/hard-wrapped"]);
  });
  it("points at a sentence too long to be one", () => {
    const raw = `Short one. ${"Word ".repeat(400)}end`;
    const doc = new Document({ raw, format: "text", origin: "t" });
    doc.setText(raw, OffsetMap.identity(raw.length));
    const spans: { start: number; end: number }[] = [];
    stage.run(doc, {
      referenceDate: null,
      options: {},
      report: (m) => {
        assert.equal(m.rule, "segment/long-sentence");
        if (m.span) spans.push(m.span);
      },
    });
    assert.deepEqual(spans, [{ start: 11, end: raw.length }]);
  });
  it("says nothing about ordinary news", () => {
    const raw = "Marines were sent.\n\nThey arrived on Tuesday, officials said.";
    const doc = new Document({ raw, format: "text", origin: "t" });
    doc.setText(raw, OffsetMap.identity(raw.length));
    let count = 0;
    stage.run(doc, { referenceDate: null, options: {}, report: () => count++ });
    assert.equal(count, 0);
  });
});

describe("segment: the stage on whole articles", () => {
  it("splits the seed article into its 13 sentences", () => {
    const raw = readFileSync(
      new URL("../../../examples/000_c1e55ffcabdf0152.txt", import.meta.url),
      "utf8",
    );
    // The body as clean leaves it: header line dropped, the broken entity repaired.
    const body = raw.slice(raw.indexOf("\n") + 1).replace("& # 39; ", "'");
    const sentences = sentencesOf(body);
    assert.equal(sentences.length, 13);
    assert.match(
      sentences[0] as string,
      /^About 100 marines .* U\.S\. officials said on Tuesday\.$/,
    );
    assert.match(sentences[10] as string, /^"We are sending additional forces.*" he continued\.$/);
    assert.match(sentences[12] as string, /^The United States continues .* Iraq \. "$/);
  });

  it("splits the seed article after the real clean stage", () => {
    const raw = readFileSync(
      new URL("../../../examples/000_c1e55ffcabdf0152.txt", import.meta.url),
      "utf8",
    );
    const body = raw.slice(raw.indexOf("\n") + 1);
    const doc = createPipeline([cleanStage(), segmentStage()]).run({
      raw: body,
      format: "text",
      origin: "seed",
    });
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    assert.equal(sentences.length, 13);
    assert.match(
      sentences[3] as string,
      /U\.S\. airstrikes on Kata'ib Hezbollah, an Iranian agency\.$/,
    );
    assert.match(sentences[12] as string, /^The United States continues .* Iraq\.?\s*"$/);
    assertCovers(doc.text, doc.sentences);
  });

  const gum = new URL("../../../../shared/data/ner/gum-news.jsonl", import.meta.url);
  it("covers every non-space character once on real news text", { skip: !existsSync(gum) }, () => {
    const lines = readFileSync(gum, "utf8").split("\n").filter(Boolean);
    for (const line of lines) {
      const text = (JSON.parse(line) as { text: string }).text;
      const doc = new Document({ raw: text, format: "text", origin: "gum" });
      doc.setText(text, OffsetMap.identity(text.length));
      stage.run(doc, { referenceDate: null, options: {}, report: () => {} });
      assert.ok(doc.sentences.length > 5);
      assertCovers(text, doc.sentences);
      assertCovers(text, doc.tokens);
    }
  });

  it("declares its place in the pipeline", () => {
    assert.equal(stage.name, "segment");
    assert.deepEqual(stage.needs, ["clean"]);
  });
});

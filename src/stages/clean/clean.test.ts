import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createPipeline } from "../../core/pipeline.ts";
import { MAX_MESSAGES_PER_RULE } from "./edits.ts";
import { cleanStage, createCleaner } from "./index.ts";

const clean = createCleaner();

/** [what, raw input, clean text] for plain-text inputs. */
const TEXT_ROWS: [string, string, string][] = [
  [
    "the seed's first line, as the reader leaves it",
    "Loading...\n\nAbout 100 marines are being sent.",
    "About 100 marines are being sent.",
  ],
  [
    "the seed's broken apostrophe",
    "strikes on Kata & # 39; ib Hezbollah, an",
    "strikes on Kata'ib Hezbollah, an",
  ],
  ["a spaced apostrophe in a contraction", "he didn & # 39; t say", "he didn't say"],
  ["a plain ampersand in a name", "Task & Purpose officials said", "Task & Purpose officials said"],
  ["an ampersand inside a word", "AT&T and R&D", "AT&T and R&D"],
  ["an encoded ampersand", "AT&amp;T said", "AT&T said"],
  ["a double-encoded ampersand", "Smith &amp;amp; Sons", "Smith & Sons"],
  ["a double-encoded apostrophe", "it&amp;#39;s", "it's"],
  ["spaced quot entities", "he said & quot;no& quot; twice", 'he said "no" twice'],
  ["a hexadecimal reference", "it&#x27;s", "it's"],
  ["a named typographic entity", "don&rsquo;t", "don't"],
  ["a spaced name that is no scraper's entity", "salt & not; pepper", "salt & not; pepper"],
  ["a name followed by a semicolon", "Smith & Wesson; the maker", "Smith & Wesson; the maker"],
  ["typographic apostrophe", "the host country\u2019s forces", "the host country's forces"],
  ["typographic double quotes", "\u201CYes,\u201D he said.", '"Yes," he said.'],
  ["guillemets stay", "\u00ABOui\u00BB", "\u00ABOui\u00BB"],
  ["space before a full stop and a closing quote", 'prosperous Iraq . "', 'prosperous Iraq."'],
  ["space before a comma", "Baghdad , officials said", "Baghdad, officials said"],
  ["a decimal is not spacing", "rose 3 . 5 percent", "rose 3 . 5 percent"],
  [
    "paragraphs and lines",
    "First para.  \n\n\n\nSecond   para.\t\nLine two.",
    "First para.\n\nSecond para.\nLine two.",
  ],
  ["Windows line ends and edges", "\r\nWindows\r\nline\r\n", "Windows\nline"],
  ["invisible characters", "soft\u00ADhyphen zero\u200Bwidth", "softhyphen zerowidth"],
  ["a no-break space", "no\u00A0break", "no break"],
  ["mojibake apostrophe", "the countryâ€™s forces", "the country's forces"],
  ["mojibake quotes and dash", "â€œYesâ€\u009D â€” he said", '"Yes" \u2014 he said'],
  ["mojibake accents", "cafÃ© in SÃ£o Paulo", "caf\u00e9 in S\u00e3o Paulo"],
  ["mojibake no-break space", "100Â\u00A0km", "100 km"],
  ["a real capital before a guillemet", "CAF\u00C9\u00BB", "CAF\u00C9\u00BB"],
  ["Portuguese capitals", "S\u00C3O PAULO", "S\u00C3O PAULO"],
  ["an artifact line", "Advertisement\nThe army said.", "The army said."],
  [
    "a share line between paragraphs",
    "The army said.\n\nShare this article\n\nMore text.",
    "The army said.\n\nMore text.",
  ],
  ["an artifact as the last line", "The army said.\nRead more", "The army said."],
  [
    "an inline artifact",
    "The army said. ADVERTISEMENT The navy agreed.",
    "The army said. The navy agreed.",
  ],
  [
    "advertisement as a word is prose",
    "An advertisement campaign began.",
    "An advertisement campaign began.",
  ],
  ["a cookie banner", "We use cookies to give you the best experience.\nReal text.", "Real text."],
  ["click here", "Click here to subscribe to our alerts\nReal.", "Real."],
  ["stray block and line tags", "text<br>more<p>para</p>", "text\nmore\n\npara"],
  ["stray inline tags", "a <b>bold</b> move", "a bold move"],
  ["a stray script", "Before.<script>var x = 1;</script> After.", "Before. After."],
  ["comparisons are not markup", "if a < b and c > d", "if a < b and c > d"],
  ["an empty text", "   \n\n ", ""],
];

/** [what, raw HTML, clean text] for `html` inputs. */
const HTML_ROWS: [string, string, string][] = [
  ["paragraphs", "<p>One &amp; two</p>\n<p>Three</p>", "One & two\n\nThree"],
  ["inline elements and scripts", "<div>a<span>b</span> c</div><script>var x=1;</script>", "ab c"],
  ["newlines inside text are spaces", "<p>line\nwrapped</p>", "line wrapped"],
  ["line breaks", "<p>one<br>two<br/><br>three</p>", "one\ntwo\n\nthree"],
  ["comments and styles", "<!-- c --><style>p{}</style><p>Text</p>", "Text"],
  ["table cells", "<table><tr><td>a</td><td>b</td></tr></table>", "a b"],
  [
    "entities decoded as a browser does",
    "<p>&ldquo;No,&rdquo; said AT&amp;T&#39;s chief&nbsp;officer.</p>",
    '"No," said AT&T\'s chief officer.',
  ],
  ["an artifact paragraph", "<p>Text.</p><div>Advertisement</div><p>More.</p>", "Text.\n\nMore."],
];

describe("clean: text rows", () => {
  for (const [what, raw, expected] of TEXT_ROWS) {
    it(what, () => assert.equal(clean(raw, "text").text, expected));
  }
});

describe("clean: html rows", () => {
  for (const [what, raw, expected] of HTML_ROWS) {
    it(what, () => assert.equal(clean(raw, "html").text, expected));
  }
});

/** Every word of the clean text that no rule touched is found at its raw offset. */
function assertWordsMap(raw: string, format: "text" | "html"): void {
  const { text, map } = clean(raw, format);
  assert.equal(map.length, text.length);
  for (const m of text.matchAll(/[A-Za-z]{3,}/g)) {
    const start = map.toRaw(m.index);
    assert.equal(raw.slice(start, start + m[0].length), m[0], `"${m[0]}" at clean ${m.index}`);
  }
}

describe("clean: byline", () => {
  const rows: [string, string, string | null, string][] = [
    ["a byline line", "By Jane Roe\n\nTroops arrived.", "Jane Roe", "Troops arrived."],
    [
      "a byline given with its By",
      "BY JANE ROE\nTroops arrived.",
      "By Jane Roe",
      "Troops arrived.",
    ],
    ["a byline that is not there", "Troops arrived.", "Jane Roe", "Troops arrived."],
    [
      "a name in the text is not a byline",
      "Jane Roe said troops arrived.",
      "Jane Roe",
      "Jane Roe said troops arrived.",
    ],
    ["no byline known", "By Jane Roe\nTroops arrived.", null, "By Jane Roe\nTroops arrived."],
  ];
  for (const [what, raw, byline, expected] of rows) {
    it(what, () => assert.equal(clean(raw, "text", byline).text, expected));
  }
});

describe("clean: offset map", () => {
  it("maps untouched words back to their raw offsets", () => {
    // Words an invisible character was dropped from are not verbatim in the raw text.
    for (const [, raw] of TEXT_ROWS) if (!/[\u00AD\u200B]/.test(raw)) assertWordsMap(raw, "text");
    for (const [, raw] of HTML_ROWS) assertWordsMap(raw, "html");
  });

  it("maps a repaired span to the raw run it came from", () => {
    const raw = "Loading...\n\nstrikes on Kata & # 39; ib Hezbollah.";
    const { text, map } = clean(raw, "text");
    const start = text.indexOf("Kata'ib");
    const end = start + "Kata'ib Hezbollah".length;
    assert.equal(raw.slice(map.toRaw(start), map.toRaw(end)), "Kata & # 39; ib Hezbollah");
    assert.equal(map.toRaw(0), raw.indexOf("strikes"));
  });

  it("maps clean offsets into the markup of an html input", () => {
    const raw = "<article><p>About 100 &amp; more</p>\n<p>Marines arrived.</p></article>";
    const { text, map } = clean(raw, "html");
    assert.equal(text, "About 100 & more\n\nMarines arrived.");
    const at = text.indexOf("Marines");
    assert.equal(raw.slice(map.toRaw(at), map.toRaw(at) + 7), "Marines");
    const amp = text.indexOf("&");
    assert.equal(raw.slice(map.toRaw(amp), map.toRaw(amp + 1)), "&amp;");
  });
});

describe("clean: messages", () => {
  const run = (raw: string, format: "text" | "html" = "text") =>
    createPipeline([cleanStage()]).run({ raw, format, origin: "test" });

  it("reports each repair with its span in the clean text", () => {
    const doc = run("Loading...\n\nstrikes on Kata & # 39; ib Hezbollah.  Then.");
    const rules = doc.messages.map((m) => m.rule).sort();
    assert.deepEqual(rules, ["clean/artifact", "clean/broken-entity", "clean/whitespace"]);
    for (const m of doc.messages) assert.equal(m.stage, "clean");
    const starts = doc.messages.map((m) => m.span?.start ?? 0);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
      "messages come in text order",
    );
    const entity = doc.messages.find((m) => m.rule === "clean/broken-entity");
    assert.ok(entity?.span);
    assert.equal(doc.text.slice(entity.span.start, entity.span.end), "'");
    assert.match(entity.reason, /& # 39;/);
    const artifact = doc.messages.find((m) => m.rule === "clean/artifact");
    assert.deepEqual(artifact?.span, { start: 0, end: 0 });
    assert.match(artifact?.reason ?? "", /Loading\.\.\./);
  });

  it("aggregates trivial whitespace repairs into one message with a count", () => {
    const doc = run(Array.from({ length: 500 }, (_, i) => `Word${i}  next.`).join("   "));
    const ws = doc.messages.filter((m) => m.rule === "clean/whitespace");
    assert.equal(ws.length, 1);
    assert.match(ws[0]?.reason ?? "", /999 places/);
  });

  it("caps one-by-one messages per rule and summarises the rest", () => {
    const doc = run(Array.from({ length: 50 }, () => "it&amp;amp;s").join(" "));
    const broken = doc.messages.filter((m) => m.rule === "clean/broken-entity");
    assert.equal(broken.length, MAX_MESSAGES_PER_RULE + 1);
    assert.match(broken.at(-1)?.reason ?? "", /30 more/);
    assert.equal(broken.at(-1)?.span, undefined);
  });

  it("reports no repair on clean text", () => {
    const doc = run("Troops arrived on Tuesday.\n\nThey left on Friday.");
    assert.deepEqual(doc.messages, []);
    assert.equal(doc.text, "Troops arrived on Tuesday.\n\nThey left on Friday.");
  });

  it("reports an input with no text left as an error, and still sets the text", () => {
    const doc = run("Advertisement\n\nLoading...");
    assert.equal(doc.text, "");
    assert.ok(doc.messages.some((m) => m.rule === "clean/empty" && m.severity === "error"));
  });
});

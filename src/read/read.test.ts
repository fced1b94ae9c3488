import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { decodeText, firstInvalidUtf8 } from "./bytes.ts";
import { normaliseDate, parseDateAt } from "./date.ts";
import { readInputs } from "./index.ts";
import { looksLikeFeed, looksLikeHtml } from "./sniff.ts";
import { parseHeader, textDocument } from "./text.ts";
import type { ReadResult } from "./types.ts";
import { warcRecords } from "./warc.ts";

describe("dates", () => {
  const rows: [string, string | null][] = [
    ["2019-12-31", "2019-12-31"],
    ["2019-12-31T10:00Z", "2019-12-31"],
    ["2019-12-31T23:30:00.000-05:00", "2019-12-31"],
    ["2019-12-31 10:00", "2019-12-31"],
    ["2019/12/31", "2019-12-31"],
    ["Dec 31, 2019", "2019-12-31"],
    ["Dec. 31, 2019", "2019-12-31"],
    ["December 31 2019", "2019-12-31"],
    ["31 December 2019", "2019-12-31"],
    ["31st of December, 2019", "2019-12-31"],
    ["Tuesday, December 31, 2019", "2019-12-31"],
    ["Tue, 31 Dec 2019 10:00:00 +0300", "2019-12-31"],
    ["Sept 1, 2015", "2015-09-01"],
    ["31/12/2019", "2019-12-31"],
    ["12/31/2019", "2019-12-31"],
    ["03/04/2019", null],
    ["2019-02-30", null],
    ["2019-13-01", null],
    ["Dec 31", null],
    ["yesterday", null],
    ["", null],
  ];
  for (const [input, expected] of rows) {
    it(`"${input}" → ${expected}`, () => assert.equal(normaliseDate(input), expected));
  }
  it("says how much of the line the date took", () => {
    const parsed = parseDateAt(" 2019-12-31 Loading...");
    assert.deepEqual(parsed, { date: "2019-12-31", length: 11 });
  });
});

describe("text header", () => {
  const rows: [string, string, Record<string, string | null>, string][] = [
    [
      "the seed's first line: date and a page artifact on one line",
      " date 2019-12-31 Loading...\n\nAbout 100 marines",
      { published: "2019-12-31" },
      "Loading...\n\nAbout 100 marines",
    ],
    [
      "key: value lines ended by a blank line",
      "date: 2019-12-31\ntitle: Marines sent\nurl: https://x.example/a\nsource: Example Wire\n\nBody.",
      {
        published: "2019-12-31",
        title: "Marines sent",
        url: "https://x.example/a",
        source: "Example Wire",
      },
      "Body.",
    ],
    [
      "a header ended by the first sentence",
      "Date: Dec 31, 2019\nTroops arrived.",
      { published: "2019-12-31" },
      "Troops arrived.",
    ],
    [
      "a sentence that starts like a key",
      "Date palms grow in Iraq.\n",
      {},
      "Date palms grow in Iraq.\n",
    ],
    [
      "a source line without a colon is prose",
      "Source close to the talks said no.",
      {},
      "Source close to the talks said no.",
    ],
    ["no header", "Troops arrived.\n\nThey left.", {}, "Troops arrived.\n\nThey left."],
    ["an unparseable date", "date: someday\n\nBody.", { published: null }, "Body."],
  ];
  for (const [what, file, fields, raw] of rows) {
    it(what, () => {
      const doc = textDocument(file, "t.txt");
      assert.equal(doc.raw, raw);
      for (const [key, value] of Object.entries(fields)) {
        assert.equal(doc[key as "published"], value, key);
      }
      for (const key of ["published", "title", "url", "source"] as const) {
        if (!(key in fields)) assert.equal(doc[key], undefined, key);
      }
    });
  }
  it("reports an unparseable date as a message, not a crash", () => {
    const header = parseHeader("date: someday\n\nBody.");
    assert.equal(header.messages[0]?.rule, "read/bad-date");
    assert.match(header.messages[0]?.reason ?? "", /someday/);
  });
});

describe("bytes", () => {
  const rows: [string, number[], number][] = [
    ["valid", [0x61, 0xc3, 0xa9, 0x62], -1],
    ["lone continuation byte", [0x61, 0x62, 0x80], 2],
    ["latin-1 é", [0x63, 0x61, 0x66, 0xe9, 0x20], 3],
    ["truncated sequence", [0x61, 0xe2, 0x82], 1],
    ["overlong", [0xc0, 0xaf], 0],
    ["surrogate", [0x61, 0xed, 0xa0, 0x80], 1],
  ];
  for (const [what, bytes, offset] of rows) {
    it(`first invalid UTF-8 byte: ${what}`, () =>
      assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), offset));
  }
  it("reports binary, empty, bad UTF-8; honours BOMs", () => {
    assert.equal(
      (decodeText(Uint8Array.from([]), undefined) as { rule: string }).rule,
      "read/empty",
    );
    assert.equal(
      (decodeText(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0])) as { rule: string }).rule,
      "read/binary",
    );
    const bad = decodeText(Uint8Array.from([0x61, 0x62, 0xff, 0x63]));
    assert.equal(bad.ok, false);
    assert.match((bad as { reason: string }).reason, /byte offset 2/);
    const bom = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]));
    assert.deepEqual(bom, { ok: true, text: "hi" });
    const utf16 = decodeText(Uint8Array.from([0xff, 0xfe, 0x68, 0, 0x69, 0]));
    assert.equal(utf16.ok && utf16.text, "hi");
  });
});

describe("sniffing", () => {
  const rows: [string, "html" | "feed" | "text"][] = [
    ["<!DOCTYPE html><html><body><p>x</p></body></html>", "html"],
    ["  <html lang='en'><p>x</p>", "html"],
    ["<div><p>One</p><p>Two</p></div>", "html"],
    ["<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>", "feed"],
    ["<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"],
    ["Troops arrived. <br> Then left.", "text"],
    ["<Reuters> Troops arrived.", "text"],
  ];
  for (const [input, kind] of rows) {
    it(`${JSON.stringify(input.slice(0, 30))} is ${kind}`, () => {
      const got = looksLikeFeed(input) ? "feed" : looksLikeHtml(input) ? "html" : "text";
      assert.equal(got, kind);
    });
  }
});

describe("readInputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "dateline-read-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const collect = async (inputs: string[], options = {}): Promise<ReadResult[]> => {
    const out: ReadResult[] = [];
    for await (const r of readInputs(inputs, options)) out.push(r);
    return out;
  };

  it("reads JSON lines: each line a document, a bad line a failure with path:line", async () => {
    const path = file(
      "wire.jsonl",
      [
        JSON.stringify({
          id: "a1",
          text: "Troops arrived.",
          published: "2019-12-31",
          title: "T",
          extra: 1,
        }),
        "{not json",
        "",
        JSON.stringify({ id: 7, html: "<p>Talks &amp; more.</p>", date: "Dec 31, 2019" }),
        JSON.stringify({ title: "no text" }),
        JSON.stringify({ text: "Bad date.", published: "someday" }),
      ].join("\n"),
    );
    const results = await collect([path]);
    assert.equal(results.length, 5);
    const [a, bad, b, noText, badDate] = results;
    assert.ok(a?.ok && b?.ok && badDate?.ok);
    assert.deepEqual(
      {
        id: a.doc.id,
        raw: a.doc.raw,
        published: a.doc.published,
        title: a.doc.title,
        origin: a.doc.origin,
      },
      {
        id: "a1",
        raw: "Troops arrived.",
        published: "2019-12-31",
        title: "T",
        origin: `${path}:1`,
      },
    );
    assert.equal(bad?.ok, false);
    assert.ok(
      !bad?.ok && bad?.failure.rule === "read/malformed-json" && bad.failure.origin === `${path}:2`,
    );
    assert.deepEqual(
      [b.doc.id, b.doc.format, b.doc.published, b.doc.origin],
      ["7", "html", "2019-12-31", `${path}:4`],
    );
    assert.ok(!noText?.ok && noText?.failure.rule === "read/no-text");
    assert.equal(badDate.doc.published, null);
    assert.equal(badDate.doc.messages?.[0]?.rule, "read/bad-date");
  });

  it("reads a JSON array and a single JSON object", async () => {
    const arr = file("many.json", JSON.stringify([{ text: "One." }, { text: "Two." }]));
    const one = file("one.json", JSON.stringify({ text: "Only.", source: "Wire" }, null, 2));
    const results = await collect([arr, one]);
    assert.deepEqual(
      results.map((r) => (r.ok ? [r.doc.raw, r.doc.origin] : r.failure.rule)),
      [
        ["One.", `${arr}#1`],
        ["Two.", `${arr}#2`],
        ["Only.", one],
      ],
    );
  });

  it("reads an HTML page through Readability with its metadata", async () => {
    const path = file(
      "page.html",
      `<!doctype html><html><head><title>Embassy guarded | Example Herald</title>
      <meta property="og:site_name" content="Example Herald">
      <meta property="article:published_time" content="2020-01-01T08:15:00-05:00">
      <link rel="canonical" href="https://herald.example/a"></head>
      <body><nav>Home | World | Sport</nav><article><h1>Embassy guarded</h1>
      <p>About 100 Marines arrived at the embassy in Baghdad on Wednesday, officials said, a day after the compound was attacked by protesters.</p>
      <p>The deployment followed airstrikes on militia positions in Iraq and Syria, which the Pentagon said were a response to a rocket attack.</p>
      </article><footer>Contact us</footer></body></html>`,
    );
    const [r] = await collect([path]);
    assert.ok(r?.ok);
    assert.equal(r.doc.format, "html");
    assert.equal(r.doc.title, "Embassy guarded");
    assert.equal(r.doc.published, "2020-01-01");
    assert.equal(r.doc.url, "https://herald.example/a");
    assert.equal(r.doc.source, "Example Herald");
    assert.match(r.doc.raw, /About 100 Marines/);
    assert.doesNotMatch(r.doc.raw, /Contact us|Sport/);
  });

  it("decodes a page in the charset it declares, with Windows-1252's quotes", async () => {
    const html =
      '<html><head><meta charset="windows-1252"><title>T</title></head><body><article><p>The country\x92s army said on Monday that the border crossing would reopen after talks with neighbouring officials.</p></article></body></html>';
    const path = file("cp1252.html", Buffer.from(html, "latin1"));
    const [r] = await collect([path]);
    assert.ok(r?.ok);
    assert.match(r.doc.raw, /country\u2019s army/);
    assert.equal(r.doc.messages?.[0]?.rule, "read/encoding");
  });

  it("reads each RSS item as a document", async () => {
    const path = file(
      "feed.rss",
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
      <item><title>One</title><link>https://w.example/1</link><guid>w-1</guid><pubDate>Wed, 01 Jan 2020 14:00:00 +0300</pubDate>
      <description>&lt;p&gt;Protesters withdrew.&lt;/p&gt;</description></item>
      <item><title>Headline only</title></item></channel></rss>`,
    );
    const results = await collect([path]);
    assert.equal(results.length, 2);
    const [one, two] = results;
    assert.ok(one?.ok && two?.ok);
    assert.deepEqual(
      [
        one.doc.id,
        one.doc.title,
        one.doc.url,
        one.doc.published,
        one.doc.source,
        one.doc.format,
        one.doc.raw,
      ],
      [
        "w-1",
        "One",
        "https://w.example/1",
        "2020-01-01",
        "Example Wire",
        "html",
        "<p>Protesters withdrew.</p>",
      ],
    );
    assert.deepEqual(
      [two.doc.raw, two.doc.format, two.doc.origin],
      ["Headline only", "text", `${path}#2`],
    );
  });

  it("reads an Atom feed", async () => {
    const path = file(
      "feed.atom",
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
      <entry><title>Talks resume</title><id>urn:1</id><link rel="alternate" href="https://a.example/1"/>
      <published>2020-01-02T09:00:00Z</published><content type="text">Talks resumed in Geneva.</content></entry></feed>`,
    );
    const [r] = await collect([path]);
    assert.ok(r?.ok);
    assert.deepEqual(
      [r.doc.id, r.doc.url, r.doc.published, r.doc.format, r.doc.raw, r.doc.source],
      [
        "urn:1",
        "https://a.example/1",
        "2020-01-02",
        "text",
        "Talks resumed in Geneva.",
        "Atom Wire",
      ],
    );
  });

  it("reads the HTML responses of a WARC file, gzipped record by record", async () => {
    const record = (type: string, uri: string, block: string): Buffer => {
      const body = Buffer.from(block);
      const head = `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nContent-Length: ${body.length}\r\n\r\n`;
      return gzipSync(Buffer.concat([Buffer.from(head), body, Buffer.from("\r\n\r\n")]));
    };
    const page =
      "<html><head><title>Harbour closed</title><meta property='article:published_time' content='2022-06-12'></head><body><article><p>The harbour of Rotterdam was closed to container ships on Sunday after a strike by dock workers, the port authority said in a statement.</p></article></body></html>";
    const chunked = `${page.length.toString(16)}\r\n${page}\r\n0\r\n\r\n`;
    const path = file(
      "news.warc.gz",
      Buffer.concat([
        record("warcinfo", "", "software: test"),
        record("request", "https://h.example/a", "GET /a HTTP/1.1\r\nHost: h.example\r\n\r\n"),
        record(
          "response",
          "https://h.example/a",
          `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}`,
        ),
        record(
          "response",
          "https://h.example/logo.png",
          "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
        ),
        record(
          "response",
          "https://h.example/gone",
          "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>no</p>",
        ),
      ]),
    );
    const results = await collect([path]);
    assert.equal(results.length, 1);
    const [r] = results;
    assert.ok(r?.ok);
    assert.deepEqual(
      [r.doc.origin, r.doc.url, r.doc.published, r.doc.format],
      [`${path}#3`, "https://h.example/a", "2022-06-12", "html"],
    );
    assert.match(r.doc.raw, /harbour of Rotterdam/);
  });

  it("skips a WARC record above the limit without keeping it, in any chunking", async () => {
    const rec = (type: string, block: string) =>
      `WARC/1.0\r\nWARC-Type: ${type}\r\nContent-Length: ${block.length}\r\n\r\n${block}\r\n\r\n`;
    const all = Buffer.from(rec("response", "x".repeat(500)) + rec("metadata", "small"));
    for (const size of [1, 7, 64, 4096]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < all.length; i += size) chunks.push(all.subarray(i, i + size));
      const seen: (string | number)[] = [];
      for await (const r of warcRecords(Readable.from(chunks), 100)) {
        if ("error" in r) assert.fail(r.error);
        seen.push(typeof r.block === "number" ? r.block : r.block.toString());
      }
      assert.deepEqual(seen, [500, "small"], `chunks of ${size}`);
    }
  });

  it("reports a file that says .warc but is not one", async () => {
    const path = file("bad.warc", "Just some text, not a WARC record at all.\r\n\r\n");
    const [r] = await collect([path]);
    assert.ok(r && !r.ok && r.failure.rule === "read/malformed-warc");
  });

  it("reads JSON lines on stdin for '-'", async () => {
    const stdin = Readable.from([`{"text":"From stdin."}\n{"text":`, `"Split chunk."}\nbroken\n`]);
    const results = await collect(["-"], { stdin });
    assert.deepEqual(
      results.map((r) => (r.ok ? r.doc.origin : `${r.failure.origin} ${r.failure.rule}`)),
      ["stdin:1", "stdin:2", "stdin:3 read/malformed-json"],
    );
  });

  it("walks directories recursively in sorted order and skips hidden files", async () => {
    const root = join(dir, "tree");
    mkdirSync(join(root, "b-dir"), { recursive: true });
    writeFileSync(join(root, "c.txt"), "Third.");
    writeFileSync(join(root, "a.txt"), "First.");
    writeFileSync(join(root, "b-dir", "x.txt"), "Second.");
    writeFileSync(join(root, ".DS_Store"), "junk");
    writeFileSync(join(root, "notes.pdf"), "%PDF");
    const results = await collect([root]);
    assert.deepEqual(
      results.map((r) => (r.ok ? r.doc.raw : r.failure.rule)),
      ["First.", "Second.", "Third.", "read/unsupported"],
    );
  });

  it("does not loop on a symlink back to a parent directory", async () => {
    const root = join(dir, "loop");
    mkdirSync(join(root, "sub"), { recursive: true });
    writeFileSync(join(root, "sub", "a.txt"), "Text.");
    symlinkSync(root, join(root, "sub", "up"));
    const results = await collect([root]);
    assert.deepEqual(
      results.map((r) => (r.ok ? r.doc.raw : r.failure.rule)),
      ["Text.", "read/unsupported"],
    );
  });

  it("reports a missing path and goes on", async () => {
    const good = file("good.txt", "Fine.");
    const results = await collect([join(dir, "missing.txt"), good]);
    assert.ok(!results[0]?.ok && results[0]?.failure.rule === "read/unreadable");
    assert.match(!results[0]?.ok ? (results[0]?.failure.reason ?? "") : "", /no such file/);
    assert.ok(results[1]?.ok);
  });
});

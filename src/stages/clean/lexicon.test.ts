import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { builtInArtifacts, normaliseLine, parseArtifactLexicon } from "./lexicon.ts";
import { isArtifactLine } from "./rules/artifacts.ts";

const lexicon = builtInArtifacts();

/** Lines scrapers keep from pages: each must be recognised. */
const ARTIFACTS = [
  "Loading...",
  "Loading…",
  " LOADING ",
  "Advertisement",
  "ADVERTISEMENT",
  "Share this article",
  "Share on Facebook",
  "Share this story via email",
  "Follow us on Twitter",
  "Sign up for our daily newsletter",
  "Subscribe now for unlimited access",
  "Click here to read the full report",
  "We use cookies to ensure you get the best experience on our website.",
  "This site uses cookies. By continuing to browse you agree.",
  "Please enable JavaScript to view this page.",
  "Image copyright Getty Images",
  "Continue reading the main story",
  "Read more:",
  "Related",
  "© 2019 Example Media. All rights reserved.",
];

/** Lines of news prose that start like an artifact: none may be dropped. */
const PROSE = [
  "Share prices fell 3% on Tuesday after the announcement.",
  "Home Secretary Priti Patel said the plan would go ahead.",
  "Related talks are expected to resume in Geneva next week.",
  "Watch commanders reported no casualties overnight.",
  "Click, the company's new app, was launched in Nairobi.",
  "Subscribers in Kenya lost access to the service on Monday.",
  "An advertisement campaign by the ministry began in May.",
  "Loading of the ships resumed at the port of Odesa.",
  "We use force only as a last resort, the general said.",
  "Follow-up talks are planned.",
  "Photo evidence was shown to the court.",
];

describe("artifact lexicon", () => {
  it("parses the shipped lexicon with entries in every section", () => {
    assert.ok(lexicon.lines.size > 20);
    assert.ok(lexicon.pattern);
    assert.ok(lexicon.inline.length > 0);
  });

  for (const line of ARTIFACTS) {
    it(`drops "${line.trim()}"`, () => assert.equal(isArtifactLine(line, lexicon), true));
  }
  for (const line of PROSE) {
    it(`keeps "${line}"`, () => assert.equal(isArtifactLine(line, lexicon), false));
  }

  it("normalises case, spaces, ellipses and trailing marks", () => {
    const rows: [string, string][] = [
      ["  Loading…  ", "loading"],
      ["READ   MORE:", "read more"],
      ["Share |", "share"],
    ];
    for (const [input, expected] of rows) assert.equal(normaliseLine(input), expected);
  });

  it("extends a lexicon with a user's entries", () => {
    const extended = parseArtifactLexicon("[line]\nMore from the Herald\n[inline]\nHERALD PLUS", {
      ...lexicon,
      lines: new Set(lexicon.lines),
      inline: [...lexicon.inline],
    });
    assert.equal(isArtifactLine("More from the Herald", extended), true);
    assert.equal(isArtifactLine("Advertisement", extended), true);
    assert.ok(extended.inline.includes("HERALD PLUS"));
  });

  it("rejects a broken lexicon with its line number", () => {
    assert.throws(() => parseArtifactLexicon("[pattern]\n^(unclosed"), /line 2/);
    assert.throws(() => parseArtifactLexicon("orphan"), /before any \[section\]/);
    assert.throws(() => parseArtifactLexicon("[lines]"), /unknown section/);
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { classifyLexicon, lexiconsOfKind } from "./lexicon-files.ts";

const dir = mkdtempSync(join(tmpdir(), "dateline-lexicon-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("classifyLexicon", () => {
  it("tells each stage's files apart by name and content", () => {
    const places = file("mine.places.tsv", "Springfield\t\t\t39.8\t-89.6\tUS\tcity\t\n");
    const actors = file("actors.json", '{"actors": [{"names": ["Blue Party"]}]}');
    const eventsJson = file("events.json", '{"events": [{"lemma": "shell", "type": "ASSAULT"}]}');
    const eventsTsv = file("triggers.tsv", "# lemma\tpos\ttype\tmode\nshell\tv\tASSAULT\t-\n");
    assert.deepEqual(
      [places, actors, eventsJson, eventsTsv].map((p) => {
        const c = classifyLexicon(p);
        return c.ok ? c.kinds.join("+") : c.reason;
      }),
      ["places", "actors", "events", "events"],
    );
    const both = file("both.json", '{"actors": [], "events": []}');
    assert.deepEqual(classifyLexicon(both), { ok: true, kinds: ["actors", "events"], path: both });
    assert.deepEqual(lexiconsOfKind([places, actors, eventsJson, eventsTsv], "events"), [
      eventsJson,
      eventsTsv,
    ]);
  });

  it("refuses, with a reason, what no stage would read", () => {
    const cases: Array<[string, string, RegExp]> = [
      ["actors.yaml", "actors:\n  - names: [Blue Party]\n", /not a lexicon any stage reads/],
      ["broken.json", '{"actors": [', /not valid JSON/],
      ["other.json", '{"people": []}', /without an "actors" or "events" array/],
      ["wrong-header.tsv", "word\ttype\nshell\tASSAULT\n", /expected NAME\.places\.tsv/],
    ];
    for (const [name, text, reason] of cases) {
      const c = classifyLexicon(file(name, text));
      assert.equal(c.ok, false, name);
      if (!c.ok) assert.match(c.reason, reason, name);
    }
    const missing = classifyLexicon(join(dir, "missing.json"));
    assert.equal(missing.ok, false);
    if (!missing.ok) assert.match(missing.reason, /cannot be read/);
  });
});

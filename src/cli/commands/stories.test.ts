/**
 * `dateline stories`, `dateline events --merged` and `dateline show ev-…`, spawned as users
 * run them, on a store the cross-article pass filled from hand-made annotated documents.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import type { AnnotatedDocument } from "../../core/output.ts";
import { sampleDocument } from "../../store/contract.ts";
import { SqliteStore } from "../../store/index.ts";
import { StoryUpdater } from "../../stories/update.ts";

const repo = resolve(import.meta.dirname, "../../..");
const bin = join(repo, "bin", "dateline.js");
const work = mkdtempSync(join(tmpdir(), "dateline-stories-cli-"));
after(() => rmSync(work, { recursive: true, force: true }));
const db = join(work, "news.db");

/** An id the input gave, long and sharing its start with others, as archives name them. */
const AP_ID = "ap-2019-12-31-marines-arrive-in-baghdad";

const REPORT =
  "About 100 marines were sent to Baghdad on Tuesday after protesters stormed the embassy " +
  "compound, officials said, adding that the troops arrived overnight to reinforce the guard " +
  "while the crowd outside threw stones and set fire to the reception area.";

function doc(id: string, text: string, source: string): AnnotatedDocument {
  return {
    ...sampleDocument(id, text, { published: "2019-12-31", source }),
    title: `${source} report`,
  };
}

function dateline(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args, "--db", db], {
    cwd: work,
    env: { ...process.env, TZ: "UTC", NO_COLOR: "1" },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("stories and merged events on the command line", () => {
  before(async () => {
    const store = await SqliteStore.open(db);
    const ap = doc(
      AP_ID,
      "Marines arrived in Baghdad to guard the US embassy, the Pentagon said.",
      "AP",
    );
    // The report listed first names no place; the others name Baghdad.
    ap.events = ap.events.map((e) => ({ ...e, location: null }));
    const docs = [
      doc("reuters-1", REPORT, "Reuters"),
      ap,
      doc("yahoo-1", `${REPORT}\nCopyright Yahoo. All rights reserved.`, "Yahoo"),
    ];
    await store.writeBatch(
      docs.map((d) => ({ kind: "article", doc: d, origin: d.id, idGiven: true })),
    );
    await (await StoryUpdater.open(store.stories())).update(docs);
    await store.close();
  });

  it("lists stories with their articles and marks the reprint", () => {
    const { code, stdout } = dateline("stories");
    assert.equal(code, 0);
    assert.match(stdout, /^story \d+ {2}3 articles \(2 original\)/m);
    assert.match(stdout, /yahoo-1 .* \[near copy of reuters-1\]/);
    // Whole ids, so that each names its article for `dateline show`.
    assert.match(stdout, new RegExp(`^ {2}${AP_ID} {2}2019-12-31 {2}AP`, "m"));
    assert.match(stdout, /^ {2}reuters-1 {2,}2019-12-31/m);
    const json = JSON.parse(dateline("stories", "--json").stdout.trim());
    assert.deepEqual(
      json.articles.map((a: { id: string }) => a.id),
      ["reuters-1", AP_ID, "yahoo-1"],
    );
  });

  it("lists merged events with their counts and shows every mention", () => {
    const listed = dateline("events", "--merged", "--format", "json");
    assert.equal(listed.code, 0);
    const [event] = listed.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(event.numArticles, 2);
    assert.equal(event.numSources, 2);
    assert.equal(event.numReprints, 1);
    const table = dateline("events", "--merged");
    assert.match(table.stdout, /MENTIONS +ARTICLES +SOURCES +REPRINTS/);
    const shown = dateline("show", event.id);
    assert.equal(shown.code, 0);
    assert.match(shown.stdout, /2 mentions in 2 articles from 2 sources; 1 more in reprints/);
    assert.match(shown.stdout, /yahoo-1 #0 .* reprint of reuters-1/);
    assert.match(shown.stdout, /Marines arrived in Baghdad to guard the US embassy/);
    assert.equal(dateline("show", "ev-000000000000").code, 1);
  });

  it("exports one event with every report counted once, as GDELT's tables do", () => {
    const [merged] = dateline("events", "--merged", "--format", "json")
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const tsv = (format: string) => {
      const r = dateline("events", "--format", format);
      assert.equal(r.code, 0, r.stderr);
      const [head, ...rows] = r.stdout.trim().split("\n");
      const names = (head ?? "").split("\t");
      return rows.map((row) => {
        const cells = row.split("\t");
        return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
      });
    };
    // Three reports (one a reprint) of one event: one row, counted 2 / 2 / 2.
    const events = tsv("gdelt");
    assert.equal(events.length, 1);
    assert.deepEqual(
      [events[0]?.NumMentions, events[0]?.NumSources, events[0]?.NumArticles],
      ["2", "2", "2"],
    );
    // Its first report names no place; the row has the place the others name.
    assert.equal(events[0]?.SOURCEURL, `https://example.org/${AP_ID}`);
    assert.deepEqual(
      [events[0]?.ActionGeo_FullName, events[0]?.ActionGeo_FeatureID],
      ["Baghdad, IQ", "98182"],
    );
    // Every report stays in the mentions table, pointing at that row.
    const mentions = tsv("gdelt-mentions");
    assert.deepEqual(
      mentions.map((m) => m.GlobalEventID),
      [events[0]?.GlobalEventID, events[0]?.GlobalEventID, events[0]?.GlobalEventID],
    );
    assert.equal(new Set(mentions.map((m) => m.MentionIdentifier)).size, 3);
    // The per-report listings name the real event and its counts.
    const json = dateline("events", "--format", "json")
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(json.length, 3);
    for (const e of json) {
      const { id, numMentions, numArticles, numSources, location, earliest, latest } = e.merged;
      assert.deepEqual(
        { id, numMentions, numArticles, numSources },
        { id: merged.id, numMentions: 2, numArticles: 2, numSources: 2 },
      );
      // The real event as all its reports describe it, as `--merged` lists it.
      assert.deepEqual(
        [location?.name, earliest, latest],
        [merged.location?.name, merged.earliest, merged.latest],
      );
    }
    const plover = dateline("events", "--format", "plover")
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      plover.map((p) => p.merged_event?.id),
      [merged.id, merged.id, merged.id],
    );
    const csv = dateline("events", "--format", "csv").stdout.split("\r\n").filter(Boolean);
    assert.match(csv[0] ?? "", /,merged_event_id,num_mentions,num_articles,num_sources$/);
    assert.ok(csv.slice(1).every((row) => row.endsWith(`,${merged.id},2,2,2`)));
    assert.match(dateline("events").stdout, /PLACE +REPORTS +EVIDENCE/);
    assert.equal(dateline("events", "--format", "acled").stdout.trim().split("\n").length, 2);
    const both = dateline("events", "--merged", "--format", "gdelt");
    assert.equal(both.code, 2);
    assert.match(both.stderr, /without --merged already writes one row per real event/);
  });

  it("filters merged events as it filters single ones, and refuses what does not apply", () => {
    const ids = (...args: string[]) => {
      const r = dateline("events", "--merged", "--format", "json", ...args);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout.split("\n").filter(Boolean).length;
    };
    assert.equal(ids("--actor", "MARINES"), 1);
    assert.equal(ids("--actor", "protesters"), 0);
    assert.equal(ids("--country", "USA", "--quad", "material-conflict"), 1);
    assert.equal(ids("--country", "SY"), 0);
    assert.equal(ids("--article", AP_ID, "--min-articles", "2"), 1);
    assert.equal(ids("--min-articles", "3"), 0);
    const search = dateline("events", "--merged", "--search", "marines");
    assert.equal(search.code, 2);
    assert.match(search.stderr, /search without --merged/);
    const alone = dateline("events", "--min-articles", "2");
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /use it with --merged/);
  });
});

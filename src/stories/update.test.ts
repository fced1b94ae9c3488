import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { AnnotatedDocument } from "../core/output.ts";
import { sampleDocument } from "../store/contract.ts";
import { SqliteStore } from "../store/sqlite.ts";
import type { StoryInput } from "./cluster.ts";
import { sharedNameStories } from "./test-headlines.ts";
import { StoryUpdater, storyKeys, storyText } from "./update.ts";

const text = "Gunmen seized 30 students in Kaduna. Police said. A third sentence is not the lead.";

const doc: AnnotatedDocument = {
  id: "a",
  published: "2021-03-02",
  title: "Students abducted",
  url: null,
  source: null,
  language: "en",
  text,
  sentences: [
    { start: 0, end: 36 },
    { start: 37, end: 49 },
    { start: 50, end: text.length },
  ],
  entities: [
    { start: 30, end: 36, text: "Kaduna", type: "GPE", actor: null },
    {
      start: 37,
      end: 43,
      text: "Police",
      type: "ORG",
      actor: { name: "Nigeria Police Force", country: "NGA", sector: "COP" },
    },
  ],
  dates: [],
  places: [
    {
      start: 30,
      end: 36,
      text: "Kaduna",
      geonameId: 2335727,
      name: "Kaduna",
      countryCode: "NG",
      admin1: null,
      lat: 10.52,
      lon: 7.44,
      precision: "city",
      confidence: 0.9,
    },
    {
      start: 0,
      end: 0,
      text: "Nigerian",
      geonameId: 2328926,
      name: "Nigeria",
      countryCode: "NG",
      admin1: null,
      lat: 9,
      lon: 8,
      precision: "country",
      confidence: 0.9,
    },
  ],
  events: [],
  quotes: [],
  messages: [],
};

describe("what the clusterer sees of an annotated article", () => {
  it("reads the title and the lead, not the whole text", () => {
    assert.equal(
      storyText(doc),
      "Students abducted\nGunmen seized 30 students in Kaduna. Police said.",
    );
  });

  it("adds named actors and precise places as keys, not countries", () => {
    assert.deepEqual(storyKeys(doc), ["entity:nigeria police force", "place:2335727"]);
  });
});

describe("the store pass when a story splits", () => {
  const dir = mkdtempSync(join(tmpdir(), "dateline-split-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A headline as a stored article with nothing annotated, so only its words count. */
  const stored = (h: StoryInput, text = h.text): AnnotatedDocument => ({
    ...sampleDocument(h.id, text, { published: h.published, events: false }),
    title: null,
    entities: [],
    places: [],
    dates: [],
  });

  it("moves articles stored in earlier batches, and their reprints, to the new story", async () => {
    const store = await SqliteStore.open(join(dir, "split.db"));
    try {
      const { concept, release } = sharedNameStories();
      const first = release[0] as StoryInput;
      // A reprint: the same words, other punctuation.
      const reprint = stored({ ...first, id: "reprint" }, `${first.text}!`);
      const batches = [
        [...concept.map((h) => stored(h)), stored(first), reprint],
        release.slice(1).map((h) => stored(h)),
      ];
      // Headline settings: these articles are headlines.
      const options = { cluster: { threshold: 0.03, splitThreshold: 0.1 } };
      for (const docs of batches) {
        await store.writeBatch(
          docs.map((d) => ({ kind: "article" as const, doc: d, origin: d.id, idGiven: true })),
        );
        await (await StoryUpdater.open(store.stories(), options)).update(docs);
      }
      const stories = store.stories();
      const conceptStory = await stories.storyOf((concept[0] as StoryInput).id);
      const releaseStory = await stories.storyOf(first.id);
      assert.notEqual(conceptStory, releaseStory);
      for (const h of concept) assert.equal(await stories.storyOf(h.id), conceptStory);
      for (const h of release) assert.equal(await stories.storyOf(h.id), releaseStory);
      assert.equal(await stories.storyOf("reprint"), releaseStory);
      const articles = await stories.storyArticles(releaseStory as number);
      const copy = articles.find((a) => a.id === "reprint");
      assert.equal(copy?.duplicateOf, first.id);
      assert.equal(copy?.duplicateKind, "exact");
    } finally {
      await store.close();
    }
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { AnnotatedDocument } from "../core/output.ts";
import { sampleDocument } from "../store/contract.ts";
import { SqliteStore } from "../store/sqlite.ts";
import { clusterDefaults, type StoryInput } from "./cluster.ts";
import { sharedNameStories } from "./test-headlines.ts";
import {
  articleClusterOptions,
  headlineSized,
  StoryUpdater,
  settingsConflict,
  storedSettings,
  storyKeys,
  storyText,
} from "./update.ts";

const lead = "Gunmen seized 30 students from a boarding school in Kaduna on Tuesday night.";
const second = "Police said the attackers came on motorcycles and fired into the air.";
const text = `${lead} ${second} A third sentence is not the lead.`;
const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

const doc: AnnotatedDocument = {
  id: "a",
  published: "2021-03-02",
  title: "Students abducted",
  url: null,
  source: null,
  language: "en",
  text,
  sentences: [
    { start: 0, end: lead.length },
    { start: lead.length + 1, end: lead.length + 1 + second.length },
    { start: lead.length + 2 + second.length, end: text.length },
  ],
  entities: [
    { ...at("Kaduna"), text: "Kaduna", type: "GPE", actor: null },
    {
      ...at("Police"),
      text: "Police",
      type: "ORG",
      actor: { name: "Nigeria Police Force", country: "NGA", sector: "COP" },
    },
  ],
  dates: [],
  places: [
    {
      ...at("Kaduna"),
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
    assert.equal(storyText(doc), `Students abducted\n${lead} ${second}`);
  });

  it("adds named actors and precise places as keys, not countries", () => {
    assert.deepEqual(storyKeys(doc), ["entity:nigeria police force", "place:2335727"]);
  });

  it("takes no keys from a headline alone, whose case misleads the entity stage", () => {
    const headline = "Gunmen Seize 30 Students In Kaduna";
    const alone: AnnotatedDocument = {
      ...doc,
      title: null,
      text: headline,
      sentences: [{ start: 0, end: headline.length }],
    };
    assert.equal(headlineSized(alone), true);
    assert.deepEqual(storyKeys(alone), []);
    assert.equal(headlineSized(doc), false);
  });
});

describe("the store pass's settings", () => {
  const dir = mkdtempSync(join(tmpdir(), "dateline-settings-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const withStore = async (use: (store: SqliteStore) => Promise<void>) => {
    const store = await SqliteStore.open(join(dir, `s${n++}.db`));
    try {
      await use(store);
    } finally {
      await store.close();
    }
  };
  const articleDoc = (id: string): AnnotatedDocument => ({ ...doc, id });
  const headlineDoc = (h: StoryInput): AnnotatedDocument => ({
    ...sampleDocument(h.id, h.text, { published: h.published, events: false }),
    title: null,
  });
  const headlines = () => sharedNameStories().concept.map(headlineDoc);
  const batch = async (store: SqliteStore, docs: AnnotatedDocument[], options = {}) => {
    await store.writeBatch(
      docs.map((d) => ({ kind: "article" as const, doc: d, origin: d.id, idGiven: true })),
    );
    const updater = await StoryUpdater.open(store.stories(), options);
    return { updater, result: await updater.update(docs) };
  };

  it("are chosen by a new store's first batch: headlines get the clusterer's defaults", () =>
    withStore(async (store) => {
      const { updater, result } = await batch(store, headlines());
      assert.equal(result.chose, "headlines");
      assert.deepEqual(updater.clusterSettings, clusterDefaults);
    }));

  it("give articles the article settings", () =>
    withStore(async (store) => {
      const { updater, result } = await batch(store, [articleDoc("a1"), articleDoc("a2")]);
      assert.equal(result.chose, "articles");
      assert.deepEqual(updater.clusterSettings, { ...clusterDefaults, ...articleClusterOptions });
    }));

  it("stay with the store: a later run of articles goes on with the headline settings", () =>
    withStore(async (store) => {
      await batch(store, headlines());
      const { updater, result } = await batch(store, [articleDoc("a1"), articleDoc("a2")]);
      assert.equal(result.chose, undefined);
      assert.deepEqual(updater.clusterSettings, clusterDefaults);
      assert.equal(result.placed, 2);
    }));

  it("are the article settings for a state saved before settings were kept", () =>
    withStore(async (store) => {
      await batch(store, headlines());
      const stories = store.stories();
      const saved = await stories.loadClustererState();
      assert.ok(saved?.options);
      delete saved.options;
      await stories.saveClustererState(saved);
      const updater = await StoryUpdater.open(stories);
      assert.deepEqual(updater.clusterSettings, { ...clusterDefaults, ...articleClusterOptions });
      assert.deepEqual(await stories.loadClustererOptions(), {});
      assert.equal(await storedSettings(stories), "articles");
    }));

  it("can be asked for, and a store that has others refuses them", () =>
    withStore(async (store) => {
      const { updater, result } = await batch(store, headlines(), { settings: "articles" });
      assert.equal(result.chose, undefined, "asked for, not chosen");
      assert.deepEqual(updater.clusterSettings, { ...clusterDefaults, ...articleClusterOptions });
      assert.equal(await storedSettings(store.stories()), "articles");
      assert.equal(await settingsConflict(store.stories(), "articles"), null);
      await assert.rejects(
        StoryUpdater.open(store.stories(), { settings: "headlines" }),
        /clusters stories with the article settings, not the headline settings/,
      );
    }));

  it("yield to the caller's options, which the store then keeps", () =>
    withStore(async (store) => {
      const { updater } = await batch(store, headlines(), { cluster: { windowDays: 7 } });
      assert.equal(updater.clusterSettings?.windowDays, 7);
      assert.equal(updater.clusterSettings?.foldSize, clusterDefaults.foldSize);
      const again = await StoryUpdater.open(store.stories());
      assert.equal(again.clusterSettings?.windowDays, 7);
      assert.equal(await storedSettings(store.stories()), "custom");
    }));
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

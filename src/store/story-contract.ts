/**
 * The contract of the cross-article part of a store (`Store.stories()`), run through the
 * real pass (`StoryUpdater`) so it checks what users see: duplicates linked to their
 * originals, stories, merged events with their counts and mentions, and a second run that
 * continues where the first stopped. It speaks only through the interfaces, so any other
 * store (SQLite is the only one today) would run the same suite.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { AnnotatedDocument } from "../core/output.ts";
import { mergeDefaults } from "../stories/events.ts";
import { StoryUpdater, storyPass, unplacedArticles } from "../stories/update.ts";
import { sampleDocument } from "./contract.ts";
import type { MergedEventFilter, StoryStore } from "./story-types.ts";
import type { Store } from "./types.ts";

const MARINES =
  "US marines were sent to Baghdad on Tuesday after protesters stormed the embassy compound, " +
  "officials said, adding that about one hundred troops arrived overnight to reinforce the " +
  "guard while the crowd outside threw stones and set fire to the reception area.";
const TITANFALL =
  "Titanfall launched on the Xbox One to strong reviews as players lined up at midnight " +
  "in London and New York, and Microsoft said the game would lift console sales this spring " +
  "while critics praised its robot battles and fast multiplayer matches across maps.";

function doc(
  id: string,
  text: string,
  over: Partial<AnnotatedDocument> & { eventless?: boolean } = {},
): AnnotatedDocument {
  const base = sampleDocument(id, text, {
    published: over.published ?? "2019-12-31",
    source: over.source ?? null,
    ...(over.eventless ? { events: false as const } : {}),
  });
  const { eventless, ...rest } = over;
  // An eventless document is about something else: no Baghdad, no marines.
  const other = eventless ? { entities: [], places: [], dates: [] } : {};
  return { ...base, title: null, ...other, ...rest };
}

/** `open` gives a fresh, empty store each time it is called. */
export function storyStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`StoryStore contract: ${name}`, () => {
    const opened: Store[] = [];
    const fresh = async () => {
      const s = await open();
      opened.push(s);
      return s;
    };
    after(async () => {
      for (const s of opened) await s.close();
    });

    async function ingest(store: Store, docs: AnnotatedDocument[]) {
      await store.writeBatch(
        docs.map((d) => ({ kind: "article", doc: d, origin: d.id, idGiven: true })),
      );
      const updater = await StoryUpdater.open(store.stories());
      return updater.update(docs);
    }

    it("links a reprint to its original, in the original's story, counted once", async () => {
      const store = await fresh();
      const result = await ingest(store, [
        doc("orig", MARINES, { source: "Reuters" }),
        doc("copy", `${MARINES}\nCopyright Daily Courier. All rights reserved.`, {
          source: "Daily Courier",
        }),
        doc("other", TITANFALL, { source: "Wired", eventless: true }),
      ]);
      assert.equal(result.placed, 3);
      assert.equal(result.duplicates, 1);
      const stories = await store.stories().listStories();
      assert.equal(stories.length, 2);
      const marines = stories.find((s) => s.articles === 2);
      assert.ok(marines);
      assert.equal(marines.originals, 1);
      const articles = await store.stories().storyArticles(marines.id);
      assert.deepEqual(
        articles.map((a) => [a.id, a.duplicateOf, a.duplicateKind]),
        [
          ["orig", null, null],
          ["copy", "orig", "near"],
        ],
      );
      const events = await store.stories().listMergedEvents();
      assert.equal(events.length, 1);
      const [event] = events;
      assert.ok(event);
      assert.equal(event.numMentions, 1);
      assert.equal(event.numArticles, 1);
      assert.equal(event.numSources, 1);
      assert.equal(event.numReprints, 1);
      assert.deepEqual(event.mentions, []);
    });

    it("titles a story by its earliest dated article, an undated one only when none is dated", async () => {
      const store = await fresh();
      await ingest(store, [
        doc("undated", MARINES, { published: null, title: "Embassy guard reinforced" }),
        doc("dated", `${MARINES}\nAll rights reserved.`, { title: "Marines sent to Baghdad" }),
        doc("alone", TITANFALL, { published: null, title: "Titanfall launches", eventless: true }),
      ]);
      const stories = await store.stories().listStories();
      assert.deepEqual(stories.map((s) => [s.articles, s.title]).sort(), [
        [1, "Titanfall launches"],
        [2, "Marines sent to Baghdad"],
      ]);
    });

    it("titles a story by a typical article, not by a stray that came first", async () => {
      const store = await fresh();
      const titles = [
        "Window on Westminster",
        "Metro-North worker killed by train",
        "Metro-North worker struck and killed by train in Harlem",
        "Track worker killed by Metro-North train, MTA says",
      ];
      const docs = titles.map((title, i) =>
        doc(`t${i}`, `${TITANFALL} ${i}`, { title, eventless: true }),
      );
      await store.writeBatch(
        docs.map((d) => ({ kind: "article", doc: d, origin: d.id, idGiven: true })),
      );
      // Placed by hand, as folding would place a stray headline ahead of its story.
      await store
        .stories()
        .place(docs.map((d) => ({ articleId: d.id, storyId: 7, duplicate: null })));
      const [story] = await store.stories().listStories();
      assert.equal(story?.title, "Metro-North worker killed by train");
    });

    it("finds stories by id, by dates they overlap, by the words of their articles, and sorts them", async () => {
      const store = await fresh();
      const placed = [
        // [id, story, published, title]
        ["f1", 3, "2014-02-20", "Copper slides on China worries"],
        ["f2", 3, "2014-02-24", "Copper falls again"],
        ["f3", 3, "2014-02-28", "Copper at a four-year low"],
        ["m1", 1, "2014-03-01", "Titanfall beta opens"],
        ["m2", 1, "2014-03-03", "Titanfall review roundup"],
        ["m3", 2, "2014-03-10", "Marines sent to the embassy"],
        ["u1", 4, null, "Undated brief on tariffs"],
      ] as const;
      const docs = placed.map(([id, , published, title]) =>
        doc(id, `${title}. Reported by the wires as ${id}.`, { published, title, eventless: true }),
      );
      await store.writeBatch(
        docs.map((d) => ({ kind: "article", doc: d, origin: d.id, idGiven: true })),
      );
      await store
        .stories()
        .place(placed.map(([id, storyId]) => ({ articleId: id, storyId, duplicate: null })));
      const ids = async (filter: Parameters<StoryStore["listStories"]>[0]) =>
        (await store.stories().listStories(filter)).map((s) => s.id);

      assert.deepEqual(await ids({}), [2, 1, 3, 4], "most recently active first, undated last");
      assert.deepEqual(await ids({ sort: "size" }), [3, 1, 2, 4]);
      assert.deepEqual(await ids({ id: 1 }), [1]);
      assert.deepEqual(await ids({ id: 99 }), []);
      assert.deepEqual(await ids({ since: "2014-03-02" }), [2, 1], "a span that ends after it");
      assert.deepEqual(await ids({ until: "2014-03-01" }), [1, 3], "a span that starts by it");
      assert.deepEqual(await ids({ until: "2014-02" }), [3], "a month means all of it");
      assert.deepEqual(await ids({ since: "2014-03", until: "2014-03" }), [2, 1]);
      assert.deepEqual(await ids({ since: "2014-02-25", until: "2014-02-26" }), [3]);
      assert.deepEqual(await ids({ search: "titanfall" }), [1]);
      assert.deepEqual(await ids({ search: "marines OR copper", sort: "size" }), [3, 2]);
      assert.deepEqual(await ids({ search: "tariffs" }), [4]);
      assert.deepEqual(await ids({ search: "titanfall", id: 3 }), []);
      assert.deepEqual(await ids({ minArticles: 2, since: "2014-03" }), [1]);
      assert.deepEqual(await ids({ sort: "size", limit: 2, offset: 1 }), [1, 2]);
      await assert.rejects(store.stories().listStories({ search: '"unclosed' }), {
        name: "QueryError",
        message: /not valid full-text syntax/,
      });
    });

    it("merges one event reported by two sources and shows every mention", async () => {
      const store = await fresh();
      await ingest(store, [
        doc("r1", MARINES, { source: "Reuters" }),
        doc("r2", "Marines arrived in Baghdad to guard the embassy.", { source: "AP" }),
      ]);
      const [listed] = await store.stories().listMergedEvents();
      assert.ok(listed);
      assert.equal(listed.numArticles, 2);
      assert.equal(listed.numSources, 2);
      const shown = await store.stories().getMergedEvent(listed.id.slice(0, 6));
      assert.ok(shown);
      assert.deepEqual(
        shown.mentions.map((m) => [m.articleId, m.source, m.sentence, m.start, m.evidenceText]),
        [
          ["r1", "Reuters", 0, 0, MARINES],
          ["r2", "AP", 0, 0, "Marines arrived in Baghdad to guard the embassy."],
        ],
      );
      assert.equal(await store.stories().getMergedEvent("ev-nothing"), null);
    });

    it("keeps the merge rule of its first run and merges by it in later runs", async () => {
      const store = await fresh();
      assert.equal(await store.stories().loadMergeRule(), null);
      const r1 = doc("r1", MARINES, { source: "Reuters" });
      const r2 = doc("r2", "Marines arrived in Baghdad to guard the embassy.", { source: "AP" });
      await store.writeBatch(
        [r1, r2].map((d) => ({ kind: "article", doc: d, origin: d.id, idGiven: true })),
      );
      // Actor, recipient and place must all agree; the two reports give no recipient.
      const first = await StoryUpdater.open(store.stories(), { merge: { minAgreements: 3 } });
      await first.update([r1]);
      const rule = { ...mergeDefaults, minAgreements: 3 };
      assert.deepEqual(await store.stories().loadMergeRule(), rule);
      // A later run asks for nothing and goes on with the store's rule.
      const later = await StoryUpdater.open(store.stories());
      assert.deepEqual(later.mergeRule, rule);
      await later.update([r2]);
      assert.equal((await store.stories().listMergedEvents()).length, 2);
      // Asking for the rule it has is fine; another is refused.
      await StoryUpdater.open(store.stories(), { merge: { minAgreements: 3 } });
      await assert.rejects(
        StoryUpdater.open(store.stories(), { merge: { minAgreements: 1, maxDistanceKm: 50 } }),
        /merges events with minAgreements 3 \(not 1\); a store keeps the merge rule/,
      );
    });

    it("filters merged events by quad class, country, actor, article and story", async () => {
      const store = await fresh();
      const protest = sampleDocument("p1", "Students marched in Kirkuk against the government.", {
        published: "2019-12-31",
        event: {
          type: "PROTEST",
          quad: "verbal-conflict",
          actor: { name: "Kirkuk students", country: "IRQ", sector: "EDU" },
        },
      });
      await ingest(store, [doc("m1", MARINES, { source: "Reuters" }), { ...protest, title: null }]);
      const types = async (filter: MergedEventFilter) =>
        (await store.stories().listMergedEvents(filter)).map((e) => e.type).sort();
      assert.deepEqual(await types({}), ["MOBILIZE", "PROTEST"]);
      assert.deepEqual(await types({ quad: "verbal-conflict" }), ["PROTEST"]);
      // Alpha-3 reads the actor's or recipient's country, alpha-2 the place's.
      assert.deepEqual(await types({ country: "usa" }), ["MOBILIZE"]);
      assert.deepEqual(await types({ country: "IRQ" }), ["PROTEST"]);
      assert.deepEqual(await types({ country: "IQ" }), ["MOBILIZE", "PROTEST"]);
      assert.deepEqual(await types({ actor: "MARINES" }), ["MOBILIZE"]);
      assert.deepEqual(await types({ actor: "kirkuk", quad: "material-conflict" }), []);
      assert.deepEqual(await types({ articleId: "p1" }), ["PROTEST"]);
      assert.deepEqual(await types({ articleId: "nothing" }), []);
      // Dates: the interval overlaps the range; a month or a year is all of it.
      assert.deepEqual(await types({ since: "2019-12-31" }), ["MOBILIZE", "PROTEST"]);
      assert.deepEqual(await types({ since: "2019-12", until: "2019-12" }), [
        "MOBILIZE",
        "PROTEST",
      ]);
      assert.deepEqual(await types({ until: "2019" }), ["MOBILIZE", "PROTEST"]);
      assert.deepEqual(await types({ until: "2019-11" }), []);
      assert.deepEqual(await types({ since: "2020" }), []);

      // A story's events are those of its articles, merged or one per article.
      const stories = await store.stories().listStories();
      assert.equal(stories.length, 2, "a marines story and a Kirkuk story");
      for (const story of stories) {
        const [article] = await store.stories().storyArticles(story.id);
        const expected = article?.id === "p1" ? ["PROTEST"] : ["MOBILIZE"];
        assert.deepEqual(await types({ storyId: story.id }), expected);
        const single: string[] = [];
        for await (const e of store.queryEvents({ storyId: story.id })) single.push(e.event.type);
        assert.deepEqual(single, expected);
      }
      assert.deepEqual(await types({ storyId: 12345 }), []);
      assert.deepEqual(await types({ storyId: stories[0]?.id ?? -1, articleId: "nothing" }), []);
    });

    it("merges undated reports on one agreement only within a story, in later runs too", async () => {
      const store = await fresh();
      // Reports whose texts give no day: only the actor ("US marines") agrees.
      const undated = (id: string, text: string, published: string) => {
        const d = doc(id, text, { source: id, published });
        return { ...d, events: d.events.map((e) => ({ ...e, date: null, location: null })) };
      };
      await ingest(store, [undated("u1", MARINES, "2019-12-31")]);
      await ingest(store, [
        undated("u2", `${MARINES} Officials said more could follow.`, "2020-01-01"),
        undated("u3", TITANFALL, "2020-01-01"),
      ]);
      const stories = store.stories();
      assert.equal(await stories.storyOf("u2"), await stories.storyOf("u1"));
      assert.notEqual(await stories.storyOf("u3"), await stories.storyOf("u1"));
      const events = await stories.listMergedEvents();
      const articles = await Promise.all(
        events.map(async (e) =>
          ((await stories.getMergedEvent(e.id))?.mentions ?? []).map((m) => m.articleId).sort(),
        ),
      );
      assert.deepEqual(articles.sort(), [["u1", "u2"], ["u3"]]);
    });

    it("continues in a later run: state, fingerprints and events carry over", async () => {
      const store = await fresh();
      assert.equal(await store.stories().loadClustererOptions(), null, "no run yet");
      await ingest(store, [doc("d1", MARINES, { source: "Reuters" })]);
      // A later run (a new updater, as a new `dateline ingest` makes) sees day one's work.
      const second = await ingest(store, [
        doc("d2", MARINES, { source: "Yahoo", published: "2020-01-01" }),
        doc("d3", TITANFALL, { source: "Wired", published: "2020-01-01", eventless: true }),
      ]);
      assert.equal(second.duplicates, 1);
      const state = await store.stories().loadClustererState();
      assert.equal(state?.documents, 2);
      // The options alone, as the saved state holds them.
      assert.ok(state?.options);
      assert.deepEqual(await store.stories().loadClustererOptions(), { options: state.options });
      const [event] = await store.stories().listMergedEvents();
      assert.equal(event?.numReprints, 1);
      assert.equal(event?.numArticles, 1);
      assert.equal(await store.stories().storyOf("d2"), await store.stories().storyOf("d1"));
    });

    it("a pass that fails midway leaves the store as it was; the next run places the batch", async () => {
      const day1 = [doc("f1", MARINES, { source: "Reuters" })];
      const day2 = [
        doc("f2", MARINES, { source: "Yahoo", published: "2020-01-01" }),
        doc("f3", TITANFALL, { source: "Wired", published: "2020-01-01", eventless: true }),
      ];
      const seen = async (s: Store) => ({
        stories: await s.stories().listStories(),
        events: await s.stories().listMergedEvents(),
        state: await s.stories().loadClustererState(),
      });
      const whole = await fresh();
      await ingest(whole, day1);
      await ingest(whole, day2);

      const store = await fresh();
      await ingest(store, day1);
      const before = await seen(store);
      await store.writeBatch(
        day2.map((d) => ({ kind: "article", doc: d, origin: d.id, idGiven: true })),
      );
      // The last write of the pass fails (a full disk, say), after the others were made.
      const real = store.stories();
      const failing: StoryStore = Object.create(real);
      failing.saveMergedEvents = async () => {
        throw new Error("disk full");
      };
      const updater = await StoryUpdater.open(failing);
      await assert.rejects(updater.update(day2), /disk full/);
      assert.deepEqual(await seen(store), before);
      assert.deepEqual(await real.unplaced(), ["f2", "f3"]);
      // Its memory ran ahead of the store: it refuses more work rather than drift.
      await assert.rejects(updater.update(day2), /earlier story pass failed/);

      // The next run finds the stored batch unplaced and places it as one run would have.
      const pass = storyPass(store);
      for await (const { docs, total } of unplacedArticles(store, 1)) {
        assert.equal(total, 2);
        await pass(
          docs.map((d) => ({ kind: "article", doc: d })),
          docs.map(() => "added"),
        );
      }
      assert.deepEqual(await real.unplaced(), []);
      assert.deepEqual(await seen(store), await seen(whole));
    });

    it("placing the same articles again changes nothing", async () => {
      const store = await fresh();
      const docs = [doc("i1", MARINES, { source: "Reuters" }), doc("i2", TITANFALL)];
      await ingest(store, docs);
      const before = {
        stories: await store.stories().listStories(),
        events: await store.stories().listMergedEvents(),
      };
      const again = await ingest(
        store,
        docs.map((d) => structuredClone(d)),
      );
      assert.equal(again.placed, 0);
      assert.deepEqual(
        {
          stories: await store.stories().listStories(),
          events: await store.stories().listMergedEvents(),
        },
        before,
      );
    });

    it("places an article again when its content changed, dropping what it said before", async () => {
      const store = await fresh();
      await ingest(store, [
        doc("u1", MARINES, { source: "Reuters" }),
        doc("u2", "Marines arrived in Baghdad to guard the embassy.", { source: "AP" }),
      ]);
      const [before] = await store.stories().listMergedEvents();
      assert.equal(before?.numArticles, 2);
      // u2 is corrected: now an eventless article about something else.
      const corrected = doc("u2", TITANFALL, { source: "AP", eventless: true });
      const items = [{ kind: "article" as const, doc: corrected, origin: "u2", idGiven: true }];
      const { outcomes } = await store.writeBatch(items);
      assert.deepEqual(outcomes, ["updated"]);
      const result = await storyPass(store)(items, outcomes);
      assert.equal(result?.placed, 1);
      const [after] = await store.stories().listMergedEvents();
      assert.equal(after?.id, before?.id);
      assert.equal(after?.numArticles, 1);
      assert.deepEqual(
        (await store.stories().getMergedEvent(after?.id ?? ""))?.mentions.map((m) => m.articleId),
        ["u1"],
      );
      assert.notEqual(await store.stories().storyOf("u2"), await store.stories().storyOf("u1"));
    });

    it("a batch of new and changed articles is placed whole or not at all", async () => {
      const store = await fresh();
      await ingest(store, [doc("w1", MARINES, { source: "Reuters" })]);
      const items = [
        { kind: "article" as const, doc: doc("w2", TITANFALL, { eventless: true }), origin: "w2" },
        {
          kind: "article" as const,
          doc: doc("w1", `${MARINES} Updated.`, { source: "Reuters" }),
          origin: "w1",
        },
      ].map((item) => ({ ...item, idGiven: true }));
      const { outcomes } = await store.writeBatch(items);
      assert.deepEqual(outcomes, ["added", "updated"]);
      // The changed article's pass fails after the new one's was made.
      const real = store.stories();
      const failing: StoryStore = Object.create(real);
      failing.forget = async () => {
        throw new Error("disk full");
      };
      await assert.rejects(storyPass({ stories: () => failing })(items, outcomes), /disk full/);
      assert.deepEqual(await real.unplaced(), ["w2"]);
    });

    it("relabels stored articles when their stories merge", async () => {
      const store = await fresh();
      await store
        .stories()
        .place([
          { articleId: "x", storyId: 1, duplicate: null },
          { articleId: "y", storyId: 2, duplicate: null },
        ])
        .catch(() => undefined);
      // Articles must exist first: store them, then place and merge.
      await store.writeBatch(
        ["x", "y"].map((id) => ({
          kind: "article",
          doc: doc(id, TITANFALL),
          origin: id,
          idGiven: true,
        })),
      );
      await store.writeBatch(
        ["x", "y"].map((id) => ({
          kind: "article",
          doc: doc(id, TITANFALL),
          origin: id,
          idGiven: true,
        })),
      );
      await store.stories().place([
        { articleId: "x", storyId: 1, duplicate: null },
        { articleId: "y", storyId: 2, duplicate: null },
      ]);
      await store.stories().mergeStories([{ from: 2, into: 1 }]);
      assert.equal(await store.stories().storyOf("y"), 1);
      assert.deepEqual(
        (await store.stories().listStories()).map((s) => [s.id, s.articles]),
        [[1, 2]],
      );
    });
  });
}

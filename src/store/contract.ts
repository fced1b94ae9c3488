/**
 * The contract every `Store` implementation passes. It speaks only through the interface,
 * so another store (SQLite is the only one today; PostgreSQL would be next) would run the
 * very same suite: `storeContract("postgres", open)`.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Event } from "../core/annotations.ts";
import type { AnnotatedDocument } from "../core/output.ts";
import type { IngestItem, Store } from "./types.ts";

/** `open` gives a fresh, empty store each time it is called. */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    const opened: Store[] = [];
    const fresh = async () => {
      const s = await open();
      opened.push(s);
      return s;
    };
    before(async () => {
      store = await fresh();
    });
    after(async () => {
      for (const s of opened) await s.close();
    });

    it("stores an article and reads back exactly the annotated document", async () => {
      const doc = sampleDocument("a1", "Marines were sent to Baghdad on Tuesday.", {
        published: "2019-12-31",
      });
      (doc as AnnotatedDocument & { byline?: string }).byline = "A. Reporter";
      const result = await store.writeBatch([article(doc, "in/a1.txt")]);
      assert.deepEqual(result.outcomes, ["added"]);
      const stored = await store.getArticle("a1");
      assert.ok(stored);
      assert.deepEqual(stored.doc, doc);
      assert.deepEqual(stored.origins, ["in/a1.txt"]);
      assert.equal(stored.summary.events, 1);
      assert.equal(stored.summary.length, doc.text.length);
      assert.equal(await store.getArticle("nope"), null);
    });

    it("re-ingesting the same article changes nothing and says so", async () => {
      const s = await fresh();
      const doc = sampleDocument("b1", "Protesters marched in Kirkuk.");
      await s.writeBatch([article(doc, "b1.txt")]);
      const before = await snapshot(s);
      const again = await s.writeBatch([article(structuredClone(doc), "b1.txt")]);
      assert.deepEqual(again.outcomes, ["unchanged"]);
      assert.deepEqual(await snapshot(s), before);
    });

    it("replaces an article whose given id now carries other content", async () => {
      const s = await fresh();
      await s.writeBatch([
        article(sampleDocument("c1", "Troops were sent to Basra."), "c.jsonl:1"),
      ]);
      const changed = sampleDocument("c1", "Talks were held in Oslo.", { events: false });
      const result = await s.writeBatch([article(changed, "c.jsonl:1")]);
      assert.deepEqual(result.outcomes, ["updated"]);
      const stored = await s.getArticle("c1");
      assert.deepEqual(stored?.doc, changed);
      assert.equal(await countEvents(s), 0, "the old article's events are gone");
    });

    it("records the same text from another input as a duplicate, stably", async () => {
      const s = await fresh();
      const doc = sampleDocument("d1", "Rockets hit the base.");
      const copy = { ...structuredClone(doc), title: "Another headline" };
      const first = await s.writeBatch([
        article(doc, "x/one.txt", false),
        article(copy, "y/two.txt", false),
      ]);
      assert.deepEqual(first.outcomes, ["added", "duplicate"]);
      const stored = await s.getArticle("d1");
      assert.deepEqual(stored?.origins, ["x/one.txt", "y/two.txt"]);
      assert.equal(stored?.doc.title, doc.title, "the first stays");
      const second = await s.writeBatch([
        article(doc, "x/one.txt", false),
        article(copy, "y/two.txt", false),
      ]);
      assert.deepEqual(second.outcomes, ["unchanged", "duplicate"]);
    });

    it("records read failures once per input and forgets them when the input reads", async () => {
      const s = await fresh();
      const failure: IngestItem = {
        kind: "failure",
        failure: { origin: "bad/x.txt", rule: "read/binary", reason: "binary file" },
      };
      assert.deepEqual((await s.writeBatch([failure, failure])).outcomes, ["failed", "failed"]);
      await s.writeBatch([failure]);
      const failures = await s.listMessages({ unattached: true });
      assert.equal(failures.length, 1);
      assert.equal(failures[0]?.origin, "bad/x.txt");
      assert.equal(failures[0]?.rule, "read/binary");
      assert.equal(failures[0]?.articleId, null);
      assert.equal((await s.stats()).failedInputs, 1);
      await s.writeBatch([article(sampleDocument("e0", "Other text."), "ok.txt")]);
      const rules = async (filter: Parameters<Store["listMessages"]>[0]) =>
        (await s.listMessages(filter)).map((m) => `${m.articleId}:${m.rule}`);
      assert.deepEqual(await rules({ rule: "read/binary" }), ["null:read/binary"]);
      assert.deepEqual(await rules({ severity: "warning" }), ["e0:clean/broken-entity"]);
      assert.deepEqual(await rules({ articleId: "e0" }), ["e0:clean/broken-entity"]);
      assert.deepEqual(await rules({ limit: 1 }), ["null:read/binary"], "failures first");
      await s.writeBatch([article(sampleDocument("e1", "Now it reads."), "bad/x.txt")]);
      assert.equal((await s.listMessages({ unattached: true })).length, 0);
      // Also when the input now reads as a copy of a stored article.
      await s.writeBatch([{ ...failure, failure: { ...failure.failure, origin: "bad/y.txt" } }]);
      const copy = article(sampleDocument("e1", "Now it reads."), "bad/y.txt", false);
      assert.deepEqual((await s.writeBatch([copy])).outcomes, ["duplicate"]);
      assert.equal((await s.listMessages({ unattached: true })).length, 0);
    });

    it("writes a batch all or nothing: an error keeps what was stored before", async () => {
      const s = await fresh();
      await s.writeBatch([article(sampleDocument("f1", "Stored first."), "f1.txt")]);
      const before = await snapshot(s);
      const broken = sampleDocument("f3", "Broken.") as unknown as Record<string, unknown>;
      broken.text = undefined;
      await assert.rejects(
        s.writeBatch([
          article(sampleDocument("f2", "Would be stored."), "f2.txt"),
          article(broken as unknown as AnnotatedDocument, "f3.txt"),
        ]),
      );
      assert.deepEqual(await snapshot(s), before);
      assert.equal(await s.getArticle("f2"), null, "the batch in flight is lost entirely");
    });

    it("lists articles by date with filters and full-text search", async () => {
      const s = await fresh();
      await s.writeBatch([
        article(sampleDocument("g2", "Rain fell in Lagos.", { published: "2020-01-05" }), "g2"),
        article(
          sampleDocument("g1", "Marines landed in Baghdad.", { published: "2020-01-01" }),
          "g1",
        ),
        article(sampleDocument("g3", "Marines left Kirkuk.", { source: "wire" }), "g3"),
      ]);
      const ids = async (filter: Parameters<Store["listArticles"]>[0]) =>
        (await s.listArticles(filter)).map((a) => a.id);
      const [first] = await s.listArticles({});
      assert.equal(first?.lead, "Marines landed in Baghdad.", "a summary carries its text's start");
      assert.deepEqual((await s.getArticle("g1"))?.summary, first, "as the article's own");
      assert.deepEqual(await ids({}), ["g1", "g2", "g3"], "dated first, undated last");
      assert.deepEqual(await ids({ since: "2020-01-02" }), ["g2"]);
      assert.deepEqual(await ids({ until: "2020-01-02" }), ["g1"]);
      // A month or a year is all of it, the last day too ("2020-01-05" sorts after "2020-01").
      assert.deepEqual(await ids({ until: "2020-01" }), ["g1", "g2"]);
      assert.deepEqual(await ids({ since: "2020", until: "2020" }), ["g1", "g2"]);
      assert.deepEqual(await ids({ until: "2019" }), []);
      assert.deepEqual(await ids({ source: "wire" }), ["g3"]);
      assert.deepEqual(await ids({ search: "marines" }), ["g1", "g3"]);
      assert.deepEqual(await ids({ limit: 1, offset: 1 }), ["g2"]);
      assert.deepEqual(await ids({ idPrefix: "g3" }), ["g3"]);
      assert.deepEqual(await ids({ idPrefix: "g" }), ["g1", "g2", "g3"]);
      assert.deepEqual(await ids({ idPrefix: "g_" }), []);
    });

    it("reads an open date bound ('') as the article's date when filtering by date", async () => {
      const s = await fresh();
      const doc = sampleDocument("o1", "US marines were sent to Baghdad recently.", {
        published: "2020-03-01",
      });
      const event = doc.events[0];
      assert.ok(event?.date);
      // `recently`: no lower bound, the upper bound left open as well.
      event.date = { ...event.date, value: "PAST_REF", grain: "vague", earliest: "", latest: "" };
      await s.writeBatch([article(doc, "o1")]);
      const ids = async (filter: Parameters<Store["queryEvents"]>[0]) =>
        (await collect(s.queryEvents(filter))).map((e) => e.articleId);
      assert.deepEqual(await ids({ since: "2020-02-15" }), ["o1"]);
      assert.deepEqual(await ids({ until: "2020-03-15" }), ["o1"]);
      assert.deepEqual(await ids({ since: "2020-03-02" }), []);
    });

    it("queries events by type, quad, country, actor, dates and evidence text", async () => {
      const s = await fresh();
      const a = sampleDocument("h1", "US marines were sent to Baghdad.", {
        published: "2019-12-31",
      });
      const b = sampleDocument("h2", "Iraqi police arrested protesters in Basra.", {
        published: "2020-02-01",
        event: {
          type: "COERCE",
          quad: "material-conflict",
          actor: { name: "Iraqi police", country: "IRQ", sector: "COP" },
          countryCode: "IQ",
        },
      });
      await s.writeBatch([article(b, "h2"), article(a, "h1")]);
      const ids = async (filter: Parameters<Store["queryEvents"]>[0]) =>
        (await collect(s.queryEvents(filter))).map((e) => e.articleId);
      assert.deepEqual(await ids({}), ["h1", "h2"], "ordered by date");
      assert.deepEqual(await ids({ type: "COERCE" }), ["h2"]);
      assert.deepEqual(await ids({ quad: "material-cooperation" }), []);
      assert.deepEqual(await ids({ country: "usa" }), ["h1"]);
      assert.deepEqual(await ids({ country: "IQ" }), ["h1", "h2"], "alpha-2: the place");
      assert.deepEqual(await ids({ actor: "POLICE" }), ["h2"]);
      assert.deepEqual(await ids({ since: "2020-01-01" }), ["h2"]);
      assert.deepEqual(await ids({ until: "2020-01-01" }), ["h1"]);
      assert.deepEqual(await ids({ until: "2019-12" }), ["h1"], "a month is all of it");
      assert.deepEqual(await ids({ search: "arrested" }), ["h2"]);
      assert.deepEqual(await ids({ articleId: "h1" }), ["h1"]);
      assert.deepEqual(await ids({ limit: 1 }), ["h1"]);
      const [first] = await collect(s.queryEvents({ articleId: "h1" }));
      assert.equal(first?.evidenceText, a.text);
      assert.equal(first?.article.published, "2019-12-31");
      assert.deepEqual(first?.event, a.events[0]);
    });

    it("counts articles, annotations by kind and messages by rule", async () => {
      const s = await fresh();
      await s.writeBatch([
        article(sampleDocument("i1", "One sentence here."), "i1"),
        article(sampleDocument("i2", "Another one.", { events: false }), "i2"),
        { kind: "failure", failure: { origin: "i3", rule: "read/empty", reason: "empty file" } },
      ]);
      const stats = await s.stats();
      assert.equal(stats.articles, 2);
      assert.equal(stats.annotations.sentence, 2);
      assert.equal(stats.annotations.entity, 2);
      assert.equal(stats.annotations.event, 1);
      assert.deepEqual(stats.eventsByType, { MOBILIZE: 1 });
      assert.deepEqual(stats.messagesByRule, { "clean/broken-entity": 2, "read/empty": 1 });
      assert.equal(stats.failedInputs, 1);
      assert.ok(stats.schemaVersion >= 1);
    });
  });
}

/** Everything a reader of the store can see, to compare before and after. */
export async function snapshot(store: Store): Promise<unknown> {
  const articles = await store.listArticles({});
  const full = [];
  for (const summary of articles) full.push(await store.getArticle(summary.id));
  return {
    articles: full,
    events: await collect(store.queryEvents({})),
    messages: await store.listMessages({}),
    stats: await store.stats(),
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function countEvents(store: Store): Promise<number> {
  return (await collect(store.queryEvents({}))).length;
}

function article(doc: AnnotatedDocument, origin: string, idGiven = true): IngestItem {
  return { kind: "article", doc, origin, idGiven };
}

interface SampleOptions {
  published?: string | null;
  source?: string | null;
  /** false: no event; otherwise overrides for the one event. */
  events?: false;
  event?: Partial<Pick<Event, "type" | "quad">> & {
    actor?: { name: string; country: string | null; sector: string | null };
    countryCode?: string;
  };
}

/**
 * A small annotated document built by hand, so the contract does not depend on the stages:
 * one sentence, an entity, a date, a place, a message and (unless `events: false`) one
 * event whose evidence is the whole sentence.
 */
export function sampleDocument(
  id: string,
  text: string,
  options: SampleOptions = {},
): AnnotatedDocument {
  const word = text.split(" ")[0] ?? text;
  const place = {
    start: 0,
    end: word.length,
    text: word,
    geonameId: 98182,
    name: "Baghdad",
    countryCode: options.event?.countryCode ?? "IQ",
    admin1: "Baghdad",
    lat: 33.34,
    lon: 44.4,
    precision: "city" as const,
    confidence: 0.9,
  };
  const date = {
    start: 0,
    end: word.length,
    text: word,
    value: options.published ?? "2019-12-31",
    grain: "day" as const,
    earliest: options.published ?? "2019-12-31",
    latest: options.published ?? "2019-12-31",
  };
  const actor = options.event?.actor ?? { name: "US marines", country: "USA", sector: "MIL" };
  const event: Event = {
    id: `${id}-e0`,
    type: options.event?.type ?? "MOBILIZE",
    mode: null,
    quad: options.event?.quad ?? "material-conflict",
    trigger: { start: 0, end: word.length, text: word },
    actor: { start: 0, end: word.length, text: word, ...actor },
    recipient: null,
    location: place,
    date: options.published === undefined ? null : date,
    dead: null,
    injured: null,
    arrested: null,
    size: 100,
    negated: false,
    hypothetical: false,
    evidence: { sentence: 0, start: 0, end: text.length },
    attribution: null,
    links: [],
    confidence: 0.8,
    coder: "rule:test@1",
  };
  return {
    id,
    published: options.published ?? null,
    title: `Title of ${id}`,
    url: `https://example.org/${id}`,
    source: options.source ?? null,
    language: "en",
    text,
    sentences: [{ start: 0, end: text.length }],
    entities: [
      {
        start: 0,
        end: word.length,
        text: word,
        type: "ORG",
        actor: { ...actor, how: ["lexicon"] },
      },
    ],
    dates: [date],
    places: [place],
    events: options.events === false ? [] : [event],
    quotes: [],
    messages: [
      {
        severity: "warning",
        stage: "clean",
        rule: "clean/broken-entity",
        reason: "decoded a broken entity",
        span: { start: 0, end: 1 },
      },
    ],
  };
}

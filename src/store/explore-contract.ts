/**
 * The contract of `Store.explore()`: the read-only views behind the HTTP API. It writes
 * hand-made documents through the store's own `writeBatch`, so it does not depend on the
 * stages, and reads only through the interface, so another store runs the same suite.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { AnnotatedDocument } from "../core/output.ts";
import { sampleDocument } from "./contract.ts";
import type { Store } from "./types.ts";

function moved(doc: AnnotatedDocument, name: string, lat: number, lon: number, cc: string) {
  for (const event of doc.events) {
    if (event.location) Object.assign(event.location, { name, lat, lon, countryCode: cc });
  }
  return doc;
}

export function exploreContract(name: string, open: () => Promise<Store>): void {
  describe(`ExploreStore contract: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      const docs = [
        sampleDocument("x1", "Marines were sent to Baghdad on Tuesday.", {
          published: "2019-12-31",
        }),
        moved(
          sampleDocument("x2", "Rockets hit the base near Kirkuk.", {
            published: "2019-12-28",
            event: {
              type: "ASSAULT",
              actor: { name: "Kata'ib Hezbollah", country: "IRQ", sector: "REB" },
            },
          }),
          "Kirkuk",
          35.47,
          44.39,
          "IQ",
        ),
        moved(
          sampleDocument("x3", "Protesters marched in Oslo against the plan.", {
            published: "2020-01-02",
            event: {
              type: "PROTEST",
              quad: "verbal-conflict",
              actor: { name: "Protesters", country: "NOR", sector: "CVL" },
              countryCode: "NO",
            },
          }),
          "Oslo",
          59.91,
          10.75,
          "NO",
        ),
        sampleDocument("x4", "Nothing happened in Lagos today.", { events: false }),
      ];
      const x1 = docs[0];
      const event = x1?.events[0];
      if (event) event.recipient = { ...event.trigger, name: "Iraq", country: "IRQ", sector: null };
      await store.writeBatch(
        docs.map((doc) => ({ kind: "article", doc, origin: doc.id, idGiven: true })),
      );
    });
    after(async () => {
      await store.close();
    });

    it("pages events with a total, and filters by place, box and several types", async () => {
      const all = await store.explore().events({ limit: 2 });
      assert.equal(all.total, 3);
      assert.deepEqual(
        all.items.map((e) => e.articleId),
        ["x2", "x1"],
        "date order, page of two",
      );
      const next = await store.explore().events({ limit: 2, offset: 2 });
      assert.deepEqual(
        next.items.map((e) => e.articleId),
        ["x3"],
      );
      const ids = async (query: Parameters<ReturnType<Store["explore"]>["events"]>[0]) =>
        (await store.explore().events(query)).items.map((e) => e.articleId);
      assert.deepEqual(await ids({ place: "kirk" }), ["x2"]);
      assert.deepEqual(await ids({ bbox: { west: 40, south: 30, east: 50, north: 36 } }), [
        "x2",
        "x1",
      ]);
      assert.deepEqual(
        await ids({ bbox: { west: 170, south: -90, east: 20, north: 90 } }),
        ["x3"],
        "a box across the antimeridian",
      );
      assert.deepEqual(await ids({ types: ["PROTEST", "ASSAULT"] }), ["x2", "x3"]);
      assert.deepEqual(await ids({ sort: "-date" }), ["x3", "x1", "x2"]);
      assert.deepEqual(await ids({ country: "NO" }), ["x3"]);
      assert.deepEqual(await ids({ since: "2019-12-30", until: "2019-12-31" }), ["x1"]);
      assert.deepEqual(await ids({ until: "2019-12" }), ["x2", "x1"], "a month is all of it");
      const one = await store.explore().event("x1", 0);
      assert.equal(one?.day, "2019-12-31");
      assert.equal(one?.merged, null, "no cross-article pass ran");
      assert.equal(await store.explore().event("x1", 5), null);
    });

    it("aggregates points, a timeline and actor pairs under the same filters", async () => {
      const points = await store.explore().eventPoints({});
      assert.deepEqual(points.map((p) => [p.name, p.mentions, p.events]).sort(), [
        ["Baghdad", 1, 1],
        ["Kirkuk", 1, 1],
        ["Oslo", 1, 1],
      ]);
      assert.deepEqual((await store.explore().eventPoints({ type: "ASSAULT" }))[0]?.types, {
        ASSAULT: 1,
      });
      assert.deepEqual(await store.explore().timeline({ quad: "material-conflict" }), [
        { day: "2019-12-28", type: "ASSAULT", count: 1 },
        { day: "2019-12-31", type: "MOBILIZE", count: 1 },
      ]);
      const pairs = await store.explore().actorPairs({ country: "IRQ" });
      assert.deepEqual(
        pairs.map((p) => [p.actor?.name, p.recipient?.name ?? null, p.count]),
        [
          ["Kata'ib Hezbollah", null, 1],
          ["US marines", "Iraq", 1],
        ],
      );
    });

    it("lists actors with both roles, entities by mentions, and searches articles", async () => {
      const actors = await store.explore().actors({});
      const iraq = actors.items.find((a) => a.name === "Iraq");
      assert.deepEqual(iraq && [iraq.asActor, iraq.asRecipient], [0, 1]);
      assert.equal(actors.total, 4);
      assert.equal((await store.explore().actors({ search: "hezb" })).items[0]?.country, "IRQ");
      const entities = await store.explore().entities({ type: "org" });
      assert.equal(entities.total, 4);
      const hit = await store.explore().searchArticles({ query: "marched" });
      assert.equal(hit.total, 1);
      assert.equal(hit.items[0]?.article.id, "x3");
      assert.deepEqual(
        hit.items[0]?.snippet.filter((p) => p.match).map((p) => p.text),
        ["marched"],
      );
      await assert.rejects(store.explore().searchArticles({ query: '"open' }), {
        name: "QueryError",
      });
    });

    it("answers from what is stored now: a write is seen by the next query", async () => {
      const before = await store.explore().events({ place: "lagos" });
      const timeline = await store.explore().timeline({});
      const doc = moved(
        sampleDocument("x5", "Rain stopped the march in Lagos.", { published: "2020-02-02" }),
        "Lagos",
        6.45,
        3.39,
        "NG",
      );
      await store.writeBatch([{ kind: "article", doc, origin: doc.id, idGiven: true }]);
      const after = await store.explore().events({ place: "lagos" });
      assert.deepEqual([before.total, after.total], [0, 1]);
      assert.equal((await store.explore().timeline({})).length, timeline.length + 1);
    });
  });
}

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sampleDocument } from "../store/contract.ts";
import { SqliteStore } from "../store/index.ts";
import { StoryUpdater } from "../stories/update.ts";
import { evidenceOf, routes } from "./api.ts";
import { type RunningServer, startServer } from "./index.ts";
import { openApiDocument } from "./openapi.ts";

const dir = mkdtempSync(join(tmpdir(), "dateline-server-"));
let server: RunningServer;
let store: SqliteStore;

before(async () => {
  store = await SqliteStore.open(join(dir, "s.db"));
  const text = "Marines were sent to Baghdad on Tuesday.";
  const docs = [
    sampleDocument("a1", text, { published: "2019-12-31" }),
    sampleDocument("a2", "Protesters marched in Kirkuk <script>x()</script>.", {
      published: "2020-01-02",
      event: { type: "PROTEST", quad: "verbal-conflict" },
    }),
  ];
  await store.writeBatch(
    docs.map((doc) => ({ kind: "article", doc, origin: doc.id, idGiven: true })),
  );
  server = await startServer({ store });
});
after(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, options: { method?: string; host?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { method: options.method ?? "GET", headers: options.host ? { Host: options.host } : {} },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function json(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await get(path);
  assert.match(String(answer.headers["content-type"]), /^application\/json/);
  return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
}

describe("HTTP API", () => {
  it("lists events with a total and pages, filtered and sorted", async () => {
    const all = await json("/api/events");
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 2);
    const items = all.body.items as { articleId: string; day: string }[];
    assert.deepEqual(
      items.map((e) => [e.articleId, e.day]),
      [
        ["a1", "2019-12-31"],
        ["a2", "2020-01-02"],
      ],
    );
    const newest = await json("/api/events?sort=-date&pageSize=1&page=2");
    assert.deepEqual(
      (newest.body.items as { articleId: string }[]).map((e) => e.articleId),
      ["a1"],
    );
    assert.equal(newest.body.pages, 2);
    const protests = await json(
      "/api/events?type=PROTEST,ASSAULT&bbox=40,30,50,40&since=2020-01-01",
    );
    assert.equal(protests.body.total, 1);
    const none = await json("/api/events?q=nothingmatches");
    assert.deepEqual([none.status, none.body.total, none.body.pages], [200, 0, 1]);
  });

  it("answers bad parameters with 4xx JSON errors that name them", async () => {
    const cases: [string, number, string, string | undefined][] = [
      ["/api/events?colour=red", 400, "unknown_parameter", "colour"],
      ["/api/events?since=2019-02-30", 400, "bad_date", "since"],
      ["/api/events?since=2020-01-02&until=2020-01-01", 400, "bad_date", "since"],
      ["/api/events?bbox=1,2,3", 400, "bad_bbox", "bbox"],
      ["/api/events?bbox=10,50,20,40", 400, "bad_bbox", "bbox"],
      ["/api/events?page=3", 400, "page_out_of_range", "page"],
      ["/api/events?pageSize=501", 400, "bad_parameter", "pageSize"],
      ["/api/events?type=RIOT", 400, "bad_parameter", "type"],
      ["/api/events?type=AID&type=AID", 400, "repeated_parameter", "type"],
      ["/api/events?q=%22open", 400, "bad_search", "q"],
      ["/api/search", 400, "missing_parameter", "q"],
      ["/api/events/a1/7", 404, "not_found", undefined],
      ["/api/events/%E0%A4%A/0", 404, "not_found", undefined],
      ["/api/articles/nope", 404, "not_found", undefined],
      ["/api/nothing", 404, "not_found", undefined],
      ["/api/stories/12345", 404, "not_found", undefined],
      ["/api/stories?sort=largest", 400, "bad_parameter", "sort"],
      ["/api/events?story=first", 400, "bad_parameter", "story"],
      ["/api/merged-events?story=-1", 400, "bad_parameter", "story"],
      ["/api/stories?q=%22open", 400, "bad_search", "q"],
      ["/api/stories?since=2020-01-02&until=2020-01-01", 400, "bad_date", "since"],
      ["/api/articles?since=2020-01-02&until=2020-01-01", 400, "bad_date", "since"],
    ];
    for (const [path, status, code, parameter] of cases) {
      const answer = await json(path);
      const error = answer.body.error as { status: number; code: string; parameter?: string };
      assert.deepEqual(
        [answer.status, error.status, error.code, error.parameter],
        [status, status, code, parameter],
        path,
      );
    }
  });

  it("gives one event with its evidence spans inside the article text", async () => {
    const { status, body } = await json("/api/events/a1/0");
    assert.equal(status, 200);
    const evidence = body.evidence as {
      text: string;
      context: { start: number; text: string; whole: boolean };
      highlights: { role: string; start: number; end: number; text: string }[];
    };
    assert.equal(evidence.text, "Marines were sent to Baghdad on Tuesday.");
    assert.equal(evidence.context.whole, true);
    for (const h of evidence.highlights) {
      assert.equal(evidence.context.text.slice(h.start, h.end), h.text, h.role);
    }
    assert.deepEqual(evidence.highlights.map((h) => h.role).sort(), [
      "actor",
      "date",
      "place",
      "trigger",
    ]);
  });

  it("serves articles, search with snippets, actors, entities, map, timeline and stats", async () => {
    const article = await json("/api/articles/a2");
    assert.equal((article.body.document as { text: string }).text.includes("<script>"), true);
    const search = await json("/api/search?q=kirkuk");
    assert.equal(search.body.total, 1);
    const map = await json("/api/map?quad=verbal-conflict");
    assert.equal((map.body.points as unknown[]).length, 1);
    const timeline = await json("/api/timeline");
    assert.equal((timeline.body.counts as unknown[]).length, 2);
    const actors = await json("/api/actors?q=marines");
    assert.equal(actors.body.total, 1);
    const entities = await json("/api/entities?type=ORG");
    assert.equal(entities.body.total, 2);
    const pairs = await json("/api/actor-pairs");
    assert.equal(pairs.body.total, 1);
    const stats = await json("/api/stats");
    assert.equal(stats.body.articles, 2);
    const rules = stats.body.stories as { settings: unknown; mergeRule: unknown };
    assert.deepEqual(
      [rules.settings, rules.mergeRule],
      [null, null],
      "no story pass: no settings and no merge rule yet",
    );
    const stories = await json("/api/stories");
    assert.deepEqual(stories.body.items, [], "no cross-article pass ran on this store");
  });

  it("is read-only, refuses foreign Host headers and sends security headers", async () => {
    const post = await get("/api/events", { method: "POST" });
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, "GET, HEAD");
    const rebinding = await get("/api/stats", { host: "attacker.example" });
    assert.equal(rebinding.status, 421);
    const page = await get("/");
    assert.equal(page.status, 200);
    const csp = String(page.headers["content-security-policy"]);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.equal(page.headers["access-control-allow-origin"], undefined, "no CORS by default");
    assert.equal(page.headers["x-content-type-options"], "nosniff");
    assert.doesNotMatch(page.body, /<script>|\son[a-z]+\s*=/i, "no inline script in the page");
    const bundle = await get("/app.js");
    assert.equal(bundle.status, 200);
    assert.doesNotMatch(bundle.body, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    assert.doesNotMatch(bundle.body, /https?:\/\/(?!www\.w3\.org)/, "no remote URL in the UI");
    const atlas = await get("/atlas/countries.json");
    assert.equal(JSON.parse(atlas.body).type, "Topology");
  });

  it("filters merged events by actor, country, quad class and article, and stories", async () => {
    const docs = [
      sampleDocument("a1", "Marines were sent to Baghdad on Tuesday.", { published: "2019-12-31" }),
      sampleDocument("a2", "Protesters marched in Kirkuk <script>x()</script>.", {
        published: "2020-01-02",
        event: { type: "PROTEST", quad: "verbal-conflict" },
      }),
    ];
    await (await StoryUpdater.open(store.stories())).update(docs);
    // As `dateline stats` says: the settings the pass chose and the rule it merges with.
    const { stories } = (await json("/api/stats")).body as {
      stories: { settings: string; mergeRule: { undatedAgreements: number } | null };
    };
    assert.equal(stories.settings, "headlines", "two one-sentence articles read as headlines");
    assert.equal(stories.mergeRule?.undatedAgreements, 2);
    const types = async (query: string) => {
      const { status, body } = await json(`/api/merged-events${query}`);
      assert.equal(status, 200, JSON.stringify(body));
      return (body.items as { type: string }[]).map((e) => e.type).sort();
    };
    assert.deepEqual(await types(""), ["MOBILIZE", "PROTEST"]);
    assert.deepEqual(await types("?quad=verbal-conflict"), ["PROTEST"]);
    assert.deepEqual(await types("?article=a1"), ["MOBILIZE"]);
    assert.deepEqual(await types("?actor=marines&country=usa"), ["MOBILIZE", "PROTEST"]);
    assert.deepEqual(await types("?actor=nobody"), []);
    const bad = await json("/api/merged-events?country=1");
    assert.equal(bad.status, 400);

    // The two articles are two stories; find them by their words, dates and size.
    const titles = async (query: string) => {
      const { status, body } = await json(`/api/stories${query}`);
      assert.equal(status, 200, JSON.stringify(body));
      return (body.items as { first: string }[]).map((story) => story.first);
    };
    assert.deepEqual(await titles(""), ["2020-01-02", "2019-12-31"]);
    assert.deepEqual(await titles("?q=kirkuk"), ["2020-01-02"]);
    assert.deepEqual(await titles("?q=baghdad%20OR%20kirkuk&sort=size"), [
      "2020-01-02",
      "2019-12-31",
    ]);
    assert.deepEqual(await titles("?until=2019-12-31"), ["2019-12-31"]);
    assert.deepEqual(await titles("?since=2020-01-01&until=2020-01-31"), ["2020-01-02"]);
    assert.deepEqual(await titles("?since=2021-01-01"), []);

    // A story's events, merged and one per article, and on the map.
    const { body } = await json("/api/stories?q=kirkuk");
    const [kirkuk] = body.items as { id: number }[];
    assert.ok(kirkuk);
    assert.deepEqual(await types(`?story=${kirkuk.id}`), ["PROTEST"]);
    const single = await json(`/api/events?story=${kirkuk.id}`);
    assert.deepEqual(
      (single.body.items as { articleId: string }[]).map((e) => e.articleId),
      ["a2"],
    );
    // Each field of an event's merged event is one /openapi.json documents.
    const [row] = single.body.items as { merged: Record<string, unknown> | null }[];
    assert.ok(row?.merged);
    const at = (o: unknown, ...path: string[]) =>
      path.reduce((x, key) => (x as Record<string, unknown> | undefined)?.[key], o);
    const schema = ["components", "schemas", "StoredEvent", "properties", "merged", "anyOf", "0"];
    const documented = Object.keys(at(openApiDocument(), ...schema, "properties") ?? {});
    assert.ok(documented.includes("numMentions"));
    assert.deepEqual(
      Object.keys(row.merged).filter((k) => !documented.includes(k)),
      [],
    );
    const points = await json(`/api/map?story=${kirkuk.id}`);
    assert.equal((points.body.points as unknown[]).length, 1);
    assert.deepEqual(await types("?story=999999"), []);
  });

  it("documents every route and parameter in /openapi.json", async () => {
    const { body } = await json("/openapi.json");
    assert.equal(body.openapi, "3.1.0");
    assert.deepEqual(body, JSON.parse(JSON.stringify(openApiDocument())));
    const schemas = (body.components as { schemas: Record<string, unknown> }).schemas;
    const refs = [...JSON.stringify(body).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1] ?? "",
    );
    assert.ok(refs.length > 3);
    for (const name of refs) assert.ok(schemas[name], `$ref ${name} resolves`);
    const paths = body.paths as Record<
      string,
      { get: { parameters: { name: string; in: string }[] } }
    >;
    for (const route of routes) {
      const documented = paths[route.path.replace(/:(\w+)/g, "{$1}")];
      assert.ok(documented, route.path);
      assert.deepEqual(
        documented.get.parameters.filter((p) => p.in === "query").map((p) => p.name),
        [...route.params],
      );
    }
  });

  it("sends a window of a long article, widened for nearby fields but not for far ones", () => {
    const filler = "Nothing of note happened in the town that week. ";
    const before = filler.repeat(600);
    const sentence = "Marines were sent to Baghdad on Tuesday. ";
    const text = `Kirkuk. ${before}${sentence}${filler.repeat(600)}`;
    const doc = sampleDocument("long", text, { published: "2019-12-31" });
    const start = text.indexOf(sentence);
    const sentences = [{ start: 0, end: 7 }];
    for (let at = 8; at < text.length; ) {
      const end = text.indexOf(". ", at) + 2;
      sentences.push({ start: at, end: end - 1 });
      at = end;
    }
    doc.sentences = sentences;
    const index = sentences.findIndex((s) => s.start === start);
    const event = doc.events[0];
    assert.ok(event && index > 0);
    const span = (word: string, from: number) => {
      const at = text.indexOf(word, from);
      return { start: at, end: at + word.length, text: word };
    };
    Object.assign(event, {
      trigger: span("sent", start),
      evidence: { sentence: index, start, end: start + sentence.length - 1 },
      // The actor's mention is the first word of the article, far from the evidence.
      actor: { ...span("Kirkuk", 0), name: "Kirkuk", country: "IRQ", sector: null },
    });
    if (event.location) Object.assign(event.location, span("Baghdad", start));
    if (event.date) Object.assign(event.date, span("Tuesday", start));
    const evidence = evidenceOf(doc, {
      articleId: "long",
      index: 0,
      event,
      evidenceText: sentence,
      article: { published: null, title: null, url: null, source: null },
      day: null,
      merged: null,
    });
    assert.equal(evidence.context.whole, false);
    assert.ok(evidence.context.text.length < 1000, `window of ${evidence.context.text.length}`);
    assert.ok(evidence.context.text.includes(sentence.trim()));
    const inContext = evidence.highlights.filter(
      (h) => h.start >= evidence.context.start && h.end <= evidence.context.end,
    );
    assert.deepEqual(inContext.map((h) => h.role).sort(), ["date", "place", "trigger"]);
    assert.equal(evidence.highlights.find((h) => h.role === "actor")?.text, "Kirkuk");
  });
});

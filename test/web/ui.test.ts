/**
 * The web UI in a real browser: Debian's Chromium through playwright-core, against the real
 * server over a store that `dateline ingest` built from fixture articles. Screenshots of the
 * main views go to test-artifacts/ (gitignored) for a person to look at.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { type RunningServer, startServer } from "../../src/server/index.ts";
import { SqliteStore } from "../../src/store/index.ts";
import { artifactsDir, browserMissing, buildFixtureStore, launchBrowser } from "./harness.ts";

const missing = browserMissing();
if (missing) process.stderr.write(`web UI tests skipped: ${missing}\n`);

describe("web UI in Chromium", { skip: missing ?? false }, () => {
  let dir: string;
  let store: SqliteStore;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  /** Every URL the page asked for, in order. */
  const requests: string[] = [];
  const shots = artifactsDir();

  before(async () => {
    const built = buildFixtureStore();
    dir = built.dir;
    store = await SqliteStore.open(built.db, { mustExist: true });
    server = await startServer({ store, port: 0 });
    browser = await launchBrowser(mkdtempSync(join(dir, "profile-")));
    page = await browser.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("request", (request) => requests.push(request.url()));
    // Nothing but the test server: any other request would mean a CDN or a tile server.
    await page.route(
      (url) => !url.href.startsWith(server.url),
      (route) => {
        pageErrors.push(`request outside the server: ${route.request().url()}`);
        return route.abort();
      },
    );
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The UI's draw counter; the function runs in the page, hence `globalThis`. */
  const readyMark = () =>
    (globalThis as unknown as { document: { body: { dataset: { ready?: string } } } }).document.body
      .dataset.ready ?? "";

  /** Do something that changes the hash, and wait until the UI has drawn the result. */
  async function andWait(action: () => Promise<unknown>): Promise<void> {
    const before = await page.evaluate(readyMark);
    await action();
    await page.waitForFunction((previous) => {
      const ready = (
        globalThis as unknown as { document: { body: { dataset: { ready?: string } } } }
      ).document.body.dataset.ready;
      return ready !== undefined && ready !== previous;
    }, before);
  }

  async function api<T>(path: string): Promise<T> {
    return (await (await fetch(`${server.url}${path}`)).json()) as T;
  }

  it("draws the seed's events on the map at Baghdad and Kirkuk, the timeline and the list", async () => {
    await andWait(() => page.goto(`${server.url}/`));
    const places = await page.$$eval("svg.map circle.point", (circles) =>
      circles.map((c) => c.getAttribute("data-place")),
    );
    assert.ok(places.includes("Baghdad"), `map places: ${places.join(", ")}`);
    assert.ok(places.includes("Kirkuk"), `map places: ${places.join(", ")}`);
    assert.ok((await page.$$("svg.map path.country")).length > 100, "the countries are drawn");
    const { total } = await api<{ total: number }>("/api/events");
    assert.equal(await page.textContent("[data-testid=event-count]"), `${total} events`);
    const drawn = await page.$$eval("svg.timeline g.bar rect", (rects) =>
      rects.reduce((sum, r) => sum + Number(r.getAttribute("data-count")), 0),
    );
    const { counts } = await api<{ counts: { count: number }[] }>("/api/timeline");
    // Far outliers may be left off the axis, but then they are counted in a note.
    const outside = Number(
      (await page
        .getAttribute("[data-testid=timeline-outside]", "data-count", { timeout: 100 })
        .catch(() => "0")) ?? 0,
    );
    assert.equal(
      drawn + outside,
      counts.reduce((sum, c) => sum + c.count, 0),
      "every dated event is in a bar or in the note",
    );
    assert.ok(drawn > 0);
    await page.click("#map-world");
    await page.screenshot({ path: join(shots, "overview-world.png"), fullPage: true });
    await page.click("#map-fit");
    await page.screenshot({ path: join(shots, "overview.png"), fullPage: true });
  });

  it("filters map, timeline and list together, and highlights an event's evidence", async () => {
    await andWait(async () => {
      await page.fill("#filters input[name=place]", "Kirkuk");
      await page.click("#filters button[type=submit]");
    });
    const expected = await api<{
      total: number;
      items: { event: { trigger: { text: string }; location: { text: string } } }[];
    }>("/api/events?place=Kirkuk");
    assert.ok(expected.total > 0);
    assert.equal(
      await page.textContent("[data-testid=event-count]"),
      `${expected.total} event${expected.total === 1 ? "" : "s"}`,
    );
    const places = await page.$$eval("svg.map circle.point", (cs) =>
      cs.map((c) => c.getAttribute("data-place")),
    );
    assert.deepEqual([...new Set(places)], ["Kirkuk"], "the map shows only the filtered place");
    assert.ok(await page.$("#chips [data-filter=place]"), "the filter shows as a chip");

    const mapRequests = requests.filter((url) => url.includes("/api/map")).length;
    await andWait(() => page.click("table.events tbody tr >> nth=0"));
    assert.equal(
      requests.filter((url) => url.includes("/api/map")).length,
      mapRequests,
      "selecting an event does not fetch the map again",
    );
    assert.ok(await page.$("table.events tbody tr.selected"), "the row shows as selected");
    const trigger = await page.textContent("[data-testid=evidence-text] .hl-trigger");
    assert.equal(trigger, expected.items[0]?.event.trigger.text);
    const place = await page.$$eval("[data-testid=evidence-text] .hl-place", (els) =>
      els.map((e) => e.textContent).join(""),
    );
    assert.equal(place, expected.items[0]?.event.location.text, "the place as the text says it");
    const sentence = await page.$$eval("[data-testid=evidence-text] .ev", (els) =>
      els.map((e) => e.textContent).join(""),
    );
    assert.ok(
      sentence.includes(trigger ?? "\u0000"),
      "the trigger is inside the underlined sentence",
    );
    await page.screenshot({ path: join(shots, "evidence.png"), fullPage: true });

    // The whole article, every annotation marked; a trigger leads back to its event.
    await andWait(() => page.click("[data-testid=read-article]"));
    const articleId = await page.getAttribute("[data-testid=article-text]", "data-article");
    const { document: doc } = await api<{
      document: { events: { trigger: { text: string } }[] };
    }>(`/api/articles/${articleId}`);
    const triggers = await page.$$eval("[data-testid=article-text] .hl-trigger", (els) =>
      els.map((e) => e.getAttribute("data-event")),
    );
    assert.equal(new Set(triggers).size, doc.events.length, "every event's trigger is marked");
    assert.ok((await page.$$("[data-testid=article-text] .hl-place")).length > 0);
    await page.screenshot({ path: join(shots, "article.png"), fullPage: true });
    const last = doc.events.length - 1;
    await andWait(() => page.click(`[data-testid=article-text] [data-event="${last}"] >> nth=0`));
    assert.equal(
      await page.textContent("[data-testid=evidence-text] .hl-trigger"),
      doc.events[last]?.trigger.text,
    );
  });

  it("filters by a box dragged on the map, and by a clicked place", async () => {
    await andWait(() => page.click("#clear"));
    const box = async (place: string) => {
      const b = await page.locator(`svg.map circle.point[data-place="${place}"]`).boundingBox();
      assert.ok(b, place);
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    const baghdad = await box("Baghdad");
    const kirkuk = await box("Kirkuk");
    // A rectangle around both cities, starting on bare map (a press on a circle is a click).
    const tagAt = (xy: number[]) =>
      (
        globalThis as unknown as {
          document: { elementFromPoint(x: number, y: number): { tagName: string } | null };
        }
      ).document.elementFromPoint(xy[0] ?? 0, xy[1] ?? 0)?.tagName ?? "";
    let margin = 25;
    while (
      margin < 80 &&
      (await page.evaluate(tagAt, [
        Math.min(baghdad.x, kirkuk.x) - margin,
        Math.min(baghdad.y, kirkuk.y) - margin,
      ])) === "circle"
    ) {
      margin += 10;
    }
    const left = Math.min(baghdad.x, kirkuk.x) - margin;
    const right = Math.max(baghdad.x, kirkuk.x) + margin;
    const top = Math.min(baghdad.y, kirkuk.y) - margin;
    const bottom = Math.max(baghdad.y, kirkuk.y) + margin;
    await andWait(async () => {
      await page.mouse.move(left, top);
      await page.mouse.down();
      await page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 3 });
      await page.mouse.move(right, bottom, { steps: 3 });
      await page.mouse.up();
    });
    const bbox = await page.inputValue("#filters input[name=bbox]");
    const [west, south, east, north] = bbox.split(",").map(Number) as [
      number,
      number,
      number,
      number,
    ];
    assert.ok(west < 44.4 && east > 44.4 && south < 33.35 && north > 35.46, `bbox ${bbox}`);
    const inside = await page.$$eval("svg.map circle.point", (cs) =>
      cs.map((c) => c.getAttribute("data-place")),
    );
    assert.ok(inside.includes("Baghdad") && inside.includes("Kirkuk"), inside.join(", "));
    const { points } = await api<{ points: unknown[] }>(`/api/map?bbox=${bbox}`);
    assert.equal(inside.length, points.length, "the map shows the box's places only");
    await andWait(() => page.click('svg.map circle.point[data-place="Kirkuk"]'));
    assert.equal(await page.inputValue("#filters input[name=place]"), "Kirkuk");
  });

  it("shows who acts on whom, and a clicked day filters by date", async () => {
    await andWait(() => page.click("#clear"));
    await andWait(() => page.click("#tabs button[data-tab=actors]"));
    const rows = await page.$$("table.actors tbody tr");
    const { total } = await api<{ total: number }>("/api/actor-pairs");
    assert.equal(rows.length, Math.min(total, 60));
    assert.ok(rows.length > 0);
    await page.screenshot({ path: join(shots, "actors.png"), fullPage: true });
    const day = await page.getAttribute("svg.timeline g.bar >> nth=0", "data-day");
    await andWait(() => page.click("svg.timeline g.bar >> nth=0"));
    // A bar is a day, or a month (YYYY-MM) when the range is long: it filters to all of it.
    assert.ok(day);
    assert.equal(
      await page.inputValue("#filters input[name=since]"),
      day.length === 7 ? `${day}-01` : day,
    );
    assert.ok((await page.inputValue("#filters input[name=until]")).startsWith(day));
    const range = `since=${await page.inputValue("#filters input[name=since]")}&until=${await page.inputValue("#filters input[name=until]")}`;
    const { total: inRange } = await api<{ total: number }>(`/api/actor-pairs?${range}`);
    assert.ok(inRange < total, "the date filter narrows the actor view");
    assert.equal((await page.$$("table.actors tbody tr")).length, Math.min(inRange, 60));
    await page.screenshot({ path: join(shots, "timeline-filtered.png"), fullPage: true });
  });

  it("finds stories by the words of their articles and by date, and lists a story's articles", async () => {
    await andWait(() => page.goto(`${server.url}/`));
    await andWait(() => page.click("#tabs button[data-tab=stories]"));
    type Stories = { items: { id: number; articles: number }[] };
    const shownIds = async () =>
      (await page.$$eval("table.stories tbody tr", (rows) =>
        rows.map((row) => Number(row.getAttribute("data-story"))),
      )) as number[];
    const all = await api<Stories>("/api/stories?pageSize=50");
    assert.ok(all.items.length >= 2, "the fixtures make several stories");
    assert.deepEqual(
      await shownIds(),
      all.items.map((s) => s.id),
    );

    await andWait(async () => {
      await page.fill("#tab-body input[name=story-search]", "Basra");
      await page.click("#tab-body form.search button[type=submit]");
    });
    const basra = await api<Stories>("/api/stories?q=Basra&pageSize=50");
    assert.ok(basra.items.length > 0 && basra.items.length < all.items.length);
    assert.deepEqual(
      await shownIds(),
      basra.items.map((s) => s.id),
    );

    await andWait(() =>
      page.selectOption("#tab-body select[aria-label='order of the stories']", "size"),
    );
    const bySize = await api<Stories>("/api/stories?q=Basra&sort=size&pageSize=50");
    assert.deepEqual(
      await shownIds(),
      bySize.items.map((s) => s.id),
    );
    assert.match(page.url(), /order=size/, "the order is kept in the URL");

    // The date filters of the header narrow the stories too.
    await andWait(async () => {
      await page.fill("#filters input[name=since]", "2021-05-01");
      await page.click("#filters button[type=submit]");
    });
    const recent = await api<Stories>("/api/stories?q=Basra&sort=size&since=2021-05-01");
    assert.deepEqual(
      await shownIds(),
      recent.items.map((s) => s.id),
    );
    assert.equal(await page.inputValue("#tab-body input[name=story-search]"), "Basra");

    const [first] = recent.items;
    assert.ok(first);
    await page.click("table.stories tbody tr >> nth=0");
    await page.waitForSelector("#tab-body div.story h3");
    const { articles } = await api<{ articles: { title: string | null }[] }>(
      `/api/stories/${first.id}`,
    );
    assert.equal((await page.$$("#tab-body div.story li")).length, articles.length);
    assert.match((await page.textContent("#tab-body div.story h3")) ?? "", /^Story \d+: /);
    await page.screenshot({ path: join(shots, "stories.png"), fullPage: true });

    // The story's events: every view narrows to its articles, and a chip says so.
    await andWait(() => page.click("[data-testid=story-events]"));
    const events = await api<{ total: number }>(`/api/events?story=${first.id}&since=2021-05-01`);
    assert.ok(events.total > 0);
    assert.equal(
      await page.textContent("[data-testid=event-count]"),
      `${events.total} event${events.total === 1 ? "" : "s"}`,
    );
    assert.ok(await page.$(`#chips button[data-filter=story]`));
    assert.match(page.url(), new RegExp(`story=${first.id}`));
    await andWait(() => page.click("#chips button[data-filter=story]"));
    await andWait(() => page.click("#tabs button[data-tab=stories]"));

    await andWait(async () => {
      await page.fill("#tab-body input[name=story-search]", "zzqxv");
      await page.click("#tab-body form.search button[type=submit]");
    });
    assert.equal(await page.textContent("#tab-body p.muted"), "No story matches.");
    await andWait(() => page.click("#clear"));
  });

  it("renders an article's <script> and <img onerror> as text and runs none of it", async () => {
    const { items } = await api<{
      items: { articleId: string; index: number; evidenceText: string }[];
    }>("/api/events?place=Basra");
    const hostile = items.find(
      (e) => e.evidenceText.includes("<script>") || e.evidenceText.includes("<img"),
    );
    assert.ok(hostile, "the hostile article yields an event whose sentence holds a payload");
    await andWait(() =>
      page.goto(
        `${server.url}/#article=${hostile.articleId}&event=${hostile.articleId}/${hostile.index}`,
      ),
    );
    const shown = await page.textContent("[data-testid=evidence-text]");
    assert.ok(
      shown?.includes("<script>window.__pwned='script'</script>"),
      "the payload is shown as text",
    );
    assert.ok(shown?.includes(`<img src=x onerror="window.__pwned='img';alert(1)">`));
    await andWait(async () => {
      await page.click("#tabs button[data-tab=search]");
    });
    await andWait(async () => {
      await page.fill("#tab-body input[name=search]", "rally OR rallied");
      await page.click("#tab-body form.search button");
    });
    assert.match((await page.textContent("#tab-body ol.hits")) ?? "", /onerror/);
    await page.screenshot({ path: join(shots, "hostile-article.png"), fullPage: true });
    assert.equal(await page.evaluate<string | undefined>("window.__pwned"), undefined);
    assert.equal(
      await page.$$eval("img", (imgs) => imgs.length),
      0,
      "no <img> element was created",
    );
    assert.equal(
      await page.$$eval("script", (scripts) => scripts.length),
      1,
      "only the app's own script",
    );
    // A hit's link opens its article: the events of that article, listed.
    const [hit] = (
      await api<{ items: { article: { id: string } }[] }>("/api/search?q=rally%20OR%20rallied")
    ).items;
    assert.ok(hit);
    await andWait(() => page.click("#tab-body ol.hits li a >> nth=0"));
    assert.match(page.url(), new RegExp(`article=${hit.article.id}`));
    assert.deepEqual(dialogs, []);
    assert.deepEqual(pageErrors, []);
  });
});

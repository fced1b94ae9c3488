/**
 * The web UI: one set of filters (kept in the URL's hash, so a view can be bookmarked or
 * shared) drives the map, the timeline and the lists; the evidence panel shows one event.
 */
import { ApiError, getJson } from "./api.ts";
import { type ArticleAnswer, renderArticle } from "./article.ts";
import { quadOrder, typeColour, typeOrder } from "./colours.ts";
import { actionLink, type Child, fill, h } from "./dom.ts";
import { renderEvidence } from "./evidence.ts";
import { WorldMap } from "./map.ts";
import { renderTimeline } from "./timeline.ts";
import type {
  ActorPair,
  ArticleHit,
  EventDetail,
  EventPoint,
  EventsPage,
  ExploredEvent,
  StoryArticle,
  StorySummary,
  TimelineCount,
} from "./types.ts";

const filterNames = [
  "since",
  "until",
  "type",
  "quad",
  "country",
  "actor",
  "place",
  "q",
  "bbox",
  "article",
  "story",
] as const;
type Tab = "events" | "actors" | "search" | "stories";

interface State {
  filters: URLSearchParams;
  tab: Tab;
  page: number;
  sort: string;
  /** `articleId/index` of the event in the evidence panel. */
  event: string | null;
  /** Full-text query of the Search tab (articles) and of the Stories tab (their articles). */
  search: string;
  /** Order of the Stories tab: `recent` (latest article first) or `size`. */
  order: string;
  /** Id of the article shown whole in the side panel (instead of one event). */
  read: string | null;
}

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;

function readState(): State {
  const hash = new URLSearchParams(location.hash.slice(1));
  const filters = new URLSearchParams();
  for (const name of filterNames) {
    const value = hash.get(name);
    if (value) filters.set(name, value);
  }
  const tab = hash.get("tab");
  return {
    filters,
    tab: tab === "actors" || tab === "search" || tab === "stories" ? tab : "events",
    page: Math.max(1, Number(hash.get("page")) || 1),
    sort: hash.get("sort") ?? "date",
    event: hash.get("event"),
    search: hash.get("search") ?? "",
    order: hash.get("order") === "size" ? "size" : "recent",
    read: hash.get("read"),
  };
}

function writeState(state: State): void {
  const hash = new URLSearchParams(state.filters);
  if (state.tab !== "events") hash.set("tab", state.tab);
  if (state.page > 1) hash.set("page", String(state.page));
  if (state.sort !== "date") hash.set("sort", state.sort);
  if (state.event) hash.set("event", state.event);
  if (state.search) hash.set("search", state.search);
  if (state.order !== "recent") hash.set("order", state.order);
  if (state.read) hash.set("read", state.read);
  const next = `#${hash.toString()}`;
  if (location.hash !== next) location.hash = next;
  else void render();
}

function update(change: (state: State) => void): void {
  const state = readState();
  change(state);
  writeState(state);
}

function setFilter(name: (typeof filterNames)[number], value: string | null): void {
  update((state) => {
    if (value) state.filters.set(name, value);
    else state.filters.delete(name);
    state.page = 1;
  });
}

function showError(error: unknown): void {
  const box = $("#error");
  box.hidden = false;
  box.textContent = error instanceof ApiError ? `${error.message}` : `Error: ${String(error)}`;
}

const map = new WorldMap($("#map"), {
  onBox: (bbox) => setFilter("bbox", bbox.join(",")),
  onPlace: (name) => setFilter("place", name),
});

let generation = 0;
/** The filters the map and timeline show, and the list's key, as last drawn. */
const drawn: { filters: string | null; tab: string | null } = { filters: null, tab: null };
/**
 * A render that a newer one has overtaken must not draw (answers can arrive out of order):
 * each view takes a check when it starts and asks it after every answer.
 */
function staleCheck(): () => boolean {
  const mine = generation;
  return () => mine !== generation;
}

async function render(): Promise<void> {
  const state = readState();
  const mine = ++generation;
  $("#error").hidden = true;
  syncForm(state);
  renderChips(state);
  for (const button of document.querySelectorAll<HTMLButtonElement>("#tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === state.tab));
  }
  // Selecting an event changes neither the filters nor the list: only the side panel is
  // fetched then, not the map, timeline and list again.
  const filters = state.filters.toString();
  const tabKey = JSON.stringify([
    state.tab,
    filters,
    state.page,
    state.sort,
    state.search,
    state.order,
  ]);
  const aggregates = filters === drawn.filters ? null : filters;
  try {
    const [points, timeline] = await Promise.all([
      aggregates === null ? null : getJson<{ points: EventPoint[] }>("/api/map", state.filters),
      aggregates === null
        ? null
        : getJson<{ counts: TimelineCount[] }>("/api/timeline", state.filters),
      tabKey === drawn.tab ? null : renderTab(state),
      renderEvent(state),
    ]);
    if (mine !== generation) return;
    if (points && timeline) {
      map.update(points.points);
      renderTimeline($("#timeline"), timeline.counts, (from, to) =>
        update((s) => {
          s.filters.set("since", from);
          s.filters.set("until", to);
          s.page = 1;
        }),
      );
      drawn.filters = filters;
    }
    drawn.tab = tabKey;
    for (const row of document.querySelectorAll<HTMLElement>("table.events tr[data-event]")) {
      row.classList.toggle("selected", row.dataset.event === state.event);
    }
    document.body.dataset.ready = String(mine);
  } catch (error) {
    showError(error);
    document.body.dataset.ready = String(mine);
  }
}

function syncForm(state: State): void {
  const form = $<HTMLFormElement>("#filters");
  for (const name of filterNames) {
    const input = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (input) input.value = state.filters.get(name) ?? "";
  }
}

function renderChips(state: State): void {
  const chips = [...state.filters].map(([name, value]) =>
    h(
      "button",
      {
        class: "chip",
        title: "remove this filter",
        attrs: { type: "button", "data-filter": name },
        on: { click: () => setFilter(name as (typeof filterNames)[number], null) },
      },
      `${name}: ${value} ×`,
    ),
  );
  fill(
    $("#chips"),
    ...(chips.length
      ? chips
      : [h("span", { class: "muted" }, "No filters: every event in the store.")]),
  );
}

async function renderTab(state: State): Promise<void> {
  const body = $("#tab-body");
  if (state.tab === "events") return renderEvents(body, state);
  if (state.tab === "actors") return renderActors(body, state);
  if (state.tab === "search") return renderSearch(body, state);
  return renderStories(body, state);
}

/** A list's order, the state field `key`: choosing one sets it and goes back to the first page. */
function orderSelect(
  label: string,
  choices: readonly (readonly [value: string, text: string])[],
  key: "sort" | "order",
  state: State,
): HTMLSelectElement {
  return h(
    "select",
    {
      attrs: { "aria-label": label },
      on: {
        change: (e) =>
          update((s) => {
            s[key] = (e.target as HTMLSelectElement).value;
            s.page = 1;
          }),
      },
    },
    ...choices.map(([value, text]) => {
      const option = h("option", { attrs: { value } }, text);
      option.selected = value === state[key];
      return option;
    }),
  );
}

/** A pager's button to page `to`, greyed out when there is no such page. */
/**
 * A full-text query box with its button (and whatever follows them in the form): submitting
 * sets the state's query and goes back to the first page.
 */
function searchForm(
  state: State,
  box: { name: string; size: string; label: string },
  button: string,
  ...after: Child[]
): HTMLFormElement {
  const input = h("input", {
    attrs: {
      name: box.name,
      type: "search",
      placeholder: 'words, "a phrase", prefix*',
      size: box.size,
      "aria-label": box.label,
    },
  });
  input.value = state.search;
  return h(
    "form",
    {
      class: "search",
      on: {
        submit: (e) => {
          e.preventDefault();
          update((s) => {
            s.search = input.value.trim();
            s.page = 1;
          });
        },
      },
    },
    input,
    h("button", { attrs: { type: "submit" } }, button),
    ...after,
  );
}

function pageButton(label: string, to: number, enabled: boolean): HTMLButtonElement {
  const button = h(
    "button",
    {
      attrs: { type: "button" },
      on: {
        click: () =>
          update((s) => {
            s.page = to;
          }),
      },
    },
    label,
  );
  button.disabled = !enabled;
  return button;
}

function who(arg: { name: string; country: string | null } | null): string {
  return arg ? `${arg.name}${arg.country ? ` (${arg.country})` : ""}` : "";
}

async function renderEvents(body: HTMLElement, state: State): Promise<void> {
  const stale = staleCheck();
  const params = new URLSearchParams(state.filters);
  params.set("page", String(state.page));
  params.set("pageSize", "50");
  if (state.sort !== "date") params.set("sort", state.sort);
  const page = await getJson<EventsPage>("/api/events", params);
  if (stale()) return;
  const rows = page.items.map((item: ExploredEvent) => {
    const key = `${item.articleId}/${item.index}`;
    const swatch = h("span", { class: "swatch" });
    swatch.style.background = typeColour(item.event.type);
    const row = h(
      "tr",
      {
        class: key === state.event ? "selected" : "",
        attrs: { "data-event": key, tabindex: "0" },
        on: {
          click: () =>
            update((s) => {
              s.event = key;
              s.read = null;
            }),
          keydown: (e) => {
            if ((e as KeyboardEvent).key === "Enter")
              update((s) => {
                s.event = key;
                s.read = null;
              });
          },
        },
      },
      h("td", {}, item.day ?? "—"),
      h("td", {}, swatch, item.event.type),
      h("td", {}, who(item.event.actor)),
      h("td", {}, who(item.event.recipient)),
      h("td", {}, item.event.location?.name ?? ""),
      h("td", { class: "num" }, String(item.merged?.numMentions ?? 1)),
      h(
        "td",
        { class: "sentence" },
        h("div", { class: "clamp", title: item.evidenceText }, item.evidenceText),
      ),
    );
    return row;
  });
  const sort = orderSelect(
    "sort",
    [
      ["date", "oldest first"],
      ["-date", "newest first"],
      ["-mentions", "most mentioned"],
      ["-confidence", "most confident"],
    ],
    "sort",
    state,
  );
  const pager = h(
    "p",
    { class: "pager" },
    h(
      "span",
      { attrs: { "data-testid": "event-count" } },
      `${page.total} event${page.total === 1 ? "" : "s"}`,
    ),
    ` · page ${page.page} of ${page.pages} · `,
    pageButton("‹ prev", page.page - 1, page.page > 1),
    pageButton("next ›", page.page + 1, page.page < page.pages),
    " · sort ",
    sort,
  );
  fill(
    body,
    pager,
    h(
      "table",
      { class: "events" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...["Date", "Type", "Actor", "Recipient", "Place", "Mentions", "Evidence"].map((t) =>
            h("th", {}, t),
          ),
        ),
      ),
      h("tbody", {}, ...rows),
    ),
  );
}

async function renderActors(body: HTMLElement, state: State): Promise<void> {
  const stale = staleCheck();
  const params = new URLSearchParams(state.filters);
  params.set("limit", "60");
  const { total, pairs } = await getJson<{ total: number; pairs: ActorPair[] }>(
    "/api/actor-pairs",
    params,
  );
  if (stale()) return;
  const max = Math.max(1, ...pairs.map((p) => p.count));
  const link = (arg: { name: string; country: string | null } | null) =>
    arg
      ? actionLink(who(arg), () => setFilter("actor", arg.name), "filter by this actor")
      : h("span", { class: "muted" }, "—");
  fill(
    body,
    h(
      "p",
      { class: "muted" },
      `Who acts on whom: ${total} actor → recipient pair${total === 1 ? "" : "s"} among the filtered events.`,
    ),
    h(
      "table",
      { class: "actors" },
      h(
        "thead",
        {},
        h("tr", {}, ...["Actor", "", "Recipient", "Events", "By quad"].map((t) => h("th", {}, t))),
      ),
      h(
        "tbody",
        {},
        ...pairs.map((pair) => {
          const bar = h("span", { class: "bar" });
          bar.style.width = `${(100 * pair.count) / max}%`;
          const quads = h(
            "span",
            { class: "quads" },
            ...quadOrder
              .filter((q) => pair.quads[q])
              .map((q) =>
                h(
                  "span",
                  { class: `quad quad-${q}`, title: q },
                  `${q.replace("-", " ")} ${pair.quads[q]}`,
                ),
              ),
          );
          return h(
            "tr",
            {},
            h("td", {}, link(pair.actor)),
            h("td", {}, "→"),
            h("td", {}, link(pair.recipient)),
            h("td", { class: "num" }, h("span", { class: "bar-box" }, bar), String(pair.count)),
            h("td", {}, quads),
          );
        }),
      ),
    ),
  );
}

async function renderSearch(body: HTMLElement, state: State): Promise<void> {
  const stale = staleCheck();
  const form = searchForm(
    state,
    { name: "search", size: "40", label: "articles matching" },
    "Search articles",
  );
  if (!state.search) {
    fill(
      body,
      form,
      h(
        "p",
        { class: "muted" },
        "Full-text search over the titles and text of every stored article.",
      ),
    );
    return;
  }
  const result = await getJson<{ total: number; items: ArticleHit[] }>(
    "/api/search",
    new URLSearchParams({ q: state.search, pageSize: "30" }),
  );
  if (stale()) return;
  fill(
    body,
    form,
    h("p", { class: "muted" }, `${result.total} article${result.total === 1 ? "" : "s"} match.`),
    h(
      "ol",
      { class: "hits" },
      ...result.items.map((hit) =>
        h(
          "li",
          {},
          actionLink(hit.article.title ?? (hit.article.lead || hit.article.id), () =>
            showArticle(hit.article.id),
          ),
          h(
            "span",
            { class: "muted" },
            ` ${hit.article.published ?? "undated"} · ${hit.article.source ?? ""} · ${hit.article.events} events`,
          ),
          h("br"),
          ...hit.snippet.map((part) => (part.match ? h("mark", {}, part.text) : part.text)),
        ),
      ),
    ),
  );
}

/**
 * Stories: those with an article in the filters' dates (the other filters are about events)
 * and, when a query is given, an article whose title or text matches it.
 */
async function renderStories(body: HTMLElement, state: State): Promise<void> {
  const stale = staleCheck();
  const params = new URLSearchParams({ page: String(state.page), pageSize: "50" });
  for (const name of ["since", "until"]) {
    const value = state.filters.get(name);
    if (value) params.set(name, value);
  }
  if (state.search) params.set("q", state.search);
  if (state.order !== "recent") params.set("sort", state.order);
  const page = await getJson<{ items: StorySummary[]; hasMore: boolean; page: number }>(
    "/api/stories",
    params,
  );
  if (stale()) return;
  const order = orderSelect(
    "order of the stories",
    [
      ["recent", "latest first"],
      ["size", "largest first"],
    ],
    "order",
    state,
  );
  const form = searchForm(
    state,
    { name: "story-search", size: "30", label: "stories with an article matching" },
    "Find stories",
    " · ",
    order,
    " · ",
    pageButton("‹ prev", page.page - 1, page.page > 1),
    ` page ${page.page} `,
    pageButton("next ›", page.page + 1, page.hasMore),
  );
  const narrowed = state.search || state.filters.has("since") || state.filters.has("until");
  if (!page.items.length) {
    fill(
      body,
      form,
      h(
        "p",
        { class: "muted" },
        narrowed ? "No story matches." : "No stories yet: ingest articles to cluster them.",
      ),
    );
    return;
  }
  const detail = h("div", { class: "story" });
  fill(
    body,
    form,
    h(
      "table",
      { class: "stories" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...["Story", "Articles", "Originals", "From", "To", "Title"].map((t) => h("th", {}, t)),
        ),
      ),
      h(
        "tbody",
        {},
        ...page.items.map((story) => {
          const open = async () => {
            const { articles } = await getJson<{ articles: StoryArticle[] }>(
              `/api/stories/${story.id}`,
            );
            fill(
              detail,
              h("h3", {}, `Story ${story.id}: ${story.title ?? ""}`),
              h(
                "button",
                {
                  attrs: { type: "button", "data-testid": "story-events" },
                  on: { click: () => showStoryEvents(story.id) },
                },
                "Its events on the map, the timeline and the list",
              ),
              h(
                "ul",
                {},
                ...articles.map((a) =>
                  h(
                    "li",
                    {},
                    actionLink(a.title ?? a.id, () => showArticle(a.id)),
                    h(
                      "span",
                      { class: "muted" },
                      ` ${a.published ?? ""} · ${a.source ?? ""}${a.duplicateOf ? ` · reprint of ${a.duplicateOf.slice(0, 8)} (${a.duplicateKind})` : ""}`,
                    ),
                  ),
                ),
              ),
            );
          };
          return h(
            "tr",
            {
              attrs: { tabindex: "0", "data-story": String(story.id) },
              on: {
                click: () => void open().catch(showError),
                keydown: (e) => {
                  if ((e as KeyboardEvent).key === "Enter") void open().catch(showError);
                },
              },
            },
            h("td", {}, String(story.id)),
            h("td", { class: "num" }, String(story.articles)),
            h("td", { class: "num" }, String(story.originals)),
            h("td", {}, story.first ?? ""),
            h("td", {}, story.last ?? ""),
            h("td", {}, story.title ?? ""),
          );
        }),
      ),
    ),
    detail,
  );
}

/** One story's events: every view filtered to the articles of the story. */
function showStoryEvents(id: number): void {
  update((s) => {
    s.filters.delete("article");
    s.filters.set("story", String(id));
    s.tab = "events";
    s.page = 1;
  });
}

/** One article: read whole in the side panel, its events in the list. */
function showArticle(id: string): void {
  update((s) => {
    s.filters = new URLSearchParams({ article: id });
    s.tab = "events";
    s.page = 1;
    s.read = id;
  });
}

function readArticle(id: string): void {
  update((s) => {
    s.read = id;
  });
}

/** What the side panel shows now, so a filter change does not redraw it (and lose its scroll). */
let panelKey = "";

async function renderEvent(state: State): Promise<void> {
  const stale = staleCheck();
  const panel = $("#evidence");
  const key = state.read ? `read:${state.read}` : state.event ? `event:${state.event}` : "";
  if (key === panelKey || !key) return;
  if (state.read) {
    const id = state.read;
    const answer = await getJson<ArticleAnswer>(`/api/articles/${encodeURIComponent(id)}`);
    if (stale()) return;
    panelKey = key;
    renderArticle(panel, answer, (index) =>
      update((s) => {
        s.read = null;
        s.event = `${id}/${index}`;
      }),
    );
    return;
  }
  if (!state.event) return;
  const [article, index] = state.event.split("/");
  const detail = await getJson<EventDetail>(
    `/api/events/${encodeURIComponent(article ?? "")}/${encodeURIComponent(index ?? "")}`,
  );
  if (stale()) return;
  panelKey = key;
  renderEvidence(panel, detail, showArticle, readArticle);
}

async function renderStats(): Promise<void> {
  const stats = await getJson<{ articles: number; annotations: Record<string, number> }>(
    "/api/stats",
  );
  $("#stats").textContent =
    `${stats.articles} articles · ${stats.annotations.event ?? 0} events · ${stats.annotations.place ?? 0} places`;
}

function setUpForm(): void {
  const form = $<HTMLFormElement>("#filters");
  const typeSelect = form.elements.namedItem("type") as HTMLSelectElement;
  for (const type of typeOrder) typeSelect.append(h("option", { attrs: { value: type } }, type));
  const quadSelect = form.elements.namedItem("quad") as HTMLSelectElement;
  for (const quad of quadOrder) quadSelect.append(h("option", { attrs: { value: quad } }, quad));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update((state) => {
      state.filters = new URLSearchParams();
      for (const name of filterNames) {
        const input = form.elements.namedItem(name) as HTMLInputElement | null;
        const value = input?.value.trim();
        if (value) state.filters.set(name, value);
      }
      state.page = 1;
    });
  });
  $("#clear").addEventListener("click", () =>
    update((state) => {
      state.filters = new URLSearchParams();
      state.page = 1;
    }),
  );
  for (const button of document.querySelectorAll<HTMLButtonElement>("#tabs button")) {
    button.addEventListener("click", () =>
      update((state) => {
        if (state.tab !== button.dataset.tab) state.page = 1;
        state.tab = button.dataset.tab as Tab;
      }),
    );
  }
  $("#map-fit").addEventListener("click", () => map.setMode("fit"));
  $("#map-world").addEventListener("click", () => map.setMode("world"));
}

setUpForm();
window.addEventListener("hashchange", () => void render());
void renderStats().catch(showError);
void map
  .load()
  .catch(showError)
  .then(() => render());

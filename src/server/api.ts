/**
 * The JSON endpoints: each route checks its parameters (`params.ts`), asks the store, and
 * returns a plain object. Read-only: no route writes. Article text goes out as JSON strings;
 * it is the client's job to render it as text (the web UI never parses it as HTML).
 */
import type { AnnotatedDocument } from "../core/output.ts";
import { type ExploredEvent, type Store, type StoryFilter, storySorts } from "../store/index.ts";
import { statsWithRules } from "../stories/stats.ts";
import {
  checkPage,
  dateRange,
  eventArgumentsFrom,
  eventFilterParams,
  eventQueryFrom,
  eventSorts,
  eventTypes,
  HttpError,
  type Params,
  pageFrom,
  pageOf,
  pageParams,
} from "./params.ts";

export interface Route {
  /** A path with `:name` segments. */
  path: string;
  /** Query parameters it accepts; anything else is a 400. */
  params: readonly string[];
  handle(store: Store, params: Params, segments: Record<string, string>): Promise<unknown>;
}

/** An article text up to this length goes out whole with an event; a longer one, a window. */
const WHOLE_TEXT_CHARS = 20_000;
/** Sentences either side of the evidence in a window. */
const WINDOW_SENTENCES = 4;
/** How far past the window (characters) a highlighted field may widen it. */
const WIDEN_CHARS = 2_000;

export const routes: readonly Route[] = [
  {
    path: "/api/stats",
    params: [],
    handle: (store) => statsWithRules(store),
  },
  {
    path: "/api/events",
    params: [...eventFilterParams, ...pageParams, "sort"],
    async handle(store, params) {
      const query = eventQueryFrom(params);
      const sort = params.choice("sort", eventSorts);
      const page = pageFrom(params);
      const result = await store
        .explore()
        .events({ ...query, ...(sort ? { sort } : {}), limit: page.limit, offset: page.offset });
      const pages = checkPage(page, result.total);
      return {
        total: result.total,
        page: page.page,
        pageSize: page.pageSize,
        pages,
        items: result.items,
      };
    },
  },
  {
    path: "/api/events/:article/:index",
    params: [],
    async handle(store, _params, { article = "", index = "" }) {
      if (!/^\d+$/.test(index)) throw notFound(`no event ${article}/${index}`);
      const event = await store.explore().event(article, Number(index));
      const stored = event && (await store.getArticle(article));
      if (!event || !stored) throw notFound(`no event ${article}/${index}`);
      const merged = event.merged ? await store.stories().getMergedEvent(event.merged.id) : null;
      return {
        ...event,
        evidence: evidenceOf(stored.doc, event),
        mergedEvent: merged,
      };
    },
  },
  {
    path: "/api/map",
    params: eventFilterParams,
    async handle(store, params) {
      return { points: await store.explore().eventPoints(eventQueryFrom(params)) };
    },
  },
  {
    path: "/api/timeline",
    params: eventFilterParams,
    async handle(store, params) {
      return { counts: await store.explore().timeline(eventQueryFrom(params)) };
    },
  },
  {
    path: "/api/actor-pairs",
    params: [...eventFilterParams, "limit"],
    async handle(store, params) {
      const query = eventQueryFrom(params);
      const limit = params.integer("limit", 1, 1000) ?? 100;
      const pairs = await store.explore().actorPairs(query);
      return { total: pairs.length, pairs: pairs.slice(0, limit) };
    },
  },
  {
    path: "/api/actors",
    params: ["q", "country", ...pageParams],
    async handle(store, params) {
      const search = params.string("q", 200);
      const country = params.string("country");
      if (country && !/^[A-Za-z]{3}$/.test(country)) {
        throw new HttpError(
          400,
          "bad_parameter",
          'parameter "country" must be ISO alpha-3',
          "country",
        );
      }
      const page = pageFrom(params);
      const result = await store.explore().actors({
        ...(search ? { search } : {}),
        ...(country ? { country } : {}),
        limit: page.limit,
        offset: page.offset,
      });
      return paged(page, result.total, result.items);
    },
  },
  {
    path: "/api/entities",
    params: ["q", "type", ...pageParams],
    async handle(store, params) {
      const search = params.string("q", 200);
      const type = params.choice("type", ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"] as const);
      const page = pageFrom(params);
      const result = await store.explore().entities({
        ...(search ? { search } : {}),
        ...(type ? { type } : {}),
        limit: page.limit,
        offset: page.offset,
      });
      return paged(page, result.total, result.items);
    },
  },
  {
    path: "/api/articles",
    params: ["since", "until", "source", ...pageParams],
    async handle(store, params) {
      const source = params.string("source");
      const page = pageFrom(params);
      const filter = { ...dateRange(params), ...(source ? { source } : {}) };
      // One row past the page tells whether there is a next one, without counting all.
      const rows = await store.listArticles({
        ...filter,
        limit: page.limit + 1,
        offset: page.offset,
      });
      return pageOf(page, rows);
    },
  },
  {
    path: "/api/articles/:id",
    params: [],
    async handle(store, _params, { id = "" }) {
      const stored = await store.getArticle(id);
      if (!stored) throw notFound(`no article ${id}`);
      return { summary: stored.summary, origins: stored.origins, document: stored.doc };
    },
  },
  {
    path: "/api/search",
    params: ["q", ...pageParams],
    async handle(store, params) {
      const query = params.string("q");
      if (!query) throw new HttpError(400, "missing_parameter", 'parameter "q" is required', "q");
      const page = pageFrom(params);
      const result = await store
        .explore()
        .searchArticles({ query, limit: page.limit, offset: page.offset });
      return paged(page, result.total, result.items);
    },
  },
  {
    path: "/api/stories",
    params: ["minArticles", "since", "until", "q", "sort", ...pageParams],
    async handle(store, params) {
      const minArticles = params.integer("minArticles", 1, 1_000_000);
      const query: StoryFilter = dateRange(params);
      const search = params.string("q");
      const sort = params.choice("sort", storySorts);
      const page = pageFrom(params);
      const rows = await store.stories().listStories({
        ...query,
        ...(minArticles ? { minArticles } : {}),
        ...(search ? { search } : {}),
        ...(sort ? { sort } : {}),
        limit: page.limit + 1,
        offset: page.offset,
      });
      return pageOf(page, rows);
    },
  },
  {
    path: "/api/stories/:id",
    params: [],
    async handle(store, _params, { id = "" }) {
      if (!/^\d+$/.test(id)) throw notFound(`no story ${id}`);
      const articles = await store.stories().storyArticles(Number(id));
      if (!articles.length) throw notFound(`no story ${id}`);
      return { id: Number(id), articles };
    },
  },
  {
    path: "/api/merged-events",
    params: [
      "type",
      "quad",
      "country",
      "actor",
      "article",
      "story",
      "since",
      "until",
      "minArticles",
      ...pageParams,
    ],
    async handle(store, params) {
      const type = params.choice("type", eventTypes);
      const argumentsOf = eventArgumentsFrom(params);
      const range = dateRange(params);
      const minArticles = params.integer("minArticles", 1, 1_000_000);
      const page = pageFrom(params);
      const rows = await store.stories().listMergedEvents({
        ...(type ? { type } : {}),
        ...argumentsOf,
        ...range,
        ...(minArticles ? { minArticles } : {}),
        limit: page.limit + 1,
        offset: page.offset,
      });
      return pageOf(page, rows);
    },
  },
  {
    path: "/api/merged-events/:id",
    params: [],
    async handle(store, _params, { id = "" }) {
      const event = await store.stories().getMergedEvent(id);
      if (!event) throw notFound(`no merged event ${id}`);
      return event;
    },
  },
];

function paged<T>(page: ReturnType<typeof pageFrom>, total: number, items: T[]) {
  const pages = checkPage(page, total);
  return { total, page: page.page, pageSize: page.pageSize, pages, items };
}

function notFound(message: string): HttpError {
  return new HttpError(404, "not_found", message);
}

export type HighlightRole = "trigger" | "actor" | "recipient" | "place" | "date";

export interface Highlight {
  role: HighlightRole;
  /** UTF-16 offsets into the article text, half-open. */
  start: number;
  end: number;
  text: string;
}

export interface EventEvidence {
  /** The evidence sentence: offsets into the article text and its text. */
  start: number;
  end: number;
  text: string;
  /** The part of the article sent with it (the whole text when short), offsets as above. */
  context: { start: number; end: number; text: string; whole: boolean };
  /** The event's fields where the text says them, in text order. */
  highlights: Highlight[];
}

/** The article text around an event with its fields' spans, ready to mark in place. */
export function evidenceOf(doc: AnnotatedDocument, stored: ExploredEvent): EventEvidence {
  const { event } = stored;
  const text = doc.text;
  const spans: [HighlightRole, { start: number; end: number } | null][] = [
    ["trigger", event.trigger],
    ["actor", event.actor],
    ["recipient", event.recipient],
    ["place", event.location],
    ["date", event.date],
  ];
  const highlights: Highlight[] = [];
  for (const [role, span] of spans) {
    // A span outside the text (an inferred argument without a mention) has nothing to mark.
    if (!span || span.end <= span.start || span.start < 0 || span.end > text.length) continue;
    highlights.push({
      role,
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
    });
  }
  highlights.sort((a, b) => a.start - b.start || b.end - a.end);
  const { start, end } = event.evidence;
  let context = { start: 0, end: text.length };
  if (text.length > WHOLE_TEXT_CHARS) {
    const from = doc.sentences[Math.max(0, event.evidence.sentence - WINDOW_SENTENCES)];
    const to =
      doc.sentences[Math.min(doc.sentences.length - 1, event.evidence.sentence + WINDOW_SENTENCES)];
    context = { start: Math.min(from?.start ?? start, start), end: Math.max(to?.end ?? end, end) };
    // A field said a little outside the window widens it; one said far away (a place
    // named in the first paragraph) stays in `highlights` but out of the context.
    for (const h of highlights) {
      if (h.end < context.start - WIDEN_CHARS || h.start > context.end + WIDEN_CHARS) continue;
      context.start = Math.min(context.start, h.start);
      context.end = Math.max(context.end, h.end);
    }
  }
  return {
    start,
    end,
    text: text.slice(start, end),
    context: {
      ...context,
      text: text.slice(context.start, context.end),
      whole: context.start === 0 && context.end === text.length,
    },
    highlights,
  };
}

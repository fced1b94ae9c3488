/**
 * Query parameters of the HTTP API, checked strictly: an unknown name, a value given twice
 * or a value of the wrong shape is a 400 that names the parameter, so a typo in a filter
 * never silently returns everything.
 */
import { EVENT_TYPES, type EventType, QUADS, type Quad } from "../core/annotations.ts";
import { parseDay } from "../stages/dates/calendar.ts";
import type { BoundingBox, EventQuery, EventSort } from "../store/index.ts";

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** PLOVER's types, as the `type` filter accepts them. */
export const eventTypes: readonly EventType[] = EVENT_TYPES;

export const quads: readonly Quad[] = QUADS;

export const eventSorts: readonly EventSort[] = [
  "date",
  "-date",
  "confidence",
  "-confidence",
  "mentions",
  "-mentions",
];

/** The filters every event view shares (list, map, timeline, actor pairs). */
export const eventFilterParams = [
  "since",
  "until",
  "type",
  "quad",
  "country",
  "actor",
  "place",
  "bbox",
  "q",
  "article",
  "story",
] as const;

export const pageParams = ["page", "pageSize"] as const;

/** Largest page a client may ask for; the UI asks for 50. */
export const maxPageSize = 500;
export const defaultPageSize = 50;

/** A request's parameters, every one read at most once and every one known. */
export class Params {
  private readonly values = new Map<string, string>();

  constructor(search: URLSearchParams, allowed: readonly string[]) {
    const known = new Set(allowed);
    for (const [name, value] of search) {
      if (!known.has(name)) {
        throw new HttpError(
          400,
          "unknown_parameter",
          `unknown parameter "${name}"; this endpoint takes ${allowed.length ? allowed.join(", ") : "none"}`,
          name,
        );
      }
      if (this.values.has(name)) {
        throw new HttpError(400, "repeated_parameter", `parameter "${name}" is given twice`, name);
      }
      this.values.set(name, value);
    }
  }

  /** The value, trimmed; undefined when absent or empty (an empty form field means no filter). */
  string(name: string, maxLength = 500): string | undefined {
    const value = this.values.get(name)?.trim();
    if (!value) return undefined;
    if (value.length > maxLength) {
      throw bad(name, `is longer than ${maxLength} characters`);
    }
    return value;
  }

  date(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!isCalendarDate(value)) {
      throw new HttpError(
        400,
        "bad_date",
        `parameter "${name}" must be a date as YYYY-MM-DD, not "${value}"`,
        name,
      );
    }
    return value;
  }

  choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) {
      throw bad(name, `must be one of ${choices.join(", ")}, not "${value}"`);
    }
    return value as T;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw bad(name, `must be a whole number from ${min} to ${max}, not "${value}"`);
    }
    return n;
  }

  /** `west,south,east,north` in degrees; west > east crosses the antimeridian. */
  bbox(name: string): BoundingBox | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const parts = value.split(",").map((part) => part.trim());
    const numbers = parts.map(Number);
    const fail = (why: string) =>
      new HttpError(
        400,
        "bad_bbox",
        `parameter "${name}" must be west,south,east,north in degrees (${why}), not "${value}"`,
        name,
      );
    if (
      parts.length !== 4 ||
      parts.some((p) => p === "") ||
      numbers.some((n) => !Number.isFinite(n))
    ) {
      throw fail("four numbers");
    }
    const [west, south, east, north] = numbers as [number, number, number, number];
    if (Math.abs(west) > 180 || Math.abs(east) > 180) throw fail("longitudes within ±180");
    if (Math.abs(south) > 90 || Math.abs(north) > 90) throw fail("latitudes within ±90");
    if (south > north) throw fail("south ≤ north");
    return { west, south, east, north };
  }
}

function bad(name: string, why: string): HttpError {
  return new HttpError(400, "bad_parameter", `parameter "${name}" ${why}`, name);
}

/** A real day of the proleptic Gregorian calendar (2019-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDay(value) !== null;
}

/** `since` and `until`, each a day, in order. */
export function dateRange(params: Params): { since?: string; until?: string } {
  const range: { since?: string; until?: string } = {};
  const since = params.date("since");
  const until = params.date("until");
  if (since && until && since > until) {
    throw new HttpError(400, "bad_date", `"since" (${since}) is after "until" (${until})`, "since");
  }
  if (since) range.since = since;
  if (until) range.until = until;
  return range;
}

/** The shared event filters as a store query. `type` takes one type or several, comma-separated. */
export function eventQueryFrom(params: Params): EventQuery {
  const query: EventQuery = dateRange(params);
  const type = params.string("type");
  if (type) {
    const types = type.split(",").map((t) => t.trim().toUpperCase());
    for (const t of types) {
      if (!(eventTypes as readonly string[]).includes(t)) {
        throw bad("type", `must be PLOVER types (${eventTypes.join(", ")}), not "${t}"`);
      }
    }
    query.types = types as EventType[];
  }
  Object.assign(query, eventArgumentsFrom(params));
  const place = params.string("place", 200);
  if (place) query.place = place;
  const bbox = params.bbox("bbox");
  if (bbox) query.bbox = bbox;
  const q = params.string("q");
  if (q) query.search = q;
  return query;
}

/**
 * The filters a merged event shares with a single one: quad class, country, actor, article
 * and story (read alike by `/api/events` and `/api/merged-events`).
 */
export function eventArgumentsFrom(
  params: Params,
): Pick<EventQuery, "quad" | "country" | "actor" | "articleId" | "storyId"> {
  const out: Pick<EventQuery, "quad" | "country" | "actor" | "articleId" | "storyId"> = {};
  const quad = params.choice("quad", quads);
  if (quad) out.quad = quad;
  const country = params.string("country");
  if (country) {
    if (!/^[A-Za-z]{2,3}$/.test(country)) {
      throw bad("country", `must be ISO alpha-3 (actor, e.g. IRQ) or alpha-2 (place, e.g. IQ)`);
    }
    out.country = country.toUpperCase();
  }
  const actor = params.string("actor", 200);
  if (actor) out.actor = actor;
  const article = params.string("article", 200);
  if (article) out.articleId = article;
  const story = params.integer("story", 0, Number.MAX_SAFE_INTEGER);
  if (story !== undefined) out.storyId = story;
  return out;
}

export interface Page {
  page: number;
  pageSize: number;
  limit: number;
  offset: number;
}

export function pageFrom(params: Params): Page {
  const page = params.integer("page", 1, 1_000_000) ?? 1;
  const pageSize = params.integer("pageSize", 1, maxPageSize) ?? defaultPageSize;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/**
 * A page of rows fetched with `limit: page.limit + 1`: the extra row, if it came, says that
 * more follow. An empty page past the first is out of range.
 */
export function pageOf<T>(page: Page, rows: readonly T[]) {
  if (rows.length === 0 && page.page > 1) checkPage(page, 0);
  return {
    page: page.page,
    pageSize: page.pageSize,
    hasMore: rows.length > page.limit,
    items: rows.slice(0, page.limit),
  };
}

/** A page past the last is a client error; page 1 of nothing is an empty page. */
export function checkPage(page: Page, total: number): number {
  const pages = Math.max(1, Math.ceil(total / page.pageSize));
  if (page.page > pages) {
    throw new HttpError(
      400,
      "page_out_of_range",
      `page ${page.page} is past the last page (${pages} of ${page.pageSize} for ${total} results)`,
      "page",
    );
  }
  return pages;
}

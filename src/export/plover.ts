/**
 * PLOVER JSON lines: one event per line, with the field names of the POLECAT data set (the
 * PLOVER-coded successor of ICEWS) where Dateline has the value, and Dateline's own fields
 * (evidence, counts, modality, links, coder) after them. Documented in docs/exports.md.
 */
import type { EventArgument, Quad } from "../core/annotations.ts";
import { defaultCameo } from "../stages/events/cameo.ts";
import { type ExportEvent, eventDay } from "./types.ts";

/** POLECAT's numeric quad codes. */
export const QUAD_CODES: Record<Quad, number> = {
  "verbal-cooperation": 1,
  "material-cooperation": 2,
  "verbal-conflict": 3,
  "material-conflict": 4,
};

export interface PloverActor {
  name: string;
  country: string | null;
  sector: string | null;
  /** The words of the text that name it. */
  raw: string;
  /** UTF-16 offsets of `raw` in the article's cleaned text. */
  start: number;
  end: number;
}

export interface PloverRecord {
  event_id: string;
  story_id: string;
  event_date: string | null;
  event_type: string;
  event_mode: string | null;
  quad_code: number;
  quad_class: Quad;
  contexts: string[];
  actor: PloverActor | null;
  recipient: PloverActor | null;
  placename: string | null;
  country: string | null;
  admin1: string | null;
  latitude: number | null;
  longitude: number | null;
  geonames_id: number | null;
  geo_precision: string | null;
  publication_date: string | null;
  source: string | null;
  url: string | null;
  headline: string | null;
  language: string;
  dead: number | null;
  injured: number | null;
  arrested: number | null;
  size: number | null;
  counts_vague: string[];
  negated: boolean;
  hypothetical: boolean;
  trigger: string;
  evidence: { sentence: number; start: number; end: number; text: string };
  attribution: { text: string; anonymous: boolean } | null;
  links: { relation: string; event_id: string }[];
  confidence: number;
  coder: string;
  /** The CAMEO event code (`0841`): the coder's, else the type's and mode's default. */
  cameo_code: string;
  /**
   * The real event this line reports, merged across articles by the store, with its counts
   * (reprints not counted); null when no cross-article pass placed it.
   */
  merged_event: {
    id: string;
    num_mentions: number;
    num_articles: number;
    num_sources: number;
  } | null;
}

function actor(a: EventArgument | null): PloverActor | null {
  if (!a) return null;
  return {
    name: a.name,
    country: a.country,
    sector: a.sector,
    raw: a.text,
    start: a.start,
    end: a.end,
  };
}

/** An article-scoped event id is made global by its article id. */
export function globalEventId(articleId: string, eventId: string): string {
  return `${articleId}:${eventId}`;
}

export function ploverRecord(e: ExportEvent): PloverRecord {
  const ev = e.event;
  const place = ev.location;
  return {
    event_id: globalEventId(e.articleId, ev.id),
    story_id: e.articleId,
    event_date: eventDay(e),
    event_type: ev.type,
    event_mode: ev.mode,
    quad_code: QUAD_CODES[ev.quad],
    quad_class: ev.quad,
    contexts: [],
    actor: actor(ev.actor),
    recipient: actor(ev.recipient),
    placename: place?.name ?? null,
    country: place?.countryCode ?? null,
    admin1: place?.admin1 ?? null,
    latitude: place?.lat ?? null,
    longitude: place?.lon ?? null,
    geonames_id: place?.geonameId ?? null,
    geo_precision: place?.precision ?? null,
    publication_date: e.article.published,
    source: e.article.source,
    url: e.article.url,
    headline: e.article.title,
    language: "en",
    dead: ev.dead,
    injured: ev.injured,
    arrested: ev.arrested,
    size: ev.size,
    counts_vague: ev.countsVague ?? [],
    negated: ev.negated,
    hypothetical: ev.hypothetical,
    trigger: ev.trigger.text,
    evidence: { ...ev.evidence, text: e.evidenceText },
    attribution: ev.attribution
      ? { text: ev.attribution.text, anonymous: ev.attribution.anonymous }
      : null,
    links: ev.links.map((l) => ({
      relation: l.relation,
      event_id: globalEventId(e.articleId, l.event),
    })),
    confidence: ev.confidence,
    coder: ev.coder,
    cameo_code: ev.cameo ?? defaultCameo(ev.type, ev.mode),
    merged_event: e.merged
      ? {
          id: e.merged.id,
          num_mentions: e.merged.numMentions,
          num_articles: e.merged.numArticles,
          num_sources: e.merged.numSources,
        }
      : null,
  };
}

/** One JSON line (with its newline). */
export function ploverLine(e: ExportEvent): string {
  return `${JSON.stringify(ploverRecord(e))}\n`;
}

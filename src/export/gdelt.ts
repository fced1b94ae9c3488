/**
 * A GDELT 2.0 style export: the 61 columns of GDELT's event table and the 16 of its mentions
 * table, tab-separated, in GDELT's order and with GDELT's names, so tools that read GDELT
 * files read these. Event codes are CAMEO's, as the coder gave them with each event, and
 * QuadClass is CAMEO's class of that code, not PLOVER's quad. Where Dateline's data differ
 * from GDELT's (ISO country codes instead of FIPS, GeoNames ids) docs/exports.md says so
 * column by column. No clock is read: DATEADDED is the article's publication day.
 */
import type { Event } from "../core/annotations.ts";
import { defaultCameo, gdeltQuadClass } from "../stages/events/cameo.ts";
import {
  type ActorFields,
  compactDate,
  type ExportEvent,
  numericId,
  type PlaceFields,
  realEventFields,
  realEventKey,
} from "./types.ts";

/**
 * The event's CAMEO code: the one the coder gave it (`cameo`), else the default code of its
 * PLOVER type and mode (events stored before events carried CAMEO codes, or made elsewhere).
 */
export function eventCameo(ev: Pick<Event, "cameo" | "type" | "mode">): string {
  return ev.cameo ?? defaultCameo(ev.type, ev.mode);
}

export const GDELT_EVENT_COLUMNS = [
  "GlobalEventID",
  "Day",
  "MonthYear",
  "Year",
  "FractionDate",
  ...actorColumns("Actor1"),
  ...actorColumns("Actor2"),
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  ...geoColumns("Actor1Geo"),
  ...geoColumns("Actor2Geo"),
  ...geoColumns("ActionGeo"),
  "DATEADDED",
  "SOURCEURL",
] as const;

export const GDELT_MENTION_COLUMNS = [
  "GlobalEventID",
  "EventTimeDate",
  "MentionTimeDate",
  "MentionType",
  "MentionSourceName",
  "MentionIdentifier",
  "SentenceID",
  "Actor1CharOffset",
  "Actor2CharOffset",
  "ActionCharOffset",
  "InRawText",
  "Confidence",
  "MentionDocLen",
  "MentionDocTone",
  "MentionDocTranslationInfo",
  "Extras",
] as const;

function actorColumns(p: string): string[] {
  return [
    `${p}Code`,
    `${p}Name`,
    `${p}CountryCode`,
    `${p}KnownGroupCode`,
    `${p}EthnicCode`,
    `${p}Religion1Code`,
    `${p}Religion2Code`,
    `${p}Type1Code`,
    `${p}Type2Code`,
    `${p}Type3Code`,
  ];
}

function geoColumns(p: string): string[] {
  return [
    `${p}_Type`,
    `${p}_FullName`,
    `${p}_CountryCode`,
    `${p}_ADM1Code`,
    `${p}_ADM2Code`,
    `${p}_Lat`,
    `${p}_Long`,
    `${p}_FeatureID`,
  ];
}

/**
 * The numeric GlobalEventID: a hash of the merged event's id when the store merged the
 * mention (so every report of one event has the same id, and the mentions table joins the
 * events table as GDELT's does), else of article and event id. Stable across runs.
 */
export function gdeltEventId(e: ExportEvent): number {
  return numericId(realEventKey(e));
}

function actorCells(a: ActorFields | null): unknown[] {
  if (!a) return ["", "", "", "", "", "", "", "", "", ""];
  // CAMEO actor codes are country + role (`IRQGOV`); PLOVER sectors take the role's place.
  const code = `${a.country ?? ""}${a.sector ?? ""}`;
  return [code, a.name.toUpperCase(), a.country ?? "", "", "", "", "", a.sector ?? "", "", ""];
}

/** GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state. */
function geoType(p: PlaceFields): number {
  const us = p.countryCode === "US";
  if (p.precision === "country") return 1;
  if (p.precision === "admin1") return us ? 2 : 5;
  return us ? 3 : 4;
}

function geoCells(p: PlaceFields | null): unknown[] {
  if (!p) return ["", "", "", "", "", "", "", ""];
  const parts = [p.name, p.admin1, p.countryCode].filter((x): x is string => Boolean(x));
  const full = parts.filter((x, i) => parts.indexOf(x) === i).join(", ");
  return [
    geoType(p),
    full,
    p.countryCode ?? "",
    p.countryCode && p.admin1 ? `${p.countryCode}-${p.admin1}` : (p.countryCode ?? ""),
    "",
    p.lat ?? "",
    p.lon ?? "",
    p.geonameId ?? "",
  ];
}

function fractionDate(day: string | null): string {
  if (!day) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return "";
  const year = Number(m[1]);
  const start = Date.UTC(year, 0, 1);
  // Days elapsed before this one, so that 31 December stays in its year.
  const elapsed = (Date.UTC(year, Number(m[2]) - 1, Number(m[3])) - start) / 86400000;
  return (year + elapsed / 365).toFixed(4);
}

/**
 * One row of the events table, in GDELT_EVENT_COLUMNS order: the report's event, its gaps
 * (actors, place, day) filled from the merged event it belongs to (`realEventFields`).
 */
export function gdeltEventRow(e: ExportEvent): unknown[] {
  const ev = e.event;
  const real = realEventFields(e);
  const day = real.day;
  const compact = compactDate(day);
  const code = eventCameo(ev);
  return [
    gdeltEventId(e),
    compact,
    compact.slice(0, 6),
    compact.slice(0, 4),
    fractionDate(day),
    ...actorCells(real.actor),
    ...actorCells(real.recipient),
    // The first event of an article's first sentences is GDELT's "root" event; we mark
    // events of the article's first sentence.
    ev.evidence.sentence === 0 ? 1 : 0,
    code,
    code.slice(0, 3),
    code.slice(0, 2),
    gdeltQuadClass(code),
    "",
    // Reports of the real event, reprints not counted; 1 for a mention no pass merged.
    e.merged?.numMentions ?? 1,
    e.merged?.numSources ?? 1,
    e.merged?.numArticles ?? 1,
    "",
    ...geoCells(null),
    ...geoCells(null),
    ...geoCells(real.place),
    e.article.published ? `${compactDate(e.article.published)}000000` : "",
    e.article.url ?? "",
  ];
}

/**
 * One row of the mentions table, in GDELT_MENTION_COLUMNS order. Offsets are UTF-16 code
 * units into the article's cleaned text; `docLength` is that text's length when known.
 * EventTimeDate is the day of the event the report mentions: its own day, else the day all
 * the event's reports agree on (as the events table's Day takes it), else its publication
 * day; so the reports of an event dated to one day carry that day, not each its own.
 */
export function gdeltMentionRow(e: ExportEvent, docLength?: number): unknown[] {
  const ev = e.event;
  const day = compactDate(realEventFields(e).day);
  const published = compactDate(e.article.published);
  return [
    gdeltEventId(e),
    day ? `${day}000000` : "",
    published ? `${published}000000` : "",
    // MentionType 1 = web; the identifier is the URL, else the article id.
    1,
    e.article.source ?? "",
    e.article.url ?? e.articleId,
    ev.evidence.sentence + 1,
    ev.actor ? ev.actor.start : -1,
    ev.recipient ? ev.recipient.start : -1,
    ev.trigger.start,
    1,
    Math.round(ev.confidence * 100),
    docLength ?? "",
    "",
    "",
    `<PLOVER>${ev.type}${ev.mode ? `/${ev.mode}` : ""}</PLOVER><QUAD>${ev.quad}</QUAD><CODER>${ev.coder}</CODER>`,
  ];
}

/**
 * A GDELT 2.0 style export: the 61 columns of GDELT's event table and the 16 of its mentions
 * table, tab-separated, in GDELT's order and with GDELT's names, so tools that read GDELT
 * files read these. Where Dateline's data differ from GDELT's (PLOVER types instead of
 * CAMEO codes, ISO country codes instead of FIPS, GeoNames ids) docs/exports.md says so
 * column by column. No clock is read: DATEADDED is the article's publication day.
 */
import type { EventArgument, EventType, Place } from "../core/annotations.ts";
import { QUAD_CODES } from "./plover.ts";
import { compactDate, type ExportEvent, eventDay, numericId } from "./types.ts";

/** PLOVER type → the CAMEO root code it mostly comes from (CAMEO2PLOVER, reversed). */
export const CAMEO_ROOT: Record<EventType, string> = {
  AGREE: "03",
  CONSULT: "04",
  SUPPORT: "05",
  COOPERATE: "06",
  AID: "07",
  CONCEDE: "08",
  RETREAT: "08",
  ACCUSE: "11",
  REQUEST: "10",
  REJECT: "12",
  THREATEN: "13",
  PROTEST: "14",
  MOBILIZE: "15",
  SANCTION: "16",
  COERCE: "17",
  ASSAULT: "18",
};

/** Conventional military force (CAMEO 19) rather than unconventional violence (18). */
const CAMEO_19_MODES = new Set(["firearms", "heavy-weapons", "aerial", "drone"]);

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

/** The numeric GlobalEventID of an event: stable across runs (a hash of article and event id). */
export function gdeltEventId(e: ExportEvent): number {
  return numericId(`${e.articleId}:${e.event.id}`);
}

function actorCells(a: EventArgument | null): unknown[] {
  if (!a) return ["", "", "", "", "", "", "", "", "", ""];
  // CAMEO actor codes are country + role (`IRQGOV`); PLOVER sectors take the role's place.
  const code = `${a.country ?? ""}${a.sector ?? ""}`;
  return [code, a.name.toUpperCase(), a.country ?? "", "", "", "", "", a.sector ?? "", "", ""];
}

/** GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state. */
function geoType(p: Place): number {
  const us = p.countryCode === "US";
  if (p.precision === "country") return 1;
  if (p.precision === "admin1") return us ? 2 : 5;
  return us ? 3 : 4;
}

function geoCells(p: Place | null): unknown[] {
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

/** One row of the events table, in GDELT_EVENT_COLUMNS order. */
export function gdeltEventRow(e: ExportEvent): unknown[] {
  const ev = e.event;
  const day = eventDay(e);
  const compact = compactDate(day);
  const root =
    ev.type === "ASSAULT" && ev.mode && CAMEO_19_MODES.has(ev.mode) ? "19" : CAMEO_ROOT[ev.type];
  return [
    gdeltEventId(e),
    compact,
    compact.slice(0, 6),
    compact.slice(0, 4),
    fractionDate(day),
    ...actorCells(ev.actor),
    ...actorCells(ev.recipient),
    // The first event of an article's first sentences is GDELT's "root" event; we mark
    // events of the article's first sentence.
    ev.evidence.sentence === 0 ? 1 : 0,
    root,
    root,
    root,
    QUAD_CODES[ev.quad],
    "",
    1,
    1,
    1,
    "",
    ...geoCells(null),
    ...geoCells(null),
    ...geoCells(ev.location),
    e.article.published ? `${compactDate(e.article.published)}000000` : "",
    e.article.url ?? "",
  ];
}

/**
 * One row of the mentions table, in GDELT_MENTION_COLUMNS order. Offsets are UTF-16 code
 * units into the article's cleaned text; `docLength` is that text's length when known.
 */
export function gdeltMentionRow(e: ExportEvent, docLength?: number): unknown[] {
  const ev = e.event;
  const day = compactDate(eventDay(e));
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
    `<PLOVER>${ev.type}${ev.mode ? `/${ev.mode}` : ""}</PLOVER><CODER>${ev.coder}</CODER>`,
  ];
}

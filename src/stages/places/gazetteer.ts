/**
 * The compact gazetteer: GeoNames places (countries, first- and second-level regions, cities of
 * 1,000+ people or administrative seats) plus our hand-written regions and sites, indexed by
 * `nameKey`. Built by `npm run build:gazetteer` into `model/gazetteer.json`; loaded once per
 * process.
 */
import { readFileSync } from "node:fs";
import { nameKey } from "./normalize.ts";

/**
 * GeoNames feature code of an entry: `PCLI` country or territory, `ADM1`/`ADM2` first- and
 * second-level region, `PPL*` populated place; ours: `RGN` continent, world region or sea,
 * `SITE` a building or compound.
 */
export type FeatureCode = string;

export interface GazetteerEntry {
  /** GeoNames id, or null for a hand-written place whose id we do not know. */
  geonameId: number | null;
  name: string;
  /** ISO 3166-1 alpha-2, or null for places that span countries (continents, seas). */
  countryCode: string | null;
  /** GeoNames admin1 code, `US.CA`, or null. */
  admin1: string | null;
  /** Degrees, WGS84. */
  lat: number;
  lon: number;
  /** People; 0 when unknown or not a populated place. */
  population: number;
  feature: FeatureCode;
}

/** One row of the serialised index: [geonameId|0, name, cc|"", admin1|"", lat, lon, pop, feature]. */
export type EntryRow = [number, string, string, string, number, number, number, string];

export interface GazetteerFile {
  format: 1;
  attribution: string;
  /** Admin1 code → its name, for `Place.admin1`. */
  admin1Names: Record<string, string>;
  entries: EntryRow[];
  /**
   * nameKey → index into `entries`, or indices when the name is shared. A weak name (a
   * GeoNames alternate name of a city) is stored as -(index + 1).
   */
  names: Record<string, number | number[]>;
  /** Abbreviations and acronyms (`Mass.`, `N.J.`, `US`) that match only exactly as written. */
  exact: Record<string, number | number[]>;
  /** nameKey of a demonym adjective (`russian`) → index of its place. */
  demonyms: Record<string, number>;
}

export class Gazetteer {
  readonly entries: readonly GazetteerEntry[];
  private readonly names: Map<string, readonly number[]>;
  private readonly demonymIndex: Map<string, number>;
  private readonly exactNames: Map<string, readonly number[]>;
  private readonly admin1Names: Record<string, string>;
  /** admin1 code → index of its ADM1 entry. */
  private readonly admin1Entries = new Map<string, number>();
  /** country code → index of its PCLI entry. */
  private readonly countryEntries = new Map<string, number>();
  /** Longest key, in words: matching never tries longer spans. */
  readonly maxWords: number;
  /** First words of all names: a capitalised word that starts none is skipped at once. */
  private readonly firstWords = new Set<string>();

  constructor(file: GazetteerFile) {
    if (file.format !== 1) throw new Error(`gazetteer format ${String(file.format)} is not 1`);
    this.entries = file.entries.map((row) => ({
      geonameId: row[0] === 0 ? null : row[0],
      name: row[1],
      countryCode: row[2] === "" ? null : row[2],
      admin1: row[3] === "" ? null : row[3],
      lat: row[4],
      lon: row[5],
      population: row[6],
      feature: row[7],
    }));
    this.names = new Map(
      Object.entries(file.names).map(([key, value]) => [
        key,
        typeof value === "number" ? [value] : value,
      ]),
    );
    this.demonymIndex = new Map(Object.entries(file.demonyms));
    this.admin1Names = file.admin1Names;
    this.exactNames = new Map(
      Object.entries(file.exact).map(([key, value]) => [
        key,
        typeof value === "number" ? [value] : value,
      ]),
    );
    let maxWords = 1;
    for (const key of this.names.keys()) {
      let words = 1;
      let firstSpace = -1;
      for (let i = 0; i < key.length; i++) {
        if (key.charCodeAt(i) === 32) {
          words++;
          if (firstSpace < 0) firstSpace = i;
        }
      }
      if (words > maxWords) maxWords = words;
      this.firstWords.add(firstSpace < 0 ? key : key.slice(0, firstSpace));
    }
    for (const key of this.exactNames.keys()) this.firstWords.add(nameKey(key).split(" ")[0] ?? "");
    this.maxWords = maxWords;
    this.entries.forEach((entry, index) => {
      if (entry.feature === "PCLI" && entry.countryCode) {
        this.countryEntries.set(entry.countryCode, index);
      } else if (entry.feature === "ADM1" && entry.admin1) {
        this.admin1Entries.set(entry.admin1, index);
      }
    });
  }

  /**
   * Candidates a name may denote (empty when none): entry indices, or -(index + 1) when the
   * name is only a weak (alternate) name of the entry. `entry()` accepts both.
   */
  lookup(name: string): readonly number[] {
    const exact = this.exactNames.get(name);
    return exact ?? this.names.get(nameKey(name)) ?? [];
  }

  /** Whether some name starts with this word (any case, as `nameKey` gives it). */
  startsName(word: string): boolean {
    return this.firstWords.has(nameKey(word));
  }

  /** Candidates of an abbreviation or acronym written exactly so (`N.J.`, `US`). */
  lookupExact(surface: string): readonly number[] {
    return this.exactNames.get(surface) ?? [];
  }

  lookupKey(key: string): readonly number[] {
    return this.names.get(key) ?? [];
  }

  /** The place a demonym adjective belongs to (`Russian` → Russia), or undefined. */
  demonym(word: string): number | undefined {
    return this.demonymIndex.get(nameKey(word));
  }

  entry(candidate: number): GazetteerEntry {
    const index = candidate < 0 ? -candidate - 1 : candidate;
    const entry = this.entries[index];
    if (!entry) throw new Error(`no gazetteer entry ${index}`);
    return entry;
  }

  country(code: string): number | undefined {
    return this.countryEntries.get(code);
  }

  admin1Entry(code: string): number | undefined {
    return this.admin1Entries.get(code);
  }

  admin1Name(code: string | null): string | null {
    if (code === null) return null;
    return this.admin1Names[code] ?? null;
  }
}

export const DEFAULT_GAZETTEER_PATH = new URL("./model/gazetteer.json", import.meta.url);

let shared: Gazetteer | undefined;

/** The committed gazetteer, parsed once per process and shared by every pipeline built in it. */
export function loadGazetteer(path: URL | string = DEFAULT_GAZETTEER_PATH): Gazetteer {
  if (path === DEFAULT_GAZETTEER_PATH && shared) return shared;
  const gazetteer = new Gazetteer(JSON.parse(readFileSync(path, "utf8")) as GazetteerFile);
  if (path === DEFAULT_GAZETTEER_PATH) shared = gazetteer;
  return gazetteer;
}

/**
 * The compact gazetteer: GeoNames places (countries, first- and second-level regions, cities of
 * 1,000+ people or administrative seats) plus our hand-written regions and sites, indexed by
 * `nameKey`. Built by `npm run build:gazetteer` into `model/gazetteer.json`; loaded once per
 * process. Stored gzipped (3.8 MB instead of 11.5): git keeps it small and gunzip costs little next
 * to JSON.parse.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
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

const NONE: readonly number[] = [];

/** Own keys only: a name like `constructor` must not find Object's prototype. */
function candidates(index: Record<string, number | number[]>, key: string): readonly number[] {
  if (!Object.hasOwn(index, key)) return NONE;
  const value = index[key] as number | number[];
  return typeof value === "number" ? [value] : value;
}

/** A place a user adds from a lexicon file, with the names and demonyms that denote it. */
export interface ExtraPlace {
  entry: GazetteerEntry;
  names: readonly string[];
  demonyms: readonly string[];
}

export class Gazetteer {
  readonly entries: readonly GazetteerEntry[];
  /** The file's own objects, used as they were parsed: building maps of 120k keys costs more than it saves. */
  private readonly names: Record<string, number | number[]>;
  private readonly demonymIndex: Record<string, number>;
  private readonly exactNames: Record<string, number | number[]>;
  private readonly admin1Names: Record<string, string>;
  /** admin1 code → index of its ADM1 entry. */
  private readonly admin1Entries = new Map<string, number>();
  /** country code → index of its PCLI entry. */
  private readonly countryEntries = new Map<string, number>();
  /** First words of all names: a capitalised word that starts none is skipped at once. */
  private readonly firstWords: ReadonlySet<string>;

  /** Names of places a user added (`--lexicon my.places.tsv`), looked up before the file's. */
  private readonly extraNames = new Map<string, number[]>();
  private readonly extraDemonyms = new Map<string, number>();

  constructor(file: GazetteerFile, extra: readonly ExtraPlace[] = []) {
    if (file.format !== 1) throw new Error(`gazetteer format ${String(file.format)} is not 1`);
    const entries: GazetteerEntry[] = file.entries.map((row) => ({
      geonameId: row[0] === 0 ? null : row[0],
      name: row[1],
      countryCode: row[2] === "" ? null : row[2],
      admin1: row[3] === "" ? null : row[3],
      lat: row[4],
      lon: row[5],
      population: row[6],
      feature: row[7],
    }));
    this.names = file.names;
    for (const place of extra) {
      const index = entries.length;
      entries.push(place.entry);
      for (const name of place.names) {
        const key = nameKey(name);
        this.extraNames.set(key, [...(this.extraNames.get(key) ?? []), index]);
      }
      for (const demonym of place.demonyms) this.extraDemonyms.set(nameKey(demonym), index);
    }
    this.entries = entries;
    this.demonymIndex = file.demonyms;
    this.exactNames = file.exact;
    this.admin1Names = file.admin1Names;
    const firstWords = new Set<string>();
    for (const key in this.names) {
      const space = key.indexOf(" ");
      firstWords.add(space < 0 ? key : key.slice(0, space));
    }
    for (const key in this.exactNames) firstWords.add(nameKey(key).split(" ")[0] ?? "");
    for (const key of this.extraNames.keys()) firstWords.add(key.split(" ")[0] ?? "");
    this.firstWords = firstWords;
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
    const exact = this.lookupExact(name);
    return exact.length > 0 ? exact : this.lookupKey(nameKey(name));
  }

  /** Whether some name starts with this word (any case, as `nameKey` gives it). */
  startsName(word: string): boolean {
    return this.firstWords.has(nameKey(word));
  }

  /** Candidates of an abbreviation or acronym written exactly so (`N.J.`, `US`). */
  lookupExact(surface: string): readonly number[] {
    return candidates(this.exactNames, surface);
  }

  lookupKey(key: string): readonly number[] {
    const extra = this.extraNames.get(key);
    return extra ? [...extra, ...candidates(this.names, key)] : candidates(this.names, key);
  }

  /** The place a demonym adjective belongs to (`Russian` → Russia), or undefined. */
  demonym(word: string): number | undefined {
    const key = nameKey(word);
    const extra = this.extraDemonyms.get(key);
    if (extra !== undefined) return extra;
    return Object.hasOwn(this.demonymIndex, key) ? this.demonymIndex[key] : undefined;
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

export const DEFAULT_GAZETTEER_PATH = new URL("./model/gazetteer.json.gz", import.meta.url);

let sharedFile: GazetteerFile | undefined;
let shared: Gazetteer | undefined;

function readGazetteerFile(path: URL | string): GazetteerFile {
  const bytes = readFileSync(path);
  const json = String(path).endsWith(".gz")
    ? gunzipSync(bytes).toString("utf8")
    : bytes.toString("utf8");
  return JSON.parse(json) as GazetteerFile;
}

/**
 * The committed gazetteer, parsed once per process and shared by every pipeline built in it;
 * with `extra` places (a user's lexicon), a gazetteer of its own over the same parsed file.
 */
export function loadGazetteer(
  path: URL | string = DEFAULT_GAZETTEER_PATH,
  extra: readonly ExtraPlace[] = [],
): Gazetteer {
  if (path !== DEFAULT_GAZETTEER_PATH) return new Gazetteer(readGazetteerFile(path), extra);
  sharedFile ??= readGazetteerFile(path);
  if (extra.length > 0) return new Gazetteer(sharedFile, extra);
  shared ??= new Gazetteer(sharedFile);
  return shared;
}

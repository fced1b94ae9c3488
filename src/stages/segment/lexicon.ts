import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** How an abbreviation behaves before the next word; see lexicon/abbreviations.json. */
export type AbbreviationClass = "title" | "number" | "modifier" | "final" | "inner";

export interface SegmentLexicon {
  /** Abbreviation as usually written, without its final period (`U.S`, `Gen`, `a.m`). */
  readonly abbreviations: ReadonlyMap<string, AbbreviationClass>;
  /** Lowercase words that start sentences and rarely continue a name (`the`, `he`). */
  readonly starters: ReadonlySet<string>;
  /** Words written in lowercase inside sentences (`doctors`); derived, see derive-common-words.ts. */
  readonly commonWords: ReadonlySet<string>;
}

interface AbbreviationFile {
  title?: string[];
  number?: string[];
  modifier?: string[];
  final?: string[];
  inner?: string[];
}

const CLASSES: readonly AbbreviationClass[] = ["title", "number", "modifier", "final", "inner"];

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, "utf8"));
}

/**
 * Read the bundled lexicons, then any extra abbreviation files (same shape as
 * lexicon/abbreviations.json). Called once per stage factory, never per document.
 */
export function loadSegmentLexicon(extraAbbreviationFiles: readonly string[] = []): SegmentLexicon {
  const abbreviations = new Map<string, AbbreviationClass>();
  const files = [
    new URL("./lexicon/abbreviations.json", import.meta.url),
    ...extraAbbreviationFiles.map((path) => pathToFileURL(resolve(path))),
  ];
  for (const file of files) {
    const data = readJson(file) as AbbreviationFile;
    for (const cls of CLASSES) {
      for (const word of data[cls] ?? []) abbreviations.set(word, cls);
    }
  }
  const starterFile = readJson(new URL("./lexicon/sentence-starters.json", import.meta.url)) as {
    words: string[];
  };
  const common = readJson(new URL("./lexicon/common-words.json", import.meta.url)) as {
    words: string[];
  };
  return {
    abbreviations,
    starters: new Set(starterFile.words.map((w) => w.toLowerCase())),
    commonWords: new Set(common.words),
  };
}

/**
 * How the abbreviation `word` (without its final period) behaves, if it is one. Entries
 * match as written and in capitals (`GEN.`, `A.M.`); lowercase ones also capitalised
 * (`Ext.`). So `Sun.` and `Mass.` are abbreviations but the `sun.` and `mass.` that end
 * sentences are not.
 */
export function abbreviationClass(
  lexicon: SegmentLexicon,
  word: string,
): AbbreviationClass | undefined {
  const exact = lexicon.abbreviations.get(word);
  if (exact !== undefined || word.length < 2) return exact;
  const lower = word.toLowerCase();
  const rest = word.slice(1);
  if (rest === lower.slice(1)) return lexicon.abbreviations.get(lower);
  if (word !== word.toUpperCase()) return undefined;
  return (
    lexicon.abbreviations.get(lower) ??
    lexicon.abbreviations.get((word[0] as string) + lower.slice(1))
  );
}

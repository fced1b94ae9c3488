import type { SpeechLexicon } from "./lexicon.ts";
import type { Words } from "./words.ts";
import { isCapitalised } from "./words.ts";

/** Words that end a speaker phrase when walking away from its cue. */
const BOUNDARY = new Set([
  "to",
  "be",
  "been",
  "being",
  "is",
  "was",
  "were",
  "are",
  "am",
  "saw",
  "let",
  "do",
  "did",
  "that",
  "and",
  "but",
  "or",
  "because",
  "as",
  "while",
  "when",
  "if",
  "which",
  "whom",
  "whose",
  "where",
  "so",
  "than",
  "though",
  "although",
  "after",
  "before",
  "since",
  "until",
  "whether",
  "what",
  "how",
  "why",
  "this",
  "these",
  "those",
  "there",
  "here",
  "not",
]);

/** Words that open an adverbial, not a source (PolNeAR: under 0.1 % of its 18,360 sources). */
export const NOT_SOURCE_START = new Set([
  "on",
  "in",
  "during",
  "since",
  "from",
  "for",
  "with",
  "after",
  "before",
  "while",
  "when",
  "of",
  "to",
  "near",
  "across",
  "into",
  "through",
  "under",
  "against",
  "between",
  "without",
  "around",
  "toward",
  "towards",
  "behind",
  "beyond",
  "despite",
  "via",
  "upon",
  "onto",
  "amid",
]);

/** Words that are prepositions before a determiner (`outside the ministry`), else not. */
export const PLACE_PREPOSITIONS = new Set(["outside", "inside"]);

/** Time words: a source made of these alone (`past week`, `Friday`) is a date, not a speaker. */
export const TIME_WORDS = new Set(
  "week weeks month months year years day days monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening night last past this earlier later next".split(
    " ",
  ),
);

/** Token range `[first, last]` of a speaker phrase, inclusive. */
export interface TokenRange {
  first: number;
  last: number;
}

/** A cue; `weak` when its word has other senses and nothing after it settles it. */
export interface CueRange extends TokenRange {
  weak?: boolean;
}

const BE = new Set(["is", "are", "was", "were", "been", "be", "being", "get", "got"]);

const AUXILIARIES = new Set([
  "is",
  "are",
  "was",
  "were",
  "am",
  "been",
  "be",
  "isn't",
  "isn’t",
  "aren't",
  "aren’t",
  "wasn't",
  "wasn’t",
  "not",
  "also",
  "now",
  "still",
]);

/** Longest speaker phrase we accept; longer runs are clauses, not names. */
const MAX_SPEAKER_TOKENS = 10;

function isPhraseToken(words: Words, i: number, lex: SpeechLexicon): boolean {
  const token = words.tokens[i];
  if (!token) return false;
  const word = words.lower[i] as string;
  if (token.kind === "word" || token.kind === "number") {
    return !BOUNDARY.has(word) && !lex.cues.has(word) && !lex.adverbs.has(word);
  }
  // Inner punctuation of names: Task & Purpose, Lt.-Gen., al-Shabaab's.
  return word === "&" || word === "-" || word === "'s" || word === "’s" || word === ".";
}

/**
 * The speaker phrase that ends just before `cue` (exclusive), within the cue's sentence:
 * `U.S. officials [also] said`. Adverbs and auxiliaries between the phrase and the cue are
 * skipped. A parenthetical set off by commas (`Kerry, speaking in Paris, said`) is jumped.
 */
export function speakerBefore(words: Words, cue: number, lex: SpeechLexicon): TokenRange | null {
  const sentence = words.sentence[cue];
  let j = cue - 1;
  while (j >= 0 && words.sentence[j] === sentence && isAdverb(words.lower[j] as string, lex)) j--;
  // A time between speaker and cue is no part of the speaker: `Priebus, the GOP chairman,
  // this past week announced`.
  while (j >= 0 && words.sentence[j] === sentence && TIME_WORDS.has(words.lower[j] as string)) j--;
  // A pronoun right before the cue is the whole speaker: `the $18 million he says`.
  if (j >= 0 && lex.pronouns.has(words.lower[j] as string)) return { first: j, last: j };
  if (j >= 0 && words.lower[j] === "," && words.sentence[j] === sentence) {
    // Jump an aside between commas, if an earlier comma of the same sentence opens it.
    let k = j - 1;
    while (k >= 0 && words.sentence[k] === sentence && words.lower[k] !== ",") k--;
    if (k > 0 && words.sentence[k] === sentence && j - k <= 12) j = k - 1;
    else return null;
  }
  return collectLeft(words, j, sentence, lex);
}

function collectLeft(
  words: Words,
  from: number,
  sentence: number | undefined,
  lex: SpeechLexicon,
): TokenRange | null {
  let first = from + 1;
  for (let k = from; k >= 0 && words.sentence[k] === sentence; k--) {
    if (!isPhraseToken(words, k, lex)) break;
    first = k;
    if (from - k + 1 > MAX_SPEAKER_TOKENS) return null;
  }
  if (first > from) return null;
  // A phrase must hold a name or a noun; a lone determiner or number is not a speaker.
  while (first <= from && !/\p{L}/u.test(words.lower[first] as string)) first++;
  if (first > from) return null;
  return { first, last: from };
}

function isAdverb(word: string, lex: SpeechLexicon): boolean {
  return lex.adverbs.has(word) || (word.length > 4 && word.endsWith("ly"));
}

/** The speaker phrase after an inverted cue: `…," said Mark Esper, the secretary.` */
export function speakerAfter(words: Words, cue: number, lex: SpeechLexicon): TokenRange | null {
  const sentence = words.sentence[cue];
  let j = cue + 1;
  while (j < words.tokens.length && lex.adverbs.has(words.lower[j] as string)) j++;
  const first = j;
  while (
    j < words.tokens.length &&
    words.sentence[j] === sentence &&
    isPhraseToken(words, j, lex) &&
    j - first < MAX_SPEAKER_TOKENS
  ) {
    j++;
  }
  if (j === first) return null;
  // Stop the phrase at its last capitalised word or pronoun: `said Smith on Tuesday`.
  let last = j - 1;
  while (
    last > first &&
    !isCapitalised(words, last) &&
    !lex.pronouns.has(words.lower[last] as string)
  ) {
    last--;
  }
  if (!isCapitalised(words, first) && !lex.pronouns.has(words.lower[first] as string)) {
    const det = words.lower[first];
    if (det !== "the" && det !== "a" && det !== "an" && det !== "another") return null;
    last = j - 1;
  }
  return { first, last };
}

/** The cue at token `i`, as a range (multi-token phrases included), or null. */
export function cueAt(words: Words, i: number, lex: SpeechLexicon): CueRange | null {
  const word = words.lower[i] as string;
  const phrases = lex.phrases.get(word);
  if (phrases) {
    for (const phrase of phrases) {
      if (phrase.every((part, k) => words.lower[i + k] === part)) {
        return { first: i, last: i + phrase.length - 1 };
      }
    }
  }
  const lemma = lex.cues.get(word);
  if (lemma === undefined) return null;
  // A capitalised cue is a name or a headline word (`State`, `Reports`), not speech.
  if (isCapitalised(words, i)) return null;
  // After a determiner or a possessive the word is a noun: `his tweet`, `Friday's tweets`.
  const previous = words.lower[i - 1] ?? "";
  if (lex.determiners.has(previous) || /['’]s$/.test(previous)) return null;
  // A participle hangs on the clause before it (`…, saying that`), unless it is a
  // progressive (`Clinton is stressing that`).
  if (word.endsWith("ing") && previous !== "," && !AUXILIARIES.has(previous)) return null;
  const next = words.lower[i + 1] ?? "";
  // A passive participle is no speech act of its subject: `a curfew was announced`,
  // `people accused of murder`; nor a noun after a compound modifier (`late-night tweets`).
  if (word.endsWith("ed") && (BE.has(previous) || next === "of" || next === "by")) return null;
  if (previous.includes("-") && previous.length > 2) return null;
  const weak = lex.weakCues.has(lemma) && next !== "that" && next !== ":" && next !== "to";
  return weak ? { first: i, last: i, weak } : { first: i, last: i };
}

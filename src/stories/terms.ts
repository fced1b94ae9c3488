import { tokenize } from "../stages/segment/tokenize.ts";

/**
 * Words that say nothing about which story an article belongs to. Kept short on purpose:
 * inverse document frequency already discounts common words; this list only removes the
 * function words that would otherwise dominate short texts such as headlines.
 */
const STOPWORDS = new Set(
  (
    "a an the and or but of in on at to for from by with as is are was were be been being " +
    "it its this that these those he she they we you i his her their our your my not no " +
    "will would can could may might should has have had do does did new says said say " +
    "after before over into about up out than then so if what who how why when where which " +
    "s 's t more most just also all any some one two first last get gets us vs via amid"
  ).split(" "),
);

/** Light stemming so `taper`/`tapering`, `rate`/`rates` meet; not a full stemmer. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith("es") && /(ss|sh|ch|x)es$/.test(word))
    return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  if (word.length > 5 && word.endsWith("ed")) return word.slice(0, -2);
  return word;
}

/** The content terms of a text, lowercased and stemmed, with their counts. */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) {
    if (token.kind !== "word" && token.kind !== "number") continue;
    const word = text.slice(token.start, token.end).toLowerCase().replace(/['’]/g, "");
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    const term = stem(word);
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/**
 * Which of a story's texts (its earliest headlines, say) is the most typical of them: the
 * one whose terms the others share most, per term, so that a story whose first article is
 * a stray that folded in is not named after it. Ties go to the earlier text; -1 for none.
 */
export function mostTypical(texts: readonly string[]): number {
  const terms = texts.map((text) => [...termCounts(text).keys()]);
  const shared = new Map<string, number>();
  for (const list of terms) for (const term of list) shared.set(term, (shared.get(term) ?? 0) + 1);
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const [i, list] of terms.entries()) {
    let score = 0;
    for (const term of list) score += (shared.get(term) ?? 1) - 1;
    // One more than its terms: a long headline does not win on length alone.
    score /= list.length + 1;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

import { startCase, tokenText } from "../boundary.ts";
import type { SentenceRule } from "./rule.ts";

// A line ending in one of these continues on the next line: a sentence broken by markup
// (`said the<br>Pentagon`) rather than a headline, which does not end on such a word.
const CONTINUES = new Set([
  ",",
  ";",
  "-",
  "–",
  "—",
  "(",
  "[",
  "&",
  "/",
  "+",
  "the",
  "a",
  "an",
  "of",
  "to",
  "in",
  "on",
  "at",
  "by",
  "for",
  "with",
  "from",
  "and",
  "or",
  "but",
  "that",
  "which",
  "who",
  "than",
  "his",
  "her",
  "their",
  "its",
]);

/**
 * A single line break ends a sentence in text laid out one paragraph per line (a headline
 * without final punctuation, a date line, a byline), unless the text is hard-wrapped, the
 * line ends in a comma, an article, a preposition or the like, or the next line starts in
 * lowercase.
 */
export const lineBreak: SentenceRule = {
  name: "line-break",
  decide(b) {
    if (b.gap !== "line") return b.kind === "line" ? false : undefined;
    if (b.wrapped) return b.kind === "line" ? false : undefined;
    if (startCase(b, b.next) === "lower") return b.kind === "line" ? false : undefined;
    if (b.kind === "line" && CONTINUES.has(tokenText(b, b.last))) return false;
    return true;
  },
};

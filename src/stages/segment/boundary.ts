import type { Token } from "../../core/annotations.ts";
import type { SegmentLexicon } from "./lexicon.ts";

/** Whitespace between the would-be sentence end and the next token. */
export type Gap = "none" | "space" | "line" | "paragraph";

/**
 * A place where a sentence may end, as the rules see it: after a terminal mark (`.`, `!`,
 * `?`, `…`, an abbreviation such as `U.S.`) and any closing quotes or brackets, or at a line
 * break. The splitter fills one object and reuses it, so rules must not keep it.
 */
export interface Boundary {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly lexicon: SegmentLexicon;
  /** `mark`: a terminal mark ends the line of tokens; `line`: a line break with none. */
  kind: "mark" | "line";
  /** `.`, `!`, `?` or `…` (also for `...`); empty for `line`. */
  mark: string;
  /** Index of the token carrying the mark (for `line`, the last token of the line). */
  markToken: number;
  /** Index of the last token of the would-be sentence (closing quotes included). */
  last: number;
  /** Index of the next token; `tokens.length` at the end of the text. */
  next: number;
  gap: Gap;
  /** Whether a closing quote follows the mark (`…," he said` does not reach here). */
  closedQuote: boolean;
  /** Offset where the current paragraph starts, or the line, when a line break ended a sentence. */
  paragraphStart: number;
  /** Whether the text is hard-wrapped: single line breaks are then just spaces. */
  wrapped: boolean;
}

export function tokenText(b: Boundary, index: number): string {
  const token = b.tokens[index];
  return token ? b.text.slice(token.start, token.end) : "";
}

/**
 * The word the period belongs to, without the period, when the mark is one: `U.S.` → `U.S`,
 * `Gen` `.` → `Gen`. Null when the mark is not a period after a word.
 */
export function wordBeforePeriod(b: Boundary): string | null {
  if (b.mark !== ".") return null;
  const token = b.tokens[b.markToken];
  if (!token) return null;
  if (token.kind === "word") return b.text.slice(token.start, token.end - 1);
  const previous = b.tokens[b.markToken - 1];
  if (!previous || previous.end !== token.start) return null;
  if (previous.kind !== "word" && previous.kind !== "number") return null;
  return b.text.slice(previous.start, previous.end);
}

const OPENERS = new Set(['"', "“", "‘", "'", "(", "[", "«", "{"]);

/** The next token, or the one after an opening quote or bracket (`"We` → `We`). */
export function nextWordIndex(b: Boundary): number {
  const first = tokenText(b, b.next);
  if (OPENERS.has(first)) return b.next + 1;
  return b.next;
}

export function isOpener(text: string): boolean {
  return OPENERS.has(text);
}

/** Letter case of the first character of a token: lowercase, uppercase, or neither. */
export function startCase(b: Boundary, index: number): "lower" | "upper" | "none" {
  const token = b.tokens[index];
  if (token?.kind !== "word") return "none";
  const c = b.text.charCodeAt(token.start);
  if (c >= 97 && c <= 122) return "lower";
  if (c >= 65 && c <= 90) return "upper";
  const ch = b.text[token.start] as string;
  if (ch !== ch.toUpperCase()) return "lower";
  if (ch !== ch.toLowerCase()) return "upper";
  return "none";
}

/** Whether the token at `index` is a word that usually starts a sentence (`The`, `He`). */
export function isStarter(b: Boundary, index: number): boolean {
  if (startCase(b, index) !== "upper") return false;
  return b.lexicon.starters.has(tokenText(b, index).toLowerCase());
}

/**
 * Whether the token at `index` is capitalised only because it starts a sentence: a starter,
 * or a word news otherwise writes in lowercase (`Doctors`, `Unfortunately`).
 */
export function isCapitalisedCommonWord(b: Boundary, index: number): boolean {
  if (startCase(b, index) !== "upper") return false;
  const word = tokenText(b, index);
  const key = word.toLowerCase();
  if (b.lexicon.starters.has(key)) return true;
  return word.slice(1) === key.slice(1) && b.lexicon.commonWords.has(key);
}

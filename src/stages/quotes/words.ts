import type { Token } from "../../core/annotations.ts";
import type { Span } from "../../core/span.ts";

/** The document's tokens with what the speech rules ask of each, computed once per document. */
export interface Words {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Lowercased token text. */
  readonly lower: readonly string[];
  /** Index into `sentences` of each token. */
  readonly sentence: readonly number[];
  readonly sentences: readonly Span[];
}

export function wordsOf(text: string, tokens: readonly Token[], sentences: readonly Span[]): Words {
  const lower: string[] = new Array(tokens.length);
  const sentence: number[] = new Array(tokens.length);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    lower[i] = text.slice(token.start, token.end).toLowerCase();
    while (s < sentences.length - 1 && token.start >= (sentences[s] as Span).end) s++;
    sentence[i] = s;
  }
  return { text, tokens, lower, sentence, sentences };
}

/** First token starting at or after `offset`. */
export function tokenAtOrAfter(words: Words, offset: number): number {
  let lo = 0;
  let hi = words.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words.tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Last token ending at or before `offset`, or -1. */
export function tokenBefore(words: Words, offset: number): number {
  return tokenAtOrAfter(words, offset) - 1;
}

export function isCapitalised(words: Words, i: number): boolean {
  const token = words.tokens[i];
  if (!token) return false;
  const c = words.text[token.start] as string;
  return c !== c.toLowerCase();
}

/** Whether a paragraph break lies between offsets `a` and `b`. */
export function paragraphBreakBetween(text: string, a: number, b: number): boolean {
  const i = text.indexOf("\n\n", a);
  return i !== -1 && i < b;
}

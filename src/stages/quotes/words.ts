import type { Entity, EntityType, Token } from "../../core/annotations.ts";
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
  /**
   * Per token, the entities stage's mention it stands in: 0 none, else the type's number
   * in `ENTITY_TYPES` plus 1, plus 16 for a token after the mention's first.
   */
  readonly entity: Uint8Array;
}

/** Entity types as the tagger numbers them (features.ts). */
export const ENTITY_TYPES: readonly EntityType[] = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"];

export function wordsOf(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Span[],
  entities: readonly Entity[] = [],
): Words {
  const lower: string[] = new Array(tokens.length);
  const sentence: number[] = new Array(tokens.length);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    lower[i] = text.slice(token.start, token.end).toLowerCase();
    while (s < sentences.length - 1 && token.start >= (sentences[s] as Span).end) s++;
    sentence[i] = s;
  }
  const words = { text, tokens, lower, sentence, sentences, entity: new Uint8Array(tokens.length) };
  for (const e of entities) {
    const type = ENTITY_TYPES.indexOf(e.type) + 1;
    for (let k = tokenAtOrAfter(words, e.start); k < tokens.length; k++) {
      const t = tokens[k] as Token;
      if (t.start >= e.end) break;
      words.entity[k] = type + (t.start > e.start ? 16 : 0);
    }
  }
  return words;
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

/**
 * Reading tokens as names: their text, the lowercase key lexicons are keyed by, and the
 * gazetteer categories the model's feature lexicon gives a phrase. Shared by the recognise
 * steps (recognise.ts, name-boundaries.ts, story-context.ts).
 */
import type { Token } from "../../core/annotations.ts";
import { hashLowerSlice, seqHash } from "./hash.ts";
import type { NerModel } from "./model.ts";

/** The text of token `i`; "" past either end, so a rule may look beyond a mention safely. */
export function tokenText(text: string, tokens: readonly Token[], i: number): string {
  const t = tokens[i];
  return t ? text.slice(t.start, t.end) : "";
}

/** Lowercase key of tokens `[from, to)`, as `phraseKey` builds it. */
export function tokensKey(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) parts.push(tokenText(text, tokens, i).toLowerCase());
  return parts.join(" ");
}

/** Gazetteer categories (PHRASE bitmask) of tokens `[from, to)`, 0 when none. */
export function phraseCategory(
  model: NerModel,
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
): number {
  let h = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    h = seqHash(h, hashLowerSlice(text, t.start, t.end));
  }
  return model.lex.phrases.get(h >>> 0) ?? 0;
}

export function isCapitalised(s: string): boolean {
  return capitalAt(s, 0);
}

/**
 * Whether the character at `at` is a capital, read in place: the ASCII case (the common one)
 * makes no string; past the end the code is NaN, no capital.
 */
export function capitalAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  const c = text.charAt(at);
  return c !== c.toLowerCase();
}

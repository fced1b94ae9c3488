/**
 * A sentence seen as tokens, with the lookups the rules need: lowercased words, which
 * entity, place or date covers a token, and chunking of noun phrases to the left and right
 * of a position. There is no parser: phrases end at punctuation, prepositions, clause words
 * and verbs, which is what news sentences about events mostly need.
 */
import type { Token } from "../../core/annotations.ts";
import type { Document } from "../../core/document.ts";
import {
  BE,
  CLAUSE_VERBS,
  DETERMINERS,
  DO,
  FUTURE,
  HAVE,
  MODALS,
  NEGATORS,
  PREPOSITIONS,
  SUBORDINATORS,
} from "./words.ts";

/** Per-document token lookups, built once per document. */
export interface DocIndex {
  doc: Document;
  text: string;
  tokens: Token[];
  low: string[];
  /** Token index → entity index, or -1. */
  entity: Int32Array;
  place: Int32Array;
  date: Int32Array;
  /** Token index → index of the sentence it is in. */
  sentence: Int32Array;
}

function mark(target: Int32Array, tokens: Token[], spans: { start: number; end: number }[]): void {
  // Longer spans first, so a token inside nested mentions gets the outer one.
  const order = spans
    .map((_, i) => i)
    .sort((a, b) => {
      const sa = spans[a] as { start: number; end: number };
      const sb = spans[b] as { start: number; end: number };
      return sb.end - sb.start - (sa.end - sa.start);
    });
  for (const k of order) {
    const span = spans[k] as { start: number; end: number };
    let i = firstTokenAt(tokens, span.start);
    for (; i < tokens.length && (tokens[i] as Token).start < span.end; i++) {
      if (target[i] === -1) target[i] = k;
    }
  }
}

/** Index of the first token ending after `offset`. */
export function firstTokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function indexDocument(doc: Document): DocIndex {
  const text = doc.text;
  const tokens = doc.tokens;
  const low = tokens.map((t) => text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'"));
  const n = tokens.length;
  const entity = new Int32Array(n).fill(-1);
  const place = new Int32Array(n).fill(-1);
  const date = new Int32Array(n).fill(-1);
  const sentence = new Int32Array(n).fill(-1);
  mark(entity, tokens, doc.entities);
  mark(place, tokens, doc.places);
  mark(date, tokens, doc.dates);
  mark(sentence, tokens, doc.sentences);
  return { doc, text, tokens, low, entity, place, date, sentence };
}

/** Token range `[from, to)` of one sentence. */
export interface SentenceView {
  ix: DocIndex;
  index: number;
  from: number;
  to: number;
}

export function sentenceView(ix: DocIndex, index: number): SentenceView {
  const s = ix.doc.sentences[index] as { start: number; end: number };
  const from = firstTokenAt(ix.tokens, s.start);
  let to = from;
  while (to < ix.tokens.length && (ix.tokens[to] as Token).start < s.end) to++;
  return { ix, index, from, to };
}

export type Range = [number, number];

export function isPunct(ix: DocIndex, i: number): boolean {
  const k = ix.tokens[i]?.kind;
  return k === "punct" || k === "symbol";
}

export function isCapitalized(ix: DocIndex, i: number): boolean {
  const t = ix.tokens[i];
  if (!t) return false;
  const c = ix.text.charCodeAt(t.start);
  return c >= 65 && c <= 90;
}

export function isAux(w: string): boolean {
  return BE.has(w) || HAVE.has(w) || DO.has(w) || FUTURE.has(w) || MODALS.has(w);
}

/** Words a noun phrase never contains. */
function stopsPhrase(ix: DocIndex, i: number, verbLike: (i: number) => boolean): boolean {
  const w = ix.low[i] as string;
  if (isPunct(ix, i))
    return w !== "&" && w !== "-" && w !== "'" && w !== "$" && w !== "€" && w !== "£" && w !== "%";
  if (SUBORDINATORS.has(w) || isAux(w) || (NEGATORS.has(w) && w !== "no")) return true;
  if (CLAUSE_VERBS.has(w) && ix.entity[i] === -1) return true;
  if (w === "to") return true;
  // `of interfering`: a gerund clause, not part of the phrase.
  if (w === "of" && (ix.low[i + 1] ?? "").endsWith("ing") && ix.entity[i + 1] === -1) return true;
  return verbLike(i);
}

/**
 * Whether the comma at `i` separates two countries of an enumeration: a country right before
 * it and a different country right after. `Baghdad, Iraq` (a city, then its country) is not
 * one, nor is `Khartoum, Sudan`.
 */
function listedCountries(ix: DocIndex, i: number): boolean {
  const before = ix.entity[i - 1] as number;
  const after = ix.entity[i + 1] as number;
  if (before < 0 || after < 0) return false;
  const a = ix.doc.entities[before];
  const b = ix.doc.entities[after];
  if (a?.type !== "GPE" || b?.type !== "GPE") return false;
  const ca = a.actor?.country ?? null;
  const cb = b.actor?.country ?? null;
  return ca !== null && cb !== null && ca !== cb && ix.tokens[i + 1]?.start === b.start;
}

/**
 * The noun phrase starting at `i`, going right: determiners, modifiers, names, `of` and
 * coordinated nouns, up to a preposition, punctuation, a clause word or a verb.
 */
export function phraseRight(
  ix: DocIndex,
  i: number,
  limit: number,
  verbLike: (i: number) => boolean,
  maxLength = 10,
): Range | null {
  const start = i;
  let end = i;
  while (end < limit && end - start < maxLength) {
    const w = ix.low[end] as string;
    // An enumeration of countries goes on over its commas (`to Iran, Libya, North Korea`).
    if (w === "," && end > start && listedCountries(ix, end)) {
      end++;
      continue;
    }
    // The first word opens the phrase whatever it looks like (`proposed Israeli changes`).
    if (stopsPhrase(ix, end, verbLike) && !(end === start && (DETERMINERS.has(w) || verbLike(end))))
      break;
    // A date ends a phrase (`Uganda last week`), unless it is part of a name.
    if (end > start && (ix.date[end] as number) >= 0 && ix.entity[end] === -1) break;
    // Quantities keep their words: `more than 100`, `at least 8`, `up to 16`.
    const quantityWord =
      (w === "than" && /^(more|less|fewer)$/.test(ix.low[end - 1] ?? "")) ||
      (w === "at" && /^(least|most)$/.test(ix.low[end + 1] ?? "")) ||
      (w === "to" && ix.low[end - 1] === "up" && end - 1 === start) ||
      (w === "up" && end === start && ix.low[end + 1] === "to");
    if (quantityWord) {
      end++;
      continue;
    }
    if (PREPOSITIONS.has(w) && w !== "of") break;
    if (w === "of" && end === start) break;
    if (
      (w === "and" || w === "or") &&
      (end + 1 >= limit ||
        stopsPhrase(ix, end + 1, verbLike) ||
        DETERMINERS.has(ix.low[end + 1] as string))
    )
      break;
    end++;
  }
  // A phrase does not end in a conjunction or `of`.
  while (end > start && /^(and|or|of|&)$/.test(ix.low[end - 1] as string)) end--;
  return end > start ? [start, end] : null;
}

/**
 * The noun phrase ending at `i` (inclusive), going left, as far as `floor`. Keeps `of`,
 * `in`, `from` phrases (`officials in Baghdad`) but stops at other prepositions.
 */
export function phraseLeft(
  ix: DocIndex,
  i: number,
  floor: number,
  verbLike: (i: number) => boolean,
  maxLength = 12,
): Range | null {
  // A parenthesis right before the verb belongs to the phrase (`Hizbollah (Party of God) group`).
  let end = i + 1;
  let start = end;
  while (start - 1 >= floor && end - (start - 1) <= maxLength + 6) {
    const j = start - 1;
    const w = ix.low[j] as string;
    if (w === ")") {
      let k = j - 1;
      while (k >= floor && ix.low[k] !== "(" && j - k < 8) k--;
      if (k >= floor && ix.low[k] === "(") {
        if (end === j + 1) end = k;
        start = k;
        continue;
      }
    }
    if (stopsPhrase(ix, j, verbLike)) break;
    if (PREPOSITIONS.has(w) && w !== "of" && w !== "in" && w !== "from") break;
    // `said on Tuesday their forces`: a date ends the phrase.
    if ((ix.date[j] as number) >= 0 && ix.entity[j] === -1 && start < end) break;
    start = j;
  }
  // Trim what cannot open a phrase.
  while (start < end && /^(and|or|of|in|from|&)$/.test(ix.low[start] as string)) start++;
  return end > start ? [start, end] : null;
}

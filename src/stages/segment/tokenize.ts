import type { Token } from "../../core/annotations.ts";

// A hand-written scanner over a per-code-unit class table: every character of every article
// passes through here, and this runs several times faster than one big Unicode regex.
//
//  word:   an abbreviation written with inner periods keeps them, the final one included
//          (`U.S.`, `a.m.`, `D.C.`), so the sentence splitter sees one token to look up;
//          other words keep inner apostrophes, hyphens and ampersands (`Kata'ib`,
//          `Iranian-backed`, `AT&T`); clitics are split off (`Iran` `'s`, `do` `n't`), as
//          the Penn Treebank and the UD and GMB data the entity model trains on do.
//  number: digits with inner separators (`1,000`, `5.2`, `10:30`, `12/31/2019`) and an
//          ordinal or decade suffix (`3rd`, `1990s`); other letters start a word (`5` `km`).
//  punct:  an ellipsis (`...`) or a dash run (`--`) as one token, else one punctuation mark.
//  symbol: any other non-space code point (`$`, `+`, `©`, emoji).

const SPACE = 1;
const LETTER = 2;
const MARK = 3;
const DIGIT = 4;
const PUNCT = 5;
const OTHER = 6;
const SURROGATE = 7;

function classify(ch: string): number {
  if (/\s/u.test(ch)) return SPACE;
  if (/\p{L}/u.test(ch)) return LETTER;
  if (/\p{M}/u.test(ch)) return MARK;
  if (/\p{N}/u.test(ch)) return DIGIT;
  if (/\p{P}/u.test(ch)) return PUNCT;
  return OTHER;
}

/** The class of every UTF-16 code unit, built once when the module loads. */
const CLASS = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    table[c] = c >= 0xd800 && c <= 0xdfff ? SURROGATE : classify(String.fromCharCode(c));
  }
  return table;
})();

const PERIOD = 46;
const HYPHEN = 45;
const APOSTROPHE = 39;
const RIGHT_SINGLE_QUOTE = 0x2019;
const AMPERSAND = 38;
const COMMA = 44;
const COLON = 58;
const SLASH = 47;

/** Class of the code point at `i` and its length in code units (2 for a surrogate pair). */
function classAt(text: string, i: number, end: number): number {
  if (i >= end) return SPACE;
  const cls = CLASS[text.charCodeAt(i)] as number;
  if (cls !== SURROGATE) return cls;
  const cp = text.codePointAt(i) as number;
  return cp > 0xffff ? classify(String.fromCodePoint(cp)) : OTHER;
}

function width(text: string, i: number): number {
  return CLASS[text.charCodeAt(i)] === SURROGATE && (text.codePointAt(i) as number) > 0xffff
    ? 2
    : 1;
}

/** End of a run of letters, marks and digits starting at `i`. */
function wordRun(text: string, i: number, end: number): number {
  let j = i;
  for (;;) {
    const cls = classAt(text, j, end);
    if (cls !== LETTER && cls !== MARK && cls !== DIGIT) return j;
    j += width(text, j);
  }
}

function digitRun(text: string, i: number, end: number): number {
  let j = i;
  while (classAt(text, j, end) === DIGIT) j += width(text, j);
  return j;
}

/** `U.S.`, `a.m.`: single letters each followed by a period, at least two; else -1. */
function dottedEnd(text: string, i: number, end: number): number {
  let j = i;
  let pairs = 0;
  while (j + 1 < end && CLASS[text.charCodeAt(j)] === LETTER && text.charCodeAt(j + 1) === PERIOD) {
    pairs++;
    j += 2;
  }
  return pairs >= 2 ? j : -1;
}

function wordEnd(text: string, i: number, end: number): number {
  let j = wordRun(text, i + width(text, i), end);
  for (;;) {
    const c = text.charCodeAt(j);
    if (
      j + 1 < end &&
      (c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE || c === HYPHEN || c === AMPERSAND)
    ) {
      const next = classAt(text, j + 1, end);
      if (next === LETTER || next === DIGIT) {
        j = wordRun(text, j + 1, end);
        continue;
      }
    }
    return j;
  }
}

function numberEnd(text: string, i: number, end: number): number {
  let j = digitRun(text, i, end);
  for (;;) {
    const c = text.charCodeAt(j);
    if (
      j + 1 < end &&
      (c === PERIOD || c === COMMA || c === COLON || c === SLASH) &&
      classAt(text, j + 1, end) === DIGIT
    ) {
      j = digitRun(text, j + 1, end);
    } else break;
  }
  // Ordinal and decade suffixes, when no letter follows them.
  for (const suffix of SUFFIXES) {
    if (text.startsWith(suffix, j) && j + suffix.length <= end) {
      const after = classAt(text, j + suffix.length, end);
      if (after !== LETTER && after !== DIGIT && after !== MARK) return j + suffix.length;
    }
  }
  return j;
}

const SUFFIXES = ["st", "nd", "rd", "th", "s"];

// Clitics split off as their own tokens: `Iran's` → `Iran` `'s`, `don't` → `do` `n't`.
const CLITIC = /(?:n['’]t|['’](?:s|re|ve|ll|d|m))$/i;

function pushWord(tokens: Token[], text: string, s: number, e: number): void {
  const value = text.slice(s, e);
  if (value.includes("'") || value.includes("’")) {
    const clitic = CLITIC.exec(value);
    if (clitic !== null && clitic.index > 0) {
      tokens.push({ start: s, end: s + clitic.index, kind: "word" });
      tokens.push({ start: s + clitic.index, end: e, kind: "word" });
      return;
    }
  }
  tokens.push({ start: s, end: e, kind: "word" });
}

/**
 * Split `text[start, end)` into tokens with offsets into `text`. Every non-space character
 * of the range is in exactly one token, so spans built from token bounds cover the text.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const cls = classAt(text, i, end);
    if (cls === SPACE) {
      i++;
      continue;
    }
    if (cls === LETTER) {
      const dotted = dottedEnd(text, i, end);
      const e = dotted !== -1 ? dotted : wordEnd(text, i, end);
      if (dotted !== -1) tokens.push({ start: i, end: e, kind: "word" });
      else pushWord(tokens, text, i, e);
      i = e;
    } else if (cls === DIGIT) {
      const e = numberEnd(text, i, end);
      tokens.push({ start: i, end: e, kind: "number" });
      i = e;
    } else if (cls === PUNCT) {
      const c = text.charCodeAt(i);
      let e = i + 1;
      if (c === PERIOD || c === HYPHEN) while (e < end && text.charCodeAt(e) === c) e++;
      // A single hyphen stays one token; a run of periods or hyphens is one token.
      tokens.push({ start: i, end: e, kind: "punct" });
      i = e;
    } else {
      const e = i + width(text, i);
      tokens.push({ start: i, end: e, kind: "symbol" });
      i = e;
    }
  }
  return tokens;
}

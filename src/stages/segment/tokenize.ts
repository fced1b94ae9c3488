import type { Token } from "../../core/annotations.ts";

// One pass of one sticky-free global regex; the capture group that matched gives the kind,
// so no per-token regex test is needed (this runs over every character of every article).
//
//  1 word:   abbreviations written with inner periods keep them, final one included
//            (`U.S.`, `a.m.`, `D.C.`), so the sentence splitter sees one token to look up;
//            other words keep inner apostrophes, hyphens and ampersands (`Kata'ib`,
//            `Iranian-backed`, `AT&T`); clitics are split off below.
//  2 number: digits with inner separators (`1,000`, `5.2`, `10:30`, `12/31/2019`) and an
//            ordinal or decade suffix (`3rd`, `1990s`).
//  3 punct:  an ellipsis (`...`) or a dash run (`--`) as one token, else one punctuation mark.
//  4 symbol: any other non-space code point (`$`, `+`, `©`, emoji).
const TOKEN =
  /(\p{L}\.(?:\p{L}\.)+|\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*)|(\p{N}+(?:[.,:/]\p{N}+)*(?:st|nd|rd|th|s)?(?![\p{L}\p{N}]))|(\.{2,}|-{2,}|\p{P})|(\S)/gu;

// Clitics split off as their own tokens, as the Penn Treebank (and the UD and GMB data the
// entity model trains on) do: `Iran's` → `Iran` `'s`, `don't` → `do` `n't`.
const CLITIC = /(?:n['’]t|['’](?:s|re|ve|ll|d|m))$/i;

/**
 * Split `text[start, end)` into tokens with offsets into `text`. Every non-space character
 * of the range is in exactly one token, so spans built from token bounds cover the text.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = start;
  const slice = end === text.length ? text : text.slice(0, end);
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    const s = m.index;
    const value = m[0];
    const e = s + value.length;
    if (m[1] !== undefined) {
      const clitic = hasApostrophe(value) ? CLITIC.exec(value) : null;
      if (clitic !== null && clitic.index > 0) {
        tokens.push({ start: s, end: s + clitic.index, kind: "word" });
        tokens.push({ start: s + clitic.index, end: e, kind: "word" });
      } else tokens.push({ start: s, end: e, kind: "word" });
    } else if (m[2] !== undefined) tokens.push({ start: s, end: e, kind: "number" });
    else if (m[3] !== undefined) tokens.push({ start: s, end: e, kind: "punct" });
    else tokens.push({ start: s, end: e, kind: "symbol" });
  }
  return tokens;
}

function hasApostrophe(word: string): boolean {
  return word.includes("'") || word.includes("’");
}

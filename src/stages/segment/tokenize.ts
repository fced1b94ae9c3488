import type { Token } from "../../core/annotations.ts";

// Words keep inner apostrophes, hyphens, periods of abbreviations (U.S.) and ampersands
// between capitals (AT&T); numbers keep separators (1,000.5); anything else is one
// punctuation or symbol character.
const TOKEN =
  /(\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’\-&][\p{L}\p{N}]+)*|\p{N}+(?:[.,:/]\p{N}+)*|\p{P}|\S/gu;

/** Split `text[start, end)` into tokens with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = start;
  const slice = end === text.length ? text : text.slice(0, end);
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    const s = m.index;
    const e = s + m[0].length;
    const c = m[0].charCodeAt(0);
    const kind = /\p{L}/u.test(m[0][0] as string)
      ? "word"
      : c >= 48 && c <= 57
        ? "number"
        : /\p{P}/u.test(m[0])
          ? "punct"
          : "symbol";
    tokens.push({ start: s, end: e, kind });
  }
  return tokens;
}

/**
 * Titles before a name: `Defense Secretary Mark Esper`, `U.S. President Donald Trump`,
 * `Lt. Gen. X`, `Mr. Y`. The name's span excludes the title; the actor keeps it
 * (`actor.title`) with the sector it implies and, for `U.S. President`, the country.
 */
import type { Token } from "../../core/annotations.ts";
import { type Country, firstWord, type Lexicons } from "./lexicon.ts";
import type { Mention } from "./recognise.ts";

const MODIFIERS = new Set([
  "former",
  "acting",
  "interim",
  "deputy",
  "then",
  "then-",
  "outgoing",
  "incoming",
  "late",
  "top",
  "chief",
  "senior",
  "vice",
]);
/** Words between a country and its office (`Lebanon's new President`), only there. */
const AFTER_COUNTRY = new Set(["new", "visiting", "junior", "current", "elected", "newly-elected"]);
// An office word after any one capitalised word is a title: `Health Minister`, `Energy Secretary`.
const OFFICE_HEADS = new Set([
  "minister",
  "secretary",
  "ambassador",
  "governor",
  "spokesman",
  "spokeswoman",
  "chief",
  "commander",
  "envoy",
]);

export interface TitleMatch {
  /** Tokens the title takes, from the start of the words given. */
  length: number;
  /** Sector the title implies (GOV for `President`, MIL for `Gen.`), or null. */
  sector: string | null;
  /** Country the title names (`U.S. President`, `Iraqi Prime Minister`), if any. */
  country: Country | null;
}

/**
 * The title at the start of `words` (lowercase token texts) and how many tokens it takes;
 * length 0 when there is none. Stops before the last word, so a name is always left.
 */
export function matchTitle(words: readonly string[], lex: Lexicons, keepLast = 1): TitleMatch {
  let i = 0;
  let sector: string | null = null;
  let country: Country | null = null;
  let found = false;
  const limit = words.length - keepLast;
  while (i < limit) {
    const w = words[i] as string;
    if (MODIFIERS.has(w)) {
      i++;
      continue;
    }
    // Country or demonym, then a title: `U.S. President`, `Iraqi Prime Minister`.
    let place: Country | null = null;
    let placeLen = 0;
    const mayBePlace = lex.placeFirstWords.has(firstWord(w));
    for (let k = mayBePlace ? Math.min(4, limit - i) : 0; k >= 1; k--) {
      const key = words.slice(i, i + k).join(" ");
      const c = lex.countryByDemonym.get(key) ?? lex.countryByName.get(key);
      if (c) {
        place = c;
        placeLen = k;
        break;
      }
    }
    let at = i + placeLen;
    // `Lebanon's new President`, `Jordan's visiting King`, `Nigerian junior foreign minister`.
    if (place) {
      if (at < limit && (words[at] === "'s" || words[at] === "’s")) at++;
      while (
        at < limit &&
        (MODIFIERS.has(words[at] as string) || AFTER_COUNTRY.has(words[at] as string))
      )
        at++;
    }
    let len = 0;
    const mayBeTitle = at < limit && lex.titleFirstWords.has(firstWord(words[at] as string));
    for (let k = mayBeTitle ? Math.min(lex.maxTitleTokens, limit - at) : 0; k >= 1; k--) {
      const key = words.slice(at, at + k).join(" ");
      if (lex.titles.has(key)) {
        len = k;
        const s = lex.titles.get(key);
        if (s) sector = s;
        break;
      }
    }
    if (len === 0 && at + 1 < limit && OFFICE_HEADS.has(words[at + 1] as string)) {
      len = 2;
      sector = sector ?? "GOV";
    }
    if (len === 0) break;
    if (place) country = place;
    i = at + len;
    found = true;
  }
  // Trailing modifiers without a title are not a title.
  return found ? { length: i, sector, country } : { length: 0, sector: null, country: null };
}

/**
 * Move the title that opens a person's mention out of its name and into `m.title`
 * (`Justice Scalia` → `Scalia`, office `Justice`). For mentions that become persons after the
 * title step has run (an organisation-typed `Justice Scalia` in a story that names Antonin
 * Scalia). True when a title was taken; a name is always left.
 */
export function takeLeadingTitle(
  text: string,
  tokens: readonly Token[],
  m: Mention,
  lex: Lexicons,
): boolean {
  const words: string[] = [];
  for (let i = m.from; i < m.to; i++) {
    const t = tokens[i] as Token;
    words.push(text.slice(t.start, t.end).toLowerCase());
  }
  const match = matchTitle(words, lex);
  if (match.length === 0) return false;
  const titleEnd = m.from + match.length;
  m.title = titleOf(tokens, m.from, titleEnd, match);
  m.from = titleEnd;
  m.start = (tokens[titleEnd] as Token).start;
  return true;
}

/** A mention's title: tokens `[from, to)` and what the match says of them. */
export function titleOf(
  tokens: readonly Token[],
  from: number,
  to: number,
  match: TitleMatch,
): NonNullable<Mention["title"]> {
  return {
    start: (tokens[from] as Token).start,
    end: (tokens[to - 1] as Token).end,
    sector: match.sector,
    country: match.country,
  };
}

/**
 * Regex fragments built once from the lexicon, shared by the rules. Rules compile their
 * patterns from these in the stage factory, never per document.
 */
import { alternation, type CalendarLexicon } from "./lexicon.ts";

export interface Grammar {
  lex: CalendarLexicon;
  /** Any month form: `December`, `Dec`, `Sept`. A following period is the rule's business. */
  month: string;
  /** Full month names only, for months standing alone. */
  fullMonth: string;
  /** The same, capitalised, for case-sensitive patterns (months are capitalised in text). */
  monthCapitalised: string;
  fullMonthCapitalised: string;
  fullWeekday: string;
  /** A day of the month, 1..31, with an optional ordinal suffix, not followed by a digit. */
  dayNumber: string;
  /** A four-digit year 1500..2099. */
  year: string;
  /** A count: digits, number words (`twenty-five`), `a`/`an`, vague counts (`several`). */
  count: string;
  unit: string;
  season: string;
  partOfDay: string;
  ordinal: string;
  /** Time zones that may follow a clock time. */
  zone: string;
  /** Words after which a bare year or a month that is also a word (`May`) is a date. */
  datePrepositions: Set<string>;
}

const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

export function buildGrammar(lex: CalendarLexicon): Grammar {
  const counts = [...lex.numbers.keys(), ...lex.vagueNumbers, "recent", "the past few", "past few"];
  return {
    lex,
    month: alternation(lex.months.keys()),
    fullMonth: alternation(lex.fullMonths),
    monthCapitalised: alternation([...lex.months.keys()].map(capitalise)),
    fullMonthCapitalised: alternation([...lex.fullMonths].map(capitalise)),
    fullWeekday: alternation(lex.fullWeekdays),
    dayNumber: "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\\d:])",
    year: "(?:1[5-9]\\d\\d|20\\d\\d)",
    count: `(?:\\d+(?:\\.\\d+)?(?:\\s+and\\s+a\\s+half)?|(?:${TENS.join("|")})[\\s-](?:${ONES.join("|")})|(?:${alternation(counts)})(?:\\s+and\\s+a\\s+half)?)`,
    unit: alternation(lex.units.keys()),
    season: alternation(lex.seasons.keys()),
    partOfDay: alternation(lex.partsOfDay.keys()),
    ordinal: `(?:\\d{1,2}(?:st|nd|rd|th)|${alternation(lex.ordinals.keys())})`,
    zone: "GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|local\\s+time",
    datePrepositions: new Set([
      "in",
      "on",
      "since",
      "until",
      "till",
      "by",
      "through",
      "throughout",
      "from",
      "to",
      "during",
      "of",
      "before",
      "after",
      "and",
      "or",
      "early",
      "late",
      "mid",
      "last",
      "this",
      "next",
      "that",
      "each",
      "every",
      "between",
      "around",
      "about",
      "circa",
      "c",
      "the",
      "past",
      "fiscal",
      "year",
      "within",
      "than",
      "end",
      "beginning",
      "start",
      "middle",
      "as",
      "at",
    ]),
  };
}

/** The value of a count phrase, or `X` for a vague one (`several`), as TIMEX3 writes it. */
export function parseCount(phrase: string, lex: CalendarLexicon): number | "X" | null {
  const p = phrase.toLowerCase().replace(/\s+/g, " ").trim();
  const half = p.endsWith(" and a half") ? 0.5 : 0;
  const base = half ? p.slice(0, -" and a half".length) : p;
  if (/^\d/.test(base)) return Number(base.replace(/,/g, "")) + half;
  const known = lex.numbers.get(base);
  if (known !== undefined) return known + half;
  const compound = /^(\w+)[\s-](\w+)$/.exec(base);
  if (compound) {
    const tens = TENS.indexOf(compound[1] as string);
    const ones = ONES.indexOf(compound[2] as string);
    if (tens >= 0 && ones >= 0) return (tens + 2) * 10 + ones + 1 + half;
  }
  if (lex.vagueNumbers.has(base) || base === "recent" || base.endsWith("few")) return "X";
  return null;
}

/** The word before `offset` in `text`, lowercased, or "" at the start. */
export function wordBefore(text: string, offset: number): string {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1] as string)) start--;
  return text.slice(start, end).toLowerCase();
}

/** The word before `offset`, as written. */
export function rawWordBefore(text: string, offset: number): string {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1] as string)) start--;
  return text.slice(start, end);
}

/** The word after `offset` in `text`, as written, or "". */
export function wordAfter(text: string, offset: number): string {
  let start = offset;
  while (start < text.length && /[ \t]/.test(text[start] as string)) start++;
  let end = start;
  while (end < text.length && /[A-Za-z]/.test(text[end] as string)) end++;
  return text.slice(start, end);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 65 && c <= 90;
}

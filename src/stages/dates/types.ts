import type { DateGrain } from "../../core/annotations.ts";
import type { Day } from "./calendar.ts";
import type { CalendarLexicon } from "./lexicon.ts";

/** Which way the clause around an expression points: see tense.ts. */
export type Tense = "past" | "future" | "perfect" | "none";

/** The TIMEX3 type of an expression (TimeML), so values compare with TempEval annotations. */
export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

export type DateKind = "point" | "range" | "duration" | "set";

/** What a rule found, before it becomes a `DateMention`: days are still numbers. */
export interface Found {
  start: number;
  end: number;
  type: TimexType;
  /** TIMEX3 value: `2019-12-31`, `2019-W52`, `2019-SU`, `199` (1990s), `P3D`, `PAST_REF`. */
  value: string;
  grain: DateGrain;
  /** Inclusive bounds; null when the text does not bound that side (`recently` has no earliest). */
  earliest: Day | null;
  latest: Day | null;
  kind: DateKind;
  /** Calendar fields the text names (`month`, `day`) and those taken from the reference date. */
  stated: string[];
  inferred: string[];
  /** TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN. */
  mod?: string;
  rule: string;
  /** Endpoints of a range, each a point. */
  parts?: Found[];
  /** A relative expression that could not be resolved (no publication date). */
  unresolved?: boolean;
  /** A time of day with no day stated (`8 p.m.`): the tagger attaches it to the sentence's day. */
  timeOfDay?: string;
  /**
   * Anaphoric days: a day offset from the last day named before (`the next day`: 1), or
   * `year` to take only that day's year (`the day before X`), `that-year` / `that-month` for
   * the year or month of the last date named.
   */
  anaphor?: number | "year" | "that-year" | "that-month";
  /** A bare weekday, which a range may move forward a week so that it follows its start. */
  weekday?: number;
}

export interface Env {
  readonly text: string;
  /** The publication day, or null when the article has none. */
  readonly ref: Day | null;
  readonly lex: CalendarLexicon;
  /** Tense of the clause around `[start, end)`. */
  tense(start: number, end: number): Tense;
}

/** One named pattern and how to resolve what it matches. Patterns are global regexes. */
export interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
  /**
   * A cheap test every match needs (a keyword): when the text fails it, the rule's full
   * pattern is not run at all. Speed only; must never reject text the pattern could match.
   */
  readonly gate?: RegExp;
  /**
   * Optional words before the match (`the end of`, `early`, `last`), as a case-insensitive
   * regex anchored at its end (`…$`) run on the text just before the match. Its named groups
   * join the match's and the extent grows to cover it. Patterns then start at their
   * distinctive word, which keeps the scan fast.
   */
  readonly prefix?: RegExp;
  resolve(match: RegExpExecArray, env: Env): Found | null;
}

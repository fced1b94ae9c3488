/**
 * Shared resolution: from calendar fields to TIMEX3 values and day intervals. Rules call
 * these so that every `2019-12` means the same interval whichever rule found it.
 */
import type { DateGrain } from "../../core/annotations.ts";
import {
  type Day,
  dayOf,
  daysInMonth,
  isoDay,
  isoMonth,
  isoWeek,
  isoYear,
  monthEnd,
  monthStart,
  shiftMonth,
  weekday,
  weekStart,
  ymd,
} from "./calendar.ts";
import type { Found, Tense, TimexType } from "./types.ts";

/** The resolved part of a `Found`: everything but the span and the rule. */
export type Resolution = Omit<Found, "start" | "end" | "rule">;

function point(
  value: string,
  grain: DateGrain,
  earliest: Day | null,
  latest: Day | null,
  stated: string[],
  inferred: string[],
  type: TimexType = "DATE",
): Resolution {
  return { type, value, grain, earliest, latest, kind: "point", stated, inferred };
}

export function onDay(day: Day, stated: string[], inferred: string[]): Resolution {
  return point(isoDay(day), "day", day, day, stated, inferred);
}

export function inMonth(
  year: number,
  month: number,
  stated: string[],
  inferred: string[],
): Resolution {
  return point(
    isoMonth(year, month),
    "month",
    monthStart(year, month),
    monthEnd(year, month),
    stated,
    inferred,
  );
}

export function inYear(year: number, stated: string[], inferred: string[]): Resolution {
  return point(isoYear(year), "year", dayOf(year, 1, 1), dayOf(year, 12, 31), stated, inferred);
}

export function inWeek(day: Day, stated: string[], inferred: string[]): Resolution {
  const start = weekStart(day);
  return point(isoWeek(day), "week", start, start + 6, stated, inferred);
}

/** The weekend (Saturday and Sunday) of the ISO week holding `day`: TIMEX3 `2019-W52-WE`. */
export function inWeekend(day: Day, stated: string[], inferred: string[]): Resolution {
  const start = weekStart(day);
  return point(`${isoWeek(day)}-WE`, "week", start + 5, start + 6, stated, inferred);
}

/** A decade by its first year (1990): TIMEX3 `199`. */
export function inDecade(first: number, stated: string[], inferred: string[]): Resolution {
  return point(
    isoYear(first).slice(0, 3),
    "year",
    dayOf(first, 1, 1),
    dayOf(first + 9, 12, 31),
    stated,
    inferred,
  );
}

/** A century by its ordinal (20th): TIMEX3 `19`, years 1901..2000 by the strict count. */
export function inCentury(ordinal: number, stated: string[], inferred: string[]): Resolution {
  const first = (ordinal - 1) * 100;
  return point(
    String(ordinal - 1).padStart(2, "0"),
    "year",
    dayOf(first + 1, 1, 1),
    dayOf(first + 100, 12, 31),
    stated,
    inferred,
  );
}

export function inQuarter(
  year: number,
  quarter: number,
  stated: string[],
  inferred: string[],
): Resolution {
  const first = (quarter - 1) * 3 + 1;
  return point(
    `${isoYear(year)}-Q${quarter}`,
    "month",
    monthStart(year, first),
    monthEnd(year, first + 2),
    stated,
    inferred,
  );
}

/**
 * Seasons, northern meteorological: spring March–May, summer June–August, autumn
 * September–November, and winter Y from 1 December Y-1 to the end of February Y (the winter
 * whose January lies in Y). TIMEX3 writes them `2019-SU`.
 */
export function seasonInterval(year: number, code: string): { earliest: Day; latest: Day } {
  switch (code) {
    case "SP":
      return { earliest: dayOf(year, 3, 1), latest: dayOf(year, 5, 31) };
    case "SU":
      return { earliest: dayOf(year, 6, 1), latest: dayOf(year, 8, 31) };
    case "FA":
      return { earliest: dayOf(year, 9, 1), latest: dayOf(year, 11, 30) };
    default:
      return { earliest: dayOf(year - 1, 12, 1), latest: dayOf(year, 2, daysInMonth(year, 2)) };
  }
}

export function inSeason(
  year: number,
  code: string,
  stated: string[],
  inferred: string[],
): Resolution {
  const { earliest, latest } = seasonInterval(year, code);
  return point(`${isoYear(year)}-${code}`, "month", earliest, latest, stated, inferred);
}

/** Which occurrence of a season `rel` (last/this/next/null) picks, from the reference day. */
export function seasonYear(ref: Day, code: string, rel: string | null, tense: Tense): number {
  const year = ymd(ref).year;
  const candidates = [year - 2, year - 1, year, year + 1, year + 2].map((y) => ({
    y,
    ...seasonInterval(y, code),
  }));
  const current = candidates.find((c) => c.earliest <= ref && ref <= c.latest);
  const past = candidates.filter((c) => c.latest < ref).pop();
  const future = candidates.find((c) => c.earliest > ref);
  if (rel === "last" || rel === "past" || rel === "previous") return past?.y ?? year - 1;
  if (rel === "next" || rel === "coming") return future?.y ?? year + 1;
  if (current) return current.y;
  if (rel === "this") return candidates.find((c) => c.y === year)?.y ?? year;
  // A bare season follows the clause: past tense takes the last one, future the next.
  if (tense === "future") return future?.y ?? year;
  return past?.y ?? year;
}

/**
 * The year of a month (and day) named without one. Past-tense reporting takes the latest
 * occurrence on or before publication, future tense the first on or after it; with no cue
 * either way, the nearest occurrence (ties go to the past).
 */
export function yearForMonth(ref: Day, month: number, date: number | null, tense: Tense): number {
  const { year } = ymd(ref);
  const first = (y: number): Day => monthStart(y, month);
  const last = (y: number): Day =>
    date === null ? monthEnd(y, month) : dayOf(y, month, Math.min(date, daysInMonth(y, month)));
  const startOf = (y: number): Day => (date === null ? first(y) : last(y));
  // Latest occurrence that has begun by the reference day, and first that has not ended.
  const pastYear = startOf(year) <= ref ? year : year - 1;
  const futureYear = last(year) >= ref ? year : year + 1;
  if (pastYear === futureYear) return pastYear; // the reference day falls inside it
  if (tense === "future") return futureYear;
  if (tense === "past") return pastYear;
  const back = ref - startOf(pastYear);
  const ahead = startOf(futureYear) - ref;
  return ahead < back ? futureYear : pastYear;
}

/**
 * A weekday named without a date. `last`: the latest such day strictly before the reference;
 * `next`: the first strictly after; `this`: the one in the reference's ISO week. Bare: past
 * tense (the default of news reporting) takes the latest on or before publication — so
 * `Tuesday` in a Tuesday article is that very day — and future tense the first on or after.
 */
export function dayForWeekday(ref: Day, wd: number, rel: string | null, tense: Tense): Day {
  const back = (weekday(ref) - wd + 7) % 7;
  const ahead = (wd - weekday(ref) + 7) % 7;
  if (rel === "last" || rel === "past") return ref - (back === 0 ? 7 : back);
  if (rel === "next" || rel === "coming") return ref + (ahead === 0 ? 7 : ahead);
  if (rel === "this") return weekStart(ref) + wd - 1;
  if (tense === "future") return ref + ahead;
  return ref - back;
}

/** Narrow an interval to its start, middle or end third, as `early`, `mid`, `late` say. */
export function withEdge(r: Resolution, mod: "START" | "MID" | "END" | null): Resolution {
  if (mod === null || r.earliest === null || r.latest === null) return r;
  const length = r.latest - r.earliest + 1;
  const third = Math.max(1, Math.floor(length / 3));
  const out: Resolution = { ...r, mod };
  if (mod === "START") out.latest = r.earliest + third - 1;
  else if (mod === "END") out.earliest = r.latest - third + 1;
  else {
    out.earliest = r.earliest + third;
    out.latest = r.latest - third;
  }
  return out;
}

export function edgeMod(word: string | undefined): "START" | "MID" | "END" | null {
  if (!word) return null;
  const w = word.toLowerCase().replace(/[\s-]+$/, "");
  if (w === "early" || w === "beginning" || w === "start" || w === "earlier") return "START";
  if (w === "mid" || w === "middle") return "MID";
  if (w === "late" || w === "end" || w === "close" || w === "later") return "END";
  return null;
}

/** Shift a month by `by`, returning the resolution of the result. */
export function monthFrom(ref: Day, by: number, stated: string[], inferred: string[]): Resolution {
  const { year, month } = ymd(ref);
  const t = shiftMonth(year, month, by);
  return inMonth(t.year, t.month, stated, inferred);
}

/** The TIMEX3 form of an unresolvable relative date (no publication date): grain vague. */
export function unresolved(value: string, stated: string[], inferred: string[]): Resolution {
  return { ...point(value, "vague", null, null, stated, inferred), unresolved: true };
}

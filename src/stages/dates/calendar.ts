/**
 * Calendar arithmetic on whole days, pure and in UTC: a day is the number of days since
 * 1970-01-01. Nothing here reads the clock; every relative date starts from a reference day
 * the caller passes in (the article's publication date).
 */

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, date: number): Day {
  return Math.floor(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

/** `YYYY-MM-DD` (a longer ISO timestamp is cut to its date) to a day, or null if malformed. */
export function parseDay(iso: string | null | undefined): Day | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayOf(y, mo, d);
}

export interface Ymd {
  year: number;
  month: number;
  date: number;
}

export function ymd(day: Day): Ymd {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const pad4 = (n: number): string => String(n).padStart(4, "0");

export function isoDay(day: Day): string {
  const { year, month, date } = ymd(day);
  return `${pad4(year)}-${pad2(month)}-${pad2(date)}`;
}

export function isoMonth(year: number, month: number): string {
  return `${pad4(year)}-${pad2(month)}`;
}

export function isoYear(year: number): string {
  return pad4(year);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Monday of the ISO week that holds `day`. */
export function weekStart(day: Day): Day {
  return day - (weekday(day) - 1);
}

/** ISO 8601 week label, `2019-W01` (the week's year can differ from the day's year). */
export function isoWeek(day: Day): string {
  const thursday = weekStart(day) + 3;
  const year = ymd(thursday).year;
  const week = Math.floor((thursday - dayOf(year, 1, 1)) / 7) + 1;
  return `${pad4(year)}-W${pad2(week)}`;
}

export function monthStart(year: number, month: number): Day {
  return dayOf(year, month, 1);
}

export function monthEnd(year: number, month: number): Day {
  return dayOf(year, month, daysInMonth(year, month));
}

/** Add whole months, keeping the year and month normalised (month 0 → previous December). */
export function shiftMonth(
  year: number,
  month: number,
  by: number,
): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** The same calendar date `by` months away, clamped to the month's last day. */
export function addMonths(day: Day, by: number): Day {
  const { year, month, date } = ymd(day);
  const t = shiftMonth(year, month, by);
  return dayOf(t.year, t.month, Math.min(date, daysInMonth(t.year, t.month)));
}

/** An inclusive interval of days. */
export interface Interval {
  earliest: Day;
  latest: Day;
}

import { isoDay, monthEnd } from "../stages/dates/calendar.ts";

/**
 * The store compares dates as text (`YYYY-MM-DD` sorts by time), so an upper bound given as
 * a month or a year must become its last day first: "2019-12-31" sorts after "2019-12", and
 * `until: "2019-12"` would otherwise leave out December itself. A lower bound needs no help
 * ("2019-12" sorts before every day of the month).
 */
export function lastDayOf(bound: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(bound);
  if (!match) return bound;
  return isoDay(monthEnd(Number(match[1]), Number(match[2] ?? 12)));
}

/**
 * The store compares dates as text (`YYYY-MM-DD` sorts by time), so an upper bound given as
 * a month or a year must become its last day first: "2019-12-31" sorts after "2019-12", and
 * `until: "2019-12"` would otherwise leave out December itself. A lower bound needs no help
 * ("2019-12" sorts before every day of the month).
 */
export function lastDayOf(bound: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(bound);
  if (!match) return bound;
  const [, year, month] = match;
  if (month === undefined) return `${year}-12-31`;
  // Day 0 of the next month is the last of this one (month 13 falls on 31 December).
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, "0")}`;
}

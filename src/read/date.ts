/**
 * Publication dates as inputs write them, normalised to `YYYY-MM-DD`.
 *
 * The date is taken as written, never converted between time zones: `2019-12-31T23:30-05:00`
 * is 2019-12-31, the day the publisher's readers saw and the day the article's "Tuesday"
 * refers to. Forms without a year, or with day and month in an order that cannot be told
 * (`03/04/2019`), are refused rather than guessed: a wrong reference date moves every
 * relative date in the article.
 */

export interface ParsedDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Code units of the input the date (with its time and zone, if any) took up. */
  length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_NAME =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY =
  "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\\.?,?\\s+)?";
/** A clock time and zone after a date: `10:00`, `10:00:00.000Z`, `10:00 AM EST`, `+0300`. */
const TIME =
  "(?:(?:[T\\s]|,\\s*|\\s+at\\s+)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT|[ECMP][SD]T|BST|CET|CEST))?)?";

const ISO = new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${TIME}`, "i");
const MONTH_DAY_YEAR = new RegExp(
  `^${WEEKDAY}${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`,
  "i",
);
const DAY_MONTH_YEAR = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})${TIME}`,
  "i",
);
const NUMERIC = new RegExp(`^(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${TIME}`, "i");

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month: number, day: number, length: number): ParsedDate | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysIn(year, month)) return null;
  const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { date, length };
}

function monthOf(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, 3)] ?? 0;
}

/** Parse a date at the start of `value` (after leading spaces); null when there is none. */
export function parseDateAt(value: string): ParsedDate | null {
  const lead = value.length - value.trimStart().length;
  const s = value.slice(lead);
  let m = ISO.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), lead + m[0].length);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return build(Number(m[3]), monthOf(m[1] as string), Number(m[2]), lead + m[0].length);
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return build(Number(m[3]), monthOf(m[2] as string), Number(m[1]), lead + m[0].length);
  m = NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Only when the order is certain: one of the two numbers cannot be a month.
    if (a > 12 && b <= 12) return build(Number(m[3]), b, a, lead + m[0].length);
    if (b > 12 && a <= 12) return build(Number(m[3]), a, b, lead + m[0].length);
  }
  return null;
}

/** A whole field that should be a date: `YYYY-MM-DD`, or null when it is not one. */
export function normaliseDate(value: string): string | null {
  const parsed = parseDateAt(value);
  if (!parsed) return null;
  // A date followed by more words (`2019-12-31 or so`) is not a date field.
  return value.slice(parsed.length).trim() === "" ? parsed.date : null;
}

/**
 * Holidays that name a day: `Christmas`, `Christmas Eve`, `New Year's Day`, `New Year's
 * Eve`, `Boxing Day`, `Valentine's Day`, `Halloween`, `Thanksgiving` (US: fourth Thursday of
 * November), `Easter` and `Good Friday` (Western, computed). With a year (`Christmas 2019`)
 * that year; without, the clause's tense picks the occurrence like a month-day does.
 */
import { type Day, dayOf, weekday, ymd } from "../calendar.ts";
import type { Grammar } from "../grammar.ts";
import { onDay, unresolved, yearForMonth } from "../resolve.ts";
import type { Rule } from "../types.ts";
import { found, group } from "./found.ts";

/** Western Easter Sunday (the anonymous Gregorian algorithm). */
export function easter(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, date);
}

function thanksgiving(year: number): Day {
  const first = dayOf(year, 11, 1);
  const firstThursday = first + ((4 - weekday(first) + 7) % 7);
  return firstThursday + 21;
}

/** The holiday's day in `year`, by name (lowercased, apostrophes dropped). */
function holidayIn(name: string, year: number): Day | null {
  switch (name) {
    case "christmas":
    case "christmas day":
      return dayOf(year, 12, 25);
    case "christmas eve":
      return dayOf(year, 12, 24);
    case "boxing day":
      return dayOf(year, 12, 26);
    case "new years day":
      return dayOf(year, 1, 1);
    case "new years eve":
      return dayOf(year, 12, 31);
    case "valentines day":
      return dayOf(year, 2, 14);
    case "halloween":
      return dayOf(year, 10, 31);
    case "thanksgiving":
    case "thanksgiving day":
      return thanksgiving(year);
    case "easter":
    case "easter sunday":
      return easter(year);
    case "good friday":
      return easter(year) - 2;
    default:
      return null;
  }
}

export function holidayRules(g: Grammar): Rule[] {
  return [
    {
      name: "dates/holiday",
      gate: /(?:Christmas|Boxing|New Year|Valentine|Halloween|Thanksgiving|Easter|Good Friday)/,
      pattern: new RegExp(
        `\\b(?<name>Christmas(?:\\s+(?:Day|Eve))?|Boxing\\s+Day|New\\s+Year['’]?s\\s+(?:Day|Eve)|Valentine['’]?s\\s+Day|Halloween|Thanksgiving(?:\\s+Day)?|Easter(?:\\s+Sunday)?|Good\\s+Friday)\\b(?:,?\\s+(?<year>${g.year})\\b)?`,
        "g",
      ),
      resolve(m, env) {
        const name = (group(m, "name") as string).replace(/['’]/g, "");
        const yearText = group(m, "year");
        if (yearText !== null) {
          const day = holidayIn(name, Number(yearText));
          return day === null
            ? null
            : found(m, "dates/holiday", onDay(day, ["holiday", "year"], []));
        }
        if (env.ref === null)
          return found(m, "dates/holiday", unresolved("XXXX-XX-XX", ["holiday"], ["year"]));
        // The year as for a month-day, taking this year's date of a movable feast.
        const thisYear = holidayIn(name, ymd(env.ref).year);
        if (thisYear === null) return null;
        const { month, date } = ymd(thisYear);
        const year = yearForMonth(env.ref, month, date, env.tense(m.index, m.index + m[0].length));
        const day = holidayIn(name, year);
        return day === null ? null : found(m, "dates/holiday", onDay(day, ["holiday"], ["year"]));
      },
    },
  ];
}

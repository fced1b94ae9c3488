/**
 * Weekdays: `Friday`, `last Friday`, `next Tuesday`, `Friday night`. A bare weekday follows
 * the clause's tense (see resolve.ts `dayForWeekday`): news reports the past, so `on Friday`
 * in a Tuesday article is the previous Friday unless the clause points forward
 * (`will meet on Friday`).
 */
import { isoDay } from "../calendar.ts";
import type { Grammar } from "../grammar.ts";
import { isCapitalised, rawWordBefore } from "../grammar.ts";
import { dayForWeekday, onDay, unresolved } from "../resolve.ts";
import type { Rule } from "../types.ts";
import { found, group } from "./found.ts";

// Holidays named after a weekday are not the nearest such weekday.
const HOLIDAY = new Set([
  "good",
  "black",
  "ash",
  "super",
  "cyber",
  "easter",
  "bloody",
  "palm",
  "holy",
  "maundy",
  "shrove",
  "giving",
]);

export function weekdayRules(g: Grammar): Rule[] {
  return [
    {
      name: "dates/weekday",
      gate: /(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/,
      pattern: new RegExp(
        `\\b(?:(?<edge>early|late)\\s+)?(?:(?<rel>last|this|next|past|coming)\\s+)?(?<wd>${g.fullWeekday})\\b(?:\\s+(?<part>${g.partOfDay})\\b)?`,
        "gi",
      ),
      resolve(m, env) {
        const raw = m.groups?.wd ?? "";
        if (!isCapitalised(raw)) return null;
        // `Saturday Night Live`, `Friday Night Lights`: titles.
        const end = m.index + m[0].length;
        if (/^\s+(?:Night\s+)?(?:Live|Fever|Lights)\b/.test(env.text.slice(end, end + 20)))
          return null;
        const before = rawWordBefore(env.text, m.index);
        if (isCapitalised(before) && HOLIDAY.has(before.toLowerCase())) return null;
        const wd = env.lex.weekdays.get(raw.toLowerCase());
        if (wd === undefined) return null;
        const rel = group(m, "rel");
        const part = group(m, "part");
        const partCode = part === null ? null : (env.lex.partsOfDay.get(part) ?? null);
        const stated = ["weekday", ...(partCode ? ["partOfDay"] : [])];
        if (env.ref === null) {
          const value = `XXXX-WXX-${wd}${partCode ? `T${partCode}` : ""}`;
          return found(m, "dates/weekday", unresolved(value, stated, ["day", "month", "year"]));
        }
        const tense = rel === null ? env.tense(m.index, m.index + m[0].length) : "none";
        const day = dayForWeekday(env.ref, wd, rel, tense);
        const res = onDay(day, stated, ["day", "month", "year"]);
        if (partCode) {
          res.type = "TIME";
          res.value = `${isoDay(day)}T${partCode}`;
        }
        // `early Tuesday`, `late Friday`: TIMEX3 keeps the day and marks the part.
        const edge = group(m, "edge");
        if (edge !== null) res.mod = edge === "early" ? "START" : "END";
        return { ...found(m, "dates/weekday", res), weekday: wd };
      },
    },
  ];
}

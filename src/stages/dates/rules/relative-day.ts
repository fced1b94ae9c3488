/**
 * Days named relative to publication: `today`, `tonight`, `yesterday`, `tomorrow`,
 * `this morning`, `last night`, `yesterday afternoon`, `the day before yesterday`.
 * A part of day makes a TIMEX3 TIME (`2019-12-31TNI`) whose grain stays `day`.
 */
import { isoDay } from "../calendar.ts";
import type { Grammar } from "../grammar.ts";
import { onDay, unresolved } from "../resolve.ts";
import type { Rule } from "../types.ts";
import { found, group } from "./found.ts";

const OFFSET: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };

export function relativeDayRules(g: Grammar): Rule[] {
  return [
    {
      name: "dates/relative-day",
      gate: /(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night)/i,
      pattern: new RegExp(
        `\\b(?:(?<dayword>today|tonight|yesterday|tomorrow)(?:\\s+(?<part>${g.partOfDay}))?|(?<this>this|last)\\s+(?<part2>morning|afternoon|evening|night)|the\\s+day\\s+(?<beforeafter>before\\s+yesterday|after\\s+tomorrow))\\b`,
        "gi",
      ),
      resolve(m, env) {
        const dayword = group(m, "dayword");
        const ba = group(m, "beforeafter");
        let offset: number;
        let part = group(m, "part") ?? group(m, "part2");
        if (dayword !== null) {
          offset = OFFSET[dayword] ?? 0;
          if (dayword === "tonight") part = "night";
        } else if (ba !== null) offset = ba.startsWith("before") ? -2 : 2;
        else offset = group(m, "this") === "last" ? -1 : 0;
        const code = part === null ? null : (env.lex.partsOfDay.get(part) ?? null);
        const stated = code ? ["partOfDay"] : [];
        if (env.ref === null) {
          return found(
            m,
            "dates/relative-day",
            unresolved(code ? `XXXX-XX-XXT${code}` : "XXXX-XX-XX", stated, [
              "day",
              "month",
              "year",
            ]),
          );
        }
        const day = env.ref + offset;
        const res = onDay(day, stated, ["day", "month", "year"]);
        if (code) {
          res.type = "TIME";
          res.value = `${isoDay(day)}T${code}`;
        }
        return found(m, "dates/relative-day", res);
      },
    },
  ];
}

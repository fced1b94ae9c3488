/**
 * Recurring times (kind `set`): `every day`, `each year`, `every Monday`, `daily`,
 * `annually`, `twice a week`, `per year`. TIMEX3 values: `P1D`, `P1Y`, `XXXX-WXX-1`
 * (every Monday). A set is not a point in time: its interval is open ("").
 */
import type { Grammar } from "../grammar.ts";
import { isCapitalised } from "../grammar.ts";
import type { Resolution } from "../resolve.ts";
import type { Rule } from "../types.ts";
import { durationValue } from "./duration.ts";
import { found, group } from "./found.ts";

const ADVERB: Record<string, string> = {
  hourly: "PT1H",
  daily: "P1D",
  nightly: "P1D",
  weekly: "P1W",
  biweekly: "P2W",
  fortnightly: "P2W",
  monthly: "P1M",
  quarterly: "P3M",
  annually: "P1Y",
  yearly: "P1Y",
};

function set(value: string, stated: string[]): Resolution {
  return {
    type: "SET",
    value,
    grain: "vague",
    earliest: null,
    latest: null,
    kind: "set",
    stated,
    inferred: [],
  };
}

export function setRules(g: Grammar): Rule[] {
  return [
    {
      name: "dates/set-every",
      gate: /\b(?:every|each)\s/i,
      pattern: new RegExp(
        `\\b(?:every|each)\\s+(?<other>other\\s+)?(?<unit>${g.unit}|${g.fullWeekday}|morning|evening|night|weekend|season|${g.season}|${g.fullMonth})\\b`,
        "gi",
      ),
      resolve(m, env) {
        const unitRaw = m.groups?.unit ?? "";
        const unit = unitRaw.toLowerCase();
        const every = group(m, "other") === null ? 1 : 2;
        const wd = env.lex.weekdays.get(unit);
        if (wd !== undefined && isCapitalised(unitRaw))
          return found(m, "dates/set", set(`XXXX-WXX-${wd}`, ["weekday"]));
        const month = env.lex.fullMonths.has(unit) ? env.lex.months.get(unit) : undefined;
        if (month !== undefined && isCapitalised(unitRaw)) {
          return found(m, "dates/set", set(`XXXX-${String(month).padStart(2, "0")}`, ["month"]));
        }
        const code = env.lex.units.get(unit);
        if (code !== undefined)
          return found(m, "dates/set", set(durationValue(every, code), ["frequency"]));
        const season = env.lex.seasons.get(unit);
        if (season !== undefined) return found(m, "dates/set", set(`XXXX-${season}`, ["season"]));
        if (unit === "weekend") return found(m, "dates/set", set("XXXX-WXX-WE", ["frequency"]));
        if (unit === "season") return found(m, "dates/set", set("P1Y", ["frequency"]));
        const part = env.lex.partsOfDay.get(unit);
        return found(m, "dates/set", set(part ? `XXXX-XX-XXT${part}` : "P1D", ["frequency"]));
      },
    },
    {
      name: "dates/set-adverb",
      gate: /(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|annually|yearly)/,
      // Lowercase only: `Daily` and `Nightly` are names of newspapers and shows.
      pattern:
        /\b(?<w>hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|annually|yearly)\b/g,
      resolve(m) {
        const value = ADVERB[group(m, "w") as string];
        return value === undefined ? null : found(m, "dates/set", set(value, ["frequency"]));
      },
    },
    {
      name: "dates/set-per",
      gate: /\b(?:per|once|twice|thrice|times)\s/i,
      pattern: new RegExp(
        `\\b(?:(?<times>once|twice|thrice|times)\\s+(?:a|an|per|every)|per)\\s+(?<unit>${g.unit})\\b`,
        "gi",
      ),
      resolve(m, env) {
        const code = env.lex.units.get(group(m, "unit") as string);
        if (code === undefined) return null;
        const f = found(m, "dates/set", set(durationValue(1, code), ["frequency"]));
        if (group(m, "times") === "times") {
          // `three times a day`: the count before `times` belongs to the expression.
          const count = /(?:\d+|\b[a-z]+)\s+$/i.exec(
            env.text.slice(Math.max(0, m.index - 12), m.index),
          );
          if (count) f.start = m.index - count[0].length;
        }
        return f;
      },
    },
  ];
}

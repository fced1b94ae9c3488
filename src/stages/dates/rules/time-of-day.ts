/**
 * Clock times: `8 p.m.`, `10:30 a.m.`, `15:00 GMT`, `noon`, `midnight`, with a day right
 * after them (`15:00 GMT Saturday`, `8 p.m. Friday`) taken as one TIME. A time with no day
 * stated is attached by the tagger to the nearest day in its sentence, else to the
 * publication day (inferred). Grain stays `day`: a time narrows the day, the contract's
 * grains stop there.
 */
import { isoDay } from "../calendar.ts";
import type { Grammar } from "../grammar.ts";
import { wordBefore } from "../grammar.ts";
import { dayForWeekday, onDay, unresolved } from "../resolve.ts";
import type { Env, Found, Rule } from "../types.ts";
import { found, group } from "./found.ts";

const DAY_WORD: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };

function clock(h: number, min: number, ampm: string | null): string | null {
  let hour = h;
  if (ampm !== null) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.startsWith("p");
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  if (hour > 23 || min > 59) return null;
  return `T${String(hour).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

function withDay(m: RegExpExecArray, env: Env, time: string): Found {
  const dayText = group(m, "day");
  if (dayText === null) {
    // No day stated: the tagger attaches it (see tagger.ts `attachTimes`).
    const res =
      env.ref === null
        ? unresolved(`XXXX-XX-XX${time}`, ["time"], ["day"])
        : onDay(env.ref, ["time"], ["day", "month", "year"]);
    res.type = "TIME";
    res.value = env.ref === null ? res.value : `${isoDay(env.ref)}${time}`;
    return { ...found(m, "dates/time", res), timeOfDay: time };
  }
  if (env.ref === null) {
    const res = unresolved(`XXXX-XX-XX${time}`, ["time", "day"], ["month", "year"]);
    res.type = "TIME";
    return found(m, "dates/time", res);
  }
  const wd = env.lex.weekdays.get(dayText);
  const day =
    wd !== undefined
      ? dayForWeekday(env.ref, wd, null, env.tense(m.index, m.index + m[0].length))
      : env.ref + (DAY_WORD[dayText] ?? 0);
  const res = onDay(day, ["time", wd !== undefined ? "weekday" : "day"], ["day", "month", "year"]);
  res.type = "TIME";
  res.value = `${isoDay(day)}${time}`;
  return found(m, "dates/time", res);
}

export function timeOfDayRules(g: Grammar): Rule[] {
  const day = `(?:,?\\s+(?<day>${g.fullWeekday}|today|tonight|yesterday|tomorrow)\\b)?`;
  const zone = `(?:\\s*(?<zone>${g.zone})\\b)?`;
  return [
    {
      name: "dates/time-ampm",
      gate: /\d\s*[ap]\.?m/i,
      pattern: new RegExp(
        `\\b(?<h>[01]?\\d|2[0-3])(?:[:.](?<min>[0-5]\\d))?\\s*(?<ampm>a\\.m\\.|p\\.m\\.|am\\b|pm\\b|a\\.m\\b|p\\.m\\b)${zone}${day}`,
        "gi",
      ),
      resolve(m, env) {
        const ampm = (group(m, "ampm") as string).replace(/\./g, "");
        const time = clock(Number(group(m, "h")), Number(group(m, "min") ?? 0), ampm);
        if (time === null) return null;
        return withDay(m, env, time);
      },
    },
    {
      name: "dates/time-24h",
      gate: /\d:\d\d/,
      pattern: new RegExp(
        `\\b(?<h>[01]?\\d|2[0-3]):(?<min>[0-5]\\d)\\b(?![:.,]\\d)${zone}${day}`,
        "gi",
      ),
      resolve(m, env) {
        // `15:00 GMT`, `at 15:00`, `15:00 Saturday`; a bare `3:2` or `2:15` (a score, a verse) is not.
        const before = wordBefore(env.text, m.index);
        const cue = group(m, "zone") !== null || group(m, "day") !== null;
        if (
          !cue &&
          ![
            "at",
            "by",
            "until",
            "till",
            "from",
            "before",
            "after",
            "around",
            "about",
            "since",
          ].includes(before)
        ) {
          return null;
        }
        const time = clock(Number(group(m, "h")), Number(group(m, "min")), null);
        if (time === null) return null;
        return withDay(m, env, time);
      },
    },
    {
      name: "dates/time-noon",
      gate: /(?:noon|midday|midnight)/i,
      pattern: new RegExp(`\\b(?<w>noon|midday|midnight)\\b${day}`, "gi"),
      resolve(m, env) {
        const w = group(m, "w");
        return withDay(m, env, w === "midnight" ? "T24:00" : "T12:00");
      },
    },
  ];
}

/**
 * Durations and what is measured back from publication:
 * - `three days`, `a month`, `the 90 years`, `a mere 24 hours`, `five years'`, `four-week`,
 *   `several days`, `recent weeks`, `for years`: kind `duration`, TIMEX3 value `P3D`, `P1M`,
 *   `PXD` (X: an unstated count). Their interval is open (earliest = latest = "") unless the
 *   text anchors them: `the past two years` ends at publication, `the next three days`
 *   starts there, `recent weeks` ends at publication with no stated start.
 * - `two weeks ago`, `six years ago`: a point, at the grain of the unit (`2019-W50`, `2013`);
 *   `years ago` is `PAST_REF`.
 * Ages (`22-year-old`, `five years old`) are not time expressions.
 */
import { addMonths, ymd } from "../calendar.ts";
import type { Grammar } from "../grammar.ts";
import { parseCount, wordBefore } from "../grammar.ts";
import { inDecade, inWeek, inYear, monthFrom, onDay, type Resolution } from "../resolve.ts";
import type { Env, Rule } from "../types.ts";
import { found, group } from "./found.ts";

/** TIMEX3 duration for `n` units of `code`. */
export function durationValue(n: number | "X", code: string): string {
  const scaled = (k: number): string => (n === "X" ? "X" : String(Number((n * k).toFixed(3))));
  switch (code) {
    case "H":
      return `PT${scaled(1)}H`;
    case "MIN":
      return `PT${scaled(1)}M`;
    case "S":
      return `PT${scaled(1)}S`;
    case "DE":
      return `P${scaled(10)}Y`;
    case "CE":
      return `P${scaled(100)}Y`;
    case "Q":
      return `P${scaled(3)}M`;
    case "2W":
      return `P${scaled(2)}W`;
    default:
      return `P${scaled(1)}${code}`;
  }
}

/** Days spanned by `n` units, for anchored intervals (months and years by the calendar). */
function back(ref: number, n: number, code: string, sign: 1 | -1): number {
  switch (code) {
    case "D":
      return ref + sign * Math.ceil(n);
    case "W":
      return ref + sign * Math.ceil(7 * n);
    case "2W":
      return ref + sign * Math.ceil(14 * n);
    case "M":
      return addMonths(ref, sign * Math.ceil(n));
    case "Q":
      return addMonths(ref, sign * Math.ceil(3 * n));
    case "Y":
      return addMonths(ref, sign * Math.ceil(12 * n));
    case "DE":
      return addMonths(ref, sign * Math.ceil(120 * n));
    case "CE":
      return addMonths(ref, sign * Math.ceil(1200 * n));
    default:
      return ref; // hours, minutes, seconds: within the day
  }
}

function durationOf(n: number | "X", code: string, stated: string[]): Resolution {
  return {
    type: "DURATION",
    value: durationValue(n, code),
    grain: "vague",
    earliest: null,
    latest: null,
    kind: "duration",
    stated,
    inferred: [],
  };
}

/** `n units ago`: the point at the unit's grain. */
function ago(n: number | "X", code: string, env: Env): Resolution | null {
  if (n === "X" || env.ref === null) {
    return {
      type: "DATE",
      value: "PAST_REF",
      grain: "vague",
      earliest: null,
      latest: env.ref,
      kind: "point",
      stated: [],
      inferred: [],
    };
  }
  const ref = env.ref;
  const whole = Math.round(n);
  switch (code) {
    case "D":
      return onDay(ref - whole, [], ["day", "month", "year"]);
    case "W":
    case "2W":
      return inWeek(ref - whole * (code === "2W" ? 14 : 7), [], ["week", "year"]);
    case "M":
      return monthFrom(ref, -whole, [], ["month", "year"]);
    case "Q":
      return monthFrom(ref, -3 * whole, [], ["month", "year"]);
    case "Y":
      return inYear(ymd(ref).year - whole, [], ["year"]);
    case "DE":
      return inDecade(Math.floor((ymd(ref).year - 10 * whole) / 10) * 10, [], ["decade"]);
    case "CE":
      return inYear(ymd(ref).year - 100 * whole, [], ["year"]);
    default:
      return onDay(ref, [], ["day", "month", "year"]);
  }
}

export function durationRules(g: Grammar): Rule[] {
  return [
    {
      name: "dates/duration",
      pattern: new RegExp(
        `\\b(?<count>${g.count})[\\s-]+(?<unit>${g.unit})\\b(?<poss>['’](?!\\w))?(?![\\s-]+old\\b|-long\\b|\\s+and\\s+(?:older|younger|over|under|up)\\b)(?<ago>\\s+ago\\b)?`,
        "gid",
      ),
      prefix:
        /(?:\b(?<the>the|a|an|another)\s+)?(?:\b(?<anchor>past|last|next|coming|previous|first|final|following|mere|full|further|additional|remaining|few|other|entire|whole)\s+)?$/i,
      resolve(m, env) {
        const unitWord = group(m, "unit") as string;
        // `a four-week closure`: an adjective; its determiner belongs to the noun.
        const countAt = m.indices?.groups?.count;
        const unitAt = m.indices?.groups?.unit;
        if (countAt && unitAt && env.text[countAt[1]] === "-" && countAt[0] > m.index) return null;
        const code = env.lex.units.get(unitWord);
        const count = parseCount(group(m, "count") as string, env.lex);
        if (code === undefined || count === null) return null;
        // `one day` and `a day` alone are too often not a span of time (`one day he will`).
        const countWord = group(m, "count") as string;
        if (count === "X" && !/s$/.test(unitWord) && countWord !== "recent") return null;
        if (group(m, "ago") !== null) {
          const res = ago(count, code, env);
          return res === null ? null : found(m, "dates/ago", res);
        }
        // `a year` after `once`, `twice`, `times`, `per` is a frequency: set.ts takes it.
        if (
          /\b(?:once|twice|times|per)\s+$/i.test(env.text.slice(Math.max(0, m.index - 8), m.index))
        ) {
          return null;
        }
        const the = group(m, "the");
        const anchor = group(m, "anchor");
        // `$60,000 a year`, `60 hours a week`: a rate, i.e. a set.
        if ((countWord === "a" || countWord === "an") && the === null && anchor === null) {
          if (
            /(?:\d|\b(?:hours|days|times|minutes|dollars|euros|pounds|cents))\s+$/i.test(
              env.text.slice(Math.max(0, m.index - 12), m.index),
            )
          ) {
            return found(m, "dates/set", {
              type: "SET",
              value: durationValue(1, code),
              grain: "vague",
              earliest: null,
              latest: null,
              kind: "set",
              stated: ["frequency"],
              inferred: [],
            });
          }
        }
        // `a quarter of voters`, `three quarters of`: a fraction, not three months.
        if (
          code === "Q" &&
          (/^\s+of\b/.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 4)) ||
            countWord === "a")
        ) {
          return null;
        }
        // `one day he will`: some day, not a span of one day.
        if (countWord === "one" && code === "D" && the === null && anchor === null) {
          const before = wordBefore(env.text, m.index);
          if (
            ![
              "for",
              "in",
              "within",
              "after",
              "than",
              "only",
              "just",
              "about",
              "over",
              "nearly",
              "almost",
              "least",
            ].includes(before)
          ) {
            return null;
          }
        }
        const res = durationOf(count, code, ["duration"]);
        const ref = env.ref;
        if (ref !== null && typeof count === "number" && count > 0) {
          if (anchor === "past" || anchor === "last" || anchor === "previous") {
            res.earliest = back(ref, count, code, -1);
            res.latest = ref;
          } else if (anchor === "next" || anchor === "coming") {
            res.earliest = ref;
            res.latest = back(ref, count, code, 1);
          }
        } else if (ref !== null && count === "X") {
          // `recent weeks`, `the past several months`: up to publication, start unstated.
          if (
            countWord === "recent" ||
            countWord.includes("past") ||
            anchor === "past" ||
            anchor === "last" ||
            anchor === "previous"
          ) {
            res.latest = ref;
          } else if (anchor === "next" || anchor === "coming") res.earliest = ref;
        }
        return found(m, "dates/duration", res);
      },
    },
    {
      // `the coming weeks`, `the past months`: an unstated count from or up to publication.
      name: "dates/duration-open",
      gate: /\b(?:coming|past|last|next|previous|following)\s+(?:hours|days|weeks|months|years|decades)\b/i,
      pattern:
        /\bthe\s+(?<anchor>coming|past|last|next|previous|following)\s+(?<unit>hours|days|weeks|months|years|decades)\b/gi,
      resolve(m, env) {
        const code = env.lex.units.get(group(m, "unit") as string);
        if (code === undefined) return null;
        const res = durationOf("X", code, ["duration"]);
        const forward = ["coming", "next", "following"].includes(group(m, "anchor") as string);
        if (env.ref !== null) {
          if (forward) res.earliest = env.ref;
          else res.latest = env.ref;
        }
        return found(m, "dates/duration", res);
      },
    },
    {
      // Adjectival durations: `a four-week closure`, `the three-month class`, `24-hour`.
      name: "dates/duration-adjective",
      gate: /-(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur)/i,
      pattern: new RegExp(
        `\\b(?<count>\\d+|${g.count})-(?<unit>${g.unit})\\b(?!-old\\b|-long\\b)`,
        "gi",
      ),
      resolve(m, env) {
        const code = env.lex.units.get(group(m, "unit") as string);
        const count = parseCount(group(m, "count") as string, env.lex);
        // `one-quarter` is a fraction far more often than three months.
        if (code === undefined || code === "Q" || count === null || count === "X") return null;
        return found(m, "dates/duration", durationOf(count, code, ["duration"]));
      },
    },
    {
      // `for years`, `for decades`: an unstated count.
      name: "dates/duration-plural",
      gate: /\b(?:hours|days|weeks|months|years|decades|centuries)\b/i,
      pattern:
        /\b(?<unit>hours|days|weeks|months|years|decades|centuries)\b(?!\s+(?:of|ago|old)\b)/gi,
      resolve(m, env) {
        const before = wordBefore(env.text, m.index);
        if (before !== "for" && before !== "over" && before !== "in") return null;
        const code = env.lex.units.get(group(m, "unit") as string);
        if (code === undefined) return null;
        return found(m, "dates/duration", durationOf("X", code, ["duration"]));
      },
    },
  ];
}

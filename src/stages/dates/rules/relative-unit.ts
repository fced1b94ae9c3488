/**
 * Calendar units named relative to publication: `this week`, `last month`, `next year`,
 * `the past week`, `earlier this month`, `late last year`, `this fiscal year`, `last summer`,
 * and their edges: `the end of the year`, `the beginning of next month`.
 *
 * `the past week` / `the last week` take the previous ISO week as TIMEX3 value (as TempEval
 * annotates) but their interval is the rolling seven days up to publication, which is what
 * they mean. `earlier this month` keeps the month as value and ends its interval at
 * publication; `later this month` starts it there.
 */
import { addMonths, type Day, weekStart, ymd } from "../calendar.ts";
import type { Grammar } from "../grammar.ts";
import {
  edgeMod,
  inCentury,
  inDecade,
  inQuarter,
  inSeason,
  inWeek,
  inWeekend,
  inYear,
  monthFrom,
  onDay,
  type Resolution,
  seasonYear,
  unresolved,
  withEdge,
} from "../resolve.ts";
import type { Env, Rule, Tense } from "../types.ts";
import { found, group } from "./found.ts";

function step(rel: string | null): number {
  if (rel === "last" || rel === "past" || rel === "previous") return -1;
  if (rel === "next" || rel === "coming" || rel === "following") return 1;
  return 0;
}

/** The unit `by` steps from the reference day. */
function unitAt(ref: Day, unit: string, by: number, env: Env, tense: Tense): Resolution | null {
  const { year, month } = ymd(ref);
  const inferred = ["year"];
  switch (unit) {
    case "week":
      return inWeek(ref + 7 * by, [], ["week", "year"]);
    case "weekend": {
      // In past-tense reporting `this weekend` is the one just gone, not the one ahead.
      let day = ref + 7 * by;
      if (by === 0 && tense === "past" && weekStart(ref) + 5 > ref) day -= 7;
      return inWeekend(day, [], ["week", "year"]);
    }
    case "month":
      return monthFrom(ref, by, [], ["month", "year"]);
    case "year":
      return inYear(year + by, [], inferred);
    case "quarter": {
      const index = year * 4 + Math.floor((month - 1) / 3) + by;
      return inQuarter(Math.floor(index / 4), (index % 4) + 1, [], ["quarter", "year"]);
    }
    case "decade":
      return inDecade(Math.floor(year / 10) * 10 + 10 * by, [], ["decade"]);
    default: {
      const code = env.lex.seasons.get(unit);
      if (code === undefined) return null;
      const rel = by < 0 ? "last" : by > 0 ? "next" : "this";
      return inSeason(seasonYear(ref, code, rel, tense), code, ["season"], ["year"]);
    }
  }
}

export function relativeUnitRules(g: Grammar): Rule[] {
  const units = `week|weekend|month|year|quarter|decade|${g.season}`;
  return [
    {
      name: "dates/relative-unit",
      pattern: new RegExp(
        `\\b(?<rel>this|last|next|past|previous|coming|current|following)\\s+(?<fiscal>fiscal\\s+)?(?<unit>${units})\\b`,
        "gi",
      ),
      prefix: /(?:\b(?<the>the|this)\s+)?(?:\b(?<edge>early|earlier|late|later|mid)[\s-]+)?$/i,
      resolve(m, env) {
        const unit = group(m, "unit") as string;
        const rel = group(m, "rel");
        const edge = group(m, "edge");
        const the = group(m, "the") !== null;
        if (env.ref === null)
          return found(m, "dates/relative-unit", unresolved("XXXX", [], [unit]));
        const tense = env.tense(m.index, m.index + m[0].length);
        const by = step(rel);
        if (the && by !== 0 && unit === "decade" && edge === null) {
          // `the past decade`, `the next decade`: ten years back or ahead from publication.
          return found(m, "dates/duration", {
            type: "DURATION",
            value: "P10Y",
            grain: "vague",
            earliest: by < 0 ? addMonths(env.ref, -120) : env.ref,
            latest: by < 0 ? env.ref : addMonths(env.ref, 120),
            kind: "duration",
            stated: ["duration"],
            inferred: [],
          });
        }
        let res = unitAt(env.ref, unit, by, env, tense);
        if (res === null) return null;
        if (the && by < 0 && (unit === "week" || unit === "month" || unit === "year")) {
          // `the past week`: the rolling unit up to publication.
          const length = unit === "week" ? 7 : unit === "month" ? 30 : 365;
          res = { ...res, earliest: env.ref - length, latest: env.ref };
        }
        if (edge === "earlier") {
          if (res.latest !== null && res.latest > env.ref) res = { ...res, latest: env.ref };
        } else if (edge === "later") {
          if (res.earliest !== null && res.earliest < env.ref) res = { ...res, earliest: env.ref };
        } else if (edge !== null) res = withEdge(res, edgeMod(edge));
        if (group(m, "fiscal") !== null) res = { ...res, mod: "APPROX" };
        return found(m, "dates/relative-unit", res);
      },
    },
    {
      // `earlier in the week`, `later in the year`: the unit holding publication, cut there.
      name: "dates/unit-earlier",
      gate: /\b(?:earlier|later)\s+in\s+the\s/i,
      pattern: /\b(?<edge>earlier|later)\s+in\s+the\s+(?<unit>day|week|month|year)\b/gi,
      resolve(m, env) {
        const unit = group(m, "unit") as string;
        if (env.ref === null) return found(m, "dates/unit-earlier", unresolved("XXXX", [], [unit]));
        const res =
          unit === "day"
            ? onDay(env.ref, [], ["day", "month", "year"])
            : unitAt(env.ref, unit, 0, env, "none");
        if (res === null) return null;
        if (group(m, "edge") === "earlier") res.latest = env.ref;
        else res.earliest = env.ref;
        return found(m, "dates/unit-earlier", res);
      },
    },
    {
      // `over the weekend`: the last weekend begun by publication, or the next in a future clause.
      name: "dates/weekend",
      gate: /weekend/i,
      pattern: /\bthe\s+weekend\b/gi,
      resolve(m, env) {
        if (env.ref === null)
          return found(m, "dates/weekend", unresolved("XXXX-WXX-WE", [], ["week"]));
        const saturday = weekStart(env.ref) + 5;
        const future = env.tense(m.index, m.index + m[0].length) === "future";
        const day = future
          ? saturday >= env.ref
            ? saturday
            : saturday + 7
          : saturday <= env.ref
            ? saturday
            : saturday - 7;
        return found(m, "dates/weekend", inWeekend(day, [], ["week", "year"]));
      },
    },
    {
      name: "dates/unit-edge",
      gate: /\b(?:end|beginning|start|middle|close|turn)\s+of\b/i,
      pattern:
        /\bthe\s+(?<edge>end|beginning|start|middle|close|turn)\s+of\s+(?:(?<rel>this|last|next|the)\s+)?(?<unit>week|month|year|decade|century)\b/gi,
      resolve(m, env) {
        const unit = group(m, "unit") as string;
        const rel = group(m, "rel");
        const mod = edgeMod(group(m, "edge") ?? undefined) ?? "END";
        if (env.ref === null) return found(m, "dates/unit-edge", unresolved("XXXX", [], [unit]));
        const ref = env.ref;
        if (unit === "century") {
          const ordinal = Math.floor((ymd(ref).year - 1) / 100) + 1;
          return found(m, "dates/unit-edge", withEdge(inCentury(ordinal, [], ["century"]), mod));
        }
        const tense = env.tense(m.index, m.index + m[0].length);
        let by = step(rel);
        let res = unitAt(ref, unit, by, env, tense);
        if (res === null) return null;
        let edged = withEdge(res, mod);
        // `peaked by the end of the year` in March: the end already past is last year's.
        if ((rel === null || rel === "the") && edged.earliest !== null && edged.latest !== null) {
          if (tense === "past" && edged.earliest > ref) by = -1;
          else if (tense === "future" && edged.latest < ref) by = 1;
          if (by !== 0) {
            res = unitAt(ref, unit, by, env, tense);
            if (res === null) return null;
            edged = withEdge(res, mod);
          }
        }
        return found(m, "dates/unit-edge", edged);
      },
    },
  ];
}

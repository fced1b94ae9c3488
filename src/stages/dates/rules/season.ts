/**
 * Seasons with a year or after a preposition: `the summer of 2010`, `fall 2019`,
 * `in the summer`, `during winter`. `last summer` and `this fall` are relative units
 * (relative-unit.ts). A bare season follows the clause's tense (resolve.ts `seasonYear`).
 * `fall` alone is a verb far more often than a season, so it needs `the` or a year.
 */
import type { Grammar } from "../grammar.ts";
import { wordBefore } from "../grammar.ts";
import { edgeMod, inSeason, seasonYear, unresolved, withEdge } from "../resolve.ts";
import type { Rule } from "../types.ts";
import { found, group } from "./found.ts";

const BEFORE_SEASON = new Set([
  "in",
  "during",
  "over",
  "through",
  "throughout",
  "by",
  "until",
  "since",
  "before",
  "after",
  "this",
  "that",
  "of",
  "early",
  "late",
]);

export function seasonRules(g: Grammar): Rule[] {
  return [
    {
      name: "dates/season-year",
      gate: /(?:spring|summer|autumn|fall|winter)/i,
      pattern: new RegExp(
        `\\b(?:the\\s+)?(?:(?<edge>early|late|mid)[\\s-]+)?(?<season>${g.season})\\s+(?:of\\s+)?(?<year>${g.year})\\b`,
        "gi",
      ),
      resolve(m, env) {
        const code = env.lex.seasons.get(group(m, "season") as string);
        if (code === undefined) return null;
        const mod = edgeMod(group(m, "edge") ?? undefined);
        return found(
          m,
          "dates/season",
          withEdge(inSeason(Number(group(m, "year")), code, ["season", "year"], []), mod),
        );
      },
    },
    {
      name: "dates/season",
      gate: /(?:spring|summer|autumn|fall|winter)/i,
      pattern: new RegExp(
        `\\b(?<the>the\\s+)?(?:(?<edge>early|late|mid)[\\s-]+)?(?<season>${g.season})\\b(?!-)`,
        "gi",
      ),
      resolve(m, env) {
        const season = group(m, "season") as string;
        const code = env.lex.seasons.get(season);
        if (code === undefined) return null;
        const the = group(m, "the") !== null;
        if (season === "fall" && !the) return null;
        if (!BEFORE_SEASON.has(wordBefore(env.text, m.index))) return null;
        const mod = edgeMod(group(m, "edge") ?? undefined);
        if (env.ref === null)
          return found(m, "dates/season", unresolved(`XXXX-${code}`, ["season"], ["year"]));
        const year = seasonYear(env.ref, code, null, env.tense(m.index, m.index + m[0].length));
        return found(m, "dates/season", withEdge(inSeason(year, code, ["season"], ["year"]), mod));
      },
    },
  ];
}

/**
 * Days named from the story rather than from publication: `the next day`, `the following
 * day`, `the previous day`, `the same day`, `the day before`, `the 99th day`.
 *
 * `that year` / `that month` take the year or month of the last date named.
 * `the next/following/previous/same day` count from the last day the article named before
 * them (HeidelTime's narrative anchor); when it named none, from publication. `the day
 * before X` is anchored to an event X this stage does not resolve: value `YYYY-XX-XX` with
 * the year of the last date named (a story keeps to its year), grain `vague`, open interval.
 * The tagger fills these in (tagger.ts `anchorAnaphora`), since they need earlier mentions.
 */
import type { Grammar } from "../grammar.ts";
import type { Rule } from "../types.ts";
import { found, group } from "./found.ts";

export function anaphoricRules(g: Grammar): Rule[] {
  return [
    {
      // `that year`, `that month`: the year or month of the last date named.
      name: "dates/anaphoric-unit",
      gate: /\bthat\s+(?:year|month)\b/i,
      pattern: /\bthat\s+(?<unit>year|month)\b/gi,
      resolve(m) {
        return {
          ...found(m, "dates/anaphoric-unit", {
            type: "DATE",
            value: group(m, "unit") === "year" ? "XXXX" : "XXXX-XX",
            grain: "vague",
            earliest: null,
            latest: null,
            kind: "point",
            stated: [],
            inferred: [],
          }),
          anaphor: group(m, "unit") === "year" ? ("that-year" as const) : ("that-month" as const),
        };
      },
    },
    {
      name: "dates/anaphoric-day",
      gate: /\b(?:day|night|morning|evening)\b/i,
      pattern: new RegExp(
        `\\b(?:the\\s+(?:(?<ord>${g.ordinal})\\s+day\\b|(?<rel>next|following|previous|same|preceding)\\s+(?<unit>day|morning|night|evening)\\b|day(?=\\s+(?:before|after)\\b))|that\\s+(?<that>day|night|morning|evening)\\b)`,
        "gi",
      ),
      resolve(m) {
        const rel = group(m, "rel");
        const offset =
          rel === "next" || rel === "following"
            ? 1
            : rel === "previous" || rel === "preceding"
              ? -1
              : 0;
        const relative = rel !== null || group(m, "that") !== null;
        return {
          ...found(m, "dates/anaphoric-day", {
            type: "DATE",
            value: "XXXX-XX-XX",
            grain: "vague",
            earliest: null,
            latest: null,
            kind: "point",
            stated: [],
            inferred: [],
          }),
          ...(relative
            ? { anaphor: offset }
            : group(m, "ord") === null
              ? { anaphor: "year" as const }
              : {}),
        };
      },
    },
  ];
}

/**
 * Years and longer: `in 2019`, `early 2013`, `fiscal 2013`, `the end of 2012`, `2009-2010`
 * and `1957-58` (ranges whose parts are kept as TIMEX3 annotates them), `the 1990s`,
 * `the '90s`, `the 20th century`, `the first quarter`, `Q3 2019`.
 *
 * A bare four-digit number is a year only where dates go: after a date preposition or
 * `the`, before punctuation, or before `'s`. `$2010`, `2,019` and `2019 people` are not years.
 */
import { dayOf, ymd } from "../calendar.ts";
import type { Grammar } from "../grammar.ts";
import { wordAfter, wordBefore } from "../grammar.ts";
import {
  edgeMod,
  inCentury,
  inDecade,
  inQuarter,
  inYear,
  unresolved,
  withEdge,
} from "../resolve.ts";
import type { Found, Rule } from "../types.ts";
import { found, group } from "./found.ts";

/** Words after a year that still make it a date (`2010 when`, `2010 election`). */
const AFTER_YEAR = new Set([
  "when",
  "and",
  "to",
  "or",
  "through",
  "until",
  "after",
  "before",
  "as",
  "while",
  "with",
  "election",
  "elections",
  "season",
  "census",
  "budget",
  "campaign",
  "olympics",
  "games",
  "world",
  "cup",
  "war",
  "crisis",
  "attack",
  "attacks",
  "invasion",
  "uprising",
  "revolution",
  "report",
  "survey",
  "study",
  "law",
  "act",
  "deal",
  "agreement",
  "accord",
  "summit",
  "poll",
  "polls",
  "vote",
  "race",
  "levels",
  "level",
  "figures",
  "data",
  "edition",
  "model",
  "film",
  "book",
  "film",
  "that",
  "which",
  "where",
  "in",
  "on",
  "at",
  "for",
  "by",
  "from",
  "the",
]);

/** Words after which a four-digit number is a year whatever follows (`in 2010 people`…). */
const STRONG_BEFORE_YEAR = new Set([
  "in",
  "since",
  "until",
  "till",
  "by",
  "during",
  "before",
  "after",
  "from",
  "through",
  "throughout",
  "early",
  "late",
  "mid",
  "fiscal",
  "circa",
  "c",
  "end",
  "beginning",
  "start",
  "middle",
  "year",
]);

function yearOk(text: string, start: number, end: number, datePrepositions: Set<string>): boolean {
  const before = text[start - 1] ?? " ";
  if (
    /[$€£#\d,.\-/]/.test(before) &&
    !(before === "-" && /\d{4}-$/.test(text.slice(start - 5, start)))
  ) {
    return false;
  }
  const after = text.slice(end, end + 2);
  if (/^[,.]\d/.test(after) || /^\d/.test(after) || /^\s*%/.test(after)) return false;
  if (/^\s*(?:percent|per\s+cent)/i.test(text.slice(end, end + 9))) return false;
  const previous = wordBefore(text, start);
  const next = wordAfter(text, end);
  // After a quantity word (`about 2000 troops`, `of 1500 people`), a lowercase noun after
  // the number makes it a count.
  // `the 1953 team` names a year, `the 2000 troops` counts: after `the`, only a plural counts.
  const counted =
    /^[a-z]/.test(next) &&
    !AFTER_YEAR.has(next) &&
    (previous !== "the" || /(?:s|people|men|women|children|police)$/.test(next));
  if (STRONG_BEFORE_YEAR.has(previous)) return true;
  if (datePrepositions.has(previous) && !counted) return true;
  if (/^(?:[.;:!?)'’"”\]]|,(?!\d)|\s*[-–—]\s*\d|\s*$)/.test(text.slice(end, end + 3))) return true;
  if (/^\s*\n/.test(text.slice(end, end + 2))) return true;
  return AFTER_YEAR.has(wordAfter(text, end).toLowerCase());
}

export function yearRules(g: Grammar): Rule[] {
  return [
    {
      name: "dates/year",
      gate: /(?:1[5-9]|20)\d\d/,
      pattern: new RegExp(`\\b(?<year>${g.year})\\b`, "g"),
      prefix:
        /(?:\bthe\s+(?<edgeof>end|beginning|start|middle)\s+of\s+)?(?:\b(?<edge>early|mid|late)[\s-]+)?(?:\b(?<fiscal>fiscal(?:\s+year)?|FY)\s*)?$/i,
      resolve(m, env) {
        const yearStart = m.index + m[0].length - 4;
        const modified = m.groups?.edgeof || m.groups?.edge || m.groups?.fiscal;
        if (!modified && !yearOk(env.text, yearStart, yearStart + 4, g.datePrepositions))
          return null;
        const mod = edgeMod(group(m, "edgeof") ?? group(m, "edge") ?? undefined);
        return found(
          m,
          "dates/year",
          withEdge(inYear(Number(group(m, "year")), ["year"], []), mod),
        );
      },
    },
    {
      name: "dates/year-range",
      gate: /\d{4}\s*[-–—/]\s*\d\d/,
      pattern: new RegExp(
        `\\b(?<y1>${g.year})\\s*[-–—/]\\s*(?<y2>\\d{4}|\\d{2})\\b(?![-–/]\\d)`,
        "gd",
      ),
      resolve(m, env) {
        const y1 = Number(group(m, "y1"));
        const raw2 = group(m, "y2") as string;
        const y2 = raw2.length === 2 ? Math.floor(y1 / 100) * 100 + Number(raw2) : Number(raw2);
        if (y2 <= y1 || y2 - y1 > 50) return null;
        if (/[$€£#\d]/.test(env.text[m.index - 1] ?? " ")) return null;
        const i1 = m.indices?.groups?.y1;
        const i2 = m.indices?.groups?.y2;
        if (!i1 || !i2) return null;
        const a: Found = {
          ...inYear(y1, ["year"], []),
          start: i1[0],
          end: i1[1],
          rule: "dates/year-range",
        };
        const b: Found = {
          ...inYear(
            y2,
            raw2.length === 2 ? ["year"] : ["year"],
            raw2.length === 2 ? ["century"] : [],
          ),
          start: i2[0],
          end: i2[1],
          rule: "dates/year-range",
        };
        return {
          ...inYear(y1, ["year"], []),
          kind: "range",
          value: `${a.value}/${b.value}`,
          latest: b.latest,
          start: m.index,
          end: m.index + m[0].length,
          rule: "dates/year-range",
          parts: [a, b],
        };
      },
    },
    {
      name: "dates/decade",
      gate: /0['’]?s\b/,
      pattern:
        /(?:\bthe\s+(?:(?<edge>early|mid|late)[\s-]+)?)?(?:\b(?<decade>(?:1[5-9]|20)\d0)|'(?<short>\d0))['’]?s\b/gi,
      resolve(m, env) {
        const decade = group(m, "decade");
        const short = group(m, "short");
        let first: number;
        if (decade !== null) first = Number(decade);
        else {
          const n = Number(short);
          // `the '90s` is the 1990s; `the '10s` the most recent 2010s before publication.
          const refYear = env.ref === null ? 2000 : ymd(env.ref).year;
          first = 2000 + n <= refYear ? 2000 + n : 1900 + n;
        }
        const mod = edgeMod(group(m, "edge") ?? undefined);
        return found(
          m,
          "dates/decade",
          withEdge(inDecade(first, ["decade"], decade ? [] : ["century"]), mod),
        );
      },
    },
    {
      name: "dates/century",
      gate: /century/i,
      pattern: new RegExp(`\\b(?<ord>${g.ordinal})[\\s-]+century\\b`, "gi"),
      resolve(m, env) {
        const raw = group(m, "ord") as string;
        const n = /^\d/.test(raw) ? Number.parseInt(raw, 10) : (env.lex.ordinals.get(raw) ?? 0);
        if (n < 1 || n > 21) return null;
        return found(m, "dates/century", inCentury(n, ["century"], []));
      },
    },
    {
      // `the first half of 2012`, `the second half of the year`: TIMEX3 `2012-H1`.
      name: "dates/half",
      gate: /\bhalf\s+of\b/i,
      pattern: new RegExp(
        `\\b(?:the\\s+)?(?<h>first|second|latter|1st|2nd)\\s+half\\s+of\\s+(?:(?<rel>this|last|next|the)\\s+year|(?<year>${g.year}))\\b`,
        "gi",
      ),
      resolve(m, env) {
        const half = group(m, "h") === "first" || group(m, "h") === "1st" ? 1 : 2;
        const yearText = group(m, "year");
        let year: number;
        if (yearText !== null) year = Number(yearText);
        else if (env.ref === null)
          return found(m, "dates/half", unresolved(`XXXX-H${half}`, ["half"], ["year"]));
        else {
          const rel = group(m, "rel");
          year = ymd(env.ref).year + (rel === "last" ? -1 : rel === "next" ? 1 : 0);
          // `the second half of the year` in a past clause before July: last year's.
          const startsAfter = half === 2 && ymd(env.ref).month < 7;
          if (rel === "the" && startsAfter && env.tense(m.index, m.index + m[0].length) === "past")
            year--;
        }
        const first = half === 1 ? 1 : 7;
        return found(m, "dates/half", {
          type: "DATE",
          value: `${year}-H${half}`,
          grain: "month",
          earliest: dayOf(year, first, 1),
          latest: dayOf(year, first + 5, half === 1 ? 30 : 31),
          kind: "point",
          stated: yearText === null ? ["half"] : ["half", "year"],
          inferred: yearText === null ? ["year"] : [],
        });
      },
    },
    {
      name: "dates/quarter",
      gate: /(?:quarter|Q[1-4])/i,
      pattern: new RegExp(
        `\\b(?:the\\s+)?(?<q>first|second|third|fourth|1st|2nd|3rd|4th)[\\s-]+quarter(?:\\s+of\\s+(?:(?<rel>this|last|next)\\s+year|(?<year>${g.year})))?\\b|\\bQ(?<qn>[1-4])\\s+(?<year2>${g.year})\\b`,
        "gi",
      ),
      resolve(m, env) {
        const qWord = group(m, "q");
        const q =
          qWord === null
            ? Number(group(m, "qn"))
            : ["first", "second", "third", "fourth"].indexOf(qWord) + 1 ||
              Number.parseInt(qWord, 10);
        const yearText = group(m, "year") ?? group(m, "year2");
        if (yearText !== null)
          return found(m, "dates/quarter", inQuarter(Number(yearText), q, ["quarter", "year"], []));
        if (env.ref === null)
          return found(m, "dates/quarter", unresolved(`XXXX-Q${q}`, ["quarter"], ["year"]));
        const { year, month } = ymd(env.ref);
        const rel = group(m, "rel");
        let y = year + (rel === "last" ? -1 : rel === "next" ? 1 : 0);
        if (rel === null) {
          // Results are reported after the quarter: a quarter not yet begun is last year's
          // unless the clause points forward.
          const current = Math.floor((month - 1) / 3) + 1;
          const tense = env.tense(m.index, m.index + m[0].length);
          if (q > current && tense !== "future") y = year - 1;
        }
        return found(m, "dates/quarter", inQuarter(y, q, ["quarter"], ["year"]));
      },
    },
  ];
}

/**
 * Dates named by their month: `Dec. 27`, `December 27, 2019`, `Friday, March 22`,
 * `27 December 2019`, `Dec. 27-29` (a range), `May 2010`, `early December`, `late last July`,
 * `the end of March`, `in June`.
 *
 * A month without a year takes its year from the reference date and the clause's tense
 * (resolve.ts `yearForMonth`): `on Dec. 27` reported in a past clause is the latest Dec. 27 on
 * or before publication. Months that are also words (`May`, `March`) or names (`April Ryan`)
 * only count alone after a date preposition (`in May`) or a modifier.
 */
import { dayOf, daysInMonth, ymd } from "../calendar.ts";
import type { Grammar } from "../grammar.ts";
import { isCapitalised, rawWordBefore, wordAfter, wordBefore } from "../grammar.ts";
import { edgeMod, inMonth, onDay, unresolved, withEdge, yearForMonth } from "../resolve.ts";
import type { Env, Found, Rule } from "../types.ts";
import { found, group } from "./found.ts";

function monthNumber(raw: string | undefined, env: Env): number | null {
  if (!raw || !isCapitalised(raw)) return null;
  return env.lex.months.get(raw.toLowerCase()) ?? null;
}

function dayNumber(raw: string | null): number {
  return Number.parseInt(raw ?? "", 10);
}

/** Resolve month + day (+ year); null when the day does not exist in that month. */
function monthDay(
  env: Env,
  start: number,
  end: number,
  month: number,
  date: number,
  yearText: string | null,
  stated: string[],
): Omit<Found, "rule" | "start" | "end"> | null {
  if (yearText !== null) {
    const year = Number(yearText);
    if (date > daysInMonth(year, month)) return null;
    return onDay(dayOf(year, month, date), [...stated, "year"], []);
  }
  if (date > 31) return null;
  if (env.ref === null) {
    return unresolved(
      `XXXX-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`,
      stated,
      ["year"],
    );
  }
  const year = yearForMonth(env.ref, month, date, env.tense(start, end));
  if (date > daysInMonth(year, month)) return null;
  return onDay(dayOf(year, month, date), stated, ["year"]);
}

export function monthRules(g: Grammar): Rule[] {
  const month = `(?<month>${g.month})\\b(?<dot>\\.)?`;
  return [
    {
      name: "dates/month-day",
      gate: /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/,
      pattern: new RegExp(
        `\\b(?:(?<wd>${g.fullWeekday}),?\\s+)?${month}(?:(?<=\\.)\\s*|\\s+)(?<day>${g.dayNumber})(?:\\s*(?:-|–|—)\\s*(?<day2>${g.dayNumber}))?(?:,?\\s+(?<year>${g.year})\\b)?`,
        "gid",
      ),
      resolve(m, env) {
        const mo = monthNumber(m.groups?.month, env);
        if (mo === null) return null;
        const stated = ["month", "day", ...(m.groups?.wd ? ["weekday"] : [])];
        const end = m.index + m[0].length;
        const year = group(m, "year");
        const d2 = m.indices?.groups?.day2;
        if (d2 === undefined) {
          const res = monthDay(env, m.index, end, mo, dayNumber(group(m, "day")), year, stated);
          return res === null ? null : found(m, "dates/month-day", res);
        }
        // `Dec. 27-29`: a range whose second part borrows the month (and year) of the first.
        const first = monthDay(env, m.index, end, mo, dayNumber(group(m, "day")), year, stated);
        if (first === null || first.earliest === null) return null;
        const y = ymd(first.earliest).year;
        const second = monthDay(env, m.index, end, mo, dayNumber(group(m, "day2")), String(y), [
          "day",
        ]);
        if (second === null || second.latest === null || second.latest < first.earliest)
          return null;
        const dayEnd = m.indices?.groups?.day?.[1] ?? end;
        const parts: Found[] = [
          { ...first, start: m.index, end: dayEnd, rule: "dates/month-day" },
          {
            ...second,
            inferred: year === null ? ["month", "year"] : ["month"],
            start: d2[0],
            end: d2[1],
            rule: "dates/month-day",
          },
        ];
        return {
          ...first,
          kind: "range",
          value: `${first.value}/${second.value}`,
          latest: second.latest,
          start: m.index,
          end,
          rule: "dates/month-day-range",
          parts,
        };
      },
    },
    {
      name: "dates/day-month",
      gate: /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/,
      pattern: new RegExp(
        `\\b(?<day>${g.dayNumber})(?:\\s+of)?\\s+${month}(?:,?\\s+(?<year>${g.year})\\b)?`,
        "g",
      ),
      resolve(m, env) {
        const mo = monthNumber(m.groups?.month, env);
        if (mo === null) return null;
        if (!m.groups?.dot && !env.lex.fullMonths.has((m.groups?.month ?? "").toLowerCase())) {
          if (!m.groups?.year) return null; // `5 Mar` alone is too likely something else
        }
        const res = monthDay(
          env,
          m.index,
          m.index + m[0].length,
          mo,
          dayNumber(group(m, "day")),
          group(m, "year"),
          ["day", "month"],
        );
        return res === null ? null : found(m, "dates/day-month", res);
      },
    },
    {
      name: "dates/month-year",
      gate: /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/,
      pattern: new RegExp(
        `\\b(?<month>${g.monthCapitalised})\\b(?<dot>\\.)?,?\\s+(?:of\\s+)?(?<year>${g.year})\\b`,
        "g",
      ),
      prefix:
        /(?:\bthe\s+(?<edgeof>end|beginning|start|middle)\s+of\s+)?(?:\b(?<edge>early|mid|late)[\s-]+)?$/i,
      resolve(m, env) {
        const mo = monthNumber(m.groups?.month, env);
        if (mo === null) return null;
        const mod = edgeMod(group(m, "edgeof") ?? group(m, "edge") ?? undefined);
        return found(
          m,
          "dates/month-year",
          withEdge(inMonth(Number(group(m, "year")), mo, ["month", "year"], []), mod),
        );
      },
    },
    {
      name: "dates/month",
      gate: /(?:January|February|March|April|May|June|July|August|September|Sept|October|November|December)/,
      pattern: new RegExp(`\\b(?<month>(?:${g.fullMonthCapitalised})\\b|Sept\\b\\.?)`, "g"),
      prefix:
        /(?:\bthe\s+(?<edgeof>end|beginning|start|middle)\s+of\s+)?(?:\b(?<edge>early|mid|late)[\s-]+)?(?:\b(?<rel>last|this|next|past|coming)\s+)?$/i,
      resolve(m, env) {
        const raw = m.groups?.month ?? "";
        const mo = monthNumber(raw.replace(/\.$/, ""), env);
        if (mo === null) return null;
        const rel = group(m, "rel");
        const modified = rel !== null || m.groups?.edge || m.groups?.edgeof;
        const monthStart = m.index + m[0].length - raw.length;
        if (!modified) {
          const before = wordBefore(env.text, monthStart);
          const after = wordAfter(env.text, m.index + m[0].length);
          const wordy = raw.toLowerCase() === "may" || raw.toLowerCase() === "march";
          if (
            !env.lex.weekdays.has(after.toLowerCase()) &&
            isCapitalised(after) &&
            !/^\d/.test(after)
          ) {
            return null; // `April Ryan`, `June Carter`: a name
          }
          if ((wordy || before === "") && !g.datePrepositions.has(before)) return null;
          // `Theresa May`, `Prime Minister March`: a capitalised word right before is a name.
          if (
            !g.datePrepositions.has(before) &&
            before !== "" &&
            isCapitalised(rawWordBefore(env.text, monthStart))
          ) {
            return null;
          }
        }
        const mod = edgeMod(group(m, "edgeof") ?? group(m, "edge") ?? undefined);
        if (env.ref === null) {
          return found(
            m,
            "dates/month",
            unresolved(`XXXX-${String(mo).padStart(2, "0")}`, ["month"], ["year"]),
          );
        }
        const { year: refYear, month: refMonth } = ymd(env.ref);
        let year: number;
        if (rel === "last" || rel === "past") year = mo < refMonth ? refYear : refYear - 1;
        else if (rel === "next" || rel === "coming") year = mo > refMonth ? refYear : refYear + 1;
        else if (rel === "this") year = refYear;
        else year = yearForMonth(env.ref, mo, null, env.tense(m.index, m.index + m[0].length));
        return found(m, "dates/month", withEdge(inMonth(year, mo, ["month"], ["year"]), mod));
      },
    },
  ];
}

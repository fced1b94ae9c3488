/**
 * Numeric dates: ISO `2019-12-31` (with an optional `T14:00` time) and US `12/31/2019`,
 * `12/31/19`. Day-first `31/12/2019` is read when the first number cannot be a month.
 */
import { dayOf, daysInMonth, isoDay } from "../calendar.ts";
import type { Grammar } from "../grammar.ts";
import { onDay } from "../resolve.ts";
import type { Rule } from "../types.ts";
import { found } from "./found.ts";

export function numericRules(_g: Grammar): Rule[] {
  return [
    {
      name: "dates/iso",
      gate: /\d{4}-\d\d-\d\d/,
      pattern:
        /\b(?<y>1[5-9]\d\d|20\d\d)-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])(?:T(?<h>[01]\d|2[0-3]):(?<min>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b/g,
      resolve(m) {
        const y = Number(m.groups?.y);
        const mo = Number(m.groups?.m);
        const d = Number(m.groups?.d);
        if (d > daysInMonth(y, mo)) return null;
        const res = onDay(dayOf(y, mo, d), ["year", "month", "day"], []);
        if (m.groups?.h) {
          res.type = "TIME";
          res.value = `${isoDay(dayOf(y, mo, d))}T${m.groups.h}:${m.groups.min}`;
        }
        return found(m, "dates/iso", res);
      },
    },
    {
      name: "dates/slashed",
      gate: /\d\/\d/,
      pattern: /(?<![\d/.])(?<a>\d{1,2})\/(?<b>\d{1,2})\/(?<y>\d{4}|\d{2})(?![\d/])/g,
      resolve(m) {
        let mo = Number(m.groups?.a);
        let d = Number(m.groups?.b);
        if (mo > 12 && d <= 12) [mo, d] = [d, mo];
        const raw = m.groups?.y ?? "";
        const y = raw.length === 2 ? 2000 + Number(raw) : Number(raw);
        if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
        return found(m, "dates/slashed", onDay(dayOf(y, mo, d), ["year", "month", "day"], []));
      },
    },
  ];
}

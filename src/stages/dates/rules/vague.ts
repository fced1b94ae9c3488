/**
 * Vague references, TIMEX3 style: `now`, `currently`, `at present` (PRESENT_REF: the
 * publication day), `recently`, `recent`, `lately`, `the past` (PAST_REF: on or before
 * publication, no stated start), `the future` (FUTURE_REF: from publication on, no end).
 * Grain `vague`; the open side of the interval is "" in the output.
 */

import type { Grammar } from "../grammar.ts";
import { alternation } from "../lexicon.ts";
import type { Resolution } from "../resolve.ts";
import type { Rule } from "../types.ts";
import { found, group } from "./found.ts";

export function vagueRules(g: Grammar): Rule[] {
  return [
    {
      name: "dates/vague",
      pattern: new RegExp(
        `\\b(?<w>${alternation([...g.lex.vague.keys(), "the near future", "the distant past"])})\\b(?!-)`,
        "gi",
      ),
      resolve(m, env) {
        const w = group(m, "w") as string;
        const value = env.lex.vague.get(w) ?? (w.endsWith("future") ? "FUTURE_REF" : "PAST_REF");
        // `the past` only where it is the past itself, not `the past two years` (duration.ts)
        // nor `the past week` (relative-unit.ts), which win by length anyway.
        if (w === "now" && /^\s*that\b/i.test(env.text.slice(m.index + 3, m.index + 10)))
          return null;
        const ref = env.ref;
        const res: Resolution = {
          type: "DATE",
          value,
          grain: "vague",
          earliest: value === "PAST_REF" ? null : ref,
          latest: value === "FUTURE_REF" ? null : ref,
          kind: "point",
          stated: [],
          inferred: ref === null ? [] : ["reference"],
        };
        if (ref === null) res.unresolved = true;
        return found(m, "dates/vague", res);
      },
    },
  ];
}

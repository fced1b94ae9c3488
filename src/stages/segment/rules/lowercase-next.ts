import { nextWordIndex, startCase, tokenText } from "../boundary.ts";
import type { SentenceRule } from "./rule.ts";

const CONTINUING = new Set([",", ";", ":", ")", "]", "}", "%"]);

/**
 * A sentence does not start in lowercase nor with a comma: `U.S. officials`, `"Why?" he
 * asked`, `a.m., when`.
 */
export const lowercaseNext: SentenceRule = {
  name: "lowercase-next",
  decide(b) {
    if (CONTINUING.has(tokenText(b, b.next))) return false;
    return startCase(b, nextWordIndex(b)) === "lower" ? false : undefined;
  },
};

import { nextWordIndex, startCase, tokenText } from "../boundary.ts";
import type { SentenceRule } from "./rule.ts";

// No sentence starts with these; a further mark (`. . .`, `? ? ?`) decides for itself.
const CONTINUING = new Set([",", ";", ":", ")", "]", "}", "%", ".", "?", "!", "…", "..."]);

/**
 * A sentence does not start in lowercase, with a comma or with another mark:
 * `U.S. officials`, `"Why?" he asked`, `a.m., when`, a spaced ellipsis `. . .`.
 */
export const lowercaseNext: SentenceRule = {
  name: "lowercase-next",
  decide(b) {
    if (CONTINUING.has(tokenText(b, b.next))) return false;
    return startCase(b, nextWordIndex(b)) === "lower" ? false : undefined;
  },
};

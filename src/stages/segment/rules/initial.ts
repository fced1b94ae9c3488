import { isStarter, nextWordIndex, startCase, wordBeforePeriod } from "../boundary.ts";
import type { SentenceRule } from "./rule.ts";

/**
 * A single capital and a period is an initial (`John F. Kennedy`, `John J. "Jack" Sheehan`) unless
 * the next word starts a sentence (`… Malcolm X. He was`).
 */
export const initial: SentenceRule = {
  name: "initial",
  decide(b) {
    const word = wordBeforePeriod(b);
    if (word === null || word.length !== 1) return undefined;
    const token = b.tokens[b.markToken - 1];
    if (!token || startCase(b, b.markToken - 1) !== "upper") return undefined;
    const next = nextWordIndex(b);
    if (isStarter(b, next)) return true;
    return startCase(b, next) === "upper" ? false : undefined;
  },
};

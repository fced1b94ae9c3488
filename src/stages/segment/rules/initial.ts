import { isStarter, startCase, wordBeforePeriod } from "../boundary.ts";
import type { SentenceRule } from "./rule.ts";

/**
 * A single capital and a period is an initial (`John F. Kennedy`, `George W. Bush`) unless
 * the next word starts a sentence (`… Malcolm X. He was`).
 */
export const initial: SentenceRule = {
  name: "initial",
  decide(b) {
    const word = wordBeforePeriod(b);
    if (word === null || word.length !== 1) return undefined;
    const token = b.tokens[b.markToken - 1];
    if (!token || startCase(b, b.markToken - 1) !== "upper") return undefined;
    if (isStarter(b, b.next)) return true;
    return startCase(b, b.next) === "upper" ? false : undefined;
  },
};

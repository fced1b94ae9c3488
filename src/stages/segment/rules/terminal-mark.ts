import type { SentenceRule } from "./rule.ts";

/** Otherwise a period, question or exclamation mark ends the sentence; so does a line break. */
export const terminalMark: SentenceRule = {
  name: "terminal-mark",
  decide: () => true,
};

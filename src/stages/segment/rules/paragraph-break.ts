import type { SentenceRule } from "./rule.ts";

/** A blank line (or the end of the text) always ends a sentence, whatever precedes it. */
export const paragraphBreak: SentenceRule = {
  name: "paragraph-break",
  decide: (b) => (b.gap === "paragraph" ? true : undefined),
};

import type { SentenceRule } from "./rule.ts";

/**
 * A mark with no space after it is inside a token-like string (`U.S.-led`, `dateline.com`,
 * `Yahoo!News`), not at a sentence end. Closing quotes were already taken in.
 */
export const attachedNext: SentenceRule = {
  name: "attached-next",
  decide: (b) => (b.gap === "none" ? false : undefined),
};

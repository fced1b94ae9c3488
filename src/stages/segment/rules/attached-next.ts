import type { SentenceRule } from "./rule.ts";

/**
 * A mark with no space after it is inside a token-like string (`U.S.-led`, `dateline.com`,
 * `Yahoo!News`), not at a sentence end. Closing quotes were already taken in. An ellipsis
 * is left to its own rule: quoted passages run cut sentences together (`courageous...For
 * example`).
 */
export const attachedNext: SentenceRule = {
  name: "attached-next",
  decide: (b) => (b.gap === "none" && b.mark !== "…" ? false : undefined),
};

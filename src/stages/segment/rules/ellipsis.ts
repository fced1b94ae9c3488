import { isOpener, isStarter, nextWordIndex, tokenText } from "../boundary.ts";
import type { SentenceRule } from "./rule.ts";

/**
 * An ellipsis marks an omission or a pause more often than an end: it ends a sentence only
 * before a quotation or a word that starts one (`… Then he left`).
 */
export const ellipsis: SentenceRule = {
  name: "ellipsis",
  decide(b) {
    if (b.mark !== "…") return undefined;
    if (isOpener(tokenText(b, b.next))) return true;
    return isStarter(b, nextWordIndex(b));
  },
};

import { startCase, tokenText } from "../boundary.ts";
import type { SentenceRule } from "./rule.ts";

const SPEECH_VERBS = new Set([
  "said",
  "says",
  "asked",
  "asks",
  "added",
  "told",
  "continued",
  "wrote",
  "replied",
  "shouted",
  "exclaimed",
  "cried",
  "yelled",
  "tweeted",
]);

/** How many tokens after the quote a speech verb may come (`Defense Secretary Mark Esper said`). */
const REACH = 5;

/**
 * `"Stop!" Esper said.` is one sentence: a quoted exclamation or question followed by its
 * attribution does not end the sentence that reports it.
 */
export const quoteAttribution: SentenceRule = {
  name: "quote-attribution",
  decide(b) {
    if (!b.closedQuote || (b.mark !== "!" && b.mark !== "?")) return undefined;
    if (startCase(b, b.next) !== "upper") return undefined;
    for (let i = b.next; i < b.next + REACH && i < b.tokens.length; i++) {
      const word = tokenText(b, i);
      if (SPEECH_VERBS.has(word)) return false;
      if (b.tokens[i]?.kind === "punct") return undefined;
    }
    return undefined;
  },
};

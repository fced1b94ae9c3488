import {
  isCapitalisedCommonWord,
  isOpener,
  isStarter,
  nextWordIndex,
  tokenText,
  wordBeforePeriod,
} from "../boundary.ts";
import { abbreviationClass } from "../lexicon.ts";
import type { SentenceRule } from "./rule.ts";

/**
 * A period after an abbreviation from lexicon/abbreviations.json. Titles (`Gen.`, `Dr.`)
 * and inner ones (`e.g.`) never end a sentence; `No. 10` and `Dec. 27` do not before a
 * number. The rest end one only before an opening quote or a word that starts a sentence
 * (`… the U.S. The next day`), since before other words they are mostly modifiers
 * (`U.S. President`, `Apple Inc. Chief`, `U.S. - China relations`). For `final` ones
 * (`Inc.`, `a.m.`, and any unlisted `N.Y.P.D.`) a word capitalised only to start a sentence
 * counts too (`… 10 a.m. Police said`); not for `modifier` ones, which news puts before
 * capitalised names of every kind (`U.S. Religious Freedom Restoration Act`).
 */
export const abbreviation: SentenceRule = {
  name: "abbreviation",
  decide(b) {
    const word = wordBeforePeriod(b);
    if (word === null) return undefined;
    const dotted = b.tokens[b.markToken]?.kind === "word";
    let cls = abbreviationClass(b.lexicon, word);
    if (cls === undefined) {
      if (!dotted) return undefined;
      cls = "final";
    }
    if (cls === "title" || cls === "inner") return false;
    const next = b.tokens[b.next];
    if (next?.kind === "number") return false;
    // A month or `No.` before anything but a number is an ordinary word (`… 06-Apr. Blake`).
    if (cls === "number") return undefined;
    if (isOpener(tokenText(b, b.next))) return true;
    const index = nextWordIndex(b);
    return cls === "modifier" ? isStarter(b, index) : isCapitalisedCommonWord(b, index);
  },
};

/**
 * The sentence-boundary rules, in the order they are asked; the first with an opinion
 * decides. Why this order:
 * - layout first: a blank line always ends a sentence, list items and single line breaks
 *   are decided by the lines before any word is looked at, and a dateline is protected
 *   before the abbreviation rules see its `ST.` or `Dec.`;
 * - then what follows the mark: nothing (`U.S.-led`), a lowercase word or a comma, or a
 *   quote's attribution — these hold whatever word precedes the mark;
 * - then what precedes it: a known abbreviation, an initial, an ellipsis;
 * - and last the default: a terminal mark ends the sentence.
 */
import { abbreviation } from "./abbreviation.ts";
import { attachedNext } from "./attached-next.ts";
import { bulletItem } from "./bullet-item.ts";
import { dateline } from "./dateline.ts";
import { ellipsis } from "./ellipsis.ts";
import { initial } from "./initial.ts";
import { lineBreak } from "./line-break.ts";
import { lowercaseNext } from "./lowercase-next.ts";
import { paragraphBreak } from "./paragraph-break.ts";
import { quoteAttribution } from "./quote-attribution.ts";
import type { SentenceRule } from "./rule.ts";
import { terminalMark } from "./terminal-mark.ts";

export type { SentenceRule } from "./rule.ts";

export const sentenceRules: readonly SentenceRule[] = [
  paragraphBreak,
  bulletItem,
  dateline,
  lineBreak,
  attachedNext,
  lowercaseNext,
  quoteAttribution,
  abbreviation,
  initial,
  ellipsis,
  terminalMark,
];

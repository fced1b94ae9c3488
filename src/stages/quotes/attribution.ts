import type { Event, Quote } from "../../core/annotations.ts";
import type { Document } from "../../core/document.ts";
import { canonicalName } from "./name.ts";

/**
 * Each event reported inside a speech act's content gets that speech act as attribution:
 * `About 100 marines are being sent …, U.S. officials said` → U.S. officials, anonymous.
 * The innermost (shortest) content that holds the event's trigger wins.
 */
export function attributeEvents(doc: Document): void {
  for (const event of doc.events) {
    const index = reportingQuote(doc.quotes, event);
    if (index === -1) continue;
    const quote = doc.quotes[index] as Quote;
    if (!quote.speaker) continue;
    event.attribution = {
      text: canonicalName(doc, quote.speaker),
      anonymous: quote.anonymous ?? false,
      quote: index,
    };
  }
}

function reportingQuote(quotes: readonly Quote[], event: Event): number {
  let best = -1;
  let bestLength = Number.POSITIVE_INFINITY;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i] as Quote;
    if (
      q.start <= event.trigger.start &&
      event.trigger.end <= q.end &&
      q.end - q.start < bestLength
    ) {
      best = i;
      bestLength = q.end - q.start;
    }
  }
  return best;
}

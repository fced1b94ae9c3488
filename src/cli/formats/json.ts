import type { StoredEvent } from "../../store/index.ts";
import type { EventFormat } from "./types.ts";

/** An event as one JSON line: the contract's event plus the article it was found in. */
export function eventRecord(stored: StoredEvent): Record<string, unknown> {
  return {
    ...stored.event,
    articleId: stored.articleId,
    evidenceText: stored.evidenceText,
    article: stored.article,
    // The real event it reports and its counts, once the store's cross-article pass ran.
    ...(stored.merged !== undefined ? { merged: stored.merged } : {}),
  };
}

export const jsonFormat: EventFormat = {
  name: "json",
  description: "JSON lines: each event as in the output contract, with its article",
  async write(events, out) {
    let n = 0;
    for await (const stored of events) {
      await out(`${JSON.stringify(eventRecord(stored))}\n`);
      n++;
    }
    return n;
  },
};

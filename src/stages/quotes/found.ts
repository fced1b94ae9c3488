import type { Span } from "../../core/span.ts";
import type { TokenRange } from "./speaker.ts";

/** A speech act before its speaker is resolved: content span, speaker and cue as tokens. */
export interface Found {
  content: Span;
  direct: boolean;
  speaker: TokenRange | null;
  cue: TokenRange | null;
  /** Take the speaker of the quotation before it (continuation). */
  inherits: boolean;
  /** The pieces of a content that runs over its own attribution (`"…," he said. "…"`). */
  fragments?: Span[];
}

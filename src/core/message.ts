import type { Span } from "./span.ts";

/**
 * `error`: the input (or part of it) could not be processed;
 * `warning`: something was repaired or guessed; `info`: worth knowing, nothing changed.
 */
export type Severity = "error" | "warning" | "info";

/** A positioned problem or repair. Problems are data: stages report, they never log. */
export interface Message {
  severity: Severity;
  /** The stage (or reader) that raised it: `read`, `clean`, `segment`, … */
  stage: string;
  /** A stable id for the rule, `stage/rule-name`, so users can filter and count. */
  rule: string;
  reason: string;
  /** Where in `Document.text` (or in the raw input, for readers) it applies. */
  span?: Span;
}

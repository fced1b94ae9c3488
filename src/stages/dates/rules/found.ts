import type { Resolution } from "../resolve.ts";
import type { Found } from "../types.ts";

/** A `Found` covering the whole match. */
export function found(match: RegExpExecArray, rule: string, resolution: Resolution): Found {
  return { ...resolution, start: match.index, end: match.index + match[0].length, rule };
}

/** Lowercased named group, or null when it did not take part in the match. */
export function group(match: RegExpExecArray, name: string): string | null {
  const g = match.groups?.[name];
  return g === undefined ? null : g.toLowerCase().replace(/\s+/g, " ").trim();
}

import type { Boundary } from "../boundary.ts";
import type { SentenceRule } from "./rule.ts";

// Markers that open a list item at the start of a line. A dash is one too: news bodies
// rarely start a line with a dash for anything else (a dateline dash follows a place).
const MARKERS = new Set(["-", "*", "•", "·", "‣", "◦", "▪", "■", "–", "—", "+"]);

/** Whether the token at `index` opens a list item: `- item`, `• item`, `1. item`, `2) item`. */
export function opensBulletItem(b: Boundary, index: number): boolean {
  const token = b.tokens[index];
  if (!token) return false;
  const value = b.text.slice(token.start, token.end);
  if (MARKERS.has(value)) return followedBySpace(b, index);
  if (token.kind !== "number" && !(token.kind === "word" && token.end - token.start === 1)) {
    return false;
  }
  if (token.end - token.start > 2) return false;
  const after = b.tokens[index + 1];
  if (!after || after.start !== token.end) return false;
  const mark = b.text[after.start];
  return (mark === "." || mark === ")") && followedBySpace(b, index + 1);
}

function followedBySpace(b: Boundary, index: number): boolean {
  const token = b.tokens[index] as { end: number };
  const next = b.text.charCodeAt(token.end);
  return next === 32 || next === 9 || next === 160;
}

/** Whether the token at `index` is the first thing on its line. */
function startsLine(b: Boundary, index: number): boolean {
  const token = b.tokens[index];
  if (!token) return false;
  for (let i = token.start - 1; i >= 0; i--) {
    const c = b.text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Each list item is its own sentence: a line break before a bullet ends the sentence, and
 * the period of an item's own number (`1.`) never does.
 */
export const bulletItem: SentenceRule = {
  name: "bullet-item",
  decide(b) {
    if (b.gap === "line" && opensBulletItem(b, b.next)) return true;
    if (b.mark === "." && b.markToken > 0 && startsLine(b, b.markToken - 1)) {
      if (opensBulletItem(b, b.markToken - 1)) return false;
    }
    return undefined;
  },
};

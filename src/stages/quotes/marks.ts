import type { Span } from "../../core/span.ts";

/** A direct quotation: the text between its marks, and whether its closing mark was found. */
export interface QuotedSpan extends Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset one past the closing mark, or the paragraph end when the quote runs on. */
  close: number;
  /** Whether the quote ran to the paragraph's end without a closing mark. */
  unclosed: boolean;
}

const OPENERS = new Set(["“", "„", "«"]);
const CLOSERS = new Set(["”", "»"]);

/**
 * Pair quotation marks paragraph by paragraph. Straight `"` marks are told apart by what
 * stands beside them; a quote never crosses a paragraph break, so an unmatched mark cannot
 * swallow the rest of the article. News runs a long quotation over several paragraphs by
 * opening each and closing only the last: an unclosed quote whose next paragraph opens
 * with a mark is such a run, and ends at its paragraph's end.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let paragraphStart = 0;
  while (paragraphStart < text.length) {
    const brk = text.indexOf("\n\n", paragraphStart);
    const paragraphEnd = brk === -1 ? text.length : brk;
    pairWithin(text, paragraphStart, paragraphEnd, out);
    paragraphStart = paragraphEnd + 2;
  }
  return out;
}

function pairWithin(text: string, start: number, end: number, out: QuotedSpan[]): void {
  let open = -1;
  for (let i = start; i < end; i++) {
    const c = text[i] as string;
    if (c !== '"' && !OPENERS.has(c) && !CLOSERS.has(c)) continue;
    const role = c === '"' ? straightRole(text, i, start, end) : OPENERS.has(c) ? "open" : "close";
    if (role === "open" && open === -1) open = i;
    else if (role === "close" && open !== -1) {
      out.push({ open, close: i + 1, start: open + 1, end: i, unclosed: false });
      open = -1;
    } else if (role === "open" && open !== -1) {
      // Two openers in a row: the first was stray. Start again from this one.
      open = i;
    }
  }
  if (open !== -1) {
    const nextParagraph = skipSpace(text, end);
    const runsOn = nextParagraph < text.length && isOpeningMark(text, nextParagraph);
    if (runsOn) {
      let last = end;
      while (last > open + 1 && /\s/.test(text[last - 1] as string)) last--;
      out.push({ open, close: last, start: open + 1, end: last, unclosed: true });
    }
  }
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/.test(text[j] as string)) j++;
  return j;
}

function isOpeningMark(text: string, i: number): boolean {
  const c = text[i] as string;
  return OPENERS.has(c) || (c === '"' && !/\s/.test(text[i + 1] ?? " "));
}

/** A straight mark opens after space or an opening bracket, and closes before one. */
function straightRole(text: string, i: number, start: number, end: number): "open" | "close" {
  const before = i > start ? (text[i - 1] as string) : " ";
  const after = i + 1 < end ? (text[i + 1] as string) : " ";
  const spaceBefore = /[\s([{\u2014-]/.test(before);
  const spaceAfter = /[\s)\]},.;:!?\u2014-]/.test(after);
  if (spaceBefore && !spaceAfter) return "open";
  if (spaceAfter && !spaceBefore) return "close";
  return i === start || spaceBefore ? "open" : "close";
}

/** Small words a title leaves lowercase: `Gone With the Wind`, `War and Peace`. */
const TITLE_SMALL_WORDS = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "of",
  "in",
  "on",
  "at",
  "to",
  "for",
  "with",
  "by",
  "from",
]);

/** Title Case with no closing stop: a quoted title (a film, a book, a slogan), not speech. */
export function isTitle(inner: string): boolean {
  if (/[.!?,]\s*$/.test(inner)) return false;
  const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.every((w, i) => {
    const first = w.replace(/^\P{L}+/u, "")[0] ?? "";
    return first !== first.toLowerCase() || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase()));
  });
}

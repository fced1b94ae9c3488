import type { Span, Token } from "../../core/annotations.ts";
import type { Boundary, Gap } from "./boundary.ts";
import type { SegmentLexicon } from "./lexicon.ts";
import type { SentenceRule } from "./rules/index.ts";

const PERIOD = 46;
const BANG = 33;
const QUESTION = 63;
const ELLIPSIS = 0x2026;
const NEWLINE = 10;

/** The terminal mark a token carries (`.`, `!`, `?`, `…`), or "" if none. */
function markOf(text: string, token: Token): string {
  const last = text.charCodeAt(token.end - 1);
  if (token.kind === "word") return last === PERIOD ? "." : "";
  if (token.kind !== "punct") return "";
  // `..` is a doubled period far more often than an ellipsis.
  if (last === PERIOD) return token.end - token.start > 2 ? "…" : ".";
  if (last === BANG) return "!";
  if (last === QUESTION) return "?";
  if (last === ELLIPSIS) return "…";
  return "";
}

function isSpacedPeriod(text: string, token: Token, previous: Token): boolean {
  return (
    token.end - token.start === 1 &&
    text.charCodeAt(token.start) === PERIOD &&
    token.start === previous.end + 1 &&
    text.charCodeAt(previous.end) === 32
  );
}

/**
 * Whether a straight double quote leaves a quotation open. Its spacing says so when it is
 * attached on one side only (` "We`, `here." `), which also repairs the count after a
 * missing quote; a quote spaced on both sides (`said , " We`) just alternates.
 */
function straightQuoteOpens(
  tokens: readonly Token[],
  index: number,
  insideQuote: boolean,
): boolean {
  const token = tokens[index] as Token;
  const before = index > 0 && (tokens[index - 1] as Token).end === token.start;
  const after = tokens[index + 1]?.start === token.end;
  if (after && !before) return true;
  if (before && !after) return false;
  return !insideQuote;
}

function followedBySpace(text: string, offset: number): boolean {
  return offset >= text.length || /\s/.test(text[offset] as string);
}

function gapBetween(text: string, from: number, to: number | undefined): Gap {
  if (to === undefined) return "paragraph";
  if (from === to) return "none";
  let lines = 0;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === NEWLINE && ++lines === 2) return "paragraph";
  }
  return lines === 1 ? "line" : "space";
}

// Closing marks taken into the sentence after its terminal mark when attached to it.
const CLOSERS = new Set(["”", "’", "'", "»", ")", "]", "}"]);

/**
 * Hard-wrapped text (lines cut at a fixed width) uses single line breaks as spaces. Most
 * lines followed by another line being 40–100 code units long and ending without a
 * sentence mark says so, if at least a quarter of them go on in lowercase; text laid out
 * one paragraph per line has long or punctuated lines, and a list of headlines has
 * capitals after every break.
 */
export function isHardWrapped(text: string): boolean {
  let lines = 0;
  let wrappedLike = 0;
  let continuesLower = 0;
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
    const nextStart = end + 1;
    // Only lines followed by a non-blank line say anything about wrapping.
    const following = text.charCodeAt(nextStart);
    if (following !== NEWLINE && nextStart < text.length) {
      lines++;
      const length = end - start;
      const last = text.charCodeAt(end - 1);
      if (length >= 40 && length <= 100 && last !== PERIOD && last !== BANG && last !== QUESTION) {
        wrappedLike++;
        const c = text.charCodeAt(nextStart);
        if (c >= 97 && c <= 122) continuesLower++;
      }
    }
    start = nextStart;
  }
  // Cut prose goes on in lowercase after many of its breaks; a list of headlines never does.
  return lines >= 3 && wrappedLike * 2 >= lines && continuesLower * 4 >= wrappedLike;
}

/**
 * Split `text` into sentences, given its tokens (which cover every non-space character).
 * Walks the tokens once; at each terminal mark or line break it asks the rules in order.
 */
export function splitSentences(
  text: string,
  tokens: readonly Token[],
  lexicon: SegmentLexicon,
  rules: readonly SentenceRule[],
  wrapped: boolean = isHardWrapped(text),
): Span[] {
  const sentences: Span[] = [];
  const first = tokens[0];
  if (!first) return sentences;
  const b: Boundary = {
    text,
    tokens,
    lexicon,
    kind: "mark",
    mark: "",
    markToken: 0,
    last: 0,
    next: 0,
    gap: "space",
    closedQuote: false,
    paragraphStart: first.start,
    wrapped,
  };
  let sentenceStart = first.start;
  // Straight double quotes open and close in turn within a paragraph.
  let insideQuote = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === "punct") {
      const c = text.charCodeAt(token.start);
      if (c === 34) insideQuote = straightQuoteOpens(tokens, i, insideQuote);
      else if (c === 0x201c) insideQuote = true;
      else if (c === 0x201d) insideQuote = false;
    }
    let mark = markOf(text, token);
    let last = i;
    let closedQuote = false;
    if (mark === "." && token.kind === "punct") {
      // A spaced ellipsis `. . .` is one mark.
      let j = i;
      while (
        j + 1 < tokens.length &&
        isSpacedPeriod(text, tokens[j + 1] as Token, tokens[j] as Token)
      ) {
        j++;
      }
      if (j >= i + 2) {
        mark = "…";
        last = j;
      }
    }
    if (mark !== "") {
      // Take in further marks (`?!`) and closing quotes or brackets (`."`, `.)`, ` . "`).
      for (let j = last + 1; j < tokens.length; j++) {
        const t = tokens[j] as Token;
        const previous = tokens[j - 1] as Token;
        const attached = t.start === previous.end;
        const c = text.charCodeAt(t.start);
        // A straight quote right after the mark closes; after a space (` . "`), only if a
        // quotation is open and no word is attached to it (` "We` opens one).
        const closing = followedBySpace(text, t.end) && (attached || insideQuote);
        if (c === 34 && closing && !text.slice(previous.end, t.start).includes("\n")) {
          insideQuote = false;
          closedQuote = true;
        } else if (attached && t.kind === "punct" && markOf(text, t) !== "") {
          // another mark
        } else if (attached && CLOSERS.has(text[t.start] as string) && t.end - t.start === 1) {
          if (c === 0x201d) insideQuote = false;
          closedQuote ||= c !== 41 && c !== 93 && c !== 125;
        } else break;
        last = j;
      }
    }
    const nextToken = tokens[last + 1];
    const gap = gapBetween(text, (tokens[last] as Token).end, nextToken?.start);
    if (mark === "" && gap !== "line" && gap !== "paragraph") continue;
    b.kind = mark === "" ? "line" : "mark";
    b.mark = mark;
    b.markToken = i;
    b.last = last;
    b.next = last + 1;
    b.gap = gap;
    b.closedQuote = closedQuote;
    let ends = true;
    for (const rule of rules) {
      const decision = rule.decide(b);
      if (decision !== undefined) {
        ends = decision;
        break;
      }
    }
    if (ends) {
      sentences.push({ start: sentenceStart, end: (tokens[last] as Token).end });
      if (nextToken) sentenceStart = nextToken.start;
    }
    if (nextToken && (gap === "paragraph" || (gap === "line" && ends))) {
      // A line that starts a sentence after a line break starts a block, as a paragraph
      // does: a dateline can follow a headline line directly.
      b.paragraphStart = nextToken.start;
      if (gap === "paragraph") insideQuote = false;
    }
    i = last;
  }
  return sentences;
}

/**
 * HTML to text, for documents whose raw input is markup (a page's article as Readability
 * kept it, a feed item, a JSON `html` field). Block elements end paragraphs (`\n\n`), `<br>`
 * ends a line, inline elements vanish, scripts, styles and comments go with their content,
 * and whitespace inside text collapses as a browser shows it. Character references in text
 * are decoded here, the way a browser does: this is markup, not broken text.
 *
 * Every run of tags and the whitespace between them becomes one edit, so `</p>\n<p>` is a
 * single paragraph break mapped to the markup it replaced.
 */
import { decodeHTML } from "entities";
import type { EditSink, Note } from "../edits.ts";

/** Elements whose content is never article text. */
const SKIP_CONTENT = "script|style|noscript|template|svg|head|iframe|object|button|select|textarea";

/** A comment, a skipped element with its content, a tag, a doctype or processing instruction. */
const TAG = new RegExp(
  `<!--[\\s\\S]*?(?:-->|$)|<(${SKIP_CONTENT})\\b[^>]*>[\\s\\S]*?(?:<\\/\\1\\s*>|$)|<\\/?([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>|<![^<>]*>|<\\?[^<>]*>`,
  "gi",
);

/** Elements that start and end a block: a paragraph break before and after. */
const BLOCK = new Set(
  "p div article section main header footer aside nav h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote figure figcaption table thead tbody tfoot tr pre hr address details summary form fieldset caption center body html title".split(
    " ",
  ),
);
/** Cells sit beside each other: a space, never glued words. */
const SPACE_BETWEEN = new Set(["td", "th", "img", "input"]);

const IN_TEXT =
  /[ \t\r\n\f]*[\r\n][ \t\r\n\f]*|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g;

const NOTE: Note = {
  rule: "clean/markup",
  severity: "info",
  reason: "HTML markup converted to text (tags removed, blocks made paragraphs)",
};

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** Newlines in running text are spaces in HTML; references are characters. */
function textSegment(text: string, from: number, to: number, sink: EditSink): void {
  if (to <= from) return;
  IN_TEXT.lastIndex = from;
  for (let m = IN_TEXT.exec(text); m && m.index < to; m = IN_TEXT.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    if (m[0][0] === "&") {
      const decoded = decodeHTML(m[0]);
      if (decoded !== m[0]) sink.edit(m.index, end, decoded);
    } else sink.edit(m.index, end, " ");
  }
}

export function htmlToText(text: string, sink: EditSink): void {
  let runStart = -1;
  let runEnd = 0;
  let strength = 0;
  let spaced = false;
  let textFrom = 0;
  const flush = (): void => {
    if (runStart < 0) return;
    let replacement: string;
    if (runStart === 0 || runEnd >= text.length) replacement = "";
    else if (strength >= 2) replacement = "\n\n";
    else if (strength === 1) replacement = "\n";
    else replacement = spaced ? " " : "";
    textSegment(text, textFrom, runStart, sink);
    sink.aggregate(runStart, runEnd, replacement, NOTE);
    textFrom = runEnd;
    runStart = -1;
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    // Whitespace on either side belongs to the run.
    while (start > textFrom && isSpace(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    if (runStart >= 0 && start > runEnd) flush();
    if (runStart < 0) {
      runStart = start;
      runEnd = end;
      strength = 0;
      spaced = false;
    }
    if (start < m.index || end > m.index + m[0].length) spaced = true;
    runEnd = Math.max(runEnd, end);
    const name = (m[2] ?? "").toLowerCase();
    if (BLOCK.has(name)) strength = 2;
    else if (name === "br") strength = Math.min(2, strength + 1);
    else if (SPACE_BETWEEN.has(name)) spaced = true;
    TAG.lastIndex = end;
  }
  flush();
  textSegment(text, textFrom, text.length, sink);
}

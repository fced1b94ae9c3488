/**
 * Whitespace made regular: paragraphs separated by exactly one blank line (`\n\n`), single
 * line breaks kept (headlines, datelines and list items sit on their own lines), runs of
 * spaces and tabs folded to one space, no space at the ends of lines or of the text,
 * invisible characters (zero-width space, soft hyphen, BOM) dropped, odd spaces (no-break,
 * thin, ideographic) written as plain spaces. These repairs are trivial and many, so they
 * are reported as one message with a count.
 */
import type { EditSink, Note } from "../edits.ts";

const SP = "[ \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000\\f\\v]";
/** A line break with the spaces around it and any blank lines after it; or a run of spaces; or an odd character. */
const WHITESPACE = new RegExp(
  `^[\\s\\u200B\\u2060\\u00AD]+|[\\s\\u200B\\u2060\\u00AD]+$|${SP}*(?:\\r\\n?|\\n)(?:${SP}*(?:\\r\\n?|\\n))*${SP}*|${SP}{2,}|[\\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000\\f\\v]|[\\u200B\\u2060\\uFEFF\\u00AD]+`,
  "g",
);

const NOTE: Note = { rule: "clean/whitespace", severity: "info", reason: "normalised whitespace" };

function countBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

export function normaliseWhitespace(text: string, sink: EditSink): void {
  WHITESPACE.lastIndex = 0;
  for (let m = WHITESPACE.exec(text); m; m = WHITESPACE.exec(text)) {
    const s = m[0];
    const start = m.index;
    const end = start + s.length;
    const atEdge = start === 0 || end === text.length;
    let replacement: string;
    const first = s.charCodeAt(0);
    if (first === 0x200b || first === 0x2060 || first === 0xfeff || first === 0xad)
      replacement = "";
    else if (atEdge) replacement = "";
    else {
      const breaks = countBreaks(s);
      replacement = breaks === 0 ? " " : breaks === 1 ? "\n" : "\n\n";
    }
    if (replacement === s) continue;
    sink.aggregate(start, end, replacement, NOTE);
  }
}

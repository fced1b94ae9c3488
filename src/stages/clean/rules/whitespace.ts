/**
 * Whitespace made regular: paragraphs separated by exactly one blank line (`\n\n`), single
 * line breaks kept (headlines, datelines and list items sit on their own lines), runs of
 * spaces and tabs folded to one space, no space at the ends of lines or of the text,
 * invisible characters (zero-width space, word joiner, soft hyphen, BOM) dropped, odd spaces
 * (no-break, thin, ideographic) written as plain spaces. These repairs are trivial and many,
 * so they are reported as one message with a count.
 *
 * A hand-written scan rather than a regular expression: every character is looked at once,
 * and the common case (a letter) costs one comparison.
 */
import type { EditSink, Note } from "../edits.ts";

const NOTE: Note = { rule: "clean/whitespace", severity: "info", reason: "normalised whitespace" };

/** 0: not whitespace; 1: a space of some kind; 2: a line break; 3: invisible. */
function kind(c: number): number {
  if (c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0) return 1;
  if (c === 10 || c === 13) return 2;
  if (c < 0xad) return 0;
  if (c === 0xad || c === 0x200b || c === 0x2060 || c === 0xfeff) return 3;
  if ((c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) return 1;
  return 0;
}

export function normaliseWhitespace(text: string, sink: EditSink): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // The fast path: printable ASCII other than space.
    if (c > 32 && c < 0x7f) {
      i++;
      continue;
    }
    const k0 = kind(c);
    if (k0 === 0) {
      i++;
      continue;
    }
    const start = i;
    let breaks = 0;
    let visible = false;
    for (; i < n; i++) {
      const ch = text.charCodeAt(i);
      const k = kind(ch);
      if (k === 0) break;
      if (k === 2) {
        // \r\n is one break; a lone \r (old Mac files) is one too.
        if (!(ch === 13 && text.charCodeAt(i + 1) === 10)) breaks++;
        visible = true;
      } else if (k === 1) visible = true;
    }
    const end = i;
    let replacement: string;
    if (!visible || start === 0 || end === n) replacement = "";
    else replacement = breaks === 0 ? " " : breaks === 1 ? "\n" : "\n\n";
    if (end - start === replacement.length && text.slice(start, end) === replacement) continue;
    sink.aggregate(start, end, replacement, NOTE);
  }
}

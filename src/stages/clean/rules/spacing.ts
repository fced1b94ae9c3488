/**
 * Spaces a detokenizer left before punctuation: `Iraq . "` → `Iraq."`, `said , he` →
 * `said, he`. Only after a word and before a mark that ends a clause, so `3 . 5` and
 * `a : b` in code are left as they are.
 *
 * A hand-written scan rather than a regular expression: a pattern that starts with a space
 * is tried at every space of the text, and this rule rarely fires.
 */
import type { EditSink } from "../edits.ts";

const WORD_END = /[\p{L}\p{N})\]"']/u;
const CLAUSE_END = /[.,!?]/;

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t";
}

/** After the mark: a space not followed by a digit (`3 . 5`), a quote or bracket, or the end. */
function endsClause(text: string, after: number): boolean {
  const next = text[after];
  if (next === undefined) return true;
  if (/\s/.test(next)) return !/\d/.test(text[after + 1] ?? "");
  return next === '"' || next === "'" || next === ")" || next === "]";
}

/** `. , ; ! ?` as char codes. */
function isMark(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 33 || c === 63;
}

/** Closing quote marks: `"`, `'`, `”`, `’`. */
function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019;
}

export function fixSpacing(text: string, sink: EditSink): void {
  const n = text.length;
  for (let i = 1; i < n; i++) {
    // One comparison per character in the common case; the checks below run at " ." only.
    if (text.charCodeAt(i) !== 32) continue;
    const next = text.charCodeAt(i + 1);
    if (!isMark(next) && !isQuote(next)) continue;
    let start = i;
    while (start > 0 && isSpace(text[start - 1])) start--;
    const before = text[start - 1] ?? " ";
    const at = i + 1;
    let ok: boolean;
    if (isMark(next)) ok = WORD_END.test(before) && endsClause(text, at + 1);
    else {
      const after = text[at + 1];
      ok = (after === undefined || after === "\n" || after === "\r") && CLAUSE_END.test(before);
    }
    if (!ok) continue;
    sink.edit(start, at, "", {
      rule: "clean/spacing",
      severity: "warning",
      reason: () => `removed a space before "${text[at]}"`,
    });
  }
}

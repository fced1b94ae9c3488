/**
 * Spaces a detokenizer left before punctuation: `Iraq . "` → `Iraq."`, `said , he` →
 * `said, he`. Only after a word and before a mark that ends a clause, so `3 - 4` and
 * `a : b` in code are left as they are.
 */
import type { EditSink } from "../edits.ts";

/** Spaces after a word or closing bracket, before `. , ; ! ?` that is followed by a space (not a digit: `3 . 5`), a quote or the end. */
const BEFORE_PUNCT = /(?<=[\p{L}\p{N})\]"'])[ \t]+(?=[.,;!?](?:\s(?!\d)|["')\]]|$))/gu;
/** A closing quote alone at the end of a line, after the sentence's last mark. */
const BEFORE_CLOSING_QUOTE = /(?<=[.,!?])[ \t]+(?=["'\u201D\u2019](?:\r?\n|$))/g;

export function fixSpacing(text: string, sink: EditSink): void {
  const hits: [number, number][] = [];
  for (const re of [BEFORE_PUNCT, BEFORE_CLOSING_QUOTE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) hits.push([m.index, m.index + m[0].length]);
  }
  hits.sort((a, b) => a[0] - b[0]);
  for (const [start, end] of hits) {
    sink.edit(start, end, "", {
      rule: "clean/spacing",
      severity: "warning",
      reason: `removed a space before "${text[end]}"`,
    });
  }
}

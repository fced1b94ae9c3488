/**
 * Markup left in plain text by a scraper: `<p>`, `<br>`, `<b>`, a `<script>` block. Only
 * known HTML element names count, so `a < b`, `<3` and `<Reuters>` in prose stay.
 */
import type { EditSink } from "../edits.ts";

const NAMES =
  "p|br|div|span|a|b|i|u|em|strong|small|sup|sub|li|ul|ol|h[1-6]|blockquote|img|figure|figcaption|iframe|table|tr|td|th|tbody|thead|section|article|header|footer|nav|hr|font|center";
const STRAY = new RegExp(
  `<(script|style)\\b[^<>]*>[\\s\\S]*?<\\/\\1\\s*>|<!--[\\s\\S]*?-->|<\\/?(${NAMES})\\b(?:\\s[^<>]*)?\\/?>`,
  "gi",
);
const BLOCK =
  /^(?:p|div|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table|tr|tbody|thead|section|article|header|footer|nav|hr|center)$/i;

export function stripStrayMarkup(text: string, sink: EditSink): void {
  if (text.indexOf("<") === -1) return;
  STRAY.lastIndex = 0;
  for (let m = STRAY.exec(text); m; m = STRAY.exec(text)) {
    const name = m[2] ?? "";
    const replacement = BLOCK.test(name) ? "\n\n" : /^br$/i.test(name) ? "\n" : "";
    sink.edit(m.index, m.index + m[0].length, replacement, {
      rule: "clean/markup",
      severity: "warning",
      reason: () =>
        `removed HTML markup "${m[0].length > 40 ? `${m[0].slice(0, 40)}…` : m[0]}" left in the text`,
    });
  }
}

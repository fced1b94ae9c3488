/**
 * Page artifacts (`Loading...`, `Advertisement`, share and cookie lines): whole lines found
 * in the lexicon are dropped with their line break; a few phrases that cannot be prose are
 * dropped inside lines too. See `lexicon/artifacts.txt`.
 */
import type { CleanRule, EditSink } from "../edits.ts";
import { type ArtifactLexicon, normaliseLine } from "../lexicon.ts";

/** Longer lines are prose: artifacts are short, and testing only short lines keeps this fast. */
const MAX_ARTIFACT_LINE = 320;

function quote(s: string): string {
  const t = s.trim();
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}

export function isArtifactLine(line: string, lexicon: ArtifactLexicon): boolean {
  const normal = normaliseLine(line);
  if (normal === "") return false;
  return lexicon.lines.has(normal) || (lexicon.pattern?.test(normal) ?? false);
}

export function dropArtifactLines(lexicon: ArtifactLexicon): CleanRule {
  return function dropArtifactLinesRule(text: string, sink: EditSink): void {
    let start = 0;
    while (start <= text.length) {
      const nl = text.indexOf("\n", start);
      const end = nl === -1 ? text.length : nl;
      if (end - start <= MAX_ARTIFACT_LINE && end > start) {
        const line = text.slice(start, end);
        if (isArtifactLine(line, lexicon)) {
          // The line and its break; the last line takes the break before it instead.
          const from = nl === -1 && start > 0 ? start - 1 : start;
          const to = nl === -1 ? end : end + 1;
          sink.edit(from, to, "", {
            rule: "clean/artifact",
            severity: "warning",
            reason: `dropped the page artifact "${quote(line)}"`,
          });
        }
      }
      if (nl === -1) break;
      start = nl + 1;
    }
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function dropInlineArtifacts(lexicon: ArtifactLexicon): CleanRule {
  if (lexicon.inline.length === 0) return () => {};
  // Bounded by whitespace or the text's ends on both sides, with one space on the right taken along.
  const re = new RegExp(
    `(?<=^|\\s)(?:${lexicon.inline.map(escapeRegExp).join("|")})(?:[ \\t]+|(?=\\s|$))`,
    "g",
  );
  return function dropInlineArtifactsRule(text: string, sink: EditSink): void {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      sink.edit(m.index, m.index + m[0].length, "", {
        rule: "clean/artifact",
        severity: "warning",
        reason: `dropped the page artifact "${m[0].trim()}"`,
      });
    }
  };
}

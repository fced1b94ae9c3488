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

/** Whole-line entries are a few words: only lines this short are normalised and looked up. */
const MAX_EXACT_LINE = 80;

export function isArtifactLine(line: string, lexicon: ArtifactLexicon): boolean {
  if (line.length <= MAX_EXACT_LINE) {
    const normal = normaliseLine(line);
    if (normal === "") return false;
    if (lexicon.lines.has(normal)) return true;
  }
  return lexicon.linePattern?.test(line) ?? false;
}

/**
 * Could the line be an artifact at all? Lexicon entries start with a letter, `©` or `(`
 * (see the lexicon's header), so a line starting with a digit or a quote mark is prose and
 * is not normalised and looked up.
 */
function maybeArtifact(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  return !(c === 34 || c === 39 || (c >= 48 && c <= 57) || c === 0x201c || c === 0x2018);
}

export function dropArtifactLines(lexicon: ArtifactLexicon): CleanRule {
  return function dropArtifactLinesRule(text: string, sink: EditSink): void {
    let start = 0;
    while (start <= text.length) {
      const nl = text.indexOf("\n", start);
      const end = nl === -1 ? text.length : nl;
      if (end - start <= MAX_ARTIFACT_LINE && end > start && maybeArtifact(text, start, end)) {
        const line = text.slice(start, end);
        if (isArtifactLine(line, lexicon)) {
          // The line and its break; the last line takes the break before it instead.
          const from = nl === -1 && start > 0 ? start - 1 : start;
          const to = nl === -1 ? end : end + 1;
          sink.edit(from, to, "", {
            rule: "clean/artifact",
            severity: "warning",
            reason: () => `dropped the page artifact "${quote(line)}"`,
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
  // The phrases first, so the engine scans for their letters; a lookbehind for the space
  // before would run at every position, so that is checked in code.
  const re = new RegExp(
    `(?:${lexicon.inline.map(escapeRegExp).join("|")})(?:[ \\t]+|(?=\\s|$))`,
    "g",
  );
  return function dropInlineArtifactsRule(text: string, sink: EditSink): void {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const prev = text[m.index - 1];
      if (prev !== undefined && !/\s/.test(prev)) continue;
      sink.edit(m.index, m.index + m[0].length, "", {
        rule: "clean/artifact",
        severity: "warning",
        reason: `dropped the page artifact "${m[0].trim()}"`,
      });
    }
  };
}

/** How far into the text a byline line may stand: it opens the article, if it is there. */
const BYLINE_LINES = 3;

/**
 * The byline line (`By Jane Roe`) when the reader found the byline in the page's metadata:
 * it is metadata kept in the body (Readability sometimes keeps it), not article text.
 */
export function dropBylineLine(byline: string): CleanRule {
  const name = normaliseLine(byline).replace(/^by /, "");
  return function dropBylineLineRule(text: string, sink: EditSink): void {
    if (name === "") return;
    let start = 0;
    for (let n = 0; n < BYLINE_LINES && start < text.length; n++) {
      const nl = text.indexOf("\n", start);
      const end = nl === -1 ? text.length : nl;
      const line = normaliseLine(text.slice(start, end));
      if (line === name || line === `by ${name}`) {
        sink.edit(start, nl === -1 ? end : end + 1, "", {
          rule: "clean/byline",
          severity: "info",
          reason: `dropped the byline "${text.slice(start, end).trim()}", kept as metadata`,
        });
        return;
      }
      start = end + 1;
    }
  };
}

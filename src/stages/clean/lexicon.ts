/**
 * The page-artifact lexicon (`lexicon/artifacts.txt`), read once per process. Users may add
 * their own entries in the same format (`stages.clean.artifacts`: a path), so the data stays
 * data and not code.
 */
import { readFileSync } from "node:fs";

export interface ArtifactLexicon {
  /** Normalised whole lines. */
  lines: Set<string>;
  /** One alternation of the `[pattern]` entries, anchored per entry; null when none. */
  pattern: RegExp | null;
  /**
   * The same patterns for a line as it stands (any case, spaces around, trailing marks), so
   * the hot path need not normalise every line to test it.
   */
  linePattern: RegExp | null;
  /** The pattern entries as written, each `(?:^…$)` with the trailing marks allowed. */
  patterns: string[];
  /** Exact phrases, longest first, so a longer phrase wins over its prefix. */
  inline: string[];
}

/**
 * A line as the lexicon compares it: lower-cased, invisible characters dropped, spaces folded,
 * trailing dots, colons,
 * pipes, ellipses and spaces dropped.
 */
export function normaliseLine(line: string): string {
  return line
    .toLowerCase()
    .replace(/[\u200B\u2060\uFEFF\u00AD]/g, "")
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.:|!»>]+$/, "");
}

/** `^share …$` → `share …[marks]*$`: a line as it stands, after `^\s*`, with trailing marks. */
function forRawLine(entry: string): string {
  const inner = entry.slice("(?:".length, -1);
  return `(?:${inner.replace(/^\^/, "").replace(/\$$/, "")}[\\s.:|!»>\u2026]*$)`;
}

export function parseArtifactLexicon(source: string, into?: ArtifactLexicon): ArtifactLexicon {
  const lines = into?.lines ?? new Set<string>();
  const patterns: string[] = into?.patterns ? [...into.patterns] : [];
  const inline = into?.inline ?? [];
  let section = "";
  let n = 0;
  for (const rawLine of source.split("\n")) {
    n++;
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = header[1] as string;
      if (!["line", "pattern", "inline"].includes(section)) {
        throw new Error(`artifact lexicon line ${n}: unknown section [${section}]`);
      }
      continue;
    }
    if (section === "line") lines.add(normaliseLine(line));
    else if (section === "pattern") {
      try {
        new RegExp(line, "u");
      } catch (error) {
        throw new Error(`artifact lexicon line ${n}: ${(error as Error).message}`);
      }
      patterns.push(`(?:${line})`);
    } else if (section === "inline") inline.push(line);
    else throw new Error(`artifact lexicon line ${n}: entry before any [section]`);
  }
  inline.sort((a, b) => b.length - a.length);
  if (patterns.length === 0) return { lines, pattern: null, linePattern: null, patterns, inline };
  return {
    lines,
    pattern: new RegExp(patterns.join("|"), "u"),
    linePattern: new RegExp(`^\\s*(?:${patterns.map(forRawLine).join("|")})`, "iu"),
    patterns,
    inline,
  };
}

let builtIn: ArtifactLexicon | undefined;

/** The lexicon shipped with Dateline, read on first use. */
export function builtInArtifacts(): ArtifactLexicon {
  builtIn ??= parseArtifactLexicon(
    readFileSync(new URL("./lexicon/artifacts.txt", import.meta.url), "utf8"),
  );
  return builtIn;
}

/**
 * Which way a clause points, from cue words near an expression: the nearest cue wins
 * (left before right at equal distance), within a window of the sentence.
 *
 * - future: `will`, `'ll`, `shall`, `would`, `going to`, `is to`, `scheduled`, `expected`,
 *   `due`, `postponed`, `next`, … — words that point forward whatever the verb's tense
 *   (`postponed until Saturday`).
 * - past: simple past verbs (`said`, `told`, an irregular list, lowercase `-ed` words that no
 *   `be`/`to`/`will` precedes: `to be published` is not a past).
 * - perfect: `has`/`have` (+ participle): past for a weekday, undecided for a month.
 * - none: no cue in reach. Callers pick their own default (news reports the past).
 *
 * Why nearest-cue rather than the sentence's main verb: a reporting sentence holds several
 * clauses (`The FAA on Friday announced it will close …`), and the date belongs to the verb
 * next to it. Without a parser, adjacency is the cheapest good proxy.
 */
import type { Span } from "../../core/span.ts";
import type { CalendarLexicon } from "./lexicon.ts";
import type { Tense } from "./types.ts";

/** Words further than this from the expression do not decide its tense. */
const WINDOW_WORDS = 12;

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

interface Word {
  start: number;
  end: number;
  lower: string;
  raw: string;
  /** Index of the clause the word belongs to within its sentence. */
  clause: number;
}

/** Words that open a new clause after a comma (`, and troops will arrive`). */
const CLAUSE_OPENERS = new Set([
  "and",
  "but",
  "while",
  "whereas",
  "which",
  "who",
  "although",
  "though",
  "because",
  "so",
  "yet",
]);
const CLAUSE_MARK = /[;:—()"“”]/;

export class TenseReader {
  private readonly words = new Map<number, Word[]>();

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Span[],
    private readonly lex: CalendarLexicon,
  ) {}

  /** Tense of the clause around `[start, end)`. */
  tense(start: number, end: number): Tense {
    const bounds = this.sentenceAt(start);
    const words = this.wordsOf(bounds);
    // First word at or after the expression's end, and last word before its start.
    // Binary search: a sentence can be very long (a page without punctuation).
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((words[mid] as Word).start < end) lo = mid + 1;
      else hi = mid;
    }
    const right = lo;
    let left = right - 1;
    while (left >= 0 && (words[left] as Word).end > start) left--;
    // The expression's own clause first; a cue elsewhere in the sentence only if it has none.
    const clause = words[left + 1]?.clause ?? words[left]?.clause ?? 0;
    return this.scan(words, left, right, clause) ?? this.scan(words, left, right, null) ?? "none";
  }

  private scan(
    words: readonly Word[],
    left: number,
    right: number,
    clause: number | null,
  ): Tense | null {
    for (let step = 0; step < WINDOW_WORDS; step++) {
      const l = left - step;
      const r = right + step;
      if (l < 0 && r >= words.length) break;
      if (l >= 0 && (clause === null || (words[l] as Word).clause === clause)) {
        const t = this.classify(words, l);
        if (t !== null) return t;
      }
      if (r < words.length && (clause === null || (words[r] as Word).clause === clause)) {
        const t = this.classify(words, r);
        if (t !== null) return t;
      }
    }
    return null;
  }

  private classify(words: readonly Word[], i: number): Tense | null {
    const w = words[i] as Word;
    const word = w.lower;
    const cues = this.lex.cues;
    const next = words[i + 1]?.lower;
    const prev = words[i - 1]?.lower;
    if (word.endsWith("'ll") || word.endsWith("’ll")) return "future";
    if (word.endsWith("'ve") || word.endsWith("’ve")) return "perfect";
    if (word.endsWith("n't") || word.endsWith("n’t")) {
      const stem = word.slice(0, -3);
      if (stem === "wo" || stem === "would" || stem === "shall") return "future";
      if (stem === "did" || stem === "was" || stem === "were" || stem === "had") return "past";
      if (stem === "has" || stem === "have") return "perfect";
      return null;
    }
    if (next === "to" && cues.futureBeforeTo.has(word)) return "future";
    if (cues.future.has(word)) return "future";
    if (cues.perfect.has(word)) return "perfect";
    if (cues.past.has(word)) return "past";
    if (word.length >= 4 && word.endsWith("ed") && !cues.notPastEd.has(word)) {
      // A capitalised -ed word is a name or a sentence's first word more often than a verb.
      const first = w.raw.charCodeAt(0);
      if (first >= 65 && first <= 90 && i > 0) return null;
      if (prev !== undefined && cues.perfect.has(prev)) return "perfect";
      if (prev !== undefined && cues.notPastParticiple.has(prev)) return null;
      return "past";
    }
    return null;
  }

  private sentenceAt(offset: number): Span {
    const list = this.sentences;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid] as Span;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return fallbackSentence(this.text, offset);
  }

  private wordsOf(bounds: Span): Word[] {
    const cached = this.words.get(bounds.start);
    if (cached) return cached;
    const out: Word[] = [];
    const slice = this.text.slice(bounds.start, bounds.end);
    WORD.lastIndex = 0;
    let clause = 0;
    let previousEnd = 0;
    for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
      const lower = m[0].toLowerCase();
      const gap = slice.slice(previousEnd, m.index);
      if (
        out.length > 0 &&
        (CLAUSE_MARK.test(gap) || (gap.includes(",") && CLAUSE_OPENERS.has(lower)))
      ) {
        clause++;
      }
      previousEnd = m.index + m[0].length;
      out.push({
        start: bounds.start + m.index,
        end: bounds.start + previousEnd,
        lower,
        raw: m[0],
        clause,
      });
    }
    this.words.set(bounds.start, out);
    return out;
  }
}

/**
 * A sentence around `offset` when segment gave none there: from after the previous
 * sentence-final mark or line break to the next one. Rough, but only used as a fallback.
 */
export function fallbackSentence(text: string, offset: number): Span {
  let start = offset;
  while (start > 0) {
    const c = text[start - 1];
    if (c === "\n" || ((c === "." || c === "!" || c === "?") && /\s/.test(text[start] ?? " ")))
      break;
    start--;
  }
  let end = offset;
  while (end < text.length) {
    const c = text[end];
    end++;
    if (c === "\n" || ((c === "." || c === "!" || c === "?") && /\s/.test(text[end] ?? " "))) break;
  }
  return { start, end };
}

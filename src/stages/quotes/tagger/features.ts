/**
 * Token features of the attribution tagger. One function serves training and tagging, so
 * what the model learned from is exactly what it sees. Features are strings; the model
 * maps those it kept to weight rows.
 */
import type { Span } from "../../../core/span.ts";
import type { Found } from "../found.ts";
import type { SpeechLexicon } from "../lexicon.ts";
import type { QuotedSpan } from "../marks.ts";
import { tokenAtOrAfter, type Words } from "../words.ts";

/** Tag set: outside, then begin/inside for source (S), cue (C) and content (Q). */
export const LABELS = ["O", "B-S", "I-S", "B-C", "I-C", "B-Q", "I-Q"] as const;
export type Label = (typeof LABELS)[number];
export const O = 0;
export const B_S = 1;
export const I_S = 2;
export const B_C = 3;
export const I_C = 4;
export const B_Q = 5;
export const I_Q = 6;

/** Distance in tokens as a small bucket, so near and far cues read differently. */
function bucket(d: number): string {
  if (d <= 3) return String(d);
  if (d <= 5) return "4";
  if (d <= 8) return "6";
  if (d <= 15) return "9";
  return "16";
}

function shapeOf(text: string, kind: string, lower: string): string {
  if (kind === "number") return "d";
  if (kind !== "word") return lower.length === 1 ? lower : "p";
  const c = text;
  const first = c[0] as string;
  if (first === first.toLowerCase()) return "x";
  return c.length > 1 && c === c.toUpperCase() ? "A" : "X";
}

/** What the hand rules found, per token: the rule system's tags feed the model. */
export function ruleTags(words: Words, found: readonly Found[]): string[] {
  const tags: string[] = new Array(words.tokens.length).fill("O");
  for (const f of found) {
    for (let k = tokenAtOrAfter(words, f.content.start); k < words.tokens.length; k++) {
      if ((words.tokens[k] as Span).start >= f.content.end) break;
      tags[k] = f.direct ? "QD" : "QI";
    }
    if (f.speaker) for (let k = f.speaker.first; k <= f.speaker.last; k++) tags[k] = "S";
    if (f.cue) for (let k = f.cue.first; k <= f.cue.last; k++) tags[k] = "C";
  }
  return tags;
}

/** Per token: 1 inside quotation marks, 2 an opening mark, 3 a closing mark, 0 outside. */
function quoteStates(words: Words, quoted: readonly QuotedSpan[]): Uint8Array {
  const state = new Uint8Array(words.tokens.length);
  for (const q of quoted) {
    for (let k = tokenAtOrAfter(words, q.open); k < words.tokens.length; k++) {
      const t = words.tokens[k] as Span;
      if (t.start >= q.close) break;
      state[k] = t.start === q.open ? 2 : t.end === q.close && !q.unclosed ? 3 : 1;
    }
  }
  return state;
}

function quoteLengths(words: Words, quoted: readonly QuotedSpan[]): Uint16Array {
  const lengths = new Uint16Array(words.tokens.length);
  for (const q of quoted) {
    let k = tokenAtOrAfter(words, q.open);
    const first = k;
    while (k < words.tokens.length && (words.tokens[k] as Span).start < q.close) k++;
    for (let j = first; j < k; j++) lengths[j] = k - first;
  }
  return lengths;
}

/**
 * The features of every token of a document. `rules` are the hand rules' tags
 * (`ruleTags`), `quoted` the paired quotation marks.
 */
export function documentFeatures(
  words: Words,
  quoted: readonly QuotedSpan[],
  rules: readonly string[],
  lex: SpeechLexicon,
  cueShares: ReadonlyMap<string, number>,
): string[][] {
  const n = words.tokens.length;
  const { text, tokens, lower, sentence } = words;
  const shapes: string[] = new Array(n);
  const cueLike = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as (typeof tokens)[number];
    const l = lower[i] as string;
    shapes[i] = shapeOf(text.slice(t.start, t.end), t.kind, l);
    const share = cueShares.get(l) ?? 0;
    cueLike[i] = share > 0 ? share : lex.cues.has(l) || l === "according" ? 1 : 0;
  }
  const qs = quoteStates(words, quoted);
  const qlen = quoteLengths(words, quoted);
  // Sentence index bounds, for positions within the sentence.
  const sentFirst = new Int32Array(n);
  const sentLast = new Int32Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && sentence[j + 1] === sentence[i]) j++;
    for (let k = i; k <= j; k++) {
      sentFirst[k] = i;
      sentLast[k] = j;
    }
    i = j + 1;
  }
  // Nearest cue-like word to the left and right within the sentence, with whether a comma or
  // `that` stands between.
  const leftCue = new Int32Array(n).fill(-1);
  const rightCue = new Int32Array(n).fill(-1);
  for (let i = 0, last = -1; i < n; i++) {
    if (i === sentFirst[i]) last = -1;
    leftCue[i] = last;
    if (cueLike[i]) last = i;
  }
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (i === sentLast[i]) next = -1;
    rightCue[i] = next;
    if (cueLike[i]) next = i;
  }
  const word = (k: number): string => lower[k] as string;
  const out: string[][] = new Array(n);
  let commaSeen = 0;
  let thatSeen = -1;
  for (let i = 0; i < n; i++) {
    const l = lower[i] as string;
    const sf = sentFirst[i] as number;
    const sl = sentLast[i] as number;
    if (i === sf) {
      commaSeen = 0;
      thatSeen = -1;
    }
    const p1 = i - 1 >= sf ? word(i - 1) : "<s>";
    const p2 = i - 2 >= sf ? word(i - 2) : "<s>";
    const n1 = i + 1 <= sl ? word(i + 1) : "</s>";
    const n2 = i + 2 <= sl ? word(i + 2) : "</s>";
    const sh = shapes[i] as string;
    const shp = i - 1 >= sf ? (shapes[i - 1] as string) : "^";
    const shn = i + 1 <= sl ? (shapes[i + 1] as string) : "$";
    const q = String(qs[i]);
    const r = rules[i] as string;
    const lc = leftCue[i] as number;
    const rc = rightCue[i] as number;
    const lcd = lc < 0 ? "-" : bucket(i - lc);
    const rcd = rc < 0 ? "-" : bucket(rc - i);
    const f: string[] = [
      "b",
      `w=${l}`,
      `p1=${p1}`,
      `p2=${p2}`,
      `n1=${n1}`,
      `n2=${n2}`,
      `pw=${p1}|${l}`,
      `wn=${l}|${n1}`,
      `sh=${shp}${sh}${shn}`,
      `sf=${l.length > 3 ? l.slice(-3) : l}`,
      `q=${q}`,
      `qp=${i > 0 ? qs[i - 1] : 0}${q}${i + 1 < n ? qs[i + 1] : 0}`,
      `ql=${qs[i] ? bucket(qlen[i] as number) : "-"}`,
      `sp=${bucket(i - sf)}`,
      `se=${bucket(sl - i)}`,
      `r=${r}`,
      `rp=${i > 0 ? rules[i - 1] : "<"}|${r}|${i + 1 < n ? rules[i + 1] : ">"}`,
      `rq=${r}|${q}`,
      `lc=${lcd}`,
      `rc=${rcd}`,
      `lcw=${lc < 0 ? "-" : lower[lc]}`,
      `lcs=${lc < 0 ? "-" : cueLike[lc]}|${lcd}`,
      `rcs=${rc < 0 ? "-" : cueLike[rc]}|${rcd}`,
      `rcw=${rc < 0 ? "-" : lower[rc]}`,
      `lcq=${lcd}|${q}|${commaSeen > 0 ? 1 : 0}`,
      `rcq=${rcd}|${q}|${sh}`,
      `th=${thatSeen >= 0 && lc >= 0 && thatSeen > lc ? 1 : 0}|${lcd}`,
      `cm=${commaSeen > 2 ? 3 : commaSeen}|${q}`,
    ];
    if (cueLike[i]) f.push(`cs=${cueLike[i]}`, `cue|${p1}`, `cue|${n1}`, `cue|${sh}|${q}`);
    if (lex.pronouns.has(l)) f.push("pron");
    out[i] = f;
    if (l === ",") commaSeen++;
    if (l === "that") thatSeen = i;
  }
  return out;
}

/** Share levels of the words that stand in a cue: 1 (10–30 % of uses), 2 (30–60 %), 3 (more). */
export function cueShareLevels(
  lowerWords: Iterable<{ word: string; cue: boolean }>,
  minCount = 3,
): Map<string, number> {
  const seen = new Map<string, number>();
  const asCue = new Map<string, number>();
  for (const { word, cue } of lowerWords) {
    seen.set(word, (seen.get(word) ?? 0) + 1);
    if (cue) asCue.set(word, (asCue.get(word) ?? 0) + 1);
  }
  const levels = new Map<string, number>();
  for (const [word, count] of asCue) {
    if (count < minCount) continue;
    const share = count / (seen.get(word) ?? count);
    if (share >= 0.1) levels.set(word, share >= 0.6 ? 3 : share >= 0.3 ? 2 : 1);
  }
  return levels;
}

/** First token of each paragraph: the tagger decodes paragraph by paragraph. */
export function paragraphStartTokens(words: Words): number[] {
  const starts = [0];
  const { text, tokens } = words;
  let nextBreak = text.indexOf("\n\n");
  for (let i = 1; i < tokens.length && nextBreak !== -1; i++) {
    const end = (tokens[i - 1] as Span).end;
    if (nextBreak < end) nextBreak = text.indexOf("\n\n", end);
    if (nextBreak !== -1 && nextBreak < (tokens[i] as Span).start) starts.push(i);
  }
  return starts;
}

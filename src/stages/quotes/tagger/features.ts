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

/** Distance buckets, so near and far cues read differently; index 8 is "none". */
const BUCKETS = ["0", "1", "2", "3", "4", "6", "9", "16", "-"];
const NONE = 8;

function bucket(d: number): number {
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 15) return 6;
  return 7;
}

/** The hand rules' tag of a token, and the ends of the document, as small codes. */
const RULE_TAGS = ["O", "QD", "QI", "S", "C", "<", ">"];
const RULE_CODE = new Map(RULE_TAGS.map((t, i) => [t, i]));

/**
 * Feature templates. A "small" template's value is a code of up to three small fields
 * (`a + 16 b + 256 c`) that `render` spells out; a "word" template's value is a string.
 * The tagger's features are these spelled-out strings; tagging looks each (template,
 * value) up once and remembers the row, so no string is built per token.
 */
const field = (code: number, k: number) => (code >> (4 * k)) & 15;
const B = (code: number, k: number) => BUCKETS[field(code, k)] as string;
const SMALL: readonly ((code: number) => string)[] = [
  () => "b",
  (c) => `q=${field(c, 0)}`,
  (c) => `qp=${field(c, 0)}${field(c, 1)}${field(c, 2)}`,
  (c) => `ql=${B(c, 0)}`,
  (c) => `sp=${B(c, 0)}`,
  (c) => `se=${B(c, 0)}`,
  (c) => `r=${RULE_TAGS[field(c, 0)]}`,
  (c) => `rp=${RULE_TAGS[field(c, 0)]}|${RULE_TAGS[field(c, 1)]}|${RULE_TAGS[field(c, 2)]}`,
  (c) => `rq=${RULE_TAGS[field(c, 0)]}|${field(c, 1)}`,
  (c) => `lc=${B(c, 0)}`,
  (c) => `rc=${B(c, 0)}`,
  (c) => `lcs=${field(c, 0) === 0 ? "-" : field(c, 0)}|${B(c, 1)}`,
  (c) => `rcs=${field(c, 0) === 0 ? "-" : field(c, 0)}|${B(c, 1)}`,
  (c) => `lcq=${B(c, 0)}|${field(c, 1)}|${field(c, 2)}`,
  (c) => `th=${field(c, 0)}|${B(c, 1)}`,
  (c) => `cm=${field(c, 0)}|${field(c, 1)}`,
  (c) => `cs=${field(c, 0)}`,
  () => "pron",
  (c) => `lrs=${B(c, 0)}|${B(c, 1)}|${field(c, 2)}`,
  (c) => `ec=${field(c, 0)}|${B(c, 1)}|${B(c, 2)}`,
  (c) => `ep=${field(c, 0)}|${field(c, 1)}|${field(c, 2)}`,
];
const [S_BIAS, S_Q, S_QP, S_QL, S_SP, S_SE, S_R, S_RP, S_RQ, S_LC, S_RC, S_LCS, S_RCS, S_LCQ] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
];
const S_TH = 14;
const S_CM = 15;
const S_CS = 16;
const S_PRON = 17;
const S_LRS = 18;
const S_EC = 19;
const S_EP = 20;
export const SMALL_TEMPLATES = SMALL.length;

/** Prefixes of the word templates. */
export const WORD_PREFIXES = [
  "w=",
  "p1=",
  "p2=",
  "n1=",
  "n2=",
  "pw=",
  "wn=",
  "sh=",
  "sf=",
  "lcw=",
  "rcw=",
  "rcq=",
  "cue|",
] as const;
export const W_SUFFIX = 8;
const [W_W, W_P1, W_P2, W_N1, W_N2, W_PW, W_WN, W_SH, W_SF, W_LCW, W_RCW, W_RCQ, W_CUE] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
];

/** Heads of `rcq=`: distance bucket and quote state. */
const RCQ_HEADS = BUCKETS.flatMap((b) => [0, 1, 2, 3].map((q) => `${b}|${q}|`));

/** Suffix feature value: the last three letters. */
export function suffixOf(word: string): string {
  return word.length > 3 ? word.slice(-3) : word;
}

export function renderSmall(template: number, code: number): string {
  return (SMALL[template] as (code: number) => string)(code);
}

/** Values of `wordAt` for no token: -1 `<s>`, -2 `</s>`, -3 `-`. */
export const SENTINELS = ["<s>", "</s>", "-"] as const;
export function sentinel(k: number): string {
  return SENTINELS[-k - 1] as string;
}

/** Receives the features of each token in turn. */
export interface FeatureSink {
  /** Called once, before the first token, with the lowercased tokens. */
  begin(lower: readonly string[]): void;
  token(index: number): void;
  /** A word template whose value is token `k`'s lowercased text, or a `SENTINELS` entry. */
  wordAt(template: number, k: number): void;
  small(template: number, code: number): void;
  word(template: number, value: string): void;
  /** Template `sh=`: the shapes of the token and its neighbours, spelled together. */
  shapes(template: number, before: string, shape: string, after: string): void;
  /** A template whose value is `head` (one of few, numbered `code`) and then `tail`. */
  mixed(template: number, code: number, head: string, tail: string): void;
  /** A word template whose value is `first|second`. */
  pair(template: number, first: string, second: string): void;
}

/** `x` lowercase, `X` capitalised, `A` all capitals, `d` number, else the punctuation. */
function shapeOf(text: string, start: number, end: number, kind: string, lower: string): string {
  if (kind === "number") return "d";
  if (kind !== "word") return lower.length === 1 ? lower : "p";
  const first = text[start] as string;
  if (first === first.toLowerCase()) return "x";
  if (end - start <= 1) return "X";
  for (let k = start + 1; k < end; k++) {
    const c = text[k] as string;
    if (c !== c.toUpperCase()) return "X";
  }
  return "A";
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

/** The features of every token as strings (training, and checks of the fast path). */
export function documentFeatures(
  words: Words,
  quoted: readonly QuotedSpan[],
  rules: readonly string[],
  lex: SpeechLexicon,
  cueShares: ReadonlyMap<string, number>,
): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let lowered: readonly string[] = [];
  emitFeatures(words, quoted, rules, lex, cueShares, {
    begin(lower) {
      lowered = lower;
    },
    wordAt(t, k) {
      const word = k >= 0 ? (lowered[k] as string) : sentinel(k);
      current.push(`${WORD_PREFIXES[t]}${t === W_SF ? suffixOf(word) : word}`);
    },
    token() {
      current = [];
      out.push(current);
    },
    small(t, code) {
      current.push(renderSmall(t, code));
    },
    word(t, value) {
      current.push(`${WORD_PREFIXES[t]}${value}`);
    },
    pair(t, first, second) {
      current.push(`${WORD_PREFIXES[t]}${first}|${second}`);
    },
    shapes(t, before, shape, after) {
      current.push(`${WORD_PREFIXES[t]}${before}${shape}${after}`);
    },
    mixed(t, _code, head, tail) {
      current.push(`${WORD_PREFIXES[t]}${head}${tail}`);
    },
  });
  return out;
}

/**
 * The features of every token of a document, handed to `sink`. `rules` are the hand rules'
 * tags (`ruleTags`), `quoted` the paired quotation marks, `cueShares` the learned cue words.
 */
export function emitFeatures(
  words: Words,
  quoted: readonly QuotedSpan[],
  rules: readonly string[],
  lex: SpeechLexicon,
  cueShares: ReadonlyMap<string, number>,
  sink: FeatureSink,
): void {
  const n = words.tokens.length;
  const { text, tokens, lower, sentence } = words;
  const shapes: string[] = new Array(n);
  const cueLike = new Uint8Array(n);
  const rule = new Uint8Array(n);
  const stemShares = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as (typeof tokens)[number];
    const l = lower[i] as string;
    shapes[i] = shapeOf(text, t.start, t.end, t.kind, l);
    // Looked up once per distinct word of the document: the word's share, else its stem's.
    let share = stemShares.get(l);
    if (share === undefined) {
      share = cueShares.get(l) ?? (t.kind === "word" ? (cueShares.get(stemKey(l)) ?? 0) : 0);
      stemShares.set(l, share);
    }
    cueLike[i] = share > 0 ? share : lex.cues.has(l) || l === "according" ? 1 : 0;
    rule[i] = RULE_CODE.get(rules[i] as string) ?? 0;
  }
  const qs = quoteStates(words, quoted);
  const qlen = quoteLengths(words, quoted);
  // Sentence bounds, for positions within the sentence.
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
  // Nearest cue-like word to the left and right within the sentence.
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
  // Nearest strong cue (a word that is a cue in 30 % of its uses or more, or a hand-listed
  // cue): a weak cue-like word nearer by does not hide it.
  const leftStrong = new Int32Array(n).fill(-1);
  const rightStrong = new Int32Array(n).fill(-1);
  const strong = (k: number) => (cueLike[k] as number) >= 2 || lex.cues.has(lower[k] as string);
  for (let i = 0, last = -1; i < n; i++) {
    if (i === sentFirst[i]) last = -1;
    leftStrong[i] = last;
    if (strong(i)) last = i;
  }
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (i === sentLast[i]) next = -1;
    rightStrong[i] = next;
    if (strong(i)) next = i;
  }
  let commaSeen = 0;
  let thatSeen = -1;
  sink.begin(lower);
  for (let i = 0; i < n; i++) {
    sink.token(i);
    const l = lower[i] as string;
    const sf = sentFirst[i] as number;
    const sl = sentLast[i] as number;
    if (i === sf) {
      commaSeen = 0;
      thatSeen = -1;
    }
    const p1 = i - 1 >= sf ? (lower[i - 1] as string) : "<s>";
    const n1 = i + 1 <= sl ? (lower[i + 1] as string) : "</s>";
    const sh = shapes[i] as string;
    const shp = i - 1 >= sf ? (shapes[i - 1] as string) : "^";
    const shn = i + 1 <= sl ? (shapes[i + 1] as string) : "$";
    const q = qs[i] as number;
    const r = rule[i] as number;
    const lc = leftCue[i] as number;
    const rc = rightCue[i] as number;
    const lcd = lc < 0 ? NONE : bucket(i - lc);
    const rcd = rc < 0 ? NONE : bucket(rc - i);
    sink.small(S_BIAS, 0);
    const k1 = i - 1 >= sf ? i - 1 : -1;
    const kn1 = i + 1 <= sl ? i + 1 : -2;
    sink.wordAt(W_W, i);
    sink.wordAt(W_P1, k1);
    sink.wordAt(W_P2, i - 2 >= sf ? i - 2 : -1);
    sink.wordAt(W_N1, kn1);
    sink.wordAt(W_N2, i + 2 <= sl ? i + 2 : -2);
    sink.pair(W_PW, p1, l);
    sink.pair(W_WN, l, n1);
    sink.shapes(W_SH, shp, sh, shn);
    sink.wordAt(W_SF, i);
    sink.small(S_Q, q);
    sink.small(
      S_QP,
      (i > 0 ? (qs[i - 1] as number) : 0) + 16 * q + 256 * (i + 1 < n ? (qs[i + 1] as number) : 0),
    );
    sink.small(S_QL, q ? bucket(qlen[i] as number) : NONE);
    sink.small(S_SP, bucket(i - sf));
    sink.small(S_SE, bucket(sl - i));
    sink.small(S_R, r);
    sink.small(
      S_RP,
      (i > 0 ? (rule[i - 1] as number) : 5) +
        16 * r +
        256 * (i + 1 < n ? (rule[i + 1] as number) : 6),
    );
    sink.small(S_RQ, r + 16 * q);
    sink.small(S_LC, lcd);
    sink.small(S_RC, rcd);
    sink.wordAt(W_LCW, lc < 0 ? -3 : lc);
    sink.wordAt(W_RCW, rc < 0 ? -3 : rc);
    sink.small(S_LCS, (lc < 0 ? 0 : (cueLike[lc] as number)) + 16 * lcd);
    sink.small(S_RCS, (rc < 0 ? 0 : (cueLike[rc] as number)) + 16 * rcd);
    sink.small(S_LCQ, lcd + 16 * q + 256 * (commaSeen > 0 ? 1 : 0));
    sink.mixed(W_RCQ, rcd * 4 + q, RCQ_HEADS[rcd * 4 + q] as string, sh);
    sink.small(S_TH, (thatSeen >= 0 && lc >= 0 && thatSeen > lc ? 1 : 0) + 16 * lcd);
    sink.small(S_CM, (commaSeen > 2 ? 3 : commaSeen) + 16 * q);
    if (cueLike[i]) {
      sink.small(S_CS, cueLike[i] as number);
      sink.wordAt(W_CUE, k1);
      sink.wordAt(W_CUE, kn1);
      sink.mixed(W_CUE, 64 + q, "", `${sh}|${q}`);
    }
    if (lex.pronouns.has(l)) sink.small(S_PRON, 0);
    const ls = leftStrong[i] as number;
    const rs = rightStrong[i] as number;
    sink.small(
      S_LRS,
      (ls < 0 ? NONE : bucket(i - ls)) + 16 * (rs < 0 ? NONE : bucket(rs - i)) + 256 * q,
    );
    // The entities stage's mentions: a named person or organisation beside a cue is the
    // likeliest source.
    const eType = (words.entity[i] as number) & 15;
    sink.small(S_EC, eType + 16 * rcd + 256 * lcd);
    sink.small(
      S_EP,
      (i > sf ? (words.entity[i - 1] as number) & 15 : 15) +
        16 * eType +
        256 * (i < sl ? (words.entity[i + 1] as number) & 15 : 15),
    );
    if (l === ",") commaSeen++;
    if (l === "that") thatSeen = i;
  }
}

/**
 * A crude stem for pooling a cue's forms (`favors`, `favored`, `favoring` -> `~favor`), so a
 * form seen too seldom as a cue still reads as one; spelled with `~` beside the words.
 */
export function stemKey(word: string): string {
  if (word.length < 4) return `~${word}`;
  let s = word.replace(/i(?:es|ed)$/, "y").replace(/(?:ing|ed|es|s|e)$/, "");
  const n = s.length;
  if (n > 3 && s[n - 1] === s[n - 2] && !/[aeiouls]/.test(s[n - 1] as string)) s = s.slice(0, -1);
  return `~${s}`;
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

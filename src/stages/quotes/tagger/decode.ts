/**
 * From tags to speech acts: runs of S, C and Q become sources, cues and contents; each
 * content takes the nearest cue of its sentence and the source nearest that cue. A content
 * run that opens with I-Q continues the one before it (`"…," he said, "…"`). A content with
 * no source in its sentence takes the hand rules' speaker for it, or the previous
 * quotation's when it is a direct quotation that continues one.
 */
import type { Span } from "../../../core/span.ts";
import type { Found } from "../found.ts";
import type { SpeechLexicon } from "../lexicon.ts";
import { isTitle, type QuotedSpan } from "../marks.ts";
import {
  NOT_SOURCE_START,
  PLACE_PREPOSITIONS,
  speakerBefore,
  TIME_WORDS,
  type TokenRange,
} from "../speaker.ts";
import { isCapitalised, paragraphBreakBetween, tokenAtOrAfter, type Words } from "../words.ts";
import { B_C, B_Q, B_S, I_C, I_Q, I_S } from "./features.ts";

interface Run extends TokenRange {
  kind: "S" | "C" | "Q";
  /** A content run that opened with I-Q: the next piece of the content before it. */
  continuation: boolean;
}

/** A continuation joins the content before it only across this many tokens at most. */
const MAX_GAP = 12;

function runsOf(words: Words, tags: Uint8Array): Run[] {
  const runs: Run[] = [];
  const kindOf = (t: number): Run["kind"] | null =>
    t === B_S || t === I_S
      ? "S"
      : t === B_C || t === I_C
        ? "C"
        : t === B_Q || t === I_Q
          ? "Q"
          : null;
  let current: Run | null = null;
  let nextBreak = words.text.indexOf("\n\n");
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as number;
    const kind = kindOf(t);
    // A paragraph break ends every run: each paragraph's quotation is a quote of its own.
    // (One cursor over the breaks keeps this linear in the document.)
    let broken = false;
    if (i > 0) {
      const end = (words.tokens[i - 1] as Span).end;
      if (nextBreak !== -1 && nextBreak < end) nextBreak = words.text.indexOf("\n\n", end);
      broken = nextBreak !== -1 && nextBreak < (words.tokens[i] as Span).start;
    }
    const begins = t === B_S || t === B_C || t === B_Q || broken;
    if (current && kind === current.kind && !begins) {
      current.last = i;
      continue;
    }
    current = null;
    if (!kind) continue;
    current = { kind, first: i, last: i, continuation: kind === "Q" && t === I_Q && !broken };
    runs.push(current);
  }
  return runs;
}

/** A tagged source that opens with a preposition or is only a date is an adverbial. */
function canBeSource(words: Words, r: TokenRange): boolean {
  const first = words.lower[r.first] as string;
  if (NOT_SOURCE_START.has(first)) return false;
  const next = words.lower[r.first + 1];
  if (PLACE_PREPOSITIONS.has(first) && (next === "the" || next === "a" || next === "an")) {
    return false;
  }
  for (let k = r.first; k <= r.last; k++) {
    if (words.tokens[k]?.kind === "word" && !TIME_WORDS.has(words.lower[k] as string)) return true;
  }
  return false;
}

function distance(a: TokenRange, b: TokenRange): number {
  if (a.last < b.first) return b.first - a.last;
  if (b.last < a.first) return a.first - b.last;
  return 0;
}

interface Content {
  pieces: TokenRange[];
}

export function foundFromTags(
  words: Words,
  tags: Uint8Array,
  quoted: readonly QuotedSpan[],
  rules: readonly Found[],
  lex: SpeechLexicon,
): Found[] {
  const runs = runsOf(words, tags);
  const sources = runs.filter((r) => r.kind === "S" && canBeSource(words, r));
  const cues = runs.filter((r) => r.kind === "C");
  const contents: Content[] = [];
  const inQuotes = (k: number) => {
    const start = (words.tokens[k] as Span).start;
    return quoted.some((q) => q.open <= start && start < q.close);
  };
  for (const r of splitAtQuotations(words, quoted, runs)) {
    if (r.kind !== "Q") continue;
    const previous = contents.at(-1);
    const lastPiece = previous?.pieces.at(-1);
    if (previous && lastPiece && r.first - lastPiece.last <= MAX_GAP) {
      const between = { first: lastPiece.last + 1, last: r.first - 1 };
      const sameParagraph = !paragraphBreakBetween(
        words.text,
        (words.tokens[lastPiece.last] as Span).end,
        (words.tokens[r.first] as Span).start,
      );
      // One quotation the tagger broke (at a sentence's end, say), or `"…," she said, "…"`
      // within a sentence: PolNeAR takes both pieces as one attribution. A new sentence
      // after a cue (`"…," he continued. "…"`) is a quotation of its own.
      const sameQuote = quoted.some(
        (q) =>
          q.open <= (words.tokens[lastPiece.last] as Span).start &&
          (words.tokens[r.first] as Span).start < q.close,
      );
      const sameSentence = words.sentence[r.first] === words.sentence[lastPiece.last];
      const quotation =
        sameParagraph &&
        inQuotes(lastPiece.last) &&
        inQuotes(r.first) &&
        (sameQuote || sameSentence);
      // `that, even if …, a recount …`: a comma or two the tagger left out.
      let onlyPunct =
        between.last - between.first < 3 &&
        words.sentence[r.first] === words.sentence[lastPiece.last];
      for (let k = between.first; onlyPunct && k <= between.last; k++) {
        if (tags[k] !== 0 || words.tokens[k]?.kind === "word") onlyPunct = false;
      }
      const separateQuotations =
        inQuotes(lastPiece.last) && inQuotes(r.first) && !sameQuote && !sameSentence;
      if (((r.continuation && sameParagraph) || quotation || onlyPunct) && !separateQuotations) {
        previous.pieces.push(r);
        continue;
      }
    }
    contents.push({ pieces: [r] });
  }
  const sentenceOf = (k: number) => words.sentence[k] as number;
  const out: Found[] = [];
  for (const c of contents) {
    const first = c.pieces[0] as TokenRange;
    const last = c.pieces.at(-1) as TokenRange;
    const whole = { first: first.first, last: last.last };
    const sentences = new Set([sentenceOf(whole.first), sentenceOf(whole.last)]);
    const inside = (r: TokenRange) => r.first >= whole.first && r.last <= whole.last;
    // A cue between the pieces belongs to them; else the nearest in the content's sentences.
    let cue: TokenRange | null = null;
    let best = Infinity;
    for (const r of cues) {
      if (!sentences.has(sentenceOf(r.first))) continue;
      const d = inside(r) ? 0 : distance(r, whole);
      if (d < best) {
        best = d;
        cue = r;
      }
    }
    let speaker: TokenRange | null = null;
    best = Infinity;
    const anchor = cue ?? whole;
    const anchorSentence = sentenceOf(anchor.first);
    for (const r of sources) {
      const s = sentenceOf(r.first);
      if (cue ? s !== anchorSentence : !sentences.has(s)) continue;
      if (!cue && inside(r) && c.pieces.length === 1) continue;
      const d = distance(r, anchor);
      if (d < best) {
        best = d;
        speaker = r;
      }
    }
    // `X said that …`: the content starts after `that`.
    if (words.lower[whole.first] === "that" && whole.first < whole.last) whole.first++;
    const start = (words.tokens[whole.first] as Span).start;
    const end = (words.tokens[whole.last] as Span).end;
    // A stray word (`the`) is no content; a lone name (`favored Trump`) can be.
    if (whole.first === whole.last) {
      const t = words.tokens[whole.first] as Span;
      const c = words.text[t.start] as string;
      if (c === c.toLowerCase()) continue;
    }
    // A quoted title (`showed "Gone With the Wind"`) is no speech, whatever the tagger says.
    const title = quoted.find((q) => q.open <= start && start <= q.start + 1);
    if (title && isTitle(words.text.slice(title.start, title.end))) continue;
    const direct = quoted.some((q) => q.open <= start && start <= q.start + 1 && end > q.start);
    // A cue after a determiner or a possessive is a noun (`His tweet about the debate drew
    // criticism`): the house reports speech acts, not mentions of them (as the hand rules).
    if (!direct && cue && nounCue(words, cue.first, lex)) continue;
    let inherits = false;
    if (!speaker) {
      const rule = rules.find((f) => f.speaker && f.content.start < end && start < f.content.end);
      if (rule?.speaker) {
        speaker = rule.speaker;
        cue ??= rule.cue;
      } else if (cue && cue.last < whole.first) {
        speaker = subjectBeforeCue(words, cue, lex);
        inherits = direct && !speaker;
      } else inherits = direct;
    }
    // A content never holds its own source or cue at an edge (`According to the port
    // authority, more than 40 ships …` when the tagger ran the content over the source).
    let from = whole.first;
    let to = whole.last;
    for (const r of [speaker, cue]) {
      if (!r) continue;
      if (r.first <= from && from <= r.last) from = r.last + 1;
      if (r.first <= to && to <= r.last) to = r.first - 1;
    }
    while (from < to && (words.lower[from] === "," || words.lower[from] === "that")) from++;
    while (to > from && words.lower[to] === ",") to--;
    if (to < from) continue;
    const cStart = from === whole.first ? start : (words.tokens[from] as Span).start;
    const cEnd = to === whole.last ? end : (words.tokens[to] as Span).end;
    const content = {
      start: trimMarks(words.text, cStart, cEnd),
      end: trimEndMarks(words.text, cStart, cEnd),
    };
    const found: Found = {
      content,
      direct,
      speaker: speaker ? { first: speaker.first, last: speaker.last } : null,
      cue: cue ? cueWord(words, cue, rules) : null,
      inherits,
    };
    // `"…," he said, "…"`: the pieces, without the attribution between them.
    if (c.pieces.length > 1) {
      const pieces = c.pieces
        .map((r) => pieceSpan(words, r, content))
        .filter((p): p is Span => p !== null);
      const fragments = splitAtAttribution(words, pieces, [found.speaker, found.cue]);
      if (fragments) found.fragments = fragments;
    }
    out.push(found);
  }
  // The tagger's spans win (it read the hand rules' findings as features); the rules add
  // indirect speech with a speaker and a cue where the tagger found nothing, or found only
  // an attribution nested inside theirs (`Rebels attacked …, officials said`).
  const strong = rules.filter(
    (r) =>
      !r.direct &&
      r.speaker &&
      r.cue &&
      out.every(
        (f) =>
          f.content.end <= r.content.start ||
          r.content.end <= f.content.start ||
          (r.content.start <= f.content.start &&
            f.content.end <= r.content.end &&
            f.cue !== null &&
            (words.tokens[f.cue.first] as Span).start >= r.content.start),
      ),
  );
  const inside = (f: Found, r: Found) =>
    r.content.start <= f.content.start && f.content.end <= r.content.end;
  const kept = out.filter((f) => !strong.some((r) => inside(f, r)));
  return joinContinuations(
    words,
    [...strong, ...kept].sort((a, b) => a.content.start - b.content.start),
  );
}

/**
 * The fragments of a content: its pieces, joined again wherever no word of the attribution
 * (`he said`) stands between two of them (the tagger also leaves quotation marks and the
 * words around a quoted phrase out of its runs: `was "disgusting" and "a con"` is one
 * piece). Undefined when one piece is left.
 */
function splitAtAttribution(
  words: Words,
  pieces: readonly Span[],
  attribution: ReadonlyArray<TokenRange | null>,
): Span[] | undefined {
  const marks = attribution.flatMap((r) => {
    const token = r ? words.tokens[r.first] : undefined;
    return token ? [token.start] : [];
  });
  const out: Span[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last && !marks.some((at) => at >= last.end && at < piece.start)) {
      last.end = Math.max(last.end, piece.end);
    } else out.push({ start: piece.start, end: piece.end });
  }
  return out.length > 1 ? out : undefined;
}

/** A content piece's characters, clipped to the content and without edge marks or commas. */
function pieceSpan(words: Words, r: TokenRange, content: Span): Span | null {
  const from = Math.max((words.tokens[r.first] as Span).start, content.start);
  const to = Math.min((words.tokens[r.last] as Span).end, content.end);
  if (to <= from) return null;
  let start = trimMarks(words.text, from, to);
  let end = trimEndMarks(words.text, from, to);
  while (start < end && /[\s,:;]/.test(words.text[start] as string)) start++;
  while (end > start && /[\s,:;]/.test(words.text[end - 1] as string)) end--;
  return end > start ? { start, end } : null;
}

/** Tokens an attribution between two quotations may take (`Trump told supporters in …`). */
const MAX_ATTRIBUTION_TOKENS = 30;

/**
 * `"…," he said. "…"`: a quotation with no cue or speaker of its own that follows a
 * quotation and its attribution in the same paragraph goes on with the same speech, and
 * PolNeAR annotates both as one attribution (about 1,800 of its 19,800 training contents
 * run over a sentence like this). The quote then covers both pieces, as `"…," he said,
 * "…"` within a sentence already does. A quotation after a paragraph break stays a quote
 * of its own (house rule: one quote per paragraph).
 */
function joinContinuations(words: Words, found: Found[]): Found[] {
  const out: Found[] = [];
  for (const f of found) {
    const previous = out.at(-1);
    if (previous && continuesQuotation(words, previous, f)) {
      const pieces = [
        ...(previous.fragments ?? [previous.content]),
        ...(f.fragments ?? [f.content]),
      ];
      const fragments = splitAtAttribution(words, pieces, [previous.speaker, previous.cue]);
      if (fragments) previous.fragments = fragments;
      else delete previous.fragments;
      previous.content = { start: previous.content.start, end: f.content.end };
      continue;
    }
    out.push(f);
  }
  return out;
}

function continuesQuotation(words: Words, previous: Found, f: Found): boolean {
  if (!f.direct || !previous.direct || f.speaker || f.cue || !f.inherits) return false;
  const gapStart = previous.content.end;
  const gapEnd = f.content.start;
  if (gapEnd <= gapStart || paragraphBreakBetween(words.text, gapStart, gapEnd)) return false;
  const first = tokenAtOrAfter(words, gapStart);
  const last = tokenAtOrAfter(words, gapEnd);
  if (last - first > MAX_ATTRIBUTION_TOKENS) return false;
  // Between them: nothing but marks (`X said: "…" "…"`), or the first one's own attribution.
  const between = words.text.slice(gapStart, gapEnd);
  if (/^[\s"“”„«»'‘’,.!?:;—–-]*$/.test(between)) return true;
  const at = (r: TokenRange | null) => {
    const token = r ? words.tokens[r.first] : undefined;
    return token !== undefined && token.start >= gapStart && token.end <= gapEnd;
  };
  return at(previous.cue) || at(previous.speaker);
}

function nounCue(words: Words, first: number, lex: SpeechLexicon): boolean {
  const previous = words.lower[first - 1];
  if (previous === undefined || words.sentence[first - 1] !== words.sentence[first]) return false;
  // Only a noun phrase that opens its sentence, the subject of another verb: PolNeAR
  // annotates `his criticism of X` inside a clause as an attribution, and so do we.
  if (first >= 2 && words.sentence[first - 2] === words.sentence[first]) return false;
  return lex.determiners.has(previous) || /['’]s$/.test(previous);
}

/** Verbal words between a subject and its cue: `had been`, `went on to`, `also`. */
const VERBAL = new Set([
  "was",
  "were",
  "is",
  "are",
  "has",
  "have",
  "had",
  "been",
  "be",
  "also",
  "then",
  "not",
  "did",
  "does",
  "do",
  "would",
  "will",
  "could",
  "should",
  "may",
  "might",
  "went",
  "on",
  "to",
  "later",
  "recently",
  "just",
  "already",
  "first",
  "never",
  "still",
  "again",
  "reportedly",
]);

/**
 * The subject of a cue the tagger found without a source (`The State Department admitted
 * it withheld emails`, `Groberg went on to explain …`): the phrase before the cue, past
 * auxiliaries and adverbs, when it names someone (a capitalised word or a pronoun).
 */
function subjectBeforeCue(words: Words, cue: TokenRange, lex: SpeechLexicon): TokenRange | null {
  const sentence = words.sentence[cue.first];
  let j = cue.first - 1;
  for (let skipped = 0; skipped < 4 && j >= 0; skipped++, j--) {
    if (words.sentence[j] !== sentence || !VERBAL.has(words.lower[j] as string)) break;
  }
  if (j < 0 || words.sentence[j] !== sentence) return null;
  const phrase = speakerBefore(words, j + 1, lex);
  if (!phrase) return null;
  // Its head names someone, or it opens the sentence (`The newspaper has also detailed`);
  // not a run of words before the verb (`gathered outside the Ministry of Justice &`).
  const head = phrase.last;
  if (isCapitalised(words, head) || lex.pronouns.has(words.lower[head] as string)) return phrase;
  const opens = phrase.first === 0 || words.sentence[phrase.first - 1] !== sentence;
  return opens && isCapitalised(words, phrase.first) ? phrase : null;
}

/**
 * A content run that leaves a quotation and enters another (`…," he continued. "…`) is
 * two quotations: the words between them are the attribution, not content.
 */
function splitAtQuotations(words: Words, quoted: readonly QuotedSpan[], runs: Run[]): Run[] {
  const out: Run[] = [];
  let q = 0;
  const quoteOf = (k: number): number => {
    const start = (words.tokens[k] as Span).start;
    while (q < quoted.length && (quoted[q] as QuotedSpan).close <= start) q++;
    const span = quoted[q];
    return span && span.open <= start ? q : -1;
  };
  for (const r of runs) {
    if (r.kind !== "Q") {
      out.push(r);
      continue;
    }
    q = 0;
    let piece: Run | null = null;
    let lastQuote = -2;
    let outside: number[] = [];
    for (let k = r.first; k <= r.last; k++) {
      const at = quoteOf(k);
      if (at === -1) {
        outside.push(k);
        continue;
      }
      if (piece && at !== lastQuote && lastQuote !== -1 && outside.length > 0) {
        out.push(piece);
        piece = { kind: "Q", first: k, last: k, continuation: false };
      } else if (!piece) {
        piece = { ...r, first: outside[0] ?? k, last: k };
      } else piece.last = k;
      outside = [];
      lastQuote = at;
    }
    if (piece) {
      const tail = outside.at(-1);
      if (tail !== undefined) piece.last = tail;
      out.push(piece);
    } else out.push(r);
  }
  return out;
}

const MARKS = /["“”„«»'‘’\s]/;

function trimMarks(text: string, start: number, end: number): number {
  let s = start;
  while (s < end - 1 && MARKS.test(text[s] as string)) s++;
  return s;
}

function trimEndMarks(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && MARKS.test(text[e - 1] as string)) e--;
  // Keep the mark that closes a quotation opened inside the content (`to comment "at this
  // time"`), so the content's marks stay paired.
  const s = trimMarks(text, start, end);
  let open = 0;
  for (let k = s; k < e; k++) if (DOUBLE_MARKS.test(text[k] as string)) open++;
  if (open % 2 === 1) {
    for (let k = e; k < end; k++) {
      if (DOUBLE_MARKS.test(text[k] as string)) return k + 1;
    }
  }
  return e;
}

const DOUBLE_MARKS = /["“”„«»]/;

/**
 * The cue as the house records it: the rules' cue where they found one in it (`said`, not
 * PolNeAR's `said in a statement`), else the tagged words without trailing punctuation.
 */
function cueWord(words: Words, cue: TokenRange, rules: readonly Found[]): TokenRange {
  for (const f of rules) {
    if (f.cue && f.cue.first >= cue.first && f.cue.last <= cue.last) return f.cue;
  }
  let last = cue.last;
  while (last > cue.first && words.tokens[last]?.kind === "punct") last--;
  return { first: cue.first, last };
}

/**
 * The `quotes` stage: who said what. Direct quotations between marks, indirect speech
 * around a cue (`X said`, `according to X`, `X told Y`), each with its speaker phrase
 * resolved to an entity where one is named, and an anonymity flag. It runs after the
 * events stage so that each event gets the speech act that reports it as attribution.
 *
 * Hand rules find the patterns of news; a tagger learned from PolNeAR (tagger/, README.md)
 * reads their findings as features and finds the sources, cues and contents, which
 * tagger/decode.ts turns into speech acts. PolNeAR dev: speaker F1 0.76, content F1 0.81.
 */
import type { Entity, Quote } from "../../core/annotations.ts";
import type { Document } from "../../core/document.ts";
import type { Span } from "../../core/span.ts";
import type { Stage } from "../../core/stage.ts";
import { attributeEvents } from "./attribution.ts";
import type { Found } from "./found.ts";
import { loadSpeechLexicon, type SpeechLexicon } from "./lexicon.ts";
import { findQuotedSpans, isTitle, type QuotedSpan } from "./marks.ts";
import { isAnonymous, resolveSpeaker } from "./resolve.ts";
import {
  type CueRange,
  cueAt,
  NOT_SOURCE_START,
  speakerAfter,
  speakerBefore,
  type TokenRange,
} from "./speaker.ts";
import { foundFromTags } from "./tagger/decode.ts";
import { emitFeatures, paragraphStartTokens, ruleTags } from "./tagger/features.ts";
import { TaggerModel } from "./tagger/model.ts";
import {
  isCapitalised,
  paragraphBreakBetween,
  tokenAtOrAfter,
  tokenBefore,
  type Words,
  wordsOf,
} from "./words.ts";

/** Fewest words a quotation needs to count as speech; shorter ones are scare quotes or titles. */
const MIN_DIRECT_WORDS = 4;
/** Fewest tokens of content for indirect speech. */
const MIN_INDIRECT_TOKENS = 3;

export function quotesStage(): Stage {
  return quotesStageWith(TaggerModel.load(MODEL_URL), loadSpeechLexicon());
}

/** The stage with a given tagger (the trainer scores its held-out slice through it). */
export function quotesStageWith(model: TaggerModel, lex: SpeechLexicon): Stage {
  return {
    name: "quotes",
    needs: ["segment", "entities"],
    run(doc) {
      const words = wordsOf(doc.text, doc.tokens, doc.sentences, doc.entities);
      const quoted = findQuotedSpans(doc.text);
      const rules = ruleFound(words, quoted, lex);
      const tags = ruleTags(words, rules);
      const tagged = model.tagEmitted(words.tokens.length, paragraphStartTokens(words), (sink) =>
        emitFeatures(words, quoted, tags, lex, model.cueShares, sink),
      );
      const found = foundFromTags(words, tagged, quoted, rules, lex);
      doc.quotes = toQuotes(doc, words, lex, found);
      attributeEvents(doc);
    },
  };
}

/** The learned attribution tagger (scripts/train-quotes.ts). */
export const MODEL_URL = new URL("./model/attribution.json.gz", import.meta.url);

/**
 * What the hand rules find: direct quotations with the speaker beside them, and indirect
 * speech around a cue. Their output is a feature of the tagger, and its fallback for a
 * quotation whose speaker stands in another sentence.
 */
export function ruleFound(
  words: Words,
  quoted: readonly QuotedSpan[],
  lex: SpeechLexicon,
): Found[] {
  const text = words.text;
  const found: Found[] = [];
  const usedCues = new Set<number>();
  for (const q of quoted) {
    if (isTitle(text.slice(q.start, q.end))) continue;
    const attribution = attributeDirect(words, q, lex);
    // A short quotation is speech only when a cue stands beside it (`"You winning?" she said`).
    if (!attribution.cue && !isSpeech(text, q)) continue;
    if (attribution.cue) usedCues.add(attribution.cue.first);
    found.push({ content: { start: q.start, end: q.end }, direct: true, ...attribution });
  }
  found.push(...findIndirect(words, quoted, usedCues, lex));
  found.sort((a, b) => a.content.start - b.content.start);
  return found;
}

/** The quotes of the hand rules alone (the stage before the tagger; kept for comparison). */
export function ruleQuotes(doc: Document, lex: SpeechLexicon): Quote[] {
  const words = wordsOf(doc.text, doc.tokens, doc.sentences, doc.entities);
  return toQuotes(doc, words, lex, ruleFound(words, findQuotedSpans(doc.text), lex));
}

/** Speaker spans, entities and anonymity for what was found, in text order. */
function toQuotes(
  doc: Document,
  words: Words,
  lex: SpeechLexicon,
  found: readonly Found[],
): Quote[] {
  const text = doc.text;
  const paragraphs = paragraphStarts(text);
  const asides = anonymityAsides(text, words.sentences, lex);
  const quotes: Quote[] = [];
  let previousDirect: Found | undefined;
  for (const f of found) {
    const content = trimSpan(text, f.content);
    if (content.end <= content.start) continue;
    if (!f.direct && NOT_SPEECH_CONTENT.test(text.slice(content.start, content.end))) continue;
    const cueSpan = f.cue ? rangeSpan(words, f.cue) : null;
    if (cueSpan && asides.some((a) => within(cueSpan, a))) continue;
    let speaker: Quote["speaker"] = null;
    if (f.speaker) {
      const start = (words.tokens[f.speaker.first] as Span).start;
      const end = (words.tokens[f.speaker.last] as Span).end;
      speaker = { start, end, text: text.slice(start, end) };
      // `Two officials, speaking on condition of anonymity because they …, said`: they are
      // the officials, and the officials are the speaker.
      const aside = asides.find((a) => within(speaker as Span, a));
      if (aside)
        speaker = { ...aside.subject, text: text.slice(aside.subject.start, aside.subject.end) };
    } else if (f.inherits && previousDirect && continues(paragraphs, previousDirect, f)) {
      const previous = quotes.at(-1)?.speaker;
      if (previous) speaker = { ...previous };
    }
    if (f.direct) previousDirect = f;
    if (speaker && speaker.entity === undefined) {
      const paragraph = paragraphs[paragraphOf(paragraphs, speaker.start)] ?? 0;
      const entity = resolveSpeaker(speaker, doc.entities, quotes, lex, paragraph);
      if (entity !== undefined) speaker.entity = entity;
    }
    const entity: Entity | undefined =
      speaker?.entity === undefined ? undefined : doc.entities[speaker.entity];
    const sentence = sentenceAround(words, f.cue ? f.cue.first : -1, content);
    const quote: Quote = {
      start: content.start,
      end: content.end,
      text: text.slice(content.start, content.end),
      direct: f.direct,
      speaker,
      cue: cueSpan,
    };
    if (speaker) quote.anonymous = isAnonymous(speaker.text, entity, sentence, lex);
    const pieces = (f.fragments ?? []).map((p) => trimSpan(text, p)).filter((p) => p.end > p.start);
    if (pieces.length > 1) {
      quote.fragments = pieces.map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
    }
    quotes.push(quote);
  }
  return quotes;
}

/**
 * `did not respond to a request for comment`: the formula of a source that said nothing.
 * Its object is not the content of a speech act.
 */
const NOT_SPEECH_CONTENT =
  /^(?:an?|the|several|repeated|multiple)?\s*(?:requests?|calls?|messages?|e-?mails?|inquir(?:y|ies))\s+(?:for|seeking)\s+comment\b/i;

/** The aside that says why a source is unnamed, and the phrase naming that source. */
interface Aside extends Span {
  subject: Span;
}

/** Words a subject phrase before an anonymity aside may have at most. */
const MAX_ASIDE_SUBJECT_WORDS = 8;

/**
 * `Two officials, speaking on condition of anonymity because they were not authorised to
 * discuss the talks, said …`: the comma-bounded aside around an anonymity marker. Nothing
 * in it is a speech act of its own (`not authorised to discuss the talks`), and a pronoun in
 * it stands for the phrase before it (`Two officials`), which is the source.
 */
function anonymityAsides(text: string, sentences: readonly Span[], lex: SpeechLexicon): Aside[] {
  const asides: Aside[] = [];
  // One pass over the text; most articles have no marker at all.
  const pattern = lex.anonymityPattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const at = m.index;
    const s = sentences.find((x) => x.start <= at && at < x.end);
    if (s) {
      const open = text.lastIndexOf(",", at);
      const close = text.indexOf(",", at + m[0].length);
      if (open < s.start || close === -1 || close >= s.end) continue;
      // The subject: back from the aside's comma to the sentence start or the comma before.
      const before = text.lastIndexOf(",", open - 1);
      let start = before >= s.start ? before + 1 : s.start;
      let end = open;
      while (start < end && /\s/.test(text[start] as string)) start++;
      while (end > start && /\s/.test(text[end - 1] as string)) end--;
      const phrase = text.slice(start, end);
      const wordCount = phrase.split(/\s+/).filter(Boolean).length;
      if (wordCount === 0 || wordCount > MAX_ASIDE_SUBJECT_WORDS || /["“”]/.test(phrase)) continue;
      asides.push({ start: open + 1, end: close, subject: { start, end } });
    }
  }
  return asides;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Offsets where paragraphs start, ascending. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n\n"); i !== -1; i = text.indexOf("\n\n", i + 2)) starts.push(i + 2);
  return starts;
}

function paragraphOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * An unattributed quotation continues the one before it (`"…," he continued. "…"`) when
 * it stands in the same paragraph, or opens the paragraph right after it.
 */
function continues(starts: readonly number[], previous: Found, current: Found): boolean {
  const a = paragraphOf(starts, previous.content.end);
  const b = paragraphOf(starts, current.content.start);
  if (a === b) return true;
  return b === a + 1 && current.content.start - (starts[b] as number) <= 1;
}

/** Scare quotes and quoted titles (`the "deal"`, the film "Jaws") are not speech. */
function isSpeech(text: string, q: QuotedSpan): boolean {
  const inner = text.slice(q.start, q.end);
  const wordCount = inner.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
  return wordCount >= MIN_DIRECT_WORDS;
}

function rangeSpan(words: Words, range: TokenRange): Span & { text: string } {
  const start = (words.tokens[range.first] as Span).start;
  const end = (words.tokens[range.last] as Span).end;
  return { start, end, text: words.text.slice(start, end) };
}

function sentenceAround(words: Words, token: number, content: Span): string {
  const index =
    token >= 0 ? words.sentence[token] : words.sentence[tokenAtOrAfter(words, content.start)];
  const sentence = index === undefined ? undefined : words.sentences[index];
  return sentence ? words.text.slice(sentence.start, sentence.end) : "";
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,:]/.test(text[start] as string)) start++;
  while (end > start && /[\s,:;]/.test(text[end - 1] as string)) end--;
  return { start, end };
}

/**
 * Find who said a quotation: after it (`"…," Esper said` / `"…," said Esper`), before it
 * (`Esper said: "…"`, `According to Esper, "…"`), else the speaker of the quotation before
 * it in the same run of paragraphs (`"…," he continued. "…"`).
 */
function attributeDirect(
  words: Words,
  q: QuotedSpan,
  lex: SpeechLexicon,
): Pick<Found, "speaker" | "cue" | "inherits"> {
  const text = words.text;
  // After: skip a comma left outside the closing mark.
  let i = tokenAtOrAfter(words, q.close);
  if (words.lower[i] === ",") i++;
  const afterStart = words.tokens[i];
  if (afterStart && !paragraphBreakBetween(text, q.close, afterStart.start)) {
    const inverted = cueAt(words, i, lex);
    if (inverted) {
      const speaker = speakerAfter(words, inverted.last, lex);
      if (speaker) return { speaker, cue: inverted, inherits: false };
    }
    for (let k = i + 1; k < i + 12 && k < words.tokens.length; k++) {
      if (words.sentence[k] !== words.sentence[i]) break;
      const cue = cueAt(words, k, lex);
      if (cue) {
        const speaker = speakerBefore(words, k, lex);
        if (speaker && speaker.first === i) return { speaker, cue, inherits: false };
        break;
      }
      if (words.tokens[k]?.kind === "punct" && words.lower[k] !== "." && words.lower[k] !== "&") {
        break;
      }
    }
  }
  // Before: `X said: "…"` or `X said, "…"`, possibly ending the previous paragraph.
  let b = tokenBefore(words, q.open);
  const beforeToken = words.tokens[b];
  const crosses = beforeToken ? paragraphBreakBetween(text, beforeToken.end, q.open) : true;
  if (beforeToken && (!crosses || words.lower[b] === ":")) {
    if (words.lower[b] === ":" || words.lower[b] === ",") b--;
    const cue = cueAt(words, b, lex);
    if (cue) {
      const speaker = speakerBefore(words, b, lex);
      if (speaker) return { speaker, cue, inherits: false };
    }
    // `According to X, "…"`
    const according = findAccording(words, b);
    if (according) return according;
  }
  return { speaker: null, cue: null, inherits: true };
}

function findAccording(
  words: Words,
  comma: number,
): Pick<Found, "speaker" | "cue" | "inherits"> | null {
  for (let k = comma; k > comma - 10 && k > 0; k--) {
    if (words.lower[k - 1] === "according" && words.lower[k] === "to") {
      if (k + 1 > comma) return null;
      return {
        speaker: { first: k + 1, last: comma },
        cue: { first: k - 1, last: k },
        inherits: false,
      };
    }
  }
  return null;
}

function insideQuoted(quoted: readonly QuotedSpan[], offset: number): boolean {
  for (const q of quoted) {
    if (offset >= q.open && offset < q.close) return true;
    if (q.open > offset) break;
  }
  return false;
}

/**
 * Indirect speech around a cue outside quotation marks:
 * `X said (that) CONTENT` · `CONTENT, X said` · `CONTENT, said X` · `According to X, CONTENT` ·
 * `CONTENT, according to X` · `X told Y (that) CONTENT`.
 */
function findIndirect(
  words: Words,
  quoted: readonly QuotedSpan[],
  usedCues: ReadonlySet<number>,
  lex: SpeechLexicon,
): Found[] {
  const out: Found[] = [];
  const n = words.tokens.length;
  for (let i = 0; i < n; i++) {
    if (usedCues.has(i)) continue;
    const token = words.tokens[i];
    if (token?.kind !== "word") continue;
    const cue = cueAt(words, i, lex);
    if (!cue) continue;
    if (insideQuoted(quoted, token.start)) continue;
    const sentence = words.sentences[words.sentence[i] as number];
    if (!sentence) continue;
    const found =
      words.lower[i] === "according"
        ? accordingTo(words, cue, sentence)
        : aroundCue(words, cue, sentence, lex);
    if (found) {
      out.push(found);
      i = cue.last;
    }
  }
  return out;
}

function accordingTo(words: Words, cue: TokenRange, sentence: Span): Found | null {
  // Speaker: from after `to` to the next comma or the sentence's end.
  let j = cue.last + 1;
  const first = j;
  while (j < words.tokens.length && words.sentence[j] === words.sentence[cue.first]) {
    const w = words.lower[j] as string;
    if (w === "," || w === "." || w === ";") break;
    j++;
  }
  if (j === first || j - first > 10) return null;
  const speaker = { first, last: j - 1 };
  const cueStart = (words.tokens[cue.first] as Span).start;
  const content: Span =
    cueStart - sentence.start <= 1
      ? { start: (words.tokens[j] as Span | undefined)?.end ?? sentence.end, end: sentence.end }
      : { start: sentence.start, end: cueStart };
  return enoughContent(words, content)
    ? { content: stripFinal(words.text, content), direct: false, speaker, cue, inherits: false }
    : null;
}

function aroundCue(words: Words, cue: CueRange, sentence: Span, lex: SpeechLexicon): Found | null {
  const found = aroundCueAny(words, cue, sentence, lex);
  // A weak cue (`showed`, `mentioned`) is speech only when a name or a pronoun says it.
  if (found?.speaker && cue.weak) {
    const last = found.speaker.last;
    if (!isCapitalised(words, last) && !lex.pronouns.has(words.lower[last] as string)) return null;
  }
  return found;
}

function aroundCueAny(
  words: Words,
  cue: CueRange,
  sentence: Span,
  lex: SpeechLexicon,
): Found | null {
  const text = words.text;
  // `Trump tweeted on Friday, saying that …`: the participle's speaker opens the sentence.
  const participle = (words.lower[cue.first] as string).endsWith("ing");
  const speaker = participle
    ? sentenceSubject(words, tokenAtOrAfter(words, sentence.start), cue.first, lex)
    : speakerBefore(words, cue.first, lex);
  if (speaker) {
    const before = speaker.first - 1;
    const afterCue = cue.last + 1;
    const rest = tokensLeftInSentence(words, afterCue);
    // `CONTENT, X said [on Tuesday].`: the cue closes the sentence.
    if (
      !participle &&
      words.lower[before] === "," &&
      words.sentence[before] === words.sentence[cue.first] &&
      rest <= 6
    ) {
      const content = { start: sentence.start, end: (words.tokens[before] as Span).start };
      if (enoughContent(words, content)) {
        return { content, direct: false, speaker, cue, inherits: false };
      }
    }
    // `X said (that) CONTENT.` — content starts after the cue, a listener (`told reporters`)
    // and `that`.
    let c = afterCue;
    if (
      words.lower[cue.first] === "told" ||
      words.lower[cue.first] === "tell" ||
      words.lower[cue.first] === "tells"
    ) {
      let k = c;
      while (k < c + 5 && words.lower[k] !== "that" && words.tokens[k]?.kind === "word") k++;
      c = words.lower[k] === "that" ? k : Math.min(k, c + 4);
    }
    // `tweeted for the first time on Tuesday that …`: the content starts after a `that`
    // that follows within a few words.
    for (let k = c; k < c + 8 && words.sentence[k] === words.sentence[cue.first]; k++) {
      const w = words.lower[k];
      if (w === "that") {
        c = k;
        break;
      }
      if (w === "," || w === '"' || w === "“" || words.tokens[k]?.kind !== "word") break;
    }
    if (words.lower[c] === "that" || words.lower[c] === "," || words.lower[c] === ":") c++;
    const startToken = words.tokens[c];
    if (!startToken || words.sentence[c] !== words.sentence[cue.first]) return null;
    const content = stripFinal(text, { start: startToken.start, end: sentence.end });
    if (!enoughContent(words, content)) return null;
    return { content, direct: false, speaker, cue, inherits: false };
  }
  // `CONTENT, said X.`
  const before = cue.first - 1;
  if (words.lower[before] === "," && words.sentence[before] === words.sentence[cue.first]) {
    const inverted = speakerAfter(words, cue.last, lex);
    if (inverted && isCapitalised(words, inverted.first)) {
      const content = { start: sentence.start, end: (words.tokens[before] as Span).start };
      if (enoughContent(words, content)) {
        return { content, direct: false, speaker: inverted, cue, inherits: false };
      }
    }
  }
  return null;
}

/** The phrase that opens a sentence, up to the first word that cannot be in a name. */
function sentenceSubject(
  words: Words,
  opening: number,
  limit: number,
  lex: SpeechLexicon,
): TokenRange | null {
  let first = opening;
  // `During an interview in April, Trump was talking about …`: the subject follows the
  // opening adverbial.
  if (NOT_SOURCE_START.has(words.lower[first] as string)) {
    let c = first;
    while (c < limit && c - first < 10 && words.lower[c] !== ",") c++;
    if (words.lower[c] !== ",") return null;
    first = c + 1;
  }
  let k = first;
  while (k < limit && k - first < 8) {
    const token = words.tokens[k];
    const word = words.lower[k] as string;
    if (!token || token.kind === "punct" || lex.cues.has(word) || lex.adverbs.has(word)) break;
    k++;
  }
  return k > first && isCapitalised(words, first) ? { first, last: k - 1 } : null;
}

function tokensLeftInSentence(words: Words, from: number): number {
  let k = from;
  while (k < words.tokens.length && words.sentence[k] === words.sentence[from - 1]) k++;
  return k - from;
}

function enoughContent(words: Words, content: Span): boolean {
  if (content.end <= content.start) return false;
  const first = tokenAtOrAfter(words, content.start);
  let count = 0;
  for (
    let k = first;
    k < words.tokens.length && (words.tokens[k] as Span).end <= content.end;
    k++
  ) {
    if (words.tokens[k]?.kind === "word" && ++count >= MIN_INDIRECT_TOKENS) return true;
  }
  return false;
}

/** Drop the sentence's final stop from the content. */
function stripFinal(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /[\s.!?]/.test(text[end - 1] as string)) end--;
  return { start: span.start, end };
}

/**
 * Sentence ranges in token indices. At run time they come from `doc.sentences` (the segment
 * stage); training on whole documents and scoring on the dev file call the same splitter.
 */
import type { Span, Token } from "../../core/annotations.ts";
import { loadSegmentLexicon, type SegmentLexicon } from "../segment/lexicon.ts";
import { sentenceRules } from "../segment/rules/index.ts";
import { splitSentences } from "../segment/split.ts";

/** Sentence token ranges from the segment stage's own splitter (training, dev, fallback). */
export function segmentRanges(text: string, tokens: readonly Token[]): [number, number][] {
  lexicon ??= loadSegmentLexicon();
  return sentenceTokenRanges(
    tokens,
    splitSentences(text, tokens as Token[], lexicon, sentenceRules),
  );
}

let lexicon: SegmentLexicon | undefined;

/** Token ranges of the given sentence spans; tokens outside any sentence form their own. */
export function sentenceTokenRanges(
  tokens: readonly Token[],
  sentences: readonly Span[],
): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  for (const s of sentences) {
    const before = i;
    while (i < tokens.length && (tokens[i] as Token).start < s.start) i++;
    if (i > before) out.push([before, i]);
    const from = i;
    while (i < tokens.length && (tokens[i] as Token).start < s.end) i++;
    if (i > from) out.push([from, i]);
  }
  if (i < tokens.length) out.push([i, tokens.length]);
  return out;
}

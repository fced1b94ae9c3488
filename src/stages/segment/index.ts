/**
 * segment: tokens and sentences of `Document.text`.
 *
 * Our own rule-based splitter (rules/, one small rule per file, asked in order), chosen by
 * measurement over wink-nlp 2.4 (eng-lite-web-model) and sbd 1.0. `npm run measure:segment`,
 * 2026-11-25: boundary precision / recall / F1, and UTF-8 MB per CPU second:
 *
 *   gold built by joining one-sentence records     ours              wink-nlp          sbd
 *   GMB VOA news, 19,000 boundaries                .999/.996/.997 71  .983/.981/.982 4  .959/.981/.969 36
 *   same, quotes attached as news writes them      .999/.996/.997 64  .998/.995/.996 4  .973/.995/.984 36
 *   UD English Web Treebank, 13,686 boundaries     .986/.758/.857 55  .923/.786/.849 4  .917/.738/.818 31
 *   306 whole articles (speed only)                61                3                 32
 *   seed article, 13 sentences by hand             13                14                11
 *
 * Joined gold is easy in ways news is not (no headlines, datelines, bullets or layout), so
 * those rules are pinned by the table tests beside this file; the web treebank's recall is
 * low for all three because many of its sentences have no final mark. wink-nlp comes
 * closest on news but is fifteen times slower; MB/s covers tokenizing and splitting.
 *
 * Tokens: all GMB entity spans and 98.2% of GeoWebNews toponyms fall on token boundaries
 * (clitics split: `Iran` `'s`); the rest are inside hyphen compounds (`London-based`), kept
 * whole because the entities stage reads `Iranian-backed` as one token.
 */
import type { PipelineOptions, Stage } from "../../core/stage.ts";
import { loadSegmentLexicon } from "./lexicon.ts";
import { sentenceRules } from "./rules/index.ts";
import { isHardWrapped, splitSentences } from "./split.ts";
import { tokenize } from "./tokenize.ts";

export { tokenize } from "./tokenize.ts";

/**
 * A sentence longer than this many UTF-16 code units is reported: news sentences run to a
 * few hundred; thousands mean a boundary was missed, and an event's evidence would be vague.
 */
const LONG_SENTENCE = 1500;

/** Options read from `options.stages.segment`. */
export interface SegmentOptions {
  /** Extra abbreviation files, shaped like lexicon/abbreviations.json. */
  abbreviations?: string[];
}

export function segmentStage(options: PipelineOptions = {}): Stage {
  const own = (options.stages?.segment ?? {}) as SegmentOptions;
  const lexicon = loadSegmentLexicon(own.abbreviations ?? []);
  return {
    name: "segment",
    needs: ["clean"],
    run(doc, ctx) {
      const text = doc.text;
      doc.tokens = tokenize(text);
      const wrapped = isHardWrapped(text);
      if (wrapped) {
        ctx.report({
          severity: "info",
          rule: "segment/hard-wrapped",
          reason: "lines are cut at a fixed width: single line breaks are read as spaces",
        });
      }
      doc.sentences = splitSentences(text, doc.tokens, lexicon, sentenceRules, wrapped);
      for (const sentence of doc.sentences) {
        if (sentence.end - sentence.start > LONG_SENTENCE) {
          ctx.report({
            severity: "info",
            rule: "segment/long-sentence",
            reason: `no sentence end in ${sentence.end - sentence.start} characters: a table, a list or missing punctuation?`,
            span: { start: sentence.start, end: sentence.end },
          });
        }
      }
    },
  };
}

/**
 * segment: tokens and sentences of `Document.text`.
 *
 * MEASURED (npm run measure:segment): filled in below once measured.
 */
import type { PipelineOptions, Stage } from "../../core/stage.ts";
import { loadSegmentLexicon } from "./lexicon.ts";
import { sentenceRules } from "./rules/index.ts";
import { splitSentences } from "./split.ts";
import { tokenize } from "./tokenize.ts";

export { tokenize } from "./tokenize.ts";

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
    run(doc) {
      const text = doc.text;
      doc.tokens = tokenize(text);
      doc.sentences = splitSentences(text, doc.tokens, lexicon, sentenceRules);
    },
  };
}

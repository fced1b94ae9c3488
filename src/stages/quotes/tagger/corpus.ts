/**
 * Attribution-annotated articles (PolNeAR's JSON lines) made ready for the tagger: each
 * article goes through `clean` and `segment` as in the pipeline, its gold spans become tags
 * of those tokens, and a held-out slice is scored the way `dateline eval --task quotes`
 * scores (overlap, one-to-one; distinct speaker spans).
 */
import type { Document } from "../../../core/document.ts";
import { createPipeline } from "../../../core/pipeline.ts";
import type { Span } from "../../../core/span.ts";
import type { Stage } from "../../../core/stage.ts";
import { mapSpan } from "../../../eval/extract.ts";
import { addCounts, type Counts, emptyCounts } from "../../../eval/metrics/prf.ts";
import { type ScoredSpan, scoreSpans } from "../../../eval/metrics/spans.ts";
import { cleanStage } from "../../clean/index.ts";
import { entitiesStage } from "../../entities/index.ts";
import { segmentStage } from "../../segment/index.ts";
import { ruleFound } from "../index.ts";
import type { SpeechLexicon } from "../lexicon.ts";
import type { QuotedSpan } from "../marks.ts";
import { findQuotedSpans } from "../marks.ts";
import type { Words } from "../words.ts";
import { wordsOf } from "../words.ts";
import {
  B_C,
  cueShareLevels,
  documentFeatures,
  I_C,
  paragraphStartTokens,
  ruleTags,
  stemKey,
} from "./features.ts";
import { type GoldAttribution, goldTags, type TrainingDoc } from "./train.ts";

export interface AttributionRecord {
  id: string;
  text: string;
  published?: string | null;
  title?: string | null;
  quotes: GoldAttribution[];
}

export interface Prepared {
  record: AttributionRecord;
  doc: Document;
  words: Words;
  quoted: QuotedSpan[];
  rules: string[];
  gold: Uint8Array;
}

export function prepare(records: readonly AttributionRecord[], lex: SpeechLexicon): Prepared[] {
  const pipeline = createPipeline([cleanStage({}), segmentStage({}), entitiesStage({})]);
  return records.map((record) => {
    const doc = pipeline.run({
      id: record.id,
      raw: record.text,
      format: "text",
      published: record.published ?? null,
      title: record.title ?? null,
      origin: record.id,
    });
    const words = wordsOf(doc.text, doc.tokens, doc.sentences, doc.entities);
    const quoted = findQuotedSpans(doc.text);
    const rules = ruleTags(words, ruleFound(words, quoted, lex));
    const map = doc.offsetMap;
    const tokenSpans = doc.tokens.map((t) => mapSpan(map, record.text, t));
    return { record, doc, words, quoted, rules, gold: goldTags(tokenSpans, record.quotes) };
  });
}

/** Cue share levels learned from these documents' gold cues (lowercase words only). */
export function learnCueShares(prepared: readonly Prepared[]): Map<string, number> {
  function* tokens() {
    for (const p of prepared) {
      const { words, gold } = p;
      for (let i = 0; i < words.tokens.length; i++) {
        const t = words.tokens[i] as Span;
        const first = words.text[t.start] as string;
        if (words.tokens[i]?.kind !== "word" || first !== first.toLowerCase()) continue;
        const word = words.lower[i] as string;
        const cue = gold[i] === B_C || gold[i] === I_C;
        yield { word, cue };
        yield { word: stemKey(word), cue };
      }
    }
  }
  return cueShareLevels(tokens());
}

export function trainingDocs(
  prepared: readonly Prepared[],
  lex: SpeechLexicon,
  cueShares: ReadonlyMap<string, number>,
): TrainingDoc[] {
  return prepared.map((p) => ({
    features: documentFeatures(p.words, p.quoted, p.rules, lex, cueShares),
    gold: p.gold,
    starts: paragraphStartTokens(p.words),
  }));
}

export interface HeldOutScore {
  speaker: Counts;
  content: Counts;
}

/** Run `stage` on the prepared documents and score speakers and contents by overlap. */
export function scoreHeldOut(prepared: readonly Prepared[], stage: Stage): HeldOutScore {
  const speaker = emptyCounts();
  const content = emptyCounts();
  const untyped = { typed: false };
  for (const { record, doc } of prepared) {
    stage.run(doc, { referenceDate: null, options: {}, report() {} });
    const map = doc.offsetMap;
    const toRecord = (s: { start: number; end: number }) => mapSpan(map, record.text, s);
    const goldContent: ScoredSpan[] = record.quotes.map((q) => ({
      start: q.content.start,
      end: q.content.end,
      parts: q.content.fragments?.map(({ start, end }) => ({ start, end })) ?? [],
    }));
    const predContent = doc.quotes.map(toRecord);
    addCounts(
      content,
      scoreSpans(goldContent, predContent, "overlap", untyped)["*"] ?? emptyCounts(),
    );
    const distinct = (spans: ScoredSpan[]) => [
      ...new Map(spans.map((s) => [`${s.start}:${s.end}`, s])).values(),
    ];
    const goldSpeakers = distinct(record.quotes.flatMap((q) => (q.source ? [q.source] : [])));
    const predSpeakers = distinct(
      doc.quotes.flatMap((q) => (q.speaker ? [toRecord(q.speaker)] : [])),
    );
    addCounts(
      speaker,
      scoreSpans(goldSpeakers, predSpeakers, "overlap", untyped)["*"] ?? emptyCounts(),
    );
  }
  return { speaker, content };
}

/**
 * Quotes on PolNeAR dev: speaker (source) span F1 and content span F1 by overlap, plus a
 * character-level content overlap and, for quotes we found, whether we named their speaker.
 *
 * PolNeAR annotates attributions: a source, a cue and the content, direct or indirect. A
 * discontinuous content (`"…," he said, "…"`) is scored against its fragments, so the words
 * between them are neither needed nor credited. Matching is one-to-one by largest overlap.
 * Speakers are compared as spans (each distinct gold source span once), whatever quote they
 * belong to; the attribution figure then checks the pairing.
 */
import type { Quote } from "../../core/annotations.ts";
import type { Span } from "../../core/span.ts";
import type { DataRecord } from "../data.ts";
import { readJsonl } from "../data.ts";
import { extractAll } from "../extract.ts";
import { addCounts, type Counts, emptyCounts, prf } from "../metrics/prf.ts";
import {
  charOverlap,
  matchSpans,
  overlapLength,
  type ScoredSpan,
  scoreSpans,
} from "../metrics/spans.ts";
import type { Cell } from "../report.ts";
import { type EvalTask, PRF_COLUMNS, prfCells, round, summary, type TaskOutcome } from "./task.ts";

interface Piece {
  start: number;
  end: number;
  text: string;
}

export interface GoldQuote {
  source: Piece | null;
  cue: Piece | null;
  content: Piece & { fragments?: Piece[] };
}

export interface QuoteRecord extends DataRecord {
  quotes: GoldQuote[];
}

function distinct(spans: ScoredSpan[]): ScoredSpan[] {
  return [...new Map(spans.map((s) => [`${s.start}:${s.end}`, s])).values()];
}

const untyped = { typed: false };

/** The counts the task sums over records. */
export interface QuoteCounts {
  speakerExact: Counts;
  speakerOverlap: Counts;
  content: Counts;
  contentChars: Counts;
  /** Matched quotes whose gold has a source, and those whose speaker overlaps it. */
  attributed: number;
  attributedRight: number;
}

export function emptyQuoteCounts(): QuoteCounts {
  return {
    speakerExact: emptyCounts(),
    speakerOverlap: emptyCounts(),
    content: emptyCounts(),
    contentChars: emptyCounts(),
    attributed: 0,
    attributedRight: 0,
  };
}

/** One record scored as the task scores it, with the pairings an error analysis reads. */
export interface ScoredQuoteRecord extends QuoteCounts {
  goldContent: ScoredSpan[];
  /** Our quotes' contents, in record offsets, in the order of `ours`. */
  predContent: ScoredSpan[];
  /** [gold quote, our quote] pairs of the one-to-one content matching. */
  contentPairs: Array<[number, number]>;
  goldSpeakers: ScoredSpan[];
  predSpeakers: ScoredSpan[];
  /** [gold speaker, our speaker] pairs of the one-to-one speaker matching (overlap). */
  speakerPairs: Array<[number, number]>;
}

/**
 * Score our quotes of one record against its gold: contents by overlap against the fragments
 * of a discontinuous gold content, characters in common, distinct speaker spans exact and by
 * overlap, and the attribution of matched quotes. `toRecord` maps our spans into the record.
 */
export function scoreQuoteRecord(
  record: QuoteRecord,
  ours: readonly Quote[],
  toRecord: (span: Span) => Span,
): ScoredQuoteRecord {
  const goldContent: ScoredSpan[] = record.quotes.map((q) => ({
    start: q.content.start,
    end: q.content.end,
    parts: q.content.fragments?.map(({ start, end }) => ({ start, end })) ?? [],
  }));
  const predContent = ours.map((q) => toRecord(q));
  const goldSpeakers = distinct(
    record.quotes.flatMap((q) => (q.source ? [{ start: q.source.start, end: q.source.end }] : [])),
  );
  const predSpeakers = distinct(ours.flatMap((q) => (q.speaker ? [toRecord(q.speaker)] : [])));
  const contentPairs = matchSpans(goldContent, predContent, "overlap", untyped);
  let attributed = 0;
  let attributedRight = 0;
  for (const [g, p] of contentPairs) {
    const source = record.quotes[g]?.source;
    if (!source) continue;
    attributed++;
    const speaker = ours[p]?.speaker;
    if (speaker && overlapLength(source, toRecord(speaker)) > 0) attributedRight++;
  }
  return {
    goldContent,
    predContent,
    contentPairs,
    goldSpeakers,
    predSpeakers,
    speakerPairs: matchSpans(goldSpeakers, predSpeakers, "overlap", untyped),
    content: scoreSpans(goldContent, predContent, "overlap", untyped)["*"] ?? emptyCounts(),
    contentChars: charOverlap(
      goldContent.flatMap((g) => (g.parts && g.parts.length > 0 ? [...g.parts] : [g])),
      predContent,
    ),
    speakerExact: scoreSpans(goldSpeakers, predSpeakers, "exact", untyped)["*"] ?? emptyCounts(),
    speakerOverlap:
      scoreSpans(goldSpeakers, predSpeakers, "overlap", untyped)["*"] ?? emptyCounts(),
    attributed,
    attributedRight,
  };
}

/** Add one record's counts to a running total. */
export function addQuoteCounts(total: QuoteCounts, one: QuoteCounts): void {
  addCounts(total.speakerExact, one.speakerExact);
  addCounts(total.speakerOverlap, one.speakerOverlap);
  addCounts(total.content, one.content);
  addCounts(total.contentChars, one.contentChars);
  total.attributed += one.attributed;
  total.attributedRight += one.attributedRight;
}

export const quotesTask: EvalTask = {
  name: "quotes",
  summary: "quotes: speaker span F1, content span overlap F1, attribution accuracy",
  stages: ["quotes"],
  data: "quotes/polnear-dev.jsonl",
  async run(ctx): Promise<TaskOutcome> {
    const records = readJsonl<QuoteRecord>(ctx.dataPath, ctx.limit);
    const extracted = extractAll(ctx.extractor, records, ctx.dataName);
    const total = emptyQuoteCounts();
    let predicted = 0;
    extracted.forEach((got, i) => {
      const ours = got.output.quotes;
      predicted += ours.length;
      addQuoteCounts(total, scoreQuoteRecord(records[i] as QuoteRecord, ours, got.toRecord));
    });
    const { speakerExact, speakerOverlap, content, contentChars, attributed, attributedRight } =
      total;
    const rows: Cell[][] = [
      ["speaker exact", ...prfCells(prf(speakerExact))],
      ["speaker overlap", ...prfCells(prf(speakerOverlap))],
      ["content overlap", ...prfCells(prf(content))],
      ["content characters", ...prfCells(prf(contentChars))],
    ];
    const attribution = attributed === 0 ? 0 : attributedRight / attributed;
    return {
      records: records.length,
      tables: [
        { title: "Quotes (attributions)", columns: ["measure", ...PRF_COLUMNS], rows },
        {
          title: "Attribution of found quotes (gold has a source)",
          columns: ["found quotes", "speaker right", "accuracy"],
          rows: [[attributed, attributedRight, attribution]],
        },
      ],
      notes: [
        `${predicted} quotes predicted; gold: every PolNeAR attribution with content (direct and indirect)`,
        "content: one-to-one by largest overlap, against the fragments of a discontinuous content; characters: share of code units in common",
        "speaker: distinct gold source spans vs distinct predicted speaker spans; attribution: among matched quotes, our speaker overlaps the gold source",
      ],
      metrics: {
        speakerExact: summary(prf(speakerExact)),
        speakerOverlap: summary(prf(speakerOverlap)),
        contentOverlap: summary(prf(content)),
        contentCharacters: summary(prf(contentChars)),
        attributionAccuracy: round(attribution),
      },
    };
  },
};

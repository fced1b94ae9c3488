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
import type { DataRecord } from "../data.ts";
import { readJsonl } from "../data.ts";
import { extractAll } from "../extract.ts";
import { addCounts, emptyCounts, prf } from "../metrics/prf.ts";
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

interface GoldQuote {
  source: Piece | null;
  cue: Piece | null;
  content: Piece & { fragments?: Piece[] };
}

interface QuoteRecord extends DataRecord {
  quotes: GoldQuote[];
}

function distinct(spans: ScoredSpan[]): ScoredSpan[] {
  return [...new Map(spans.map((s) => [`${s.start}:${s.end}`, s])).values()];
}

export const quotesTask: EvalTask = {
  name: "quotes",
  summary: "quotes: speaker span F1, content span overlap F1, attribution accuracy",
  stages: ["quotes"],
  data: "quotes/polnear-dev.jsonl",
  async run(ctx): Promise<TaskOutcome> {
    const records = readJsonl<QuoteRecord>(ctx.dataPath, ctx.limit);
    const extracted = extractAll(ctx.extractor, records, ctx.dataName);
    const untyped = { typed: false };
    const speakerExact = emptyCounts();
    const speakerOverlap = emptyCounts();
    const content = emptyCounts();
    const contentChars = emptyCounts();
    let attributed = 0;
    let attributedRight = 0;
    let predicted = 0;
    extracted.forEach((got, i) => {
      const record = records[i] as QuoteRecord;
      const goldContent: ScoredSpan[] = record.quotes.map((q) => ({
        start: q.content.start,
        end: q.content.end,
        parts: q.content.fragments?.map(({ start, end }) => ({ start, end })) ?? [],
      }));
      const ours = got.output.quotes;
      predicted += ours.length;
      const predContent = ours.map((q) => got.toRecord(q));
      addCounts(
        content,
        scoreSpans(goldContent, predContent, "overlap", untyped)["*"] ?? emptyCounts(),
      );
      addCounts(
        contentChars,
        charOverlap(
          goldContent.flatMap((g) => (g.parts && g.parts.length > 0 ? [...g.parts] : [g])),
          predContent,
        ),
      );
      const goldSpeakers = distinct(
        record.quotes.flatMap((q) =>
          q.source ? [{ start: q.source.start, end: q.source.end }] : [],
        ),
      );
      const predSpeakers = distinct(
        ours.flatMap((q) => (q.speaker ? [got.toRecord(q.speaker)] : [])),
      );
      addCounts(
        speakerExact,
        scoreSpans(goldSpeakers, predSpeakers, "exact", untyped)["*"] ?? emptyCounts(),
      );
      addCounts(
        speakerOverlap,
        scoreSpans(goldSpeakers, predSpeakers, "overlap", untyped)["*"] ?? emptyCounts(),
      );
      for (const [g, p] of matchSpans(goldContent, predContent, "overlap", untyped)) {
        const source = record.quotes[g]?.source;
        if (!source) continue;
        attributed++;
        const speaker = ours[p]?.speaker;
        if (speaker && overlapLength(source, got.toRecord(speaker)) > 0) attributedRight++;
      }
    });
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

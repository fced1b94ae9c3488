/**
 * Time expressions on the TempEval-3 platinum dev file: extent F1 strict and relaxed, value
 * accuracy over relaxed matches, and TempEval's value F1. Values are compared as described in
 * metrics/tempeval.ts; the document creation time is the record's `published`.
 */
import type { DataRecord, GoldSpan } from "../data.ts";
import { readJsonl } from "../data.ts";
import { extractAll } from "../extract.ts";
import { matchSpans } from "../metrics/spans.ts";
import {
  type GoldTimex,
  type PredictedTimex,
  scoreTimexes,
  type TimexDocument,
  timexValueMatches,
} from "../metrics/tempeval.ts";
import type { Cell } from "../report.ts";
import { type EvalTask, PRF_COLUMNS, prfCells, round, summary, type TaskOutcome } from "./task.ts";

interface Timex extends GoldSpan {
  type: string;
  value: string;
  mod?: string;
}

interface TimeRecord extends DataRecord {
  timexes: Timex[];
}

export const datesTask: EvalTask = {
  name: "dates",
  summary: "dates: TempEval-3 extent F1 (strict, relaxed), value accuracy and value F1",
  stages: ["dates"],
  data: "time/tempeval3-platinum-dev.jsonl",
  async run(ctx): Promise<TaskOutcome> {
    const records = readJsonl<TimeRecord>(ctx.dataPath, ctx.limit);
    const extracted = extractAll(ctx.extractor, records, ctx.dataName);
    const docs: TimexDocument[] = [];
    const byType: Record<string, { gold: number; found: number; right: number }> = {};
    const wrong: string[] = [];
    extracted.forEach((got, i) => {
      const record = records[i] as TimeRecord;
      const gold: GoldTimex[] = record.timexes.map((t) => ({
        start: t.start,
        end: t.end,
        value: t.value,
        type: t.type,
      }));
      // A range (`Dec. 27-29`, `from Monday to Wednesday`) is one mention of ours with its
      // endpoints in `parts`; TimeML annotates the endpoints as separate timexes, so score those.
      const predicted: PredictedTimex[] = got.output.dates
        .flatMap((d) => d.parts ?? [d])
        .map((d) => ({ ...got.toRecord(d), value: d.value }));
      docs.push({ gold, predicted, dct: record.published });
      const matched = new Map(matchSpans(gold, predicted, "overlap", { typed: false }));
      gold.forEach((g, gi) => {
        const key = g.type ?? "?";
        byType[key] ??= { gold: 0, found: 0, right: 0 };
        const row = byType[key];
        row.gold++;
        const p = matched.get(gi);
        if (p === undefined) return;
        row.found++;
        const pv = (predicted[p] as PredictedTimex).value;
        if (timexValueMatches(g.value, pv, record.published)) row.right++;
        else if (wrong.length < 12) wrong.push(`"${record.timexes[gi]?.text}" ${g.value} ≠ ${pv}`);
      });
    });
    const s = scoreTimexes(docs);
    const rows: Cell[][] = [
      ["extent strict", ...prfCells(s.strict)],
      ["extent relaxed", ...prfCells(s.relaxed)],
      ["value (TempEval-3)", ...prfCells(s.value)],
    ];
    const typeRows: Cell[][] = Object.entries(byType)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, r]) => [
        type,
        r.gold,
        r.gold === 0 ? 0 : r.found / r.gold,
        r.found === 0 ? 0 : r.right / r.found,
      ]);
    return {
      records: records.length,
      tables: [
        { title: "Time expressions", columns: ["measure", ...PRF_COLUMNS], rows },
        {
          title: `Value accuracy over relaxed matches: ${s.valueCorrect}/${s.relaxed.tp} = ${s.valueAccuracy.toFixed(3)}; by gold TIMEX3 type`,
          columns: ["type", "gold", "relaxed recall", "value accuracy"],
          rows: typeRows,
        },
      ],
      notes: [
        "strict = same start and end; relaxed = overlapping; one-to-one matching",
        "value F1 = relaxed-matched timexes with the right value, over all predictions and all gold (= relaxed F1 × value accuracy), as TempEval-3 reports it",
        "values compared after canonicalising (upper case, no 'Z', zero seconds dropped, 19XX = 19); PRESENT_REF is met by the publication date; TIMEX3 mod (START/END/APPROX) is not compared",
        ...(wrong.length > 0 ? [`first wrong values: ${wrong.join("; ")}`] : []),
      ],
      metrics: {
        strict: summary(s.strict),
        relaxed: summary(s.relaxed),
        valueAccuracy: round(s.valueAccuracy),
        valueF1: summary(s.value),
      },
    };
  },
};

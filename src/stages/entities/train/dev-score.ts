/**
 * Quick dev scoring of entity mentions on GUM-style files (`gum-news.jsonl`), before and
 * beside the project's `npm run eval -- --task ner`. Three views of the gold, since GUM
 * annotates phrases, not just names:
 *   raw    every PERSON/ORG/LOC mention as annotated (nested, with articles and titles);
 *   propn  mentions whose head is a proper noun, without a leading `the` or a trailing `'s`;
 *   names  the names Dateline aims at: `propn`, minus titles and lowercase descriptions,
 *          nested names kept only when no longer name covers them.
 * Our GPE, LOC and FAC count as LOC; NORP is not scored.
 */
import { tokenize } from "../../segment/tokenize.ts";
import { loadLexicons } from "../lexicon.ts";
import { readJsonl, recordMentions, type SourceRecord } from "./corpus.ts";
import { prf, type Scores } from "./run.ts";

export interface CharMention {
  start: number;
  end: number;
  type: string;
}

export type Predictor = (rec: SourceRecord) => CharMention[];

function evalType(t: string): string | null {
  if (t === "GPE" || t === "LOC" || t === "FAC") return "LOC";
  if (t === "PERSON" || t === "ORG") return t;
  return null;
}

function trimmed(text: string, m: CharMention): CharMention {
  let { start, end } = m;
  const lead = /^(the|The|THE)\s+/.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  const tail = /['’]s?$/.exec(text.slice(start, end));
  if (tail && end - tail[0].length > start) end -= tail[0].length;
  return { start, end, type: m.type };
}

export interface DevResult {
  view: string;
  exact: Scores;
  overlap: Scores;
}

function overlapScores(gold: CharMention[][], pred: CharMention[][]): Scores {
  // Overlap: a prediction counts when it overlaps a gold mention of the same type, each gold
  // mention matched at most once.
  const g: [string, string][] = [];
  const p: [string, string][] = [];
  gold.forEach((gs, d) => {
    const used = new Set<number>();
    gs.forEach((m, i) => {
      g.push([`${d}:g${i}`, m.type]);
    });
    for (const m of pred[d] ?? []) {
      const hit = gs.findIndex(
        (x, i) => !used.has(i) && x.type === m.type && x.start < m.end && m.start < x.end,
      );
      if (hit >= 0) {
        used.add(hit);
        p.push([`${d}:g${hit}`, m.type]);
      } else p.push([`${d}:p${m.start}:${m.end}`, m.type]);
    }
  });
  return prf(g, p);
}

function exactScores(gold: CharMention[][], pred: CharMention[][]): Scores {
  const key = (d: number, m: CharMention) => [`${d}:${m.start}:${m.end}`, m.type] as const;
  return prf(
    gold.flatMap((gs, d) => gs.map((m) => key(d, m))),
    pred.flatMap((ps, d) => ps.map((m) => key(d, m))),
  );
}

export function devScore(
  path: string,
  predict: Predictor,
): {
  results: DevResult[];
  records: SourceRecord[];
  predictions: CharMention[][];
  gold: Record<string, CharMention[][]>;
} {
  const lex = loadLexicons();
  const records = readJsonl(path);
  const predictions = records.map((r) =>
    predict(r)
      .map((m) => ({ ...m, type: evalType(m.type) }))
      .filter((m): m is CharMention => m.type !== null),
  );
  const views: Record<string, CharMention[][]> = {
    raw: records.map((r) => r.entities.map((e) => ({ start: e.start, end: e.end, type: e.type }))),
    propn: records.map((r) =>
      r.entities.filter((e) => e.propnHead !== false).map((e) => trimmed(r.text, e)),
    ),
    names: records.map((r) => {
      const tokens = tokenize(r.text);
      return recordMentions(r, tokens, lex, { requirePropnHead: true }).map((m) =>
        trimmed(r.text, {
          start: (tokens[m.from] as { start: number }).start,
          end: (tokens[m.to - 1] as { end: number }).end,
          type: m.type,
        }),
      );
    }),
  };
  const results: DevResult[] = [];
  for (const [view, gold] of Object.entries(views)) {
    const pred =
      view === "raw"
        ? predictions
        : predictions.map((ps, d) => ps.map((m) => trimmed((records[d] as SourceRecord).text, m)));
    results.push({ view, exact: exactScores(gold, pred), overlap: overlapScores(gold, pred) });
  }
  return { results, records, predictions, gold: views };
}

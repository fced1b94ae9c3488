/**
 * Tuning aid: score the dates tagger on a TempEval-style JSONL file (`timexes`,
 * `published` = document creation time) and list every error.
 *   tsx src/stages/dates/score-tempeval.ts ../shared/data/time/tempeval3-platinum-dev.jsonl [--quiet]
 * The project's evaluation is `npm run eval -- --task dates`; this prints the error list.
 */
import { readFileSync } from "node:fs";
import { createTagger } from "./tagger.ts";
import { alignTimexes, scoreTimexes, type Timex, type TimexPair, timexView } from "./timex.ts";

interface Record {
  id: string;
  text: string;
  published: string | null;
  timexes: Timex[];
}

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("--"));
const path =
  args.find((a) => !a.startsWith("--")) ?? "../shared/data/time/tempeval3-platinum-dev.jsonl";
const records = readFileSync(path, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Record);
const tagger = createTagger();
const all: TimexPair[] = [];
for (const r of records) {
  const { dates } = tagger.tag({ text: r.text, referenceDate: r.published, sentences: [] });
  const pairs = alignTimexes(r.timexes, timexView(dates));
  all.push(...pairs);
  if (flags.includes("--quiet")) continue;
  for (const { gold: g, predicted: p } of pairs) {
    const ok = g && p && g.start === p.start && g.end === p.end && g.value === p.value;
    if (ok) continue;
    const where = g ?? p;
    const ctx = where
      ? r.text.slice(Math.max(0, where.start - 40), where.end + 25).replace(/\n/g, " ")
      : "";
    console.log(
      `${r.id.padEnd(26)} gold ${g ? `${JSON.stringify(g.text)} ${g.value}` : "-"}  |  ours ${p ? `${JSON.stringify(p.text)} ${p.value}` : "-"}  |  …${ctx}…`,
    );
  }
}
const s = scoreTimexes(all);
const pct = (x: number): string => (100 * x).toFixed(1);
console.log(
  `gold ${s.gold} predicted ${s.predicted} | strict P/R/F1 ${pct(s.strict.precision)}/${pct(s.strict.recall)}/${pct(s.strict.f1)} | relaxed P/R/F1 ${pct(s.relaxed.precision)}/${pct(s.relaxed.recall)}/${pct(s.relaxed.f1)} | value accuracy ${pct(s.valueAccuracy)} (${s.valueCorrect}/${s.relaxedMatched}) | value F1 ${pct(s.valueF1)}`,
);

/**
 * Dev scores of the entities stage on a GUM-style file:
 * `npx tsx src/stages/entities/train/dev-cli.ts [--data FILE] [--errors N] [--compromise]`.
 */
import { parseArgs } from "node:util";
import { type Counts, mergeByType, micro } from "../../../eval/metrics/prf.ts";
import { scoreSpans } from "../../../eval/metrics/spans.ts";
import { normaliseName } from "../../../eval/tasks/ner.ts";
import { tokenize } from "../../segment/tokenize.ts";
import { recognise } from "../recognise.ts";
import { resolveMentions } from "../resolve.ts";
import { loadResources } from "../resources.ts";
import { segmentRanges } from "../sentences.ts";
import { type CharMention, devScore } from "./dev-score.ts";
import { formatScores } from "./run.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/data/ner/gum-news.jsonl" },
    model: { type: "string" },
    errors: { type: "string", default: "0" },
    view: { type: "string", default: "names" },
    compromise: { type: "boolean", default: false },
  },
});

const res = loadResources(values.model ? { modelPath: values.model } : {});
const { results, records, predictions, gold } = devScore(values.data, (rec) => {
  const tokens = tokenize(rec.text);
  return resolveMentions(
    rec.text,
    tokens,
    recognise(rec.text, tokens, segmentRanges(rec.text, tokens), res),
    res,
  ).map((m) => ({ start: m.start, end: m.end, type: m.type }));
});
for (const r of results) {
  console.log(`${r.view.padEnd(6)} exact   ${formatScores(r.exact)}`);
  console.log(`${r.view.padEnd(6)} overlap ${formatScores(r.overlap)}`);
}
// The evaluation's own view: propnHead gold, `the`/`'s` trimmed, nesting excused.
for (const mode of ["exact", "overlap"] as const) {
  const byType: Record<string, Counts> = {};
  records.forEach((rec, d) => {
    const norm = (xs: CharMention[]) =>
      xs.map((x) => normaliseName(rec.text, x)).filter((x) => x !== null);
    const g = norm(
      rec.entities
        .filter((e) => e.propnHead !== false)
        .map((e) => ({ start: e.start, end: e.end, type: e.type })),
    );
    mergeByType(byType, scoreSpans(g, norm(predictions[d] ?? []), mode, { excuseNested: true }));
  });
  const m = micro(byType);
  const per = Object.entries(byType).map(([t, c]) => {
    const x = micro({ [t]: c });
    return `${t} ${(x.f1 * 100).toFixed(1)}`;
  });
  console.log(
    `EVAL   ${mode.padEnd(7)} P ${(m.precision * 100).toFixed(1)} R ${(m.recall * 100).toFixed(1)} F1 ${(m.f1 * 100).toFixed(1)} | ${per.join(" · ")}`,
  );
}
if (values.compromise) {
  const { default: nlp } = await import("compromise");
  const cmp = devScore(values.data, (rec) => {
    const out: CharMention[] = [];
    const doc = nlp(rec.text);
    const add = (
      view: { json: (o: object) => { offset: { start: number; length: number } }[] },
      type: string,
    ) => {
      for (const j of view.json({ offset: true }))
        out.push({ start: j.offset.start, end: j.offset.start + j.offset.length, type });
    };
    add(doc.people() as never, "PERSON");
    add(doc.organizations() as never, "ORG");
    add(doc.places() as never, "LOC");
    return out;
  });
  for (const r of cmp.results)
    console.log(
      `compromise ${r.view.padEnd(6)} exact ${formatScores(r.exact)} | overlap F1 ${(r.overlap.f1 * 100).toFixed(1)}`,
    );
}
const n = Number(values.errors);
if (n > 0) {
  const g = gold[values.view] ?? [];
  let shown = 0;
  records.forEach((rec, d) => {
    const key = (m: CharMention) => `${m.start}:${m.end}:${m.type}`;
    const gs = new Set((g[d] ?? []).map(key));
    const ps = new Set((predictions[d] ?? []).map(key));
    for (const m of predictions[d] ?? [])
      if (!gs.has(key(m)) && shown++ < n)
        console.log(
          `FP ${m.type} «${rec.text.slice(m.start, m.end)}»  …${rec.text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\n/g, " ")}…`,
        );
    for (const m of g[d] ?? [])
      if (!ps.has(key(m)) && shown++ < n)
        console.log(
          `FN ${m.type} «${rec.text.slice(m.start, m.end)}»  …${rec.text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\n/g, " ")}…`,
        );
  });
}

/**
 * Error analysis in the evaluation's own view (`npm run eval -- --task ner`): the same
 * extractor, gold reading and matching, with every error classed by kind so the biggest
 * classes can be attacked first.
 * `npx tsx src/stages/entities/train/eval-errors.ts [--model FILE] [--list KIND] [--data FILE]
 * [--part odd|even]`
 * Kinds: boundary (same type, spans overlap), type (same span, other type), boundary+type,
 * spurious (nothing gold overlaps), missed (nothing predicted overlaps).
 */
import { parseArgs } from "node:util";
import type { Entity } from "../../../core/annotations.ts";
import { createExtractor } from "../../../core/extract.ts";
import { readJsonl } from "../../../eval/data.ts";
import { extractAll } from "../../../eval/extract.ts";
import { type Counts, mergeByType, micro } from "../../../eval/metrics/prf.ts";
import { type ScoredSpan, scoreSpans } from "../../../eval/metrics/spans.ts";
import { goldOf, type NerRecord, normaliseAll, TYPE_MAP } from "../../../eval/tasks/ner.ts";
import { predictedNames } from "../../../eval/tasks/ner-names.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/data/ner/gum-news.jsonl" },
    model: { type: "string" },
    list: { type: "string", default: "" },
    /** Score only the odd or even records (1-based), to tune on one half and confirm on the other. */
    part: { type: "string", default: "all" },
  },
});

const records = readJsonl<NerRecord>(values.data).filter(
  (_, i) => values.part === "all" || (values.part === "odd") === (i % 2 === 0),
);
const extractor = createExtractor(
  values.model ? { stages: { entities: { model: values.model } } } : {},
);
const extracted = extractAll(extractor, records, "dev");
const kinds: Record<string, string[]> = {};
const add = (kind: string, line: string) => {
  kinds[kind] ??= [];
  kinds[kind].push(line);
};
const exact: Record<string, Counts> = {};
records.forEach((rec, i) => {
  const t = rec.text;
  const gold = goldOf(rec);
  const got = extracted[i];
  if (!got) return;
  const raw = got.output.entities.flatMap((e: Entity) => {
    const type = TYPE_MAP[e.type];
    return type ? [{ ...got.toRecord(e), type }] : [];
  });
  const pred = normaliseAll(t, predictedNames(t, normaliseAll(t, raw)));
  mergeByType(exact, scoreSpans(gold, pred, "exact", { excuseNested: true }));
  const key = (s: ScoredSpan) => `${s.start}:${s.end}:${s.type}`;
  const gk = new Set(gold.map(key));
  const pk = new Set(pred.map(key));
  const ov = (a: ScoredSpan, b: ScoredSpan) => a.start < b.end && b.start < a.end;
  const nests = (a: ScoredSpan, b: ScoredSpan) =>
    (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
  const ctx = (s: ScoredSpan) =>
    `${t.slice(Math.max(0, s.start - 40), s.start)}[${t.slice(s.start, s.end)}]${t.slice(s.end, s.end + 40)}`.replace(
      /\s+/g,
      " ",
    );
  for (const p of pred) {
    if (gk.has(key(p))) continue;
    const sameSpan = gold.find((g) => g.start === p.start && g.end === p.end);
    if (sameSpan) {
      add("type", `${sameSpan.type}->${p.type}  ${ctx(p)}`);
      continue;
    }
    const over = gold.filter((g) => ov(g, p));
    if (over.length === 0) {
      add("spurious", `${p.type}  ${ctx(p)}`);
      continue;
    }
    // A prediction nested with a matched gold is still a false positive (a second layer).
    const o = over[0] as ScoredSpan;
    const kind = o.type === p.type ? "boundary" : "boundary+type";
    add(
      kind,
      `${p.type} pred «${t.slice(p.start, p.end)}» gold ${o.type} «${t.slice(o.start, o.end)}»  ${ctx(o)}`,
    );
  }
  for (const g of gold) {
    if (pk.has(key(g))) continue;
    // Excused: nested with a matched gold mention.
    if (gold.some((h) => h !== g && pk.has(key(h)) && nests(g, h))) continue;
    if (pred.some((p) => ov(g, p))) continue; // counted on the prediction side
    add("missed", `${g.type}  ${ctx(g)}`);
  }
});
const m = micro(exact);
console.log(
  `exact P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)}  ` +
    Object.entries(exact)
      .map(([k, c]) => `${k} ${micro({ [k]: c }).f1.toFixed(3)}`)
      .join(" "),
);
for (const [k, v] of Object.entries(kinds)) console.log(`${k}: ${v.length}`);
if (values.list)
  for (const k of values.list.split(","))
    for (const line of kinds[k] ?? []) console.log(`${k}  ${line}`);

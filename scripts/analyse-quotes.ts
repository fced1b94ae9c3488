/**
 * Error analysis of the quotes stage against PolNeAR-style attributions: the same scores as
 * `dateline eval --task quotes` (overlap, one to one; distinct speaker spans), then every
 * false positive and miss sorted into classes with counts and a few examples, so that work
 * goes to the biggest class. Tuning happens on a held-out slice of polnear-train with the
 * model trained without it (`npm run train:quotes -- --held-out-only --save-held-out F`).
 *
 *   tsx scripts/analyse-quotes.ts [data.jsonl] [--model model.json.gz] [--from N] [--to N]
 *     [--examples N] [--show "class|class"] [--quiet]
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createPipeline } from "../src/core/pipeline.ts";
import type { Span } from "../src/core/span.ts";
import { readJsonl } from "../src/eval/data.ts";
import { extractAll } from "../src/eval/extract.ts";
import { type Counts, prf } from "../src/eval/metrics/prf.ts";
import { overlapLength, type ScoredSpan } from "../src/eval/metrics/spans.ts";
import {
  addQuoteCounts,
  emptyQuoteCounts,
  type QuoteRecord,
  scoreQuoteRecord,
} from "../src/eval/tasks/quotes.ts";
import { defaultStages } from "../src/stages/index.ts";
import { quotesStageWith } from "../src/stages/quotes/index.ts";
import { loadSpeechLexicon } from "../src/stages/quotes/lexicon.ts";
import { type ModelFile, TaggerModel } from "../src/stages/quotes/tagger/model.ts";

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const valued = new Set(["--model", "--from", "--to", "--examples", "--show"]);
const path =
  args.find((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? "")) ??
  "../shared/data/quotes/polnear-dev.jsonl";
const all = readJsonl<QuoteRecord>(path);
const records = all.slice(Number(opt("--from") ?? 0), Number(opt("--to") ?? all.length));
const examples = Number(opt("--examples") ?? 3);
const show = new Set((opt("--show") ?? "").split("|").filter(Boolean));
const quiet = args.includes("--quiet");

const stages = defaultStages();
const modelPath = opt("--model");
if (modelPath) {
  const model = TaggerModel.fromFile(
    JSON.parse(gunzipSync(readFileSync(modelPath)).toString("utf8")) as ModelFile,
  );
  stages[stages.length - 1] = quotesStageWith(model, loadSpeechLexicon());
}
const pipeline = createPipeline(stages);
const extractor = {
  pipeline,
  stageNames: stages.map((s) => s.name),
  extract: () => {
    throw new Error("unused");
  },
};
const started = performance.now();
const extracted = extractAll(extractor, records, path);
const seconds = (performance.now() - started) / 1000;

const classes = new Map<string, string[]>();
function note(cls: string, example: string): void {
  const list = classes.get(cls) ?? [];
  list.push(example);
  classes.set(cls, list);
}
const PRONOUNS = new Set([
  "he",
  "she",
  "they",
  "it",
  "i",
  "we",
  "you",
  "him",
  "her",
  "them",
  "his",
  "who",
]);
function speakerForm(text: string): string {
  const words = text.split(/\s+/);
  if (words.length === 1 && PRONOUNS.has(text.toLowerCase())) return "pronoun";
  const last = words.at(-1) ?? "";
  if (/^\p{Lu}/u.test(last)) return "name";
  return "nominal";
}
const clip = (s: string, n = 110) => {
  const one = s.replace(/\s+/g, " ");
  return one.length <= n ? one : `${one.slice(0, n / 2)} … ${one.slice(-n / 2 + 2)}`;
};
const quoteMark = /["“”„«»]/;
function isDirect(text: string, span: Span): boolean {
  return quoteMark.test(text[span.start] ?? "") || quoteMark.test(text[span.start - 1] ?? "");
}

const total = emptyQuoteCounts();
const cueMissed = new Map<string, number>();
const cueSpurious = new Map<string, number>();
/** Per first word of a predicted indirect content: matched a gold content or not. */
const firstWords = new Map<string, { matched: number; not: number }>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

extracted.forEach((got, i) => {
  const record = records[i] as QuoteRecord;
  const text = record.text;
  const gold = record.quotes;
  const ours = got.output.quotes;
  // Scored exactly as the eval scores it; the pairings below sort its errors into classes.
  const scored = scoreQuoteRecord(record, ours, got.toRecord);
  addQuoteCounts(total, scored);
  const { goldContent, predContent, goldSpeakers, predSpeakers } = scored;
  const predSpeakerOf = ours.map((q) => (q.speaker ? got.toRecord(q.speaker) : null));
  const goldToPred = new Map(scored.contentPairs);
  const predToGold = new Map(scored.contentPairs.map(([g, p]) => [p, g]));
  // Contents.
  gold.forEach((q, g) => {
    const p = goldToPred.get(g);
    const direct = isDirect(text, q.content) ? "direct" : "indirect";
    if (p !== undefined) {
      const pc = predContent[p] as Span;
      const gs = goldContent[g] as ScoredSpan;
      const lo = gs.parts && gs.parts.length > 0 ? gs.parts : [gs];
      const gStart = (lo[0] as Span).start;
      const gEnd = (lo.at(-1) as Span).end;
      const near = (a: number, b: number) => Math.abs(a - b) <= 2;
      const shape =
        near(pc.start, gStart) && near(pc.end, gEnd)
          ? "exact"
          : pc.start >= gStart - 2 && pc.end <= gEnd + 2
            ? "short"
            : pc.start <= gStart + 2 && pc.end >= gEnd - 2
              ? "long"
              : "crossing";
      note(
        `content matched ${shape} (${direct})`,
        `gold «${clip(text.slice(gStart, gEnd))}»\n      ours «${clip(text.slice(pc.start, pc.end))}»`,
      );
      return;
    }
    const covering = predContent.findIndex(
      (pc) => overlapLength(goldContent[g] as ScoredSpan, pc) > 0,
    );
    const cue = q.cue ? q.cue.text.toLowerCase() : "(none)";
    if (covering !== -1) {
      note(`content merged into another (${direct})`, `gold «${clip(q.content.text)}» cue ${cue}`);
    } else {
      bump(cueMissed, cue);
      note(
        `content missed (${direct})`,
        `«${clip(q.content.text)}» src ${q.source?.text ?? "-"} cue ${cue}`,
      );
    }
  });
  ours.forEach((q, p) => {
    if (!q.direct) {
      const w = (/^[\p{L}\p{N}’'-]+|^\S/u.exec(q.text)?.[0] ?? "").toLowerCase();
      const row = firstWords.get(w) ?? { matched: 0, not: 0 };
      if (predToGold.has(p)) row.matched++;
      else row.not++;
      firstWords.set(w, row);
    }
    if (q.direct && !q.speaker && predToGold.has(p)) {
      const g = gold[predToGold.get(p) as number];
      const pc0 = predContent[p] as Span;
      note(
        `direct quote matched, no speaker (gold source: ${g?.source ? "yes" : "no"})`,
        `…${clip(text.slice(Math.max(0, pc0.start - 90), pc0.start), 90)}» «${clip(q.text, 40)}» gold src ${g?.source?.text ?? "-"} cue ${g?.cue?.text ?? "-"}`,
      );
    }
    if (predToGold.has(p)) return;
    const pc = predContent[p] as Span;
    const direct = q.direct ? "direct" : "indirect";
    const overlapping = goldContent.some((gc) => overlapLength(gc, pc) > 0);
    const cue = q.cue ? q.cue.text.toLowerCase() : "(none)";
    if (overlapping) {
      note(`content split off (${direct})`, `«${clip(text.slice(pc.start, pc.end))}» cue ${cue}`);
    } else {
      bump(cueSpurious, cue);
      note(
        `content spurious (${direct})`,
        `«${clip(text.slice(pc.start, pc.end))}» spk ${q.speaker?.text ?? "-"} cue ${cue}`,
      );
    }
  });
  // Speakers: distinct spans, as the scorer has them.
  const sPairs = scored.speakerPairs;
  const sGold = new Set(sPairs.map(([g]) => g));
  const sPred = new Set(sPairs.map(([, p]) => p));
  for (const [g, p] of sPairs) {
    const a = goldSpeakers[g] as Span;
    const b = predSpeakers[p] as Span;
    if (a.start !== b.start || a.end !== b.end) {
      const how =
        b.start <= a.start && b.end >= a.end
          ? "ours longer"
          : a.start <= b.start && a.end >= b.end
            ? "ours shorter"
            : "crossing";
      note(
        `speaker boundary (${how})`,
        `gold «${text.slice(a.start, a.end)}» ours «${text.slice(b.start, b.end)}»`,
      );
    }
  }
  goldSpeakers.forEach((s, g) => {
    if (sGold.has(g)) return;
    const form = speakerForm(text.slice(s.start, s.end));
    // Why: none of its quotes found, found without a speaker, or with another speaker.
    const its = gold
      .map((q, k) => ({ q, k }))
      .filter(({ q }) => q.source && q.source.start === s.start && q.source.end === s.end);
    let why = "its quotes missed";
    let ourCue = "";
    for (const { k } of its) {
      const p = goldToPred.get(k);
      if (p === undefined) continue;
      const sp = predSpeakerOf[p];
      why = sp ? "quote found, other speaker" : "quote found, no speaker";
      ourCue = ` ours: cue ${ours[p]?.cue?.text ?? "-"} spk ${ours[p]?.speaker?.text ?? "-"} direct ${ours[p]?.direct}`;
      if (!sp) break;
    }
    const overlapped = predSpeakers.some((ps) => overlapLength(ps, s) > 0);
    if (overlapped) why = "overlapping prediction used by another";
    const q0 = its[0]?.q;
    note(
      `speaker missed: ${why} [${form}]`,
      `«${text.slice(s.start, s.end)}» cue ${q0?.cue?.text ?? "-"} content «${clip(q0?.content.text ?? "", 70)}»${ourCue}`,
    );
  });
  predSpeakers.forEach((s, p) => {
    if (sPred.has(p)) return;
    const form = speakerForm(text.slice(s.start, s.end));
    const quotesOf = ours
      .map((q, k) => ({ q, k }))
      .filter(({ k }) => {
        const sp = predSpeakerOf[k];
        return sp && sp.start === s.start && sp.end === s.end;
      });
    let why = "its quotes spurious";
    for (const { k } of quotesOf) {
      const g = predToGold.get(k);
      if (g === undefined) continue;
      why = gold[g]?.source
        ? "quote matched, gold source elsewhere"
        : "quote matched, gold has no source";
      break;
    }
    const overlapped = goldSpeakers.some((gs) => overlapLength(gs, s) > 0);
    if (overlapped) why = "overlaps a gold source matched to another";
    const q0 = quotesOf[0]?.q;
    note(
      `speaker spurious: ${why} [${form}]`,
      `«${text.slice(s.start, s.end)}» cue ${q0?.cue?.text ?? "-"} content «${clip(q0?.text ?? "", 70)}»`,
    );
  });
});

const fmt = (name: string, c: Counts) => {
  const s = prf(c);
  return `${name.padEnd(20)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
};
console.log(`${records.length} records of ${path}, ${seconds.toFixed(1)} s`);
console.log(fmt("speaker exact", total.speakerExact));
console.log(fmt("speaker overlap", total.speakerOverlap));
console.log(fmt("content overlap", total.content));
console.log(fmt("content characters", total.contentChars));
console.log(
  `attribution ${total.attributedRight}/${total.attributed} = ${(total.attributedRight / Math.max(1, total.attributed)).toFixed(3)}`,
);
if (!quiet) {
  console.log("");
  for (const [cls, list] of [...classes].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`${String(list.length).padStart(5)}  ${cls}`);
    const n = show.size === 0 || show.has(cls) ? (show.size ? 1e9 : examples) : 0;
    for (const e of list.slice(0, n)) console.log(`      ${e}`);
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  console.log(`\ncues of missed contents: ${top(cueMissed)}`);
  console.log(`cues of spurious contents: ${top(cueSpurious)}`);
  const worst = [...firstWords]
    .filter(([, r]) => r.not >= 3)
    .sort((a, b) => b[1].not / (b[1].not + b[1].matched) - a[1].not / (a[1].not + a[1].matched))
    .slice(0, 40)
    .map(([w, r]) => `${w} ${r.not}/${r.not + r.matched}`)
    .join(", ");
  console.log(`first words of indirect contents, unmatched/all: ${worst}`);
}

/**
 * The training run behind `npm run train:ner`: read the training files, hold out every 20th
 * record for the score it prints, build the feature lexicon, train, save the model.
 * Deterministic: same data and options, same model bytes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Decoder, decodeMentions, NerModel, type TokenMention } from "../model.ts";
import { readJsonl, recordSentences, type TrainSentence } from "./corpus.ts";
import { buildFeatureLexicon } from "./feature-lexicon.ts";
import { train } from "./perceptron.ts";

export interface TrainRunOptions {
  /** Folder holding the training JSON-lines files (`../shared/data/ner`). */
  dataDir: string;
  /** Where to write the model; nothing is written when absent. */
  out?: string;
  epochs?: number;
  /** Hash buckets, a power of two. */
  buckets?: number;
  seed?: number;
  /** Use only the first N records of each file (tests, quick experiments). */
  limit?: number;
  /** Times the GUM interview file is repeated: it is small but annotated like the dev data. */
  gumWeight?: number;
  decoder?: Decoder;
  transitionWords?: boolean;
  plainWordsO?: boolean;
  /**
   * Models trained on differently shuffled data (seeds `seed`, `seed + 1`, …) whose weights
   * are averaged: for a linear model that is exactly the ensemble of their scores, at one
   * model's size and speed. The perceptron's result depends on the order it sees the data.
   */
  bag?: number;
  /** Train on only these of the files (ablations). */
  files?: string[];
  log?: (line: string) => void;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  byType: Record<
    string,
    { precision: number; recall: number; f1: number; gold: number; predicted: number }
  >;
}

/** Exact-match P/R/F1 of mentions given as `[key, type]` pairs (key = span identity). */
export function prf(
  gold: readonly (readonly [string, string])[],
  pred: readonly (readonly [string, string])[],
): Scores {
  const types = new Set([...gold.map((g) => g[1]), ...pred.map((p) => p[1])]);
  const goldSet = new Set(gold.map((g) => `${g[0]}|${g[1]}`));
  const calc = (tp: number, np: number, ng: number) => {
    const p = np ? tp / np : 0;
    const r = ng ? tp / ng : 0;
    return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  let tp = 0;
  const byType: Scores["byType"] = {};
  for (const t of [...types].sort()) {
    const g = gold.filter((x) => x[1] === t);
    const p = pred.filter((x) => x[1] === t);
    const hit = p.filter((x) => goldSet.has(`${x[0]}|${x[1]}`)).length;
    tp += hit;
    byType[t] = { ...calc(hit, p.length, g.length), gold: g.length, predicted: p.length };
  }
  return { ...calc(tp, pred.length, gold.length), byType };
}

function goldMentions(s: TrainSentence): TokenMention[] {
  const out: TokenMention[] = [];
  decodeMentions(s.labels as Int32Array, s.to - s.from, s.from, out);
  return out;
}

/** Exact token-span scores of the model on labelled sentences. */
export function scoreSentences(model: NerModel, data: readonly TrainSentence[]): Scores {
  const gold: [string, string][] = [];
  const pred: [string, string][] = [];
  let buf = new Int32Array(256);
  data.forEach((s, si) => {
    for (const m of goldMentions(s)) gold.push([`${si}:${m.from}:${m.to}`, m.type]);
    const n = s.to - s.from;
    if (buf.length < n) buf = new Int32Array(n * 2);
    model.tagSentence(s.text, s.tokens, s.from, s.to, buf);
    const out: TokenMention[] = [];
    decodeMentions(buf, n, s.from, out);
    for (const m of out) pred.push([`${si}:${m.from}:${m.to}`, m.type]);
  });
  return { ...prf(gold, pred) };
}

export function formatScores(s: Scores): string {
  const pct = (x: number) => (x * 100).toFixed(1);
  const parts = Object.entries(s.byType).map(([t, v]) => `${t} ${pct(v.f1)} (n=${v.gold})`);
  return `P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} | ${parts.join(" · ")}`;
}

export function runTraining(opts: TrainRunOptions): {
  model: NerModel;
  heldOut: Scores;
  bytes?: number;
} {
  const log = opts.log ?? (() => {});
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const trainSet: TrainSentence[] = [];
  const heldOut: TrainSentence[] = [];
  const files: [string, boolean, number][] = (
    [
      ["train-gmb.jsonl", false, 1],
      ["train-uner-ewt.jsonl", false, 1],
      ["gum-other.jsonl", true, opts.gumWeight ?? 4],
    ] as [string, boolean, number][]
  ).filter((f) => !opts.files || opts.files.includes(f[0]));
  for (const [file, split, weight] of files) {
    const records = readJsonl(join(opts.dataDir, file)).slice(0, limit);
    let n = 0;
    records.forEach((rec, i) => {
      const sentences = recordSentences(rec, {
        split,
        requirePropnHead: split,
        gumNames: split,
      });
      // Every 20th record is held out; for the few long GUM documents, every 20th sentence.
      if (split) {
        sentences.forEach((s, j) => {
          if (j % 20 === 19) heldOut.push(s);
          else for (let k = 0; k < weight; k++) trainSet.push(s);
        });
      } else if (i % 20 === 19) heldOut.push(...sentences);
      else trainSet.push(...sentences);
      n += sentences.length;
    });
    log(`${file}: ${records.length} records, ${n} sentences`);
  }
  const lex = buildFeatureLexicon(trainSet);
  log(`feature lexicon: ${lex.phrases.size} phrases, ${lex.cues.size} cue words`);
  const bag = Math.max(1, opts.bag ?? 1);
  const seed = opts.seed ?? 20191231;
  const members: NerModel[] = [];
  for (let b = 0; b < bag; b++) {
    members.push(
      train(trainSet, lex, {
        buckets: opts.buckets ?? 1 << 19,
        epochs: opts.epochs ?? 6,
        seed: seed + b,
        decoder: opts.decoder ?? "viterbi",
        transitionWords: opts.transitionWords ?? false,
        plainWordsO: opts.plainWordsO ?? false,
        onEpoch: (epoch, m, mistakes, tokens) => {
          log(
            `${bag > 1 ? `model ${b + 1}/${bag} ` : ""}epoch ${epoch}: ${mistakes}/${tokens} token mistakes; held-out ${formatScores(scoreSentences(m, heldOut))}`,
          );
        },
      }),
    );
  }
  const model = averageModels(members);
  const score = scoreSentences(model, heldOut);
  log(`held-out (every 20th record, ${heldOut.length} sentences): ${formatScores(score)}`);
  if (opts.out) {
    const bytes = model.serialize({
      data: files.map((f) => f[0]),
      epochs: opts.epochs ?? 6,
      buckets: opts.buckets ?? 1 << 19,
      seed,
      ...(bag > 1 ? { bag } : {}),
      decoder: opts.decoder ?? "viterbi",
      heldOutF1: Math.round(score.f1 * 1000) / 1000,
    });
    writeFileSync(opts.out, bytes);
    log(`wrote ${opts.out}: ${(bytes.length / 1e6).toFixed(2)} MB`);
    return { model, heldOut: score, bytes: bytes.length };
  }
  return { model, heldOut: score };
}

/** One model whose weights are the mean of the members' (same features, buckets, lexicon). */
function averageModels(members: readonly NerModel[]): NerModel {
  const first = members[0] as NerModel;
  if (members.length === 1) return first;
  const sum = new Float32Array(first.weights.length);
  for (const m of members) {
    const w = m.weights;
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (w[i] as number);
  }
  for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) / members.length;
  return new NerModel(sum, first.buckets, first.lex, first.header);
}

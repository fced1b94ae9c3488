/**
 * Train the attribution tagger of the quotes stage on PolNeAR's training articles and write
 * src/stages/quotes/model/attribution.json.gz (feature strings and weights, no text).
 * The last tenth of the file is held out: the script trains on the rest, prints the
 * held-out speaker and content scores (overlap, as `dateline eval --task quotes`), then
 * trains again on every article for the model it writes. Fixed seed: same data, same model.
 *
 *   npm run train:quotes [-- path/to/polnear-train.jsonl] [--epochs N] [--held-out-only]
 *     [--save-held-out model.json.gz] [--folds N]
 *
 * `--save-held-out` also writes the held-out run's model, so that scripts/analyse-quotes.ts
 * can study the held-out slice (`--from 756 --model …`) with a model that never saw it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { prf } from "../src/eval/metrics/prf.ts";
import { quotesStageWith } from "../src/stages/quotes/index.ts";
import { loadSpeechLexicon } from "../src/stages/quotes/lexicon.ts";
import {
  type AttributionRecord,
  learnCueShares,
  prepare,
  scoreHeldOut,
  trainingDocs,
} from "../src/stages/quotes/tagger/corpus.ts";
import { TaggerModel } from "../src/stages/quotes/tagger/model.ts";
import { type TrainOptions, trainTagger } from "../src/stages/quotes/tagger/train.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const path =
  args.find(
    (a, i) =>
      !a.startsWith("--") &&
      !args[i - 1]?.startsWith("--epochs") &&
      !args[i - 1]?.startsWith("--folds") &&
      !args[i - 1]?.startsWith("--save-held-out"),
  ) ?? "../shared/data/quotes/polnear-train.jsonl";
const epochs = value("--epochs", 12);

const records = readFileSync(path, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as AttributionRecord);
const lex = loadSpeechLexicon();
let started = Date.now();
const prepared = prepare(records, lex);
const tokens = prepared.reduce((n, p) => n + p.gold.length, 0);
console.log(
  `${records.length} articles, ${tokens} tokens prepared in ${(Date.now() - started) / 1000} s`,
);

const cut = Math.floor(prepared.length * 0.9);
const options = (about: string): TrainOptions => ({
  epochs,
  seed: 20161108,
  minCount: 2,
  minWeight: 0.05,
  about,
  onEpoch: (epoch, errors, n) => console.log(`  epoch ${epoch}: ${errors} token errors of ${n}`),
});
const fmt = (c: { tp: number; fp: number; fn: number }) => {
  const s = prf(c);
  return `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;
};

started = Date.now();
const heldShares = learnCueShares(prepared.slice(0, cut));
const heldModel = trainTagger(
  trainingDocs(prepared.slice(0, cut), lex, heldShares),
  heldShares,
  options("held-out run"),
);
console.log(`trained on ${cut} articles in ${(Date.now() - started) / 1000} s`);
const score = scoreHeldOut(
  prepared.slice(cut),
  quotesStageWith(TaggerModel.fromFile(heldModel), lex),
);
console.log(`held-out (${prepared.length - cut} articles) speaker ${fmt(score.speaker)}`);
console.log(`held-out (${prepared.length - cut} articles) content ${fmt(score.content)}`);
// `--folds N`: also hold out the first N-1 tenths in turn, for a steadier figure to tune on
// (the pooled counts of every held-out tenth, each scored by a model trained without it).
const folds = value("--folds", 1);
if (folds > 1) {
  const pooled = { speaker: { tp: 0, fp: 0, fn: 0 }, content: { tp: 0, fp: 0, fn: 0 } };
  const add = (into: typeof pooled.speaker, c: typeof pooled.speaker) => {
    into.tp += c.tp;
    into.fp += c.fp;
    into.fn += c.fn;
  };
  add(pooled.speaker, score.speaker);
  add(pooled.content, score.content);
  const tenth = prepared.length - cut;
  for (let f = 0; f < folds - 1; f++) {
    const from = f * tenth;
    const rest = [...prepared.slice(0, from), ...prepared.slice(from + tenth)];
    const shares = learnCueShares(rest);
    const model = trainTagger(trainingDocs(rest, lex, shares), shares, {
      ...options(`fold ${f}`),
      onEpoch: () => {},
    });
    const saveTo = args[args.indexOf("--save-held-out") + 1];
    if (flag("--save-held-out") && saveTo) {
      writeFileSync(`${saveTo}.fold${f}`, gzipSync(JSON.stringify(model), { level: 6 }));
    }
    const s = scoreHeldOut(
      prepared.slice(from, from + tenth),
      quotesStageWith(TaggerModel.fromFile(model), lex),
    );
    console.log(`fold ${f} speaker ${fmt(s.speaker)}; content ${fmt(s.content)}`);
    add(pooled.speaker, s.speaker);
    add(pooled.content, s.content);
  }
  console.log(`pooled ${folds} folds: speaker ${fmt(pooled.speaker)}`);
  console.log(`pooled ${folds} folds: content ${fmt(pooled.content)}`);
}
const heldOutPath = args[args.indexOf("--save-held-out") + 1];
if (flag("--save-held-out") && heldOutPath) {
  writeFileSync(heldOutPath, gzipSync(JSON.stringify(heldModel), { level: 6 }));
  console.log(`held-out model written to ${heldOutPath} (first ${cut} articles only)`);
}

if (!flag("--held-out-only")) {
  started = Date.now();
  const shares = learnCueShares(prepared);
  const model = trainTagger(
    trainingDocs(prepared, lex, shares),
    shares,
    options(
      `Attribution tagger of the quotes stage: averaged structured perceptron, ${epochs} epochs, seed 20161108, trained on ${records.length} PolNeAR training articles by scripts/train-quotes.ts (npm run train:quotes). Held-out (last ${prepared.length - cut} articles, model trained on the rest): speaker ${fmt(score.speaker)}; content ${fmt(score.content)}.`,
    ),
  );
  const out = new URL("../src/stages/quotes/model/attribution.json.gz", import.meta.url);
  const gz = gzipSync(JSON.stringify(model), { level: 9 });
  writeFileSync(out, gz);
  console.log(
    `full model: ${model.features.length} features, ${(gz.length / 1e6).toFixed(2)} MB gzipped, ${(Date.now() - started) / 1000} s`,
  );
}

/**
 * Train the entities stage's tagger: `npm run train:ner [-- --epochs N --buckets N --data DIR]`.
 * Writes src/stages/entities/model/ner.bin.gz and prints the held-out score.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runTraining } from "../src/stages/entities/train/run.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/data/ner" },
    out: { type: "string", default: join("src", "stages", "entities", "model", "ner.bin.gz") },
    epochs: { type: "string", default: "6" },
    buckets: { type: "string", default: String(1 << 19) },
    seed: { type: "string", default: "20191231" },
    bag: { type: "string", default: "1" },
    limit: { type: "string" },
    "gum-weight": { type: "string", default: "4" },
    files: { type: "string" },
    decoder: { type: "string", default: "viterbi" },
    "transition-words": { type: "boolean", default: false },
    "plain-words-o": { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  },
});

const started = performance.now();
const opts: Parameters<typeof runTraining>[0] = {
  dataDir: values.data,
  epochs: Number(values.epochs),
  buckets: Number(values.buckets),
  seed: Number(values.seed),
  bag: Number(values.bag),
  gumWeight: Number(values["gum-weight"]),
  log: (line) => console.log(line),
};
if (!values["dry-run"]) opts.out = values.out;
if (values.limit) opts.limit = Number(values.limit);
if (values.decoder === "viterbi" || values.decoder === "greedy") opts.decoder = values.decoder;
if (values["transition-words"]) opts.transitionWords = true;
if (values["plain-words-o"]) opts.plainWordsO = true;
if (values.files) opts.files = values.files.split(",");
runTraining(opts);
console.log(`trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);

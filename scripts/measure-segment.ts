/**
 * Sentence splitting measured: Dateline's own splitter against wink-nlp (with its English
 * lite model) and sbd, on gold boundaries built from the dev data in ../shared/data.
 *
 *   npm run measure:segment [-- --limit 20000]
 *
 * Gold: consecutive one-sentence records joined into documents, so every join is a known
 * boundary. This is easier than real text in some ways (every sentence is complete, no
 * headlines, datelines or layout) and harder in others (web sentences without a final
 * mark): read the scores as a comparison, not as accuracy on news. A boundary is the offset
 * where a sentence other than a document's first starts; precision, recall and F1 are over
 * all boundaries. Speed is UTF-8 megabytes of text per CPU second (median of runs), model
 * loading excluded.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { loadSegmentLexicon } from "../src/stages/segment/lexicon.ts";
import { sentenceRules } from "../src/stages/segment/rules/index.ts";
import { splitSentences } from "../src/stages/segment/split.ts";
import { tokenize } from "../src/stages/segment/tokenize.ts";

const require = createRequire(import.meta.url);
const sbd = require("sbd") as {
  sentences(text: string, options?: Record<string, unknown>): string[];
};

const DATA = new URL("../../shared/data/", import.meta.url);

interface GoldDoc {
  text: string;
  /** Offsets where sentences after the first start. */
  boundaries: number[];
}

interface Corpus {
  name: string;
  note: string;
  docs: GoldDoc[];
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(new URL(path, DATA), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Join sentences with `joiner` into documents with known boundaries. */
function join(groups: string[][], joiner: string): GoldDoc[] {
  return groups.map((sentences) => {
    let text = "";
    const boundaries: number[] = [];
    for (const sentence of sentences) {
      if (text !== "") {
        text += joiner;
        boundaries.push(text.length);
      }
      text += sentence.trim();
    }
    return { text, boundaries };
  });
}

/**
 * GMB writes quotes as separate tokens (`said , " We will "`); news attaches them
 * (`said, "We will"`). Re-attach them, alternating open and close across the document, so
 * that sentence ends inside quotations (`… here."`) are tested as they occur in news.
 */
function attachQuotes(sentences: string[]): string[] {
  let open = false;
  return sentences.map((sentence) =>
    sentence.replace(/ ?" ?/g, (match, offset: number) => {
      open = !open;
      const atStart = offset === 0;
      const atEnd = offset + match.length === sentence.length;
      if (open) return atStart ? '"' : ' "';
      return atEnd ? '"' : '" ';
    }),
  );
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function corpora(limit: number): Corpus[] {
  const gmb = readJsonl("ner/train-gmb.jsonl")
    .slice(0, limit)
    .map((r) => r.text as string);
  const byDoc = new Map<string, string[]>();
  for (const r of readJsonl("ner/train-uner-ewt.jsonl").slice(0, limit)) {
    const doc = r.doc as string;
    const list = byDoc.get(doc) ?? [];
    list.push(r.text as string);
    byDoc.set(doc, list);
  }
  return [
    {
      name: "gmb",
      note: "VOA news sentences (tokenised: space before quotes), 20 per doc, space-joined",
      docs: join(chunk(gmb, 20), " "),
    },
    {
      name: "gmb-quotes",
      note: 'the same with quotes attached as news writes them (`here." He`)',
      docs: join(chunk(gmb, 20).map(attachQuotes), " "),
    },
    {
      name: "uner-ewt",
      note: "English Web Treebank docs (blogs, email, reviews, answers), space-joined",
      docs: join([...byDoc.values()], " "),
    },
  ];
}

type Splitter = (text: string) => number[];

/** Sentence start offsets of the sentences a library returns as strings, found in order. */
function startsOf(text: string, sentences: readonly string[]): number[] {
  const starts: number[] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    if (trimmed === "") continue;
    const at = text.indexOf(trimmed, cursor);
    if (at === -1) continue;
    starts.push(at);
    cursor = at + trimmed.length;
  }
  return starts.slice(1);
}

function makeSplitters(): Record<string, Splitter> {
  const lexicon = loadSegmentLexicon();
  const nlp = winkNLP(model);
  return {
    dateline: (text) =>
      splitSentences(text, tokenize(text), lexicon, sentenceRules)
        .slice(1)
        .map((s) => s.start),
    "wink-nlp": (text) => startsOf(text, nlp.readDoc(text).sentences().out()),
    sbd: (text) => startsOf(text, sbd.sentences(text, { preserve_whitespace: true })),
  };
}

interface Score {
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  mbPerSecond: number;
}

function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function score(split: Splitter, docs: readonly GoldDoc[], runs: number): Score {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const doc of docs) {
    const found = new Set(split(doc.text));
    predicted += found.size;
    gold += doc.boundaries.length;
    for (const b of doc.boundaries) if (found.has(b)) tp++;
  }
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    // CPU time of this process, not wall time: the machine is shared, and other work
    // running beside the measurement would otherwise be charged to the splitter.
    const started = cpuMilliseconds();
    for (const doc of docs) split(doc.text);
    times.push(cpuMilliseconds() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    falsePositives: predicted - tp,
    falseNegatives: gold - tp,
    precision,
    recall,
    f1,
    mbPerSecond: bytes / 1e6 / (median / 1000),
  };
}

function seedCounts(splitters: Record<string, Splitter>): string {
  const raw = readFileSync(
    new URL("../examples/000_c1e55ffcabdf0152.txt", import.meta.url),
    "utf8",
  );
  // The body after the header line, as clean leaves it (entity repaired).
  const body = raw
    .slice(raw.indexOf("\n") + 1)
    .replace("& # 39; ", "'")
    .trim();
  return Object.entries(splitters)
    .map(([name, split]) => `${name} ${split(body).length + 1}`)
    .join(", ");
}

function main(): void {
  const args = process.argv.slice(2);
  const limitAt = args.indexOf("--limit");
  // src/stages/segment/derive-common-words.ts learns from GMB after sentence 20,000.
  const limit = limitAt >= 0 ? Math.min(Number(args[limitAt + 1]), 20000) : 20000;
  const runs = 5;
  const splitters = makeSplitters();
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number, digits = 3) => x.toFixed(digits).padStart(7);
  console.log(
    `segment: sentence boundaries, first ${limit} sentences per corpus, median of ${runs}`,
  );
  for (const corpus of corpora(limit)) {
    const bytes = corpus.docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
    const gold = corpus.docs.reduce((sum, d) => sum + d.boundaries.length, 0);
    console.log(
      `\n${corpus.name}: ${corpus.note}\n  ${corpus.docs.length} docs, ${gold} gold boundaries, ${(bytes / 1e6).toFixed(2)} MB`,
    );
    console.log(`  ${pad("splitter", 10)}       P       R      F1    MB/s      FP      FN`);
    for (const [name, split] of Object.entries(splitters)) {
      const s = score(split, corpus.docs, runs);
      console.log(
        `  ${pad(name, 10)} ${num(s.precision)} ${num(s.recall)} ${num(s.f1)} ${num(s.mbPerSecond, 1)} ${num(s.falsePositives, 0)} ${num(s.falseNegatives, 0)}`,
      );
    }
  }
  // Speed on whole articles as users pass them (no gold: the layout is real).
  const articles = ["geo/geowebnews.jsonl", "quotes/polnear-dev.jsonl", "ner/gum-news.jsonl"]
    .flatMap((file) => readJsonl(file))
    .map((r) => ({ text: r.text as string, boundaries: [] }));
  const articleBytes = articles.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
  console.log(
    `\nwhole articles (GeoWebNews, PolNeAR dev, GUM news): ${articles.length} docs, ${(articleBytes / 1e6).toFixed(2)} MB, speed only`,
  );
  for (const [name, split] of Object.entries(splitters)) {
    console.log(`  ${pad(name, 10)} ${num(score(split, articles, runs).mbPerSecond, 1)} MB/s`);
  }
  console.log(`\nseed article sentences (about 13 by hand): ${seedCounts(splitters)}`);
  console.log("\ntokens: annotated spans whose both ends fall on token boundaries");
  for (const file of [
    "ner/train-gmb.jsonl",
    "ner/train-uner-ewt.jsonl",
    "ner/gum-news.jsonl",
    "geo/geowebnews.jsonl",
  ]) {
    let aligned = 0;
    let total = 0;
    for (const record of readJsonl(file)) {
      const spans = (record.entities ?? record.toponyms ?? []) as { start: number; end: number }[];
      const tokens = tokenize(record.text as string);
      const starts = new Set(tokens.map((t) => t.start));
      const ends = new Set(tokens.map((t) => t.end));
      for (const span of spans) {
        total++;
        if (starts.has(span.start) && ends.has(span.end)) aligned++;
      }
    }
    console.log(`  ${pad(file, 26)} ${num((100 * aligned) / total, 2)}% of ${total}`);
  }
}

main();

/**
 * Near-duplicate detection on copies the test makes of real articles (GeoWebNews and
 * PolNeAR texts, read from ../shared at test time): re-wrapped lines, boilerplate added,
 * a sentence changed, the headline rewritten, and all of these at once.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { seededRandom } from "../core/random.ts";
import { Deduplicator, estimateJaccard, MemoryDuplicateBackend, normalisedWords } from "./dedup.ts";

const files = ["../shared/data/geo/geowebnews.jsonl", "../shared/data/quotes/polnear-dev.jsonl"];

interface Article {
  id: string;
  title: string;
  body: string;
}

function readArticles(): Article[] {
  const out: Article[] = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; title?: string | null; text: string };
      out.push({ id: r.id, title: r.title ?? "", body: r.text });
    }
  }
  return out;
}

const BOILERPLATE = [
  "Subscribe to our newsletter for the latest headlines delivered to your inbox every morning.",
  "Copyright 2019 The Daily Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
  "Follow us on Twitter and Facebook. Share this article. Related coverage: more stories from our newsroom.",
  "Advertisement. Continue reading the main story below.",
];

type Perturb = (a: Article, rnd: () => number) => Article;

const rewrap: Perturb = (a, rnd) => {
  const width = 50 + Math.floor(rnd() * 30);
  const words = a.body.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return { ...a, body: lines.join("\n") };
};

const boilerplate: Perturb = (a, rnd) => {
  const top = BOILERPLATE[Math.floor(rnd() * 2) + 2] as string;
  const bottom = `${BOILERPLATE[0]}\n${BOILERPLATE[1]}`;
  return { ...a, body: `${top}\n\n${a.body}\n\n${bottom}` };
};

const changeSentence: Perturb = (a, rnd) => {
  const sentences = a.body.split(/(?<=[.!?])\s+/);
  const i = Math.floor(rnd() * sentences.length);
  sentences[i] = "A spokesperson declined to comment on the matter when reached on Tuesday.";
  return { ...a, body: sentences.join(" ") };
};

const rewriteHeadline: Perturb = (a) => ({
  ...a,
  title: `UPDATE 2: ${a.title.split(" ").reverse().join(" ")} (report)`,
});

const allAtOnce: Perturb = (a, rnd) =>
  rewriteHeadline(changeSentence(boilerplate(rewrap(a, rnd), rnd), rnd), rnd);

const perturbations: [string, Perturb][] = [
  ["rewrap", rewrap],
  ["boilerplate", boilerplate],
  ["sentence", changeSentence],
  ["headline", rewriteHeadline],
  ["all", allAtOnce],
];

const asText = (a: Article) => `${a.title}\n\n${a.body}`;

describe("Deduplicator", () => {
  const articles = readArticles();

  it("finds perturbed copies of real articles and merges no distinct ones", async (t) => {
    if (articles.length === 0) return t.skip("../shared/data not present");
    const dedup = new Deduplicator(new MemoryDuplicateBackend());
    for (const a of articles) {
      const match = await dedup.add(a.id, asText(a));
      assert.equal(match, null, `distinct article ${a.id} merged with ${match?.of}`);
    }
    const rnd = seededRandom(9);
    let copies = 0;
    let found = 0;
    let minSimilarity = 1;
    const missed: string[] = [];
    for (const a of articles) {
      for (const [name, perturb] of perturbations) {
        const copy = perturb(a, rnd);
        copies++;
        const match = await dedup.add(`${a.id}#${name}`, asText(copy));
        // A copy linked to another article would be a false merge.
        if (match) assert.equal(match.of, a.id, `${name} copy of ${a.id} linked to ${match.of}`);
        if (match?.of === a.id) {
          found++;
          minSimilarity = Math.min(minSimilarity, match.similarity);
        } else missed.push(`${a.id}#${name}`);
      }
    }
    if (process.env.DEDUP_REPORT) console.log({ copies, found, minSimilarity });
    assert.ok(copies >= 1000, `only ${copies} copies`);
    assert.ok(found / copies >= 0.99, `found ${found}/${copies}; missed ${missed.join(", ")}`);
  });

  it("calls an unchanged re-scrape exact and a re-wrapped one exact too", async () => {
    const dedup = new Deduplicator(new MemoryDuplicateBackend());
    const text = "Officials said on Tuesday that the bridge would reopen next week.";
    assert.equal(await dedup.add("a", text), null);
    assert.deepEqual(await dedup.add("b", text.replace(/ /g, "\n")), {
      kind: "exact",
      of: "a",
      similarity: 1,
    });
  });

  it("links a copy of a copy to the original", async (t) => {
    if (articles.length === 0) return t.skip("../shared/data not present");
    const a = articles[0] as Article;
    const rnd = seededRandom(1);
    const dedup = new Deduplicator(new MemoryDuplicateBackend());
    await dedup.add("original", asText(a));
    const first = boilerplate(a, rnd);
    assert.equal((await dedup.add("copy", asText(first)))?.of, "original");
    const second = changeSentence(first, rnd);
    assert.equal((await dedup.add("copy-of-copy", asText(second)))?.of, "original");
  });

  it("estimates Jaccard similarity of shingle sets", () => {
    const dedup = new Deduplicator(new MemoryDuplicateBackend(), { bands: 64, rows: 4 });
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const a = dedup.fingerprint("a", words.join(" "));
    // Replace the last quarter: 300 of the 398 shingles stay; true Jaccard 298/498 ≈ 0.6.
    const b = dedup.fingerprint(
      "b",
      [...words.slice(0, 300), ...words.slice(0, 100).map((w) => `x${w}`)].join(" "),
    );
    const estimate = estimateJaccard(a.signature, b.signature);
    assert.ok(Math.abs(estimate - 298 / 498) < 0.08, `estimate ${estimate}`);
    assert.deepEqual(normalisedWords("The U.S.-led\n“coalition”"), [
      "the",
      "u",
      "s",
      "led",
      "coalition",
    ]);
  });
});

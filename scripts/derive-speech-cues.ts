/**
 * Derive the learned cue list of the quotes stage from PolNeAR's training attributions:
 * for every lowercased word, how often it stands inside an annotated cue against how often
 * it occurs at all. Only the words and their counts are kept (no text), in
 * src/stages/quotes/lexicon/learned-cues.json.
 *
 *   npm run train:quotes [-- path/to/polnear-train.jsonl]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tokenize } from "../src/stages/segment/tokenize.ts";

/** A word becomes a cue when at least this share of its uses are cues… */
const MIN_SHARE = 0.35;
/** …and it was seen as a cue at least this many times. */
const MIN_COUNT = 4;

const path = process.argv[2] ?? "../shared/data/quotes/polnear-train.jsonl";
const seen = new Map<string, number>();
const asCue = new Map<string, number>();
let records = 0;
for (const line of readFileSync(path, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const record = JSON.parse(line) as {
    text: string;
    quotes: { cue: { start: number; end: number } | null }[];
  };
  records++;
  const cues = record.quotes.flatMap((q) => (q.cue ? [q.cue] : []));
  for (const token of tokenize(record.text)) {
    if (token.kind !== "word") continue;
    const first = record.text[token.start] as string;
    // Capitalised words are names or sentence openers; cues are lowercase verbs.
    if (first !== first.toLowerCase()) continue;
    const word = record.text.slice(token.start, token.end).toLowerCase();
    seen.set(word, (seen.get(word) ?? 0) + 1);
    if (cues.some((c) => c.start <= token.start && token.end <= c.end)) {
      asCue.set(word, (asCue.get(word) ?? 0) + 1);
    }
  }
}
const learned: Record<string, number> = {};
for (const [word, count] of [...asCue].sort((a, b) => b[1] - a[1])) {
  const share = count / (seen.get(word) ?? count);
  if (count >= MIN_COUNT && share >= MIN_SHARE) learned[word] = Math.round(share * 100) / 100;
}
const out = {
  about: `Words that introduce reported speech, with the share of their uses that are cues, learned from ${records} PolNeAR training articles by scripts/derive-speech-cues.ts (share >= ${MIN_SHARE}, seen >= ${MIN_COUNT} times as a cue). Regenerate with npm run train:quotes.`,
  cues: learned,
};
writeFileSync(
  new URL("../src/stages/quotes/lexicon/learned-cues.json", import.meta.url),
  `${JSON.stringify(out, null, 1)}\n`,
);
console.log(`${Object.keys(learned).length} learned cues from ${records} articles`);

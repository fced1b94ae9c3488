/**
 * Derives lexicon/common-words.json: words that news writes in lowercase inside sentences
 * and capitalises only to start one (`doctors`, `unfortunately`), so that after an
 * abbreviation that may end a sentence (`… in the U.S. Doctors said`) their capital means a
 * new sentence. Names, titles and demonyms (`President`, `Army`, `Israeli`) are capitalised
 * inside sentences too often to qualify.
 *
 *   npx tsx src/stages/segment/derive-common-words.ts
 *
 * Source: the VOA news sentences of ../shared/data/ner/train-gmb.jsonl (public-domain text)
 * after the first 20,000, which scripts/measure-segment.ts keeps for measuring; only word
 * counts are kept.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tokenize } from "./tokenize.ts";

/** A word must occur this often in lowercase to be judged. */
const MIN_LOWER = 8;
/** At most this share of its sentence-internal occurrences may be capitalised. */
const MAX_CAPITALISED = 0.02;

const source = new URL("../../../../shared/data/ner/train-gmb.jsonl", import.meta.url);
const lower = new Map<string, number>();
const capitalised = new Map<string, number>();
// Tokens after which a capital may start a quotation or a clause, not only a name.
const RESTART = new Set(['"', "“", "(", ":", "-", "—", "–", "'", "‘", "["]);

/** Sentences measure-segment.ts scores on; left out here. */
const HELD_FOR_MEASURE = 20000;

for (const line of readFileSync(source, "utf8").split("\n").slice(HELD_FOR_MEASURE)) {
  if (line.trim() === "") continue;
  const text = (JSON.parse(line) as { text: string }).text;
  const tokens = tokenize(text);
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    const before = tokens[i - 1];
    if (!token || !before || token.kind !== "word") continue;
    if (RESTART.has(text.slice(before.start, before.end))) continue;
    const word = text.slice(token.start, token.end);
    if (!/^\p{L}+$/u.test(word)) continue;
    const key = word.toLowerCase();
    const first = word[0] as string;
    if (first !== first.toUpperCase()) lower.set(key, (lower.get(key) ?? 0) + 1);
    else if (word.length === 1 || word.slice(1) === word.slice(1).toLowerCase()) {
      capitalised.set(key, (capitalised.get(key) ?? 0) + 1);
    }
  }
}

const words = [...lower.entries()]
  .filter(([word, n]) => {
    if (n < MIN_LOWER) return false;
    const caps = capitalised.get(word) ?? 0;
    return caps / (caps + n) <= MAX_CAPITALISED;
  })
  .map(([word]) => word)
  .sort();

const out = {
  about:
    "Words news writes in lowercase inside a sentence (capitalised in at most 2% of sentence-internal uses, seen at least 8 times in lowercase), derived from the public-domain VOA sentences of the GMB corpus (after the first 20,000) by derive-common-words.ts. After an abbreviation that may end a sentence, such a word in capitals starts a new one.",
  words,
};
writeFileSync(new URL("./lexicon/common-words.json", import.meta.url), `${JSON.stringify(out)}\n`);
console.log(`common words: ${words.length}`);

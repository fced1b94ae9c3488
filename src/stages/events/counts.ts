/**
 * Counts from the phrase that names the people: `About 100 marines` → 100, `an American
 * contractor` → 1, `three` → 3, `several soldiers` / `dozens of people` → known to be
 * positive, number unknown (`value: null`).
 */
import type { DocIndex, Range } from "./sentence.ts";
import { APPROXIMATORS, NUMBER_WORDS, VAGUE_QUANTITIES } from "./words.ts";

export interface Quantity {
  /** The number, or null when the text only says "several", "dozens", … */
  value: number | null;
}

function parseNumber(word: string): number | null {
  if (/^\d{1,3}(,\d{3})+$/.test(word)) return Number(word.replace(/,/g, ""));
  if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
  if (word in NUMBER_WORDS) return NUMBER_WORDS[word] as number;
  // `twenty-five`
  const parts = word.split("-");
  if (parts.length === 2 && parts.every((p) => p in NUMBER_WORDS)) {
    return (
      (NUMBER_WORDS[parts[0] as string] as number) + (NUMBER_WORDS[parts[1] as string] as number)
    );
  }
  return null;
}

/**
 * The quantity at the start of `range`. `articleIsOne`: `a`/`an` count as one (`an American
 * contractor was killed`), which holds for victims but not for crowds.
 */
export function quantity(ix: DocIndex, range: Range, articleIsOne: boolean): Quantity | null {
  let i = range[0];
  const end = range[1];
  while (i < end && APPROXIMATORS.has(ix.low[i] as string)) i++;
  if (i >= end) return null;
  const w = ix.low[i] as string;
  if (VAGUE_QUANTITIES.has(w)) return { value: null };
  if ((w === "a" || w === "an") && !articleIsOne) {
    // `a dozen`, `a hundred`
    const next = ix.low[i + 1] as string | undefined;
    if (next === "dozen") return { value: 12 };
    if (next === "hundred" || next === "thousand") return { value: NUMBER_WORDS[next] as number };
    return null;
  }
  let value = parseNumber(w);
  if (value === null) return null;
  if (w === "a" || w === "an") {
    const next = ix.low[i + 1] as string | undefined;
    if (next === "dozen") return { value: 12 };
    // `a number of`, `a group of` say nothing exact.
    if (next === "number" || next === "group" || next === "handful" || next === "few")
      return { value: null };
    return { value: 1 };
  }
  // `1.5 million`, `three hundred`, `5 thousand`
  const next = ix.low[i + 1] as string | undefined;
  if (next === "hundred" || next === "thousand" || next === "million")
    value *= NUMBER_WORDS[next] as number;
  // `one of the soldiers` is still one; `one-third` is not a count.
  return { value };
}

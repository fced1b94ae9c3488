/**
 * Quote characters made consistent: typographic single quotes and apostrophes become `'`,
 * typographic double quotes `"`. One form means one lexicon entry (`Kata'ib`, `didn't`) and
 * one pattern per rule downstream; the change is character for character, so no offset moves.
 * Guillemets and primes (5′ 10″) are different characters with other meanings and stay.
 *
 * A substitution, not edits: news text carries thousands of curly quotes, and rewriting them
 * with two `replace` calls is several times faster than an edit each.
 */
import type { Note, SubstituteRule } from "../edits.ts";

const ANY = /[\u2018-\u201F\u00B4]/;
const SINGLE = /[\u2018\u2019\u201A\u201B]/g;
const DOUBLE = /[\u201C\u201D\u201E\u201F]/g;
/** An acute accent used as an apostrophe (`don´t`); rare, so replaced only when present. */
const ACUTE = /(?<=\p{L})\u00B4(?=\p{L})/gu;

const NOTE: Note = {
  rule: "clean/quotes",
  severity: "info",
  reason: "typographic quote marks written as ASCII ' and \"",
};

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

export const normaliseQuotes: SubstituteRule = (text) => {
  const from = text.search(ANY);
  if (from === -1) return null;
  let first = -1;
  let count = 0;
  let acute = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const curly = c >= 0x2018 && c <= 0x201f;
    const asApostrophe = c === 0xb4 && isLetter(text[i - 1]) && isLetter(text[i + 1]);
    if (!curly && !asApostrophe) continue;
    if (first === -1) first = i;
    count++;
    acute ||= asApostrophe;
  }
  if (count === 0) return null;
  let next = text.replace(SINGLE, "'").replace(DOUBLE, '"');
  if (acute) next = next.replace(ACUTE, "'");
  return { text: next, first, count, note: NOTE };
};

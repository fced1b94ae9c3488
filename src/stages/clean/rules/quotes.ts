/**
 * Quote characters made consistent: typographic single quotes and apostrophes become `'`,
 * typographic double quotes `"`. One form means one lexicon entry (`Kata'ib`, `didn't`) and
 * one pattern per rule downstream; the change is character for character, so no offset moves.
 * Guillemets and primes (5′ 10″) are different characters with other meanings and stay.
 */
import type { EditSink } from "../edits.ts";

const QUOTES = /[\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F]|(?<=\p{L})\u00B4(?=\p{L})/gu;

function ascii(ch: string): string {
  return ch === "\u201C" || ch === "\u201D" || ch === "\u201E" || ch === "\u201F" ? '"' : "'";
}

export function normaliseQuotes(text: string, sink: EditSink): void {
  QUOTES.lastIndex = 0;
  for (let m = QUOTES.exec(text); m; m = QUOTES.exec(text)) {
    sink.aggregate(m.index, m.index + 1, ascii(m[0]), {
      rule: "clean/quotes",
      severity: "info",
      reason: "typographic quote marks written as ASCII ' and \"",
    });
  }
}

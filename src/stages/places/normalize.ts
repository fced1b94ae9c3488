/**
 * The key under which a place name is indexed and looked up. The same function runs when the
 * gazetteer is built and when text is matched, so `U.S.`, `US` and `us` meet, and so do
 * `São Paulo` and `Sao Paulo`.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[’‘`´]/g;
const DROPPED = /\./g;
const SEPARATORS = /[\s,\-–—/]+/g;

export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(APOSTROPHES, "'")
    .replace(DROPPED, "")
    .replace(SEPARATORS, " ")
    .trim()
    .toLowerCase();
}

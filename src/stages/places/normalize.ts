/**
 * The key under which a place name is indexed and looked up. The same function runs when the
 * gazetteer is built and when text is matched, so `U.S.`, `US` and `us` meet, and so do
 * `São Paulo` and `Sao Paulo`.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[’‘`´]/g;
const DROPPED = /\./g;
const SEPARATORS = /[\s,\-–—/]+/g;

const PLAIN = /^[\x20-\x7e]*$/;

const SIMPLE = /^[A-Za-z]+$/;

export function nameKey(name: string): string {
  // One plain word (most lookups): lowercase is all the key needs.
  if (SIMPLE.test(name)) return name.toLowerCase();
  // Most names are plain ASCII: skip Unicode normalisation for them (this runs per window).
  const folded = PLAIN.test(name) ? name : name.normalize("NFKD").replace(COMBINING_MARKS, "");
  return folded
    .replace(APOSTROPHES, "'")
    .replace(DROPPED, "")
    .replace(SEPARATORS, " ")
    .trim()
    .toLowerCase();
}

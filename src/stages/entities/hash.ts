/**
 * Integer hashing for the tagger's features. Features are never built as strings: each token's
 * word, lowercase form, shape and affixes are hashed once straight from the text, and a feature
 * is the mix of a template id with those hashes. This keeps the hot path free of allocation.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a step over one UTF-16 code unit. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

export const FNV_START = FNV_OFFSET;

/** Lowercase one code unit; ASCII fast path, the rest through the string API (rare in news). */
export function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** FNV-1a of `text[start, end)`. */
export function hashSlice(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = fnvStep(h, text.charCodeAt(i));
  return h >>> 0;
}

/** FNV-1a of the lowercase of `text[start, end)`. */
export function hashLowerSlice(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = fnvStep(h, lowerCode(text.charCodeAt(i)));
  return h >>> 0;
}

/** FNV-1a of a whole string, lowercased (for lexicon entries). */
export function hashLower(s: string): number {
  return hashLowerSlice(s, 0, s.length);
}

/** Mix two 32-bit values into one (a murmur3-style finaliser over their combination). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Mix three values. */
export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

/** Hash of a sequence of token hashes (multi-word gazetteer keys): order matters. */
export function seqHash(prev: number, tokenHash: number): number {
  return mix(prev ^ 0x27d4eb2f, tokenHash);
}

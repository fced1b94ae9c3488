/**
 * Exact and near-duplicate articles: syndicated copies, re-scrapes, lightly edited
 * versions. Exact duplicates share the hash of their normalised words; near-duplicates are
 * found by MinHash over word shingles with LSH banding (candidates share one band of the
 * signature), then confirmed by the Jaccard similarity the two signatures estimate.
 *
 * The index behind it is a `DuplicateBackend`, so that the store can keep fingerprints and
 * band keys in tables (adding an article costs a few indexed look-ups, whatever the corpus
 * size) while tests and the benchmark keep them in memory.
 */
import { createHash } from "node:crypto";

export interface DedupOptions {
  /** Words per shingle. Three survives edits (a changed word touches three shingles). */
  shingle?: number;
  /** LSH bands; bands × rows is the signature length. */
  bands?: number;
  /** Signature values per band. */
  rows?: number;
  /**
   * Estimated Jaccard similarity (0..1) of shingle sets at or above which two articles are
   * near-duplicates. Copies with boilerplate, a changed sentence and a new headline stay
   * above 0.45 even on 100-word texts; distinct articles sit below 0.15.
   */
  threshold?: number;
  /** Texts with fewer words than this are compared only exactly (headlines, captions). */
  minWords?: number;
}

export const dedupDefaults: Required<DedupOptions> = {
  shingle: 3,
  // 50 bands of 3: two texts at Jaccard 0.5 share a band with probability
  // 1 - (1 - 0.5^3)^50 = 0.9987, at 0.4 0.963; at 0.1 only 0.049 (and the estimate then
  // rejects them). Distinct articles of the test corpus reach at most 0.12.
  bands: 50,
  rows: 3,
  threshold: 0.4,
  minWords: 20,
};

/** What a new article turned out to be. */
export interface DuplicateMatch {
  kind: "exact" | "near";
  /** The article it duplicates (the first one stored). */
  of: string;
  /** Estimated Jaccard similarity of the shingle sets (1 for exact). */
  similarity: number;
}

/** An article's fingerprints, as the backend stores them. */
export interface Fingerprint {
  id: string;
  /** SHA-256 (hex) of the normalised words. */
  exact: string;
  /** MinHash signature (bands × rows values); empty for texts under `minWords`. */
  signature: Uint32Array;
  /** One key per band: `band:hash of its rows`. */
  bandKeys: string[];
}

/** Where fingerprints live. Only originals are put: duplicates point at them. */
export interface DuplicateBackend {
  findExact(hash: string): Promise<string | null>;
  /** Articles sharing any of these band keys, with their signatures. */
  findByBands(keys: readonly string[]): Promise<Map<string, Uint32Array>>;
  put(fingerprint: Fingerprint): Promise<void>;
}

/** Lower-case words of a text, NFKC-normalised, punctuation and layout dropped. */
export function normalisedWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** 32-bit FNV-1a of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: a cheap, well-mixed 32-bit hash of a 32-bit value. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds, one per hash function, so signatures are comparable across runs. */
function seeds(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = mix(0x9e3779b9 + i * 0x61c88647);
  return out;
}

export class Deduplicator {
  readonly options: Required<DedupOptions>;
  private readonly backend: DuplicateBackend;
  private readonly seeds: Uint32Array;

  constructor(backend: DuplicateBackend, options: DedupOptions = {}) {
    this.options = { ...dedupDefaults, ...options };
    this.backend = backend;
    this.seeds = seeds(this.options.bands * this.options.rows);
  }

  fingerprint(id: string, text: string): Fingerprint {
    const words = normalisedWords(text);
    const exact = createHash("sha256").update(words.join(" ")).digest("hex");
    if (words.length < this.options.minWords) {
      return { id, exact, signature: new Uint32Array(0), bandKeys: [] };
    }
    const { shingle, bands, rows } = this.options;
    const size = bands * rows;
    const signature = new Uint32Array(size).fill(0xffffffff);
    const seen = new Set<number>();
    for (let i = 0; i + shingle <= words.length; i++) {
      const h = fnv1a(words.slice(i, i + shingle).join(" "));
      if (seen.has(h)) continue;
      seen.add(h);
      for (let k = 0; k < size; k++) {
        const v = mix(h ^ (this.seeds[k] as number));
        if (v < (signature[k] as number)) signature[k] = v;
      }
    }
    const bandKeys: string[] = [];
    for (let b = 0; b < bands; b++) {
      let h = 0x811c9dc5 ^ b;
      for (let r = 0; r < rows; r++) h = mix(h ^ (signature[b * rows + r] as number));
      bandKeys.push(`${b}:${h.toString(36)}`);
    }
    return { id, exact, signature, bandKeys };
  }

  /** What the article duplicates, if anything; the index is not changed. */
  async check(id: string, text: string): Promise<DuplicateMatch | null> {
    return (await this.match(this.fingerprint(id, text))).match;
  }

  /**
   * Check the article and, when it is an original, index it. Duplicates are not indexed:
   * a copy of a copy links to the original, and the index grows only with originals.
   */
  async add(id: string, text: string): Promise<DuplicateMatch | null> {
    const { fingerprint, match } = await this.match(this.fingerprint(id, text));
    if (!match) await this.backend.put(fingerprint);
    return match;
  }

  private async match(
    fingerprint: Fingerprint,
  ): Promise<{ fingerprint: Fingerprint; match: DuplicateMatch | null }> {
    const exact = await this.backend.findExact(fingerprint.exact);
    if (exact !== null && exact !== fingerprint.id) {
      return { fingerprint, match: { kind: "exact", of: exact, similarity: 1 } };
    }
    if (fingerprint.bandKeys.length === 0) return { fingerprint, match: null };
    let best: DuplicateMatch | null = null;
    for (const [other, signature] of await this.backend.findByBands(fingerprint.bandKeys)) {
      if (other === fingerprint.id) continue;
      const similarity = estimateJaccard(fingerprint.signature, signature);
      if (similarity < this.options.threshold) continue;
      // The most similar wins; on a tie, the smaller id, so the answer does not depend on
      // the order the backend returns candidates in.
      if (
        !best ||
        similarity > best.similarity ||
        (similarity === best.similarity && other < best.of)
      ) {
        best = { kind: "near", of: other, similarity };
      }
    }
    return { fingerprint, match: best };
  }
}

/** The share of signature positions where two MinHash signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/**
 * Fingerprints in memory, for tests and the benchmark. A band key shared by very many
 * articles (boilerplate that fills a whole band) stops collecting them past `maxPerBand`:
 * it can no longer tell articles apart, and scanning it would make each look-up grow with
 * the corpus.
 */
export class MemoryDuplicateBackend implements DuplicateBackend {
  private readonly exact = new Map<string, string>();
  private readonly bands = new Map<string, string[]>();
  private readonly signatures = new Map<string, Uint32Array>();
  private readonly maxPerBand: number;

  constructor(maxPerBand = 64) {
    this.maxPerBand = maxPerBand;
  }

  async findExact(hash: string): Promise<string | null> {
    return this.exact.get(hash) ?? null;
  }

  async findByBands(keys: readonly string[]): Promise<Map<string, Uint32Array>> {
    const out = new Map<string, Uint32Array>();
    for (const key of keys) {
      for (const id of this.bands.get(key) ?? []) {
        const signature = this.signatures.get(id);
        if (signature) out.set(id, signature);
      }
    }
    return out;
  }

  async put(fingerprint: Fingerprint): Promise<void> {
    if (!this.exact.has(fingerprint.exact)) this.exact.set(fingerprint.exact, fingerprint.id);
    if (fingerprint.signature.length === 0) return;
    this.signatures.set(fingerprint.id, fingerprint.signature);
    for (const key of fingerprint.bandKeys) {
      const ids = this.bands.get(key);
      if (!ids) this.bands.set(key, [fingerprint.id]);
      else if (ids.length < this.maxPerBand) ids.push(fingerprint.id);
    }
  }
}

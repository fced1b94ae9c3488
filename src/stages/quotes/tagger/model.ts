/**
 * The attribution tagger: a first-order structured perceptron over the tags of `LABELS`,
 * decoded with Viterbi over the whole document (a quotation may run over sentences and
 * paragraphs). The model file is learned by `npm run train:quotes` from PolNeAR's training
 * articles; it holds feature strings and weights, no article text.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { EmissionSink, RowMemo } from "./emission.ts";
import { type FeatureSink, LABELS } from "./features.ts";

export const N_LABELS = LABELS.length;

/** The saved form: kept features, their weight rows (scaled integers) and transitions. */
export interface ModelFile {
  about: string;
  labels: readonly string[];
  /** Weights are stored multiplied by this and rounded. */
  scale: number;
  features: string[];
  /** `features.length × labels.length` integers, row by row. */
  weights: number[];
  /** `(labels.length + 1) × labels.length`: from each label, then from the start. */
  transitions: number[];
  /** Lowercase words that often stand in a cue, with their share level (features.ts). */
  cueShares: Record<string, number>;
}

export class TaggerModel {
  constructor(
    private readonly index: Map<string, number>,
    /** Row-major `features × N_LABELS`. */
    private readonly weights: Float32Array,
    /** `(N_LABELS + 1) × N_LABELS`, the last row from the document start. */
    private readonly transitions: Float32Array,
    readonly cueShares: ReadonlyMap<string, number>,
  ) {
    this.memo = new RowMemo(index, weights);
  }

  static fromFile(file: ModelFile): TaggerModel {
    const index = new Map<string, number>();
    file.features.forEach((f, i) => {
      index.set(f, i);
    });
    const weights = Float32Array.from(file.weights, (w) => w / file.scale);
    const transitions = Float32Array.from(file.transitions, (w) => w / file.scale);
    return new TaggerModel(index, weights, transitions, new Map(Object.entries(file.cueShares)));
  }

  static load(url: URL): TaggerModel {
    const raw = readFileSync(url);
    const json = url.pathname.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString();
    return TaggerModel.fromFile(JSON.parse(json) as ModelFile);
  }

  get size(): number {
    return this.index.size;
  }

  /** Emission scores, `tokens × N_LABELS`. */
  emissions(features: readonly (readonly string[])[]): Float32Array {
    const out = new Float32Array(features.length * N_LABELS);
    for (let i = 0; i < features.length; i++) {
      const base = i * N_LABELS;
      for (const f of features[i] as readonly string[]) {
        const id = this.index.get(f);
        if (id === undefined) continue;
        const row = id * N_LABELS;
        for (let y = 0; y < N_LABELS; y++) {
          out[base + y] = (out[base + y] as number) + (this.weights[row + y] as number);
        }
      }
    }
    return out;
  }

  /** Tags for each token; `starts` are the first tokens of the sequences (paragraphs). */
  tag(features: readonly (readonly string[])[], starts: readonly number[]): Uint8Array {
    return this.decode(this.emissions(features), starts, features.length);
  }

  /**
   * Tags for `n` tokens whose features `emit` hands over template by template (see
   * emission.ts): no feature strings are built. Gives what `tag` gives on
   * `documentFeatures`.
   */
  tagEmitted(n: number, starts: readonly number[], emit: (sink: FeatureSink) => void): Uint8Array {
    const sink = new EmissionSink(this.memo, n);
    emit(sink);
    sink.finish();
    return this.decode(sink.em, starts, n);
  }

  private readonly memo: RowMemo;

  private decode(em: Float32Array, starts: readonly number[], n: number): Uint8Array {
    const out = new Uint8Array(n);
    forEachSequence(starts, n, (from, to) => {
      out.set(
        viterbi(em.subarray(from * N_LABELS, to * N_LABELS), this.transitions, to - from),
        from,
      );
    });
    return out;
  }
}

/** Best label sequence for emission scores `n × N_LABELS` and transitions (start row last). */
export function viterbi(
  emissions: ArrayLike<number>,
  transitions: ArrayLike<number>,
  n: number,
): Uint8Array {
  const L = N_LABELS;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  const back = new Uint8Array(n * L);
  let prev = new Float64Array(L);
  let cur = new Float64Array(L);
  for (let y = 0; y < L; y++)
    prev[y] = (emissions[y] as number) + (transitions[L * L + y] as number);
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const s = (prev[p] as number) + (transitions[p * L + y] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[y] = best + (emissions[i * L + y] as number);
      back[i * L + y] = arg;
    }
    [prev, cur] = [cur, prev];
  }
  let arg = 0;
  for (let y = 1; y < L; y++) if ((prev[y] as number) > (prev[arg] as number)) arg = y;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = arg;
    arg = back[i * L + arg] as number;
  }
  return labels;
}

/** Calls `f(from, to)` for each sequence `[from, to)` given the sorted first tokens. */
export function forEachSequence(
  starts: readonly number[],
  n: number,
  f: (from: number, to: number) => void,
): void {
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k] as number;
    const to = k + 1 < starts.length ? (starts[k + 1] as number) : n;
    if (to > from) f(from, to);
  }
}

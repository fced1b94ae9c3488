/**
 * Training the attribution tagger: an averaged structured perceptron (Collins 2002) with a
 * seeded shuffle, so the same data gives the same model. Used by scripts/train-quotes.ts and,
 * on a tiny slice, by the tests so the trainer cannot rot unnoticed.
 */

import { seededRandom } from "../../../core/random.ts";
import type { Span } from "../../../core/span.ts";
import { B_C, B_Q, B_S, I_C, I_Q, I_S, LABELS } from "./features.ts";
import { forEachSequence, type ModelFile, N_LABELS, viterbi } from "./model.ts";

export interface TrainingDoc {
  features: string[][];
  gold: Uint8Array;
  /** First token of each sequence (paragraph). */
  starts: number[];
}

export interface GoldAttribution {
  source: Span | null;
  cue: Span | null;
  content: Span & { fragments?: Span[] };
}

/**
 * Tags for a document's tokens from gold attributions. `tokenSpans` are the tokens in the
 * gold spans' frame. Nested contents: the inner one wins its tokens; sources and cues win
 * over contents. A content's later fragments open with I-Q, which the decoder reads as a
 * continuation of the same attribution (`"…," he said, "…"`).
 */
export function goldTags(
  tokenSpans: readonly Span[],
  quotes: readonly GoldAttribution[],
): Uint8Array {
  const tags = new Uint8Array(tokenSpans.length);
  const mark = (span: Span, begin: number, inside: number) => {
    let first = true;
    for (let k = 0; k < tokenSpans.length; k++) {
      const t = tokenSpans[k] as Span;
      if (t.end <= span.start) continue;
      if (t.start >= span.end) break;
      tags[k] = first ? begin : inside;
      first = false;
    }
  };
  const byLength = [...quotes].sort(
    (a, b) => b.content.end - b.content.start - (a.content.end - a.content.start),
  );
  for (const q of byLength) {
    const pieces = q.content.fragments?.length ? q.content.fragments : [q.content];
    pieces.forEach((piece, i) => {
      mark(piece, i === 0 ? B_Q : I_Q, I_Q);
    });
  }
  for (const q of quotes) {
    if (q.source) mark(q.source, B_S, I_S);
    if (q.cue) mark(q.cue, B_C, I_C);
  }
  return tags;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are dropped. */
  minCount: number;
  /** Saved weights below this magnitude (after averaging) are dropped. */
  minWeight: number;
  about: string;
  /** Called after each epoch. */
  onEpoch?: (epoch: number, errors: number, tokens: number) => void;
}

interface Encoded {
  from: number;
  to: number;
  ids: Int32Array;
  /** Start of each token's ids in `ids`, plus the end. */
  offsets: Int32Array;
  gold: Uint8Array;
}

export function trainTagger(
  docs: readonly TrainingDoc[],
  cueShares: ReadonlyMap<string, number>,
  options: TrainOptions,
): ModelFile {
  const L = N_LABELS;
  const counts = new Map<string, number>();
  for (const d of docs) {
    for (const fs of d.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const names: string[] = [];
  const index = new Map<string, number>();
  for (const [f, c] of counts) {
    if (c < options.minCount) continue;
    index.set(f, names.length);
    names.push(f);
  }
  counts.clear();
  // Paragraphs are the sequences: short ones keep each update small, so training settles.
  const encoded: Encoded[] = [];
  for (const d of docs) {
    forEachSequence(d.starts, d.features.length, (from, to) => {
      const offsets = new Int32Array(to - from + 1);
      const ids: number[] = [];
      for (let i = from; i < to; i++) {
        offsets[i - from] = ids.length;
        for (const f of d.features[i] as string[]) {
          const id = index.get(f);
          if (id !== undefined) ids.push(id);
        }
      }
      offsets[to - from] = ids.length;
      encoded.push({
        from,
        to,
        ids: Int32Array.from(ids),
        offsets,
        gold: d.gold.subarray(from, to),
      });
    });
  }

  const F = names.length;
  const w = new Float64Array(F * L);
  const u = new Float64Array(F * L);
  const T = (L + 1) * L;
  const tw = new Float64Array(T);
  const tu = new Float64Array(T);
  let c = 1;
  const rand = seededRandom(options.seed);
  const order = encoded.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let errors = 0;
    let tokens = 0;
    for (const di of order) {
      const d = encoded[di] as Encoded;
      const n = d.gold.length;
      tokens += n;
      const em = new Float64Array(n * L);
      for (let i = 0; i < n; i++) {
        for (let k = d.offsets[i] as number; k < (d.offsets[i + 1] as number); k++) {
          const row = (d.ids[k] as number) * L;
          for (let y = 0; y < L; y++)
            em[i * L + y] = (em[i * L + y] as number) + (w[row + y] as number);
        }
      }
      const pred = viterbi(em, tw, n);
      for (let i = 0; i < n; i++) {
        const g = d.gold[i] as number;
        const p = pred[i] as number;
        const gp = i === 0 ? L : (d.gold[i - 1] as number);
        const pp = i === 0 ? L : (pred[i - 1] as number);
        if (g === p && gp === pp) continue;
        if (g !== p) {
          errors++;
          for (let k = d.offsets[i] as number; k < (d.offsets[i + 1] as number); k++) {
            const row = (d.ids[k] as number) * L;
            w[row + g] = (w[row + g] as number) + 1;
            u[row + g] = (u[row + g] as number) + c;
            w[row + p] = (w[row + p] as number) - 1;
            u[row + p] = (u[row + p] as number) - c;
          }
        }
        tw[gp * L + g] = (tw[gp * L + g] as number) + 1;
        tu[gp * L + g] = (tu[gp * L + g] as number) + c;
        tw[pp * L + p] = (tw[pp * L + p] as number) - 1;
        tu[pp * L + p] = (tu[pp * L + p] as number) - c;
      }
      c++;
    }
    options.onEpoch?.(epoch, errors, tokens);
  }
  // Average, then keep the features whose weights matter, as scaled integers.
  const scale = 100;
  const features: string[] = [];
  const weights: number[] = [];
  for (let f = 0; f < F; f++) {
    const row: number[] = [];
    let big = 0;
    for (let y = 0; y < L; y++) {
      const avg = (w[f * L + y] as number) - (u[f * L + y] as number) / c;
      row.push(Math.round(avg * scale));
      big = Math.max(big, Math.abs(avg));
    }
    if (big < options.minWeight) continue;
    features.push(names[f] as string);
    weights.push(...row);
  }
  const transitions: number[] = [];
  for (let k = 0; k < T; k++) {
    transitions.push(Math.round(((tw[k] as number) - (tu[k] as number) / c) * scale));
  }
  return {
    about: options.about,
    labels: [...LABELS],
    scale,
    features,
    weights,
    transitions,
    cueShares: Object.fromEntries([...cueShares].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
  };
}

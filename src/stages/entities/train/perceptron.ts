/**
 * Averaged perceptron training for the greedy BILOU tagger (Collins 2002; the route of
 * Ratinov & Roth 2009). Decoding during training is the same greedy, constrained decoding the
 * model uses at run time, with the model's own previous labels as history, so training sees
 * the errors tagging will make. Averaging is lazy: `acc` sums update × time step.
 */

import { seededRandom } from "../../../core/random.ts";
import {
  DYNAMIC_FEATURES,
  dynamicFeatures,
  type FeatureLexicon,
  SentenceFeatures,
  STATIC_FEATURES,
  transitionFeatures,
} from "../features.ts";
import { type Decoder, labelNames, NerModel, transitionTable, viterbi } from "../model.ts";
import type { TrainSentence } from "./corpus.ts";

export interface TrainOptions {
  /** Hash buckets, a power of two. */
  buckets: number;
  epochs: number;
  seed: number;
  decoder?: Decoder;
  /** Viterbi: label plain lowercase words O without scoring (faster, held-out −0.7). */
  plainWordsO?: boolean;
  /** Viterbi: add the previous label × current word feature. */
  transitionWords?: boolean;
  /** Called after each epoch (for progress and held-out scores). */
  onEpoch?: (epoch: number, model: NerModel, mistakes: number, tokens: number) => void;
}

export function train(
  data: readonly TrainSentence[],
  lex: FeatureLexicon,
  opts: TrainOptions,
): NerModel {
  const nl = labelNames().length;
  const mask = opts.buckets - 1;
  const w = new Float32Array(opts.buckets * nl);
  const acc = new Float64Array(opts.buckets * nl);
  const allowed = transitionTable(nl);
  const sf = new SentenceFeatures();
  const dyn = new Int32Array(DYNAMIC_FEATURES);
  const scores = new Float64Array(nl);
  const order = data.map((_, i) => i);
  let pred = new Int32Array(256);
  const pair = new Int32Array(3);
  const words = opts.transitionWords === true;
  const random = seededRandom(opts.seed);
  const header = {
    decoder: opts.decoder ?? "greedy",
    transitionWords: opts.transitionWords === true,
    plainWordsO: opts.decoder === "viterbi" && opts.plainWordsO === true,
  };
  let c = 1;
  const update = (feats: Int32Array, o: number, count: number, label: number, delta: number) => {
    for (let k = 0; k < count; k++) {
      const idx = ((feats[o + k] as number) & mask) * nl + label;
      w[idx] = (w[idx] as number) + delta;
      acc[idx] = (acc[idx] as number) + c * delta;
    }
  };
  const averaged = () => {
    const avg = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) avg[i] = (w[i] as number) - (acc[i] as number) / c;
    return avg;
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    let mistakes = 0;
    let tokens = 0;
    for (const idx of order) {
      const s = data[idx] as TrainSentence;
      sf.prepare(s.text, s.tokens, s.from, s.to, lex);
      const n = s.to - s.from;
      if (opts.decoder === "viterbi") {
        // Structured perceptron: decode the whole sentence, then move the weights of the
        // features where the gold and predicted label sequences differ.
        if (pred.length < n) pred = new Int32Array(n * 2);
        viterbi(w, mask, nl, allowed, sf, pred, undefined, words, undefined, header.plainWordsO);
        for (let i = 0; i < n; i++) {
          const g = s.labels[i] as number;
          const p = pred[i] as number;
          const gp = i > 0 ? (s.labels[i - 1] as number) : nl;
          const pp = i > 0 ? (pred[i - 1] as number) : nl;
          if (g !== p) {
            mistakes++;
            // A plain lowercase word is never scored: nothing to learn from its features.
            if (!header.plainWordsO || sf.plain[i] === 0) {
              update(sf.feats, i * STATIC_FEATURES, STATIC_FEATURES, g, 1);
              update(sf.feats, i * STATIC_FEATURES, STATIC_FEATURES, p, -1);
            }
          }
          if (g !== p || gp !== pp) {
            update(pair, 0, transitionFeatures(sf, i, gp, words, pair), g, 1);
            update(pair, 0, transitionFeatures(sf, i, pp, words, pair), p, -1);
          }
          c++;
          tokens++;
        }
        continue;
      }
      let prev = nl;
      let prev2 = nl;
      for (let i = 0; i < n; i++) {
        scores.fill(0);
        const o = i * STATIC_FEATURES;
        for (let k = 0; k < STATIC_FEATURES; k++) {
          const base = ((sf.feats[o + k] as number) & mask) * nl;
          for (let l = 0; l < nl; l++) scores[l] = (scores[l] as number) + (w[base + l] as number);
        }
        dynamicFeatures(sf, i, prev, prev2, dyn);
        for (let k = 0; k < DYNAMIC_FEATURES; k++) {
          const base = ((dyn[k] as number) & mask) * nl;
          for (let l = 0; l < nl; l++) scores[l] = (scores[l] as number) + (w[base + l] as number);
        }
        let best = -1;
        let bestScore = Number.NEGATIVE_INFINITY;
        const row = prev * nl;
        for (let l = 0; l < nl; l++) {
          if (allowed[row + l] === 0) continue;
          if ((scores[l] as number) > bestScore) {
            bestScore = scores[l] as number;
            best = l;
          }
        }
        const gold = s.labels[i] as number;
        if (best !== gold) {
          mistakes++;
          update(sf.feats, o, STATIC_FEATURES, gold, 1);
          update(sf.feats, o, STATIC_FEATURES, best, -1);
          update(dyn, 0, DYNAMIC_FEATURES, gold, 1);
          update(dyn, 0, DYNAMIC_FEATURES, best, -1);
        }
        c++;
        tokens++;
        prev2 = prev;
        // Continue from the model's own decision: the history tagging will have.
        prev = best;
      }
    }
    if (opts.onEpoch)
      opts.onEpoch(epoch, new NerModel(averaged(), opts.buckets, lex, header), mistakes, tokens);
  }
  return new NerModel(averaged(), opts.buckets, lex, header);
}

/**
 * B-cubed precision and recall of a clustering (Bagga & Baldwin 1998): for each item, the
 * share of its predicted cluster that is in its gold cluster (precision) and the share of its
 * gold cluster that is in its predicted cluster (recall), averaged over items. Items missing
 * from the prediction count as singletons.
 */
import { harmonic } from "./prf.ts";

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
}

export function bcubed(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): BCubed {
  if (gold.size === 0) return { precision: 0, recall: 0, f1: 0, items: 0 };
  // Singletons get a key no real cluster id can take.
  const predOf = (item: string) => {
    const cluster = predicted.get(item);
    return cluster === undefined ? `\u0000singleton:${item}` : `p:${cluster}`;
  };
  const goldSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  const bothSize = new Map<string, number>();
  for (const [item, g] of gold) {
    const p = predOf(item);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    const key = `${g}\u0001${p}`;
    bothSize.set(key, (bothSize.get(key) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const [item, g] of gold) {
    const p = predOf(item);
    const both = bothSize.get(`${g}\u0001${p}`) ?? 0;
    precision += both / (predSize.get(p) ?? 1);
    recall += both / (goldSize.get(g) ?? 1);
  }
  precision /= gold.size;
  recall /= gold.size;
  return { precision, recall, f1: harmonic(precision, recall), items: gold.size };
}

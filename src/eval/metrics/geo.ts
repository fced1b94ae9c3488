/** Distances and summaries for toponym resolution. */

export { EARTH_RADIUS_KM, haversineKm } from "../../core/geo.ts";

/** Median of the values (mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** 161 km = 100 miles, the customary "accuracy@161" threshold in geoparsing papers. */
export const ACCURACY_KM = 161;

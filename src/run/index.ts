export { type ConcurrencyMeasure, measureConcurrency } from "./measure.ts";
export {
  defaultConcurrency,
  type ProcessResult,
  processAll,
  RunError,
  type RunOptions,
} from "./pool.ts";

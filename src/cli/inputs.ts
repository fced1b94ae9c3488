/**
 * Inputs on the command line (files, directories, `-`) turned into read results, by the
 * readers in src/read.
 */
import type { ReadOptions, ReadResult } from "../read/types.ts";

type ReadInputs = (inputs: string[], options?: ReadOptions) => AsyncIterable<ReadResult>;

// The readers land in parallel with the CLI; a computed specifier keeps the CLI
// type-checking until src/read/index.ts exists.
const readerModule = "../read/index.ts";

export async function readInputs(
  inputs: string[],
  options: ReadOptions = {},
): Promise<AsyncIterable<ReadResult>> {
  const { readInputs: read } = (await import(readerModule)) as { readInputs: ReadInputs };
  return read(inputs, options);
}

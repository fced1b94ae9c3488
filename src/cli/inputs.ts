/**
 * Inputs on the command line (files, directories, `-`) turned into read results by the
 * readers in src/read, with the reading options the commands share.
 */
import { InvalidArgumentError, Option } from "commander";
import { DEFAULT_MAX_BYTES, type ReadOptions, type ReadResult } from "../read/types.ts";

/**
 * The readers, loaded on first use: HTML parsing and the rest take a few hundred
 * milliseconds to load, which `--help` and usage errors should not pay.
 */
export async function* readInputs(
  inputs: string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  const { readInputs: read } = await import("../read/index.ts");
  yield* read(inputs, options);
}

export function maxBytesOption(): Option {
  return new Option(
    "--max-bytes <size>",
    "largest document read, in bytes; k, M, G suffixes (binary) allowed",
  )
    .default(DEFAULT_MAX_BYTES, `${DEFAULT_MAX_BYTES / 1024 / 1024}M`)
    .argParser(byteSize);
}

const units: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `50M` → 52428800; a plain number is bytes. */
export function byteSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(value.trim());
  const unit = units[(match?.[2] ?? "").toLowerCase()];
  if (!match || unit === undefined || Number(match[1]) <= 0) {
    throw new InvalidArgumentError(`expected a size such as 20M or 5000000, not "${value}"`);
  }
  return Math.floor(Number(match[1]) * unit);
}

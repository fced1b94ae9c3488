/** Options several commands share, defined once so they read the same everywhere. */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type Command, InvalidArgumentError, Option } from "commander";
import { classifyLexicon, LEXICON_FORMATS } from "../core/lexicon-files.ts";
import type { PipelineOptions } from "../core/stage.ts";
import { parseDay } from "../stages/dates/calendar.ts";
import { lastDayOf } from "../store/date-bounds.ts";
import { defaultStorePath } from "../store/index.ts";
import { CliError, ExitCode } from "./io.ts";

export function dbOption(): Option {
  return new Option("--db <path>", "the SQLite store").default(defaultStorePath);
}

export function jsonOption(what: string): Option {
  return new Option("--json", `print ${what} as JSON on stdout`);
}

export function concurrencyOption(): Option {
  return new Option(
    "--concurrency <n>",
    "worker threads for the per-article stages; 1 (or a run of under 16 documents) runs them in this thread",
  )
    .default(availableParallelism(), "all cores")
    .argParser((value) => positiveInteger(value));
}

export function lexiconOption(): Option {
  return new Option(
    "--lexicon <file>",
    `an extra lexicon (repeatable): ${LEXICON_FORMATS}`,
  ).argParser((value: string, previous: string[] | undefined) => {
    if (!existsSync(value)) throw new InvalidArgumentError(`no such file: ${value}`);
    // A file no stage would read is refused here rather than silently ignored by all of them.
    const kind = classifyLexicon(value);
    if (!kind.ok) throw new InvalidArgumentError(`${value} ${kind.reason}`);
    return [...(previous ?? []), value];
  });
}

export function limitOption(fallback: number): Option {
  return new Option("--limit <n>", "at most this many rows; 0 for all")
    .default(fallback)
    .argParser((value) => nonNegativeInteger(value));
}

export function pipelineOptionsFrom(options: { lexicon?: string[] }): PipelineOptions {
  return options.lexicon?.length ? { lexicons: options.lexicon } : {};
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number of at least 1, not "${value}"`);
  }
  return n;
}

export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new InvalidArgumentError(`expected a whole number, not "${value}"`);
  }
  return n;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError(`expected a number of at least 0, not "${value}"`);
  }
  return n;
}

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as dates in the store are written: a real month and a
 * real day (`2019-02-30` is refused, not read as March).
 */
export function isoDate(value: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) {
    throw new InvalidArgumentError(
      `expected a date as YYYY-MM-DD (or YYYY-MM, YYYY), not "${value}"`,
    );
  }
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) {
    throw new InvalidArgumentError(`expected a month 01 to 12, not "${value}"`);
  }
  if (day !== undefined && parseDay(value) === null) {
    throw new InvalidArgumentError(`${year}-${month} has no day ${day}: "${value}"`);
  }
  return value;
}

/**
 * An `--until` bound: `YYYY-MM` and `YYYY` mean the last day of the month or year (the
 * store reads them so too; expanded here so that messages name the day).
 */
export function isoDateUntil(value: string): string {
  return lastDayOf(isoDate(value));
}

/**
 * A command's `--since`/`--until` in order, or a usage error: a range that ends before it
 * starts would find nothing, and silence there reads as "no such events" (the API answers
 * 400 likewise). Run as a `preAction` hook, after both have been parsed.
 */
export function checkDateRange(command: Command): void {
  const { since, until } = command.opts<{ since?: string; until?: string }>();
  // `--since 2019-12` is the 1st of the month, which sorts before any day of it.
  if (since !== undefined && until !== undefined && since > until) {
    throw new CliError(`--since ${since} is after --until ${until}`, ExitCode.usage);
  }
}

/** Turn a limit of 0 (all) into no limit. */
export function limitOf(limit: number): number | undefined {
  return limit > 0 ? limit : undefined;
}

/**
 * What every command shares: exit codes, stdout with backpressure, logs on stderr.
 * Data goes to stdout, everything meant for a person (progress, logs, skipped inputs) to
 * stderr, so `dateline extract … > out.jsonl` holds only data.
 */

/**
 * - 0 ok: everything given was processed;
 * - 1 partial: some inputs could not be read (or an id was not found), the rest were
 *   processed and stored;
 * - 2 usage: the command line is wrong (unknown option, bad value, missing file);
 * - 3 failure: the run could not go on (store unreadable, pipeline could not be built);
 * - 130 interrupted (Ctrl-C), after storing what was done: the shell's convention.
 */
export const ExitCode = { ok: 0, partial: 1, usage: 2, failure: 3, interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI reports as one line on stderr, with its exit code. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failure,
  ) {
    super(message);
  }
}

/** Raise the exit code to `code`; the worst outcome of the run wins. */
export function setExitCode(code: ExitCode): void {
  const current = typeof process.exitCode === "number" ? process.exitCode : 0;
  if (code > current) process.exitCode = code;
}

/** Write to stdout, waiting when the pipe is full so a slow reader bounds memory. */
export function writeOut(chunk: string): Promise<void> {
  if (process.stdout.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => process.stdout.once("drain", () => resolve()));
}

export function log(message: string): void {
  process.stderr.write(`dateline: ${message}\n`);
}

/** Whether stdout is a terminal that wants colour (https://no-color.org). */
export function colourOnStdout(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
}

/**
 * Progress on stderr for long runs, only on a terminal: piped or redirected stderr gets
 * nothing, so logs stay clean. Redrawn at most ten times a second.
 *
 * Inputs stream (a directory is read while it is processed), so the total is found by a
 * walk that runs beside the work: once it has counted the files, the line becomes a bar
 * of files done. A JSON lines file counts as one file however many documents it holds;
 * stdin has no total, and then the line shows counts and rate only.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export interface Progress {
  /** Count one processed input; `origin` is its path, `path:line` or `path#n`. */
  tick(ok: boolean, origin: string): void;
  /** Print a log line without breaking the progress line. */
  log(line: string): void;
  done(): void;
}

export interface ProgressOptions {
  enabled?: boolean;
  /** The inputs as given on the command line, to count their files. */
  inputs?: readonly string[];
}

const barWidth = 24;

export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const enabled = options.enabled ?? Boolean(process.stderr.isTTY);
  const stderr = process.stderr;
  const started = performance.now();
  let ok = 0;
  let failed = 0;
  let files = 0;
  let lastFile = "";
  let total: number | undefined;
  let lastDraw = 0;
  let drawn = false;
  if (enabled && options.inputs && !options.inputs.includes("-")) {
    countFiles(options.inputs).then(
      (n) => {
        total = n;
      },
      () => {},
    );
  }
  const clear = () => {
    if (drawn) stderr.write("\r\x1b[2K");
    drawn = false;
  };
  const draw = () => {
    const seconds = (performance.now() - started) / 1000;
    const done = ok + failed;
    const rate = seconds > 0 ? done / seconds : 0;
    const parts = [`${label} ${done.toLocaleString("en")}`];
    if (total) {
      // The file being read is not done yet.
      const fraction = Math.min(1, Math.max(0, files - 1) / total);
      const filled = Math.round(fraction * barWidth);
      parts[0] = `${label} [${"#".repeat(filled)}${".".repeat(barWidth - filled)}] ${Math.floor(fraction * 100)}% of ${total.toLocaleString("en")} files`;
      parts.push(`${done.toLocaleString("en")} docs`);
    }
    if (failed) parts.push(`${failed.toLocaleString("en")} failed`);
    parts.push(`${rate.toFixed(1)} docs/s`, `${seconds.toFixed(0)} s`);
    stderr.write(`\r\x1b[2K${parts.join(" · ")}`);
    drawn = true;
  };
  return {
    tick(success, origin) {
      if (success) ok++;
      else failed++;
      const file = origin.replace(/(:\d+|#\d+)$/, "");
      if (file !== lastFile) {
        files++;
        lastFile = file;
      }
      if (!enabled) return;
      const now = performance.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      draw();
    },
    log(line) {
      clear();
      stderr.write(`${line}\n`);
      // Draw the line again at the next tick, so it stays under the log.
      lastDraw = 0;
    },
    done() {
      if (enabled) clear();
    },
  };
}

/** Files under the inputs, hidden ones skipped as the readers skip them. */
export async function countFiles(inputs: readonly string[]): Promise<number> {
  let n = 0;
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) await walk(join(dir, entry.name));
      else n++;
    }
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    // A missing input is reported as a failure, which counts as one input done.
    if (info?.isDirectory()) await walk(input);
    else n++;
  }
  return n;
}

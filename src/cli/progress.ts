/**
 * A progress line on stderr for long runs: counts and rate, redrawn at most ten times a
 * second. Only on a terminal; piped or redirected stderr gets nothing, so logs stay clean.
 * Inputs stream (a directory is walked while it is processed), so there is no total to
 * draw a bar against; the line shows how far the run has got and how fast it goes.
 */
export interface Progress {
  /** Count one processed input. */
  tick(ok: boolean): void;
  /** Print a log line without breaking the progress line. */
  log(line: string): void;
  done(): void;
}

export function createProgress(label: string, enabled = Boolean(process.stderr.isTTY)): Progress {
  const stderr = process.stderr;
  const started = performance.now();
  let ok = 0;
  let failed = 0;
  let lastDraw = 0;
  let drawn = false;
  const clear = () => {
    if (drawn) stderr.write("\r\x1b[2K");
    drawn = false;
  };
  const draw = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (ok + failed) / seconds : 0;
    const parts = [`${label} ${(ok + failed).toLocaleString("en")}`];
    if (failed) parts.push(`${failed.toLocaleString("en")} failed`);
    parts.push(`${rate.toFixed(1)} docs/s`, `${seconds.toFixed(0)} s`);
    stderr.write(`\r\x1b[2K${parts.join(" · ")}`);
    drawn = true;
  };
  return {
    tick(success) {
      if (success) ok++;
      else failed++;
      if (!enabled) return;
      const now = performance.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      draw();
    },
    log(line) {
      clear();
      stderr.write(`${line}\n`);
    },
    done() {
      if (enabled) clear();
    },
  };
}

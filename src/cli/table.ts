/**
 * Plain-text tables for the terminal. Column widths fit the content; when stdout is a
 * terminal narrower than the table, one column (the widest text, e.g. a title or
 * evidence) is shortened with an ellipsis so each row stays on one line.
 */
export interface TableOptions {
  /** Index of the column to shorten when the table is wider than the terminal. */
  shrink?: number;
  /** Width to fit, in characters; default: the terminal's, or no limit when piped. */
  width?: number;
}

export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const width = options.width ?? process.stdout.columns;
  const gap = 2;
  if (width && options.shrink !== undefined) {
    const total = widths.reduce((sum, w) => sum + w, 0) + gap * (widths.length - 1);
    const current = widths[options.shrink] ?? 0;
    if (total > width) widths[options.shrink] = Math.max(10, current - (total - width));
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => fit(cell, widths[i] ?? 0, i === cells.length - 1))
      .join(" ".repeat(gap))
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

function fit(cell: string, width: number, last: boolean): string {
  const text = cell.length > width ? `${cell.slice(0, Math.max(0, width - 1))}…` : cell;
  return last ? text : text.padEnd(width);
}

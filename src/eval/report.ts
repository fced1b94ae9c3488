/** What a task returns, and how it is printed: aligned text tables or Markdown. */

export type Cell = string | number | null;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface TaskResult {
  task: string;
  /** `ok`, or `not built yet` when a stage it scores is not in the pipeline. */
  status: "ok" | "not built yet" | "error";
  /** Data file, relative to the data folder. */
  data: string;
  records: number;
  seconds: number;
  /** How the figures were computed: mappings, subsets, rules. Printed under the tables. */
  notes: string[];
  tables: Table[];
  /** Headline figures, for `--json` and EVALUATION.md. */
  metrics: Record<string, unknown>;
}

/** A score in 0..1 printed as a fixed three-decimal number; counts as they are. */
export function formatCell(cell: Cell): string {
  if (cell === null) return "—";
  if (typeof cell === "number") {
    if (Number.isNaN(cell)) return "—";
    return Number.isInteger(cell) ? String(cell) : cell.toFixed(3);
  }
  return cell;
}

/** Right-align columns of numbers, including numbers already formatted as text. */
function looksNumeric(cell: Cell | undefined): boolean {
  return (
    cell === null ||
    typeof cell === "number" ||
    (typeof cell === "string" && /^[\d.,%()\s-]+$/.test(cell))
  );
}

export function formatTable(table: Table): string {
  const cells = table.rows.map((row) => row.map(formatCell));
  const widths = table.columns.map((c, i) =>
    Math.max(c.length, ...cells.map((row) => (row[i] ?? "").length)),
  );
  const numeric = table.columns.map((_, i) => table.rows.every((row) => looksNumeric(row[i])));
  const line = (row: string[]) =>
    row
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [
    table.title,
    line(table.columns),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.map(line),
  ].join("\n");
}

export function formatMarkdownTable(table: Table): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const numeric = table.columns.map((_, i) => table.rows.every((row) => looksNumeric(row[i])));
  return [
    `**${esc(table.title)}**`,
    "",
    `| ${table.columns.map(esc).join(" | ")} |`,
    `|${numeric.map((n) => (n ? "---:" : "---")).join("|")}|`,
    ...table.rows.map((row) => `| ${row.map((c) => esc(formatCell(c))).join(" | ")} |`),
  ].join("\n");
}

export function formatResult(result: TaskResult, markdown = false): string {
  const head = `${result.task} — ${result.data}`;
  if (result.status !== "ok" && result.tables.length === 0) {
    const why = result.notes.length > 0 ? `: ${result.notes.join("; ")}` : "";
    return markdown
      ? `### ${head}\n\n${result.status}${why}\n`
      : `== ${head}: ${result.status}${why}\n`;
  }
  const state = result.status === "ok" ? "" : `${result.status}; `;
  const info = `${state}${result.records} records, ${result.seconds.toFixed(1)} s`;
  const tables = result.tables.map((t) => (markdown ? formatMarkdownTable(t) : formatTable(t)));
  const notes = result.notes.map((n) => (markdown ? `- ${n}` : `  * ${n}`));
  return markdown
    ? [`### ${head}`, "", `_${info}_`, "", ...tables.flatMap((t) => [t, ""]), ...notes, ""].join(
        "\n",
      )
    : [`== ${head} (${info})`, ...tables.flatMap((t) => [t, ""]), ...notes, ""].join("\n");
}

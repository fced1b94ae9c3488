/**
 * The annotated dev data of `../shared/data` (see its MANIFEST.md): one JSON object per
 * line, spans as UTF-16 offsets into `text`. Only the input fields (id, text, published,
 * title) ever reach the extractor; the rest is read by the scorers.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}

/** Fields every data file shares. */
export interface DataRecord {
  id: string;
  text: string;
  published: string | null;
  title?: string | null;
}

/**
 * Where the data lives: `--data-dir`, else `$DATELINE_DATA`, else `../shared/data` beside the
 * clone (as CI lays it out), else the shared folder of this machine.
 */
export function dataDir(explicit?: string): string {
  const candidates = [
    explicit,
    process.env.DATELINE_DATA,
    resolve(process.cwd(), "../shared/data"),
    "/work/shared/data",
  ];
  for (const dir of candidates) if (dir && existsSync(dir)) return dir;
  throw new Error(
    "annotated data not found: pass --data-dir or set DATELINE_DATA (see ../shared/data/MANIFEST.md)",
  );
}

/** Read a JSON-lines file; with `limit`, only its first records. */
export function readJsonl<T = DataRecord>(path: string, limit?: number): T[] {
  const out: T[] = [];
  const lines = readFileSync(path, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    if (limit !== undefined && out.length >= limit) break;
  }
  return out;
}

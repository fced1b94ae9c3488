/**
 * The benchmark's fixed sample: whole news articles from the annotated data (GeoWebNews,
 * PolNeAR dev, GUM news — headlines and single sentences are too short to measure a
 * pipeline by), passed as a user would pass them: id, text, publication date, title.
 */
import { join } from "node:path";
import type { SourceDocument } from "../core/document.ts";
import { type DataRecord, readJsonl } from "../eval/data.ts";
import { sourceOf } from "../eval/extract.ts";

export const SAMPLE_FILES = [
  "geo/geowebnews.jsonl",
  "quotes/polnear-dev.jsonl",
  "ner/gum-news.jsonl",
] as const;

export interface Sample {
  files: readonly string[];
  sources: SourceDocument[];
  /** UTF-8 bytes of the raw texts. */
  bytes: number;
}

export function loadSample(dir: string, limit?: number): Sample {
  const sources: SourceDocument[] = [];
  for (const file of SAMPLE_FILES) {
    readJsonl<DataRecord>(join(dir, file), limit).forEach((record, i) => {
      sources.push(sourceOf(record, `${file}:${i + 1}`));
    });
  }
  const bytes = sources.reduce((sum, s) => sum + Buffer.byteLength(s.raw), 0);
  return { files: SAMPLE_FILES, sources, bytes };
}

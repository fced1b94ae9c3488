/**
 * Runs the extractor over data records exactly as `dateline extract` would, passing only the
 * input fields, and maps every predicted span back to offsets in the record's own text (the
 * gold spans' frame): `clean` may fold whitespace or decode entities, so its offsets differ.
 */
import type { SourceDocument } from "../core/document.ts";
import type { Extractor } from "../core/extract.ts";
import type { OffsetMap } from "../core/offset-map.ts";
import { type AnnotatedDocument, toAnnotated } from "../core/output.ts";
import type { Span } from "../core/span.ts";
import type { DataRecord } from "./data.ts";

export interface Extracted {
  record: DataRecord;
  output: AnnotatedDocument;
  /** A span of `output.text` as offsets into `record.text`. */
  toRecord(span: Span): Span;
}

/** The input a user would give: id, text, published date and title, nothing else. */
export function sourceOf(record: DataRecord, origin: string): SourceDocument {
  return {
    id: record.id,
    raw: record.text,
    format: "text",
    published: record.published ?? null,
    title: record.title ?? null,
    origin,
  };
}

export function extractRecord(
  extractor: Extractor,
  record: DataRecord,
  origin: string,
  timings?: Map<string, number>,
): Extracted {
  // `extractor.extract` is `toAnnotated(pipeline.run(…))`; going one step lower keeps the
  // document's offset map, which the contract's JSON does not carry.
  const doc = extractor.pipeline.run(sourceOf(record, origin), timings);
  const output = toAnnotated(doc);
  const map = doc.hasText ? doc.offsetMap : undefined;
  const raw = record.text;
  return {
    record,
    output,
    toRecord: (span) => (map ? mapSpan(map, raw, span) : { start: span.start, end: span.end }),
  };
}

/**
 * Start maps through the offset map; the end maps as the raw position after the span's last
 * code unit, with whitespace the cleaner folded away trimmed back off.
 */
export function mapSpan(map: OffsetMap, raw: string, span: Span): Span {
  const start = map.toRaw(span.start);
  if (span.end <= span.start) return { start, end: start };
  let end = Math.max(start + 1, map.toRaw(span.end));
  while (end > start + 1 && /\s/.test(raw[end - 1] ?? "")) end--;
  return { start, end };
}

export function extractAll(
  extractor: Extractor,
  records: readonly DataRecord[],
  file: string,
  timings?: Map<string, number>,
): Extracted[] {
  return records.map((record, i) => extractRecord(extractor, record, `${file}:${i + 1}`, timings));
}

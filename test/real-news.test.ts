/**
 * Every stage over a few hundred real articles it was not written against (the GeoWebNews and
 * PolNeAR dev texts): no stage may crash on any of them, and every span in the output must lie
 * inside the text and carry the text it covers. A stage that throws is caught by the pipeline
 * and reported as `<stage>/crashed`, which would otherwise only show as an article with
 * nothing found; rules over token windows are where that happens (an index past the last
 * token of a text that ends right after a pattern).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createExtractor } from "../src/core/extract.ts";
import type { AnnotatedDocument } from "../src/core/output.ts";
import { type DataRecord, readJsonl } from "../src/eval/data.ts";

const FILES = ["../shared/data/geo/geowebnews.jsonl", "../shared/data/quotes/polnear-dev.jsonl"];

function articles(): DataRecord[] {
  return FILES.flatMap((file) => readJsonl(file));
}

/** Each `{start, end, text}` object anywhere in the annotations, with where it sits. */
function* textSpans(value: unknown, path: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* textSpans(value[i], `${path}[${i}]`);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  if (
    typeof record.start === "number" &&
    typeof record.end === "number" &&
    typeof record.text === "string"
  ) {
    yield [path, record];
  }
  for (const [key, inner] of Object.entries(record)) yield* textSpans(inner, `${path}.${key}`);
}

describe("every stage on real news", () => {
  const extractor = createExtractor();
  const docs: AnnotatedDocument[] = articles().map((a) =>
    extractor.extract({
      id: a.id,
      raw: a.text,
      format: "text",
      title: a.title ?? null,
      published: a.published ?? null,
      origin: a.id,
    }),
  );

  it("reads all 284 articles", () => {
    assert.equal(docs.length, 284);
    assert.ok(docs.every((d) => d.sentences.length > 0));
  });

  it("no stage crashes on any of them", () => {
    const crashes = docs.flatMap((d) =>
      d.messages.filter((m) => m.rule.endsWith("/crashed")).map((m) => `${d.id}: ${m.reason}`),
    );
    assert.deepEqual(crashes, []);
  });

  it("finds something in nearly every article (a silent failure shows as an empty one)", () => {
    const empty = docs.filter((d) => d.entities.length === 0).map((d) => d.id);
    assert.ok(empty.length <= 3, `articles with no entity: ${empty.join(", ")}`);
  });

  it("every span lies inside the text and carries the text it covers", () => {
    const bad: string[] = [];
    for (const d of docs) {
      const { entities, dates, places, events, quotes } = d;
      for (const [path, span] of textSpans({ entities, dates, places, events, quotes }, d.id)) {
        const start = span.start as number;
        const end = span.end as number;
        if (!(0 <= start && start <= end && end <= d.text.length))
          bad.push(`${path} ${start}..${end}`);
        else if (d.text.slice(start, end) !== span.text) bad.push(`${path} ≠ ${String(span.text)}`);
      }
    }
    assert.deepEqual(bad.slice(0, 10), []);
  });
});

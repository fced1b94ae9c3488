/**
 * JSON inputs: a `.jsonl` file (one object a line), a `.json` file holding an array, one
 * object, or JSON lines, and JSON lines on stdin. Each object is its own document, read
 * from `id`, `text` or `html`, `published` (or `date`), `title`, `url`, `source`, `byline`;
 * other fields are ignored. A bad line is a failure for that line and the rest goes on.
 */
import type { SourceDocument } from "../core/document.ts";
import type { Message } from "../core/message.ts";
import { decodeLine } from "./bytes.ts";
import { parseDateAt } from "./date.ts";
import { htmlDocument, isFullPage } from "./html.ts";
import { splitLines } from "./lines.ts";
import type { ReadResult } from "./types.ts";

function fail(origin: string, rule: string, reason: string): ReadResult {
  return { ok: false, failure: { origin, rule, reason } };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** One parsed JSON value to a document, or the reason it is not one. */
export function recordDocument(value: unknown, origin: string): ReadResult {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return fail(origin, "read/no-text", "expected a JSON object with a `text` or `html` field");
  }
  const record = value as Record<string, unknown>;
  const text = typeof record.text === "string" ? record.text : undefined;
  const html = typeof record.html === "string" ? record.html : undefined;
  if (text === undefined && html === undefined) {
    return fail(origin, "read/no-text", "the object has no `text` or `html` string field");
  }
  if ((text ?? html ?? "").trim() === "") return fail(origin, "read/empty", "the text is empty");

  const messages: Message[] = [];
  let base: SourceDocument;
  if (text !== undefined) base = { raw: text, format: "text", origin };
  else if (isFullPage(html as string)) {
    const page = htmlDocument(html as string, origin);
    if (!page.ok) return page;
    base = page.doc;
  } else base = { raw: html as string, format: "html", origin };

  // The record's own fields win over what a page says about itself.
  const id = record.id;
  if (typeof id === "string" && id !== "") base.id = id;
  else if (typeof id === "number") base.id = String(id);
  const when = str(record.published) ?? str(record.date);
  if (when !== undefined) {
    const parsed = parseDateAt(when);
    if (parsed) base.published = parsed.date;
    else {
      base.published = null;
      messages.push({
        severity: "warning",
        stage: "read",
        rule: "read/bad-date",
        reason: `"${when}" is not a date this reader knows (use YYYY-MM-DD); published left unknown`,
      });
    }
  }
  for (const key of ["title", "url", "source", "byline"] as const) {
    const v = str(record[key]);
    if (v !== undefined) base[key] = v;
  }
  if (messages.length > 0) base.messages = [...(base.messages ?? []), ...messages];
  return { ok: true, doc: base };
}

/** Parse one JSON text; a syntax error names the line and says what is wrong. */
export function parseJsonRecord(line: string, origin: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(origin, "read/malformed-json", `not valid JSON: ${detail}`);
  }
  return recordDocument(value, origin);
}

/**
 * After this many malformed lines without one good line, the input is not JSON lines at
 * all (a pretty-printed file, a CSV): one failure says so instead of a million.
 */
const GIVE_UP_AFTER = 100;

/** JSON lines from a stream: `origin:line` for each record. */
export async function* jsonLines(
  stream: AsyncIterable<Uint8Array | string>,
  origin: string,
  maxBytes: number,
): AsyncGenerator<ReadResult> {
  let good = 0;
  let bad = 0;
  let any = false;
  for await (const line of splitLines(stream, maxBytes)) {
    const where = `${origin}:${line.number}`;
    if ("tooLong" in line) {
      bad++;
      yield fail(
        where,
        "read/too-large",
        `the line is ${line.bytes} bytes, above the ${maxBytes}-byte limit per document`,
      );
      continue;
    }
    const decoded = decodeLine(line.bytes);
    if (!decoded.ok) {
      bad++;
      yield fail(where, decoded.rule, decoded.reason);
      continue;
    }
    const text = decoded.text.replace(/^\uFEFF/, "");
    if (text.trim() === "") continue;
    any = true;
    const result = parseJsonRecord(text, where);
    if (result.ok) good++;
    else bad++;
    yield result;
    if (good === 0 && bad >= GIVE_UP_AFTER) {
      yield fail(
        origin,
        "read/malformed-json",
        `gave up after ${bad} lines without one valid JSON object: is this JSON lines?`,
      );
      return;
    }
  }
  if (!any && bad === 0) yield fail(origin, "read/empty", "no JSON lines in the input");
}

/** A whole `.json` text: an array of objects, one object, or JSON lines. */
export function* jsonDocuments(text: string, origin: string): Generator<ReadResult> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not one JSON value: JSON lines, which report their own bad lines.
    let number = 0;
    let good = 0;
    let bad = 0;
    for (const line of text.split("\n")) {
      number++;
      if (line.trim() === "") continue;
      const result = parseJsonRecord(line, `${origin}:${number}`);
      if (result.ok) good++;
      else bad++;
      yield result;
      if (good === 0 && bad >= GIVE_UP_AFTER) {
        yield fail(
          origin,
          "read/malformed-json",
          `gave up after ${bad} lines without one valid JSON object`,
        );
        return;
      }
    }
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) yield fail(origin, "read/empty", "the JSON array is empty");
    let n = 0;
    for (const item of value) yield recordDocument(item, `${origin}#${++n}`);
  } else yield recordDocument(value, origin);
}

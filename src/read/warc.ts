/**
 * WARC files (`.warc`, `.warc.gz`), as Common Crawl's CC-NEWS publishes them: every
 * `response` record holding an HTML page is a document, read like an `.html` file, with the
 * record's `WARC-Target-URI` as the URL when the page names none. Other records (warcinfo,
 * request, metadata, images) are no articles and are passed over.
 *
 * The file is streamed record by record (CC-NEWS files are about 1 GB); a record above
 * `maxBytes` is reported and skipped without being held in memory.
 */
import { createReadStream } from "node:fs";
import { brotliDecompressSync, createGunzip, gunzipSync, inflateSync } from "node:zlib";
import { decodeText } from "./bytes.ts";
import { declaredCharset, htmlDocument } from "./html.ts";
import type { ReadResult } from "./types.ts";

interface WarcRecord {
  headers: Map<string, string>;
  /** The block, or its length when it was too large to keep. */
  block: Buffer | number;
}

const CRLF2 = Buffer.from("\r\n\r\n");

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Records of a WARC byte stream, in order. */
export async function* warcRecords(
  stream: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<WarcRecord | { error: string }> {
  let buf: Buffer = Buffer.alloc(0);
  let headers: Map<string, string> | null = null;
  let need = 0;
  let skipping = 0;
  for await (const chunk of stream) {
    if (skipping > 0) {
      const used = Math.min(skipping, chunk.length);
      skipping -= used;
      buf = Buffer.from(chunk.subarray(used));
      if (skipping > 0) continue;
    } else buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    for (;;) {
      if (!headers) {
        // Records are separated by blank lines; tolerate extra ones.
        let start = 0;
        while (start < buf.length && (buf[start] === 13 || buf[start] === 10)) start++;
        const end = buf.indexOf(CRLF2, start);
        if (end === -1) {
          if (buf.length - start > 65536) {
            yield { error: "a WARC record header longer than 64 kB: is this a WARC file?" };
            return;
          }
          buf = buf.subarray(start);
          break;
        }
        const head = buf.subarray(start, end).toString("latin1");
        if (!head.startsWith("WARC/")) {
          yield {
            error: `expected a WARC record at byte offset ${start}, found "${head.slice(0, 20)}"`,
          };
          return;
        }
        headers = parseHeaders(head);
        need = Number(headers.get("content-length") ?? "0");
        buf = buf.subarray(end + 4);
        if (need > maxBytes) {
          const have = Math.min(buf.length, need);
          yield { headers, block: need };
          headers = null;
          skipping = need - have;
          buf = buf.subarray(have);
          if (skipping > 0) break;
          continue;
        }
      }
      if (buf.length < need) break;
      yield { headers, block: Buffer.from(buf.subarray(0, need)) };
      buf = buf.subarray(need);
      headers = null;
    }
  }
}

/** Undo HTTP chunked transfer encoding. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  while (pos < body.length) {
    const eol = body.indexOf("\r\n", pos);
    if (eol === -1) break;
    const size = Number.parseInt(body.subarray(pos, eol).toString("latin1"), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    pos = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** An HTTP response block to its headers and decoded body. */
function httpResponse(
  block: Buffer,
): { status: number; headers: Map<string, string>; body: Buffer } | null {
  const end = block.indexOf(CRLF2);
  if (end === -1) return null;
  const head = block.subarray(0, end).toString("latin1");
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(head)?.[1] ?? "0");
  const headers = parseHeaders(head);
  let body = block.subarray(end + 4);
  if (/chunked/i.test(headers.get("transfer-encoding") ?? "")) body = dechunk(body);
  const encoding = (headers.get("content-encoding") ?? "").toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") body = gunzipSync(body);
  else if (encoding === "deflate") body = inflateSync(body);
  else if (encoding === "br") body = brotliDecompressSync(body);
  return { status, headers, body };
}

export async function* warcDocuments(path: string, maxBytes: number): AsyncGenerator<ReadResult> {
  const file = createReadStream(path);
  const stream = /\.gz$/i.test(path) ? file.pipe(createGunzip()) : file;
  let n = 0;
  let pages = 0;
  try {
    for await (const record of warcRecords(stream as AsyncIterable<Buffer>, maxBytes)) {
      if ("error" in record) {
        yield {
          ok: false,
          failure: { origin: path, rule: "read/malformed-warc", reason: record.error },
        };
        return;
      }
      n++;
      const origin = `${path}#${n}`;
      if (record.headers.get("warc-type") !== "response") continue;
      if (typeof record.block === "number") {
        yield {
          ok: false,
          failure: {
            origin,
            rule: "read/too-large",
            reason: `the record is ${record.block} bytes, above the ${maxBytes}-byte limit per document`,
          },
        };
        continue;
      }
      let response: ReturnType<typeof httpResponse>;
      try {
        response = httpResponse(record.block);
      } catch (error) {
        yield {
          ok: false,
          failure: {
            origin,
            rule: "read/malformed-warc",
            reason: `cannot decode the response: ${(error as Error).message}`,
          },
        };
        continue;
      }
      const type = response?.headers.get("content-type") ?? "";
      if (response?.status !== 200 || !/html/i.test(type)) continue;
      pages++;
      const charset = /charset=["']?([\w-]+)/i.exec(type)?.[1] ?? declaredCharset(response.body);
      const decoded = decodeText(response.body, charset);
      if (!decoded.ok) {
        yield { ok: false, failure: { origin, rule: decoded.rule, reason: decoded.reason } };
        continue;
      }
      const result = htmlDocument(decoded.text, origin);
      const uri = record.headers.get("warc-target-uri");
      if (result.ok && uri && !result.doc.url) result.doc.url = uri.replace(/^<|>$/g, "");
      yield result;
    }
  } catch (error) {
    yield {
      ok: false,
      failure: {
        origin: path,
        rule: "read/malformed-warc",
        reason: `cannot read the WARC: ${(error as Error).message}`,
      },
    };
    return;
  }
  if (pages === 0 && n > 0) {
    yield {
      ok: false,
      failure: { origin: path, rule: "read/empty", reason: "the WARC holds no HTML response" },
    };
  }
}

/**
 * `readInputs`: paths, directories and `-` to source documents, in a deterministic order.
 *
 * Every input yields results, never an exception: a document, or a failure with its origin,
 * a stable rule id and a reason. A bad file (empty, binary, not UTF-8, too large, of an
 * unknown kind, unreadable) costs only itself; the batch goes on.
 */
import { createReadStream } from "node:fs";
import { open, readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Message } from "../core/message.ts";
import { decodeText } from "./bytes.ts";
import { feedDocuments } from "./feed.ts";
import { declaredCharset, htmlDocument } from "./html.ts";
import { jsonDocuments, jsonLines } from "./json.ts";
import { looksLikeFeed, looksLikeHtml } from "./sniff.ts";
import { textDocument } from "./text.ts";
import { DEFAULT_MAX_BYTES, type ReadOptions, type ReadResult } from "./types.ts";
import { warcDocuments } from "./warc.ts";

export type { ReadFailure, ReadOptions, ReadResult } from "./types.ts";
export { DEFAULT_MAX_BYTES } from "./types.ts";

type Kind = "text" | "html" | "json" | "jsonl" | "feed" | "warc" | "sniff";

const KINDS: Record<string, Kind> = {
  ".txt": "text",
  ".text": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".xml": "feed",
  ".rss": "feed",
  ".atom": "feed",
  ".warc": "warc",
  ".warc.gz": "warc",
  "": "sniff",
};

export const SUPPORTED_EXTENSIONS = Object.keys(KINDS).filter((e) => e !== "");

function fail(origin: string, rule: string, reason: string): ReadResult {
  return { ok: false, failure: { origin, rule, reason } };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message : String(error);
}

/** Read every input in order; directories are walked recursively, entries sorted by name. */
export async function* readInputs(
  inputs: string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const input of inputs) {
    if (input === "-") {
      yield* jsonLines(options.stdin ?? process.stdin, "stdin", maxBytes);
      continue;
    }
    yield* readPath(input, maxBytes, new Set());
  }
}

async function* readPath(
  path: string,
  maxBytes: number,
  /** Directories being walked, by device and inode: a symlink back up must not loop forever. */
  walking: Set<string>,
): AsyncGenerator<ReadResult> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    yield fail(path, "read/unreadable", `cannot read: ${ioReason(error)}`);
    return;
  }
  if (info.isDirectory()) {
    const key = `${info.dev}:${info.ino}`;
    if (walking.has(key)) {
      yield fail(path, "read/unsupported", "a link back to a directory being read; skipped");
      return;
    }
    let entries: string[];
    try {
      entries = await readdir(path);
    } catch (error) {
      yield fail(path, "read/unreadable", `cannot list the directory: ${ioReason(error)}`);
      return;
    }
    // Code-unit order, not the locale's: the same on every machine.
    entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const entry of entries) {
      // Hidden files (.DS_Store, .git) are never articles.
      if (entry.startsWith(".")) continue;
      walking.add(key);
      yield* readPath(join(path, entry), maxBytes, walking);
      walking.delete(key);
    }
    return;
  }
  if (!info.isFile()) {
    yield fail(path, "read/unsupported", "not a regular file");
    return;
  }
  const ext = /\.warc\.gz$/i.test(path) ? ".warc.gz" : extname(path).toLowerCase();
  const kind = KINDS[ext];
  if (kind === undefined) {
    yield fail(
      path,
      "read/unsupported",
      `unsupported file type "${ext}"; Dateline reads ${SUPPORTED_EXTENSIONS.join(" ")}`,
    );
    return;
  }
  if (info.size === 0) {
    yield fail(path, "read/empty", "the file is empty");
    return;
  }
  if (kind === "warc") {
    // Many pages in one file, streamed: the limit applies to each record.
    yield* warcDocuments(path, maxBytes);
    return;
  }
  if (
    kind === "jsonl" ||
    (kind === "json" && info.size > maxBytes && (await firstByte(path)) === "{")
  ) {
    // Each line is a document: stream, so the file may be larger than one document may.
    yield* jsonLines(createReadStream(path), path, maxBytes);
    return;
  }
  if (info.size > maxBytes) {
    yield fail(
      path,
      "read/too-large",
      `the file is ${megabytes(info.size)}, above the ${megabytes(maxBytes)} limit per document; split it, or raise maxBytes (--max-bytes)`,
    );
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield fail(path, "read/unreadable", `cannot read: ${ioReason(error)}`);
    return;
  }
  yield* readBytes(bytes, path, kind);
}

async function firstByte(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buf = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buf, 0, 256, 0);
    return buf.subarray(0, bytesRead).toString("latin1").trimStart().charAt(0);
  } finally {
    await handle.close();
  }
}

/** One file's bytes to results, by kind; text that says it is something else is read as that. */
export function* readBytes(bytes: Uint8Array, origin: string, kind: Kind): Generator<ReadResult> {
  const decoded = decodeText(bytes, kind === "html" ? declaredCharset(bytes) : undefined);
  if (!decoded.ok) {
    yield fail(origin, decoded.rule, decoded.reason);
    return;
  }
  const text = decoded.text;
  if (text.trim() === "") {
    yield fail(origin, "read/empty", "the file holds only whitespace");
    return;
  }
  const messages: Message[] = [];
  if (decoded.note)
    messages.push({ severity: "info", stage: "read", rule: "read/encoding", reason: decoded.note });

  let actual: Kind = kind;
  if (kind === "sniff") {
    const first = text.trimStart().charAt(0);
    if (first === "{" || first === "[") actual = "json";
    else if (looksLikeFeed(text)) actual = "feed";
    else if (looksLikeHtml(text)) actual = "html";
    else actual = "text";
  } else if (kind === "text" || kind === "html") {
    if (looksLikeFeed(text)) {
      actual = "feed";
    } else if (kind === "text" && looksLikeHtml(text)) {
      // HTML saved as .txt: reading its markup as prose would bury the article in tags.
      actual = "html";
      messages.push({
        severity: "warning",
        stage: "read",
        rule: "read/html-as-text",
        reason: "the .txt file holds an HTML page; it is read as HTML",
      });
    }
  }
  switch (actual) {
    case "text":
      yield { ok: true, doc: textDocument(text, origin, messages) };
      return;
    case "html":
      yield htmlDocument(text, origin, messages);
      return;
    case "feed":
      yield* feedDocuments(text, origin);
      return;
    default:
      yield* jsonDocuments(text, origin);
  }
}

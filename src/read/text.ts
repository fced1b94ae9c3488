/**
 * Plain-text articles with DESIGN.md's optional header: lines such as `date 2019-12-31`,
 * `date: 2019-12-31`, `title: …`, `url: …`, `source: …` before a blank line or the first
 * sentence.
 *
 * `raw` is the rest of the file after the header, a suffix of the file as it is, so the
 * clean stage's offsets map back to characters a user can find. When a header line carries
 * more than its value (the seed's ` date 2019-12-31 Loading...`, where a scraper glued a
 * page artifact to the date), what follows the date is the start of the body and the clean
 * stage drops it as an artifact, with a message.
 */
import type { SourceDocument } from "../core/document.ts";
import type { Message } from "../core/message.ts";
import { parseDateAt } from "./date.ts";

type HeaderKey = "published" | "title" | "url" | "source" | "byline";

const KEYS: Record<string, HeaderKey> = {
  date: "published",
  published: "published",
  pubdate: "published",
  title: "title",
  headline: "title",
  url: "url",
  link: "url",
  source: "source",
  byline: "byline",
  author: "byline",
};

/** A key, then a colon or spaces, then the value. Without a colon only a date or a URL counts. */
const HEADER_LINE =
  /^[ \t]*(date|published|pubdate|title|headline|url|link|source|byline|author)[ \t]*(:?)[ \t]*(.*)$/i;

export interface TextHeader {
  published?: string | null;
  title?: string;
  url?: string;
  source?: string;
  byline?: string;
  /** Offset in the file where the body (`raw`) starts. */
  bodyStart: number;
  messages: Message[];
}

function message(rule: string, reason: string, severity: Message["severity"] = "warning"): Message {
  return { severity, stage: "read", rule, reason };
}

/** Read the header lines at the top of `text`. */
export function parseHeader(text: string): TextHeader {
  const header: TextHeader = { bodyStart: 0, messages: [] };
  let pos = 0;
  // Blank lines before the header are not part of anything.
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    if (line.trim() !== "") break;
    pos = nl === -1 ? text.length : nl + 1;
  }
  let sawHeader = false;
  let lineNo = text.slice(0, pos).split("\n").length;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const next = nl === -1 ? text.length : nl + 1;
    const line = text.slice(pos, lineEnd).replace(/\r$/, "");
    if (sawHeader && line.trim() === "") {
      // The blank line that ends the header.
      pos = next;
      break;
    }
    const m = HEADER_LINE.exec(line);
    if (!m) break;
    const key = KEYS[(m[1] as string).toLowerCase()] as HeaderKey;
    const colon = m[2] === ":";
    const value = m[3] as string;
    const valueStart = pos + line.length - value.length;
    if (key === "published") {
      const parsed = parseDateAt(value);
      if (!parsed) {
        // `Date palms grow …` is a sentence, not a header; `date: someday` is a broken header.
        if (!colon) break;
        header.published = null;
        header.messages.push(
          message(
            "read/bad-date",
            `header line ${lineNo}: "${value.trim()}" is not a date this reader knows (use YYYY-MM-DD); published left unknown`,
          ),
        );
      } else {
        header.published = parsed.date;
        const rest = value.slice(parsed.length);
        if (rest.trim() !== "") {
          // Something glued to the date line: it starts the body (clean judges it).
          sawHeader = true;
          pos = valueStart + parsed.length + (rest.length - rest.trimStart().length);
          header.bodyStart = pos;
          return header;
        }
      }
    } else {
      if (!colon && !(key === "url" && /^https?:\/\/\S+$/.test(value.trim()))) break;
      const v = value.trim();
      if (v !== "") header[key] = v;
    }
    sawHeader = true;
    pos = next;
    lineNo++;
  }
  header.bodyStart = sawHeader ? pos : 0;
  return header;
}

/** A `.txt` file's text to a source document. */
export function textDocument(
  text: string,
  origin: string,
  messages: Message[] = [],
): SourceDocument {
  const header = parseHeader(text);
  const doc: SourceDocument = {
    raw: text.slice(header.bodyStart),
    format: "text",
    origin,
  };
  if (header.published !== undefined) doc.published = header.published;
  if (header.title !== undefined) doc.title = header.title;
  if (header.url !== undefined) doc.url = header.url;
  if (header.source !== undefined) doc.source = header.source;
  if (header.byline !== undefined) doc.byline = header.byline;
  const all = [...messages, ...header.messages];
  if (all.length > 0) doc.messages = all;
  return doc;
}

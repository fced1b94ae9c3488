/**
 * HTML pages: the article body through Readability on a linkedom DOM, metadata from meta
 * tags, JSON-LD and `<time>`.
 *
 * Decision: the document's `raw` is the article HTML Readability kept (format `html`), not
 * the whole page and not its text. The clean stage turns that markup into text and maps
 * every clean offset back into it, so a span points at the markup of the article as read;
 * navigation, scripts and footers Readability dropped are no part of it. Fragments that are
 * not pages (feed items, a JSON `html` field without `<body>`) skip Readability and go to
 * clean as they are.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { SourceDocument } from "../core/document.ts";
import type { Message } from "../core/message.ts";
import { normaliseDate, parseDateAt } from "./date.ts";
import type { ReadResult } from "./types.ts";

/** Metadata a page states about itself. Fields absent from the page are absent here. */
export interface PageMeta {
  title?: string;
  published?: string;
  url?: string;
  source?: string;
  byline?: string;
}

/** Meta keys that carry the publication date, most specific first. */
const DATE_KEYS = [
  "article:published_time",
  "og:article:published_time",
  "datepublished",
  "pubdate",
  "publishdate",
  "publish-date",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dc.date",
  "dcterms.created",
  "date",
  "article:modified_time",
];

// linkedom's element types are its own; this is the small surface used here.
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface Doc {
  querySelectorAll(selector: string): Iterable<El>;
  querySelector(selector: string): El | null;
  title?: string;
  body?: { innerHTML: string; textContent: string | null } | null;
}

function jsonLdObjects(value: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(value)) for (const v of value) jsonLdObjects(v, out);
  else if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    out.push(obj);
    if (obj["@graph"]) jsonLdObjects(obj["@graph"], out);
  }
}

function authorName(author: unknown): string | undefined {
  if (typeof author === "string") return author;
  if (Array.isArray(author)) {
    const names = author.map(authorName).filter((n): n is string => !!n);
    return names.length > 0 ? names.join(", ") : undefined;
  }
  if (author && typeof author === "object") {
    const name = (author as Record<string, unknown>).name;
    return typeof name === "string" ? name : undefined;
  }
  return undefined;
}

/** Read what the page says about itself, before Readability rewrites the DOM. */
export function pageMeta(document: Doc): PageMeta {
  const metas = new Map<string, string>();
  for (const el of document.querySelectorAll("meta")) {
    const key =
      el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop");
    const content = el.getAttribute("content");
    if (key && content && !metas.has(key.toLowerCase()))
      metas.set(key.toLowerCase(), content.trim());
  }
  const ld: Record<string, unknown>[] = [];
  for (const el of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      jsonLdObjects(JSON.parse(el.textContent ?? ""), ld);
    } catch {
      // Broken JSON-LD is common and says nothing about the article; meta tags remain.
    }
  }
  const article = ld.find(
    (o) => typeof o.datePublished === "string" || typeof o.headline === "string",
  );
  const meta: PageMeta = {};

  const dates: string[] = [];
  for (const key of DATE_KEYS) {
    const v = metas.get(key);
    if (v) dates.push(v);
    if (key === "datepublished" && typeof article?.datePublished === "string") {
      dates.push(article.datePublished);
    }
  }
  for (const el of document.querySelectorAll("time[datetime]")) {
    const v = el.getAttribute("datetime");
    if (v) dates.push(v);
  }
  for (const d of dates) {
    const parsed = parseDateAt(d);
    if (parsed) {
      meta.published = parsed.date;
      break;
    }
  }

  const title =
    metas.get("og:title") ??
    (typeof article?.headline === "string" ? article.headline : undefined) ??
    metas.get("twitter:title") ??
    document.title;
  if (title?.trim()) meta.title = title.trim();
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
  const url = canonical ?? metas.get("og:url");
  if (url) meta.url = url;
  const source = metas.get("og:site_name") ?? metas.get("application-name");
  if (source) meta.source = source;
  const byline = metas.get("author") ?? metas.get("article:author") ?? authorName(article?.author);
  if (byline && !/^https?:/.test(byline)) meta.byline = byline;
  return meta;
}

/** `Marines sent | Example News` → `Marines sent` when the site's name is known. */
function stripSiteName(title: string, source: string | undefined): string {
  if (!source) return title;
  for (const sep of [" | ", " - ", " – ", " — ", " :: "]) {
    const suffix = `${sep}${source}`;
    if (title.endsWith(suffix) && title.length > suffix.length)
      return title.slice(0, -suffix.length);
  }
  return title;
}

/** A whole HTML page to a source document. */
export function htmlDocument(html: string, origin: string, messages: Message[] = []): ReadResult {
  const { document } = parseHTML(html) as unknown as { document: Doc };
  const meta = pageMeta(document);
  // Readability's types want a DOM Document; linkedom's is structurally what it reads.
  const article = new Readability(document as never, { charThreshold: 200 }).parse();
  const all = [...messages];
  let raw = article?.content ?? "";
  if (!article || (article.textContent ?? "").trim() === "") {
    // No article found (a very short page): take the whole body rather than nothing.
    raw = document.body?.innerHTML ?? "";
    if ((document.body?.textContent ?? "").trim() === "") {
      return {
        ok: false,
        failure: { origin, rule: "read/no-article", reason: "the page has no text to read" },
      };
    }
    all.push({
      severity: "warning",
      stage: "read",
      rule: "read/no-article",
      reason: "Readability found no article in the page; the whole body is read",
    });
  }
  const source = meta.source ?? article?.siteName ?? undefined;
  const doc: SourceDocument = { raw, format: "html", origin };
  const title = meta.title ?? article?.title ?? undefined;
  if (title) doc.title = stripSiteName(title, source);
  const published =
    meta.published ?? (article?.publishedTime ? normaliseDate(article.publishedTime) : null);
  if (published) doc.published = published;
  if (meta.url) doc.url = meta.url;
  if (source) doc.source = source;
  const byline = article?.byline ?? meta.byline;
  if (byline) doc.byline = byline.trim();
  if (all.length > 0) doc.messages = all;
  return { ok: true, doc };
}

/** A page, as opposed to a fragment of markup (a feed item's description). */
export function isFullPage(html: string): boolean {
  return /<(?:html|body|article|main)[\s>]/i.test(html.slice(0, 65536));
}

/** The charset a page declares in its first bytes, if any (`<meta charset="windows-1252">`). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

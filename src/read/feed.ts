/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item is a document. Its content (the fullest
 * of `content:encoded`, Atom `content`, `description`, `summary`) is HTML by the feeds'
 * convention, so it goes to clean as format `html`; an item with no content at all falls
 * back to its title, which is still a headline worth coding.
 */
import { DOMParser } from "linkedom";
import type { SourceDocument } from "../core/document.ts";
import { parseDateAt } from "./date.ts";
import type { ReadResult } from "./types.ts";

interface Node {
  tagName: string;
  localName?: string;
  textContent: string | null;
  innerHTML?: string;
  children: ArrayLike<Node> & Iterable<Node>;
  getAttribute(name: string): string | null;
}

function nameOf(el: Node): string {
  return el.tagName.toLowerCase();
}

function childrenNamed(el: Node, names: string[]): Node[] {
  const out: Node[] = [];
  for (const child of el.children) if (names.includes(nameOf(child))) out.push(child);
  return out;
}

function text(el: Node, names: string[]): string | undefined {
  for (const name of names) {
    const found = childrenNamed(el, [name])[0];
    const v = found?.textContent?.trim();
    if (v) return v;
  }
  return undefined;
}

function walk(el: Node, names: string[], out: Node[]): void {
  for (const child of el.children) {
    if (names.includes(nameOf(child))) out.push(child);
    else walk(child, names, out);
  }
}

function itemLink(item: Node): string | undefined {
  for (const link of childrenNamed(item, ["link"])) {
    const href = link.getAttribute("href");
    const rel = link.getAttribute("rel");
    if (href && (!rel || rel === "alternate")) return href;
    const v = link.textContent?.trim();
    if (v) return v;
  }
  return undefined;
}

function itemContent(item: Node): { raw: string; format: "text" | "html" } | undefined {
  for (const name of ["content:encoded", "content", "description", "summary"]) {
    const el = childrenNamed(item, [name])[0];
    if (!el) continue;
    const type = el.getAttribute("type");
    // Atom's xhtml content is markup inline in the feed, not escaped.
    const raw = (type === "xhtml" ? el.innerHTML : el.textContent)?.trim();
    if (raw) return { raw, format: type === "text" ? "text" : "html" };
  }
  return undefined;
}

/** All items of a feed; a document that is XML but no feed is one failure. */
export function* feedDocuments(xml: string, origin: string): Generator<ReadResult> {
  const doc = new DOMParser().parseFromString(xml, "text/xml") as unknown as {
    documentElement: Node | null;
  };
  const root = doc.documentElement;
  const rootName = root ? nameOf(root) : "";
  if (!root || !["rss", "feed", "rdf:rdf"].includes(rootName)) {
    yield {
      ok: false,
      failure: {
        origin,
        rule: "read/not-a-feed",
        reason: `XML whose root is <${rootName || "nothing"}>, not an RSS or Atom feed`,
      },
    };
    return;
  }
  const channel = rootName === "rss" ? childrenNamed(root, ["channel"])[0] : root;
  const feedTitle = channel ? text(channel, ["title"]) : undefined;
  const items: Node[] = [];
  walk(root, ["item", "entry"], items);
  if (items.length === 0) {
    yield { ok: false, failure: { origin, rule: "read/empty", reason: "the feed has no items" } };
    return;
  }
  let n = 0;
  for (const item of items) {
    n++;
    const itemOrigin = `${origin}#${n}`;
    const title = text(item, ["title"]);
    const content =
      itemContent(item) ?? (title ? { raw: title, format: "text" as const } : undefined);
    if (!content) {
      yield {
        ok: false,
        failure: {
          origin: itemOrigin,
          rule: "read/no-text",
          reason: "feed item without content or title",
        },
      };
      continue;
    }
    const source: SourceDocument = { raw: content.raw, format: content.format, origin: itemOrigin };
    const id = text(item, ["guid", "id"]);
    if (id) source.id = id;
    if (title) source.title = title;
    const url = itemLink(item);
    if (url) source.url = url;
    if (feedTitle) source.source = feedTitle;
    const author = text(item, ["dc:creator", "author"]);
    if (author) source.byline = author;
    const when = text(item, ["pubdate", "published", "dc:date", "updated"]);
    if (when) {
      const parsed = parseDateAt(when);
      if (parsed) source.published = parsed.date;
      else {
        source.messages = [
          {
            severity: "warning",
            stage: "read",
            rule: "read/bad-date",
            reason: `"${when}" is not a date this reader knows; published left unknown`,
          },
        ];
      }
    }
    yield { ok: true, doc: source };
  }
}

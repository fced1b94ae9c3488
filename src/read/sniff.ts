/** Telling formats apart by their first characters, for files whose extension says little or lies. */

/** An RSS, RDF or Atom document: an XML prolog and comments may come first. */
export function looksLikeFeed(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b/i.test(
    text.slice(0, 4096),
  );
}

/** Tags an HTML page or fragment is made of; prose with a stray `<` never has several. */
const HTML_TAG =
  /<\/?(?:p|div|span|a|br|h[1-6]|article|section|ul|ol|li|table|tr|td|img|meta|link|script|style|header|footer|nav|figure|blockquote|em|strong|b|i)\b[^<>]*>/gi;

/**
 * A page or fragment of HTML: it opens like a page, or it starts with a tag and holds
 * several. A text with one stray `<br>` is left to the clean stage's markup rule.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart();
  if (/^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(head)) return true;
  if (!head.startsWith("<")) return false;
  return (head.match(HTML_TAG)?.length ?? 0) >= 3;
}

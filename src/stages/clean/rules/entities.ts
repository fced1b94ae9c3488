/**
 * HTML entities left in text, including the broken forms scrapers produce: spaced
 * (`& # 39;`, `& quot;`), double-encoded (`&amp;amp;`, `&amp;#39;`) or both. Plain
 * ampersands (`Task & Purpose`, `AT&T`) are not entities and stay: an entity needs its `;`,
 * and a spaced name must be one of the few names scrapers actually break.
 */
import { decodeHTMLStrict } from "entities";
import type { EditSink } from "../edits.ts";

/** `&`, optional space, any number of `amp;` (double encoding), a number or a name, optional space, `;`. */
const ENTITY =
  /&([ \t]?)((?:amp;[ \t]?)*)(?:#[ \t]?(\d{1,7})|#[ \t]?[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}))([ \t]?);/g;

/** Names seen broken by spaces in scraped news; any other spaced "name" is ordinary prose. */
const SPACED_NAMES = new Set([
  "quot",
  "amp",
  "apos",
  "lt",
  "gt",
  "nbsp",
  "rsquo",
  "lsquo",
  "rdquo",
  "ldquo",
  "ndash",
  "mdash",
  "hellip",
]);

const APOSTROPHES = new Set(["'", "\u2019"]);

/** Decoded references by their canonical form: a text repeats the same few many times. */
const decodedCache = new Map<string, string>();

function decodeOnce(canonical: string): string {
  let decoded = decodedCache.get(canonical);
  if (decoded === undefined) {
    decoded = decodeHTMLStrict(canonical);
    if (decodedCache.size < 4096) decodedCache.set(canonical, decoded);
  }
  return decoded;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

export function decodeEntities(text: string, sink: EditSink): void {
  // Fast exit: most clean text has no ampersand at all.
  if (text.indexOf("&") === -1) return;
  ENTITY.lastIndex = 0;
  for (let m = ENTITY.exec(text); m; m = ENTITY.exec(text)) {
    const [whole, , doubled, dec, hex, name] = m;
    // Any space inside the match means a scraper broke it (space1/space2 included).
    const spaced = /[ \t]/.test(whole);
    let canonical: string;
    if (dec !== undefined) canonical = `&#${dec};`;
    else if (hex !== undefined) canonical = `&#x${hex};`;
    else {
      if (spaced && !SPACED_NAMES.has((name as string).toLowerCase())) continue;
      canonical = `&${name};`;
    }
    const decoded = decodeOnce(canonical);
    if (decoded === canonical || decoded === "") continue;
    let start = m.index;
    let end = m.index + whole.length;
    const broken = spaced || (doubled ?? "") !== "";
    if (broken && APOSTROPHES.has(decoded)) {
      // `Kata & # 39; ib`: the scraper's tokenizer put spaces around the apostrophe too.
      if (
        text[start - 1] === " " &&
        isLetter(text[start - 2]) &&
        text[end] === " " &&
        isLetter(text[end + 1])
      ) {
        start--;
        end++;
      }
    }
    if (broken) {
      sink.edit(start, end, decoded, {
        rule: "clean/broken-entity",
        severity: "warning",
        reason: () => `decoded the broken HTML entity "${text.slice(start, end)}" as "${decoded}"`,
      });
    } else {
      sink.edit(start, end, decoded, {
        rule: "clean/entity",
        severity: "info",
        reason: () => `decoded the HTML entity "${whole}" as "${decoded}"`,
      });
    }
  }
}

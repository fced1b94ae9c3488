import type { SentenceRule } from "./rule.ts";

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*";
const PLACE = "\\p{Lu}[\\p{L}.'’\\-]*(?:[ \\t]+\\p{Lu}[\\p{L}.'’\\-]*){0,3}";
// `BAGHDAD (Reuters) -`, `WASHINGTON, Dec. 27 (AP) —`, `ST. LOUIS, Mo. —`,
// `Kirkuk, Iraq (CNN) --`: a place, optional region and date, optional agency, a dash.
const DATELINE = new RegExp(
  `(${PLACE})(?:,[ \\t]*${PLACE}){0,2}(?:,?[ \\t]*${MONTH}\\.?[ \\t]+\\d{1,2}(?:,[ \\t]*\\d{4})?)?[ \\t]*(\\([^()\\n]{1,40}\\))?[ \\t]*(?:--|[-–—])[ \\t]`,
  "uy",
);

/** How far into a paragraph a dateline can reach, in UTF-16 code units. */
const MAX_DATELINE = 100;

/**
 * A dateline opening a paragraph never splits (`ST. LOUIS, Dec. 27 (AP) —`); it stays
 * with the sentence it introduces. A line in capitals or with an agency in parentheses
 * is required, so an ordinary sentence with a dash is not taken for one.
 */
export const dateline: SentenceRule = {
  name: "dateline",
  decide(b) {
    const token = b.tokens[b.markToken];
    if (!token || token.start - b.paragraphStart > MAX_DATELINE) return undefined;
    DATELINE.lastIndex = b.paragraphStart;
    const m = DATELINE.exec(b.text);
    if (!m) return undefined;
    const place = m[1] as string;
    const firstWord = place.split(/[ \t,]/)[0] as string;
    const capitals = firstWord.length >= 2 && firstWord === firstWord.toUpperCase();
    if (!capitals && m[2] === undefined) return undefined;
    return token.end <= b.paragraphStart + m[0].length ? false : undefined;
  },
};

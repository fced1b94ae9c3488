/**
 * Windows-1252's characters for the bytes 0x80–0x9F. Node 20's `TextDecoder("windows-1252")`
 * gives C1 control characters there (Latin-1), but web pages that declare windows-1252 or
 * iso-8859-1 mean these: the curly quotes and dashes of most Western news sites before UTF-8.
 * Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and stay controls.
 */
export const CP1252_HIGH: Readonly<Record<number, string>> = {
  128: "\u20AC",
  130: "\u201A",
  131: "\u0192",
  132: "\u201E",
  133: "\u2026",
  134: "\u2020",
  135: "\u2021",
  136: "\u02C6",
  137: "\u2030",
  138: "\u0160",
  139: "\u2039",
  140: "\u0152",
  142: "\u017D",
  145: "\u2018",
  146: "\u2019",
  147: "\u201C",
  148: "\u201D",
  149: "\u2022",
  150: "\u2013",
  151: "\u2014",
  152: "\u02DC",
  153: "\u2122",
  154: "\u0161",
  155: "\u203A",
  156: "\u0153",
  158: "\u017E",
  159: "\u0178",
};

/** The character Windows-1252 gives byte `b`. */
export function cp1252Char(b: number): string {
  return CP1252_HIGH[b] ?? String.fromCharCode(b);
}

/** Latin-1-decoded text whose C1 controls are Windows-1252's characters. */
export function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0)] ?? c);
}

/**
 * From bytes to text, or to a reason why not: empty, binary, or not UTF-8. Every reader
 * goes through `decodeText`, so each bad input is reported the same way whatever its format.
 */

import { fixC1 } from "./cp1252.ts";

export type Decoded =
  | { ok: true; text: string; note?: string }
  | { ok: false; rule: string; reason: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** How many bytes are inspected to tell text from binary: enough for any header or magic number. */
const SNIFF_BYTES = 8192;

/**
 * Binary when the first bytes hold a NUL (no text format has one) or more than 10% control
 * characters other than tab, newline, carriage return and form feed.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Byte offset of the first invalid UTF-8 sequence, or -1. Only called once the fast fatal
 * decoder has failed, to tell the user where to look.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decode a whole input: BOMs honoured, binary and invalid UTF-8 reported with where. */
export function decodeText(bytes: Uint8Array, charset?: string): Decoded {
  if (bytes.length === 0) return { ok: false, rule: "read/empty", reason: "the file is empty" };
  // UTF-16 is rare in news dumps but Windows tools write it; its NUL bytes would look binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      ok: true,
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      note: "decoded as UTF-16LE (byte order mark)",
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      ok: true,
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      note: "decoded as UTF-16BE (byte order mark)",
    };
  }
  if (looksBinary(bytes)) {
    return {
      ok: false,
      rule: "read/binary",
      reason: "the file looks binary (NUL or control bytes), not text",
    };
  }
  if (charset && !/^utf-?8$/i.test(charset)) {
    try {
      const decoder = new TextDecoder(charset);
      let text = decoder.decode(bytes);
      // Node decodes windows-1252 as Latin-1: put back its quotes and dashes.
      if (decoder.encoding === "windows-1252") text = fixC1(text);
      return { ok: true, text, note: `decoded as ${charset}, as the document declares` };
    } catch {
      // An unknown label: fall through to UTF-8, which is what the web mostly is.
    }
  }
  try {
    // TextDecoder drops a UTF-8 byte order mark by default.
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      rule: "read/invalid-utf8",
      reason: `not valid UTF-8: bad byte sequence at byte offset ${at}; convert the file to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)`,
    };
  }
}

/** Decode one JSON line; invalid UTF-8 is reported with its offset within the line. */
export function decodeLine(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return {
      ok: false,
      rule: "read/invalid-utf8",
      reason: `not valid UTF-8: bad byte sequence at byte ${firstInvalidUtf8(bytes)} of the line`,
    };
  }
}

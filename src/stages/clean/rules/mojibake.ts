/**
 * Mojibake: UTF-8 bytes that someone decoded as Windows-1252 (`countryâ€™s` for `country’s`,
 * `cafÃ©` for `café`, `Â ` for a no-break space). Each suspect run is turned back into bytes
 * and decoded as UTF-8; it is replaced only when that succeeds and gives a character of a
 * script news is written in, so `CAFÉ»` (a real É before a guillemet, which would decode to
 * an IPA letter) stays as it is.
 */
import { cp1252Char } from "../../../read/cp1252.ts";
import type { EditSink } from "../edits.ts";

/** Windows-1252 character → byte, for the bytes 0x80–0xFF; undefined bytes map to C1 controls. */
const BYTE_OF = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) {
  BYTE_OF.set(cp1252Char(b), b);
  // A decoder that followed Latin-1 instead leaves the control character: same byte.
  if (b <= 0x9f) BYTE_OF.set(String.fromCharCode(b), b);
}

/** Characters that stand for a continuation byte (0x80–0xBF) in Windows-1252. */
const CONTINUATION = [...BYTE_OF].filter(([, b]) => b >= 0x80 && b <= 0xbf).map(([c]) => c);
const CONT_CLASS = CONTINUATION.map(
  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
).join("");
/** A lead byte of a 2–4 byte sequence (Â–ô) and its continuations. */
const SUSPECT = new RegExp(`[\\u00C2-\\u00F4][${CONT_CLASS}]{1,3}`, "g");

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Scripts and symbols of news text: Latin, Greek, Cyrillic, punctuation, currency, ™. */
function plausible(cp: number): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x24f) ||
    (cp >= 0x370 && cp <= 0x4ff) ||
    (cp >= 0x2000 && cp <= 0x206f) ||
    (cp >= 0x20a0 && cp <= 0x20cf) ||
    (cp >= 0x2100 && cp <= 0x214f)
  );
}

function needed(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  return 3;
}

export function repairMojibake(text: string, sink: EditSink): void {
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(text); m; m = SUSPECT.exec(text)) {
    const lead = BYTE_OF.get(m[0][0] as string) ?? m[0].charCodeAt(0);
    const n = needed(lead);
    if (m[0].length < n + 1) continue;
    const run = m[0].slice(0, n + 1);
    // Give back what this sequence does not use, so the next one can start there.
    SUSPECT.lastIndex = m.index + run.length;
    const bytes = Uint8Array.from([...run].map((c) => BYTE_OF.get(c) ?? c.charCodeAt(0)));
    let decoded: string;
    try {
      decoded = utf8.decode(bytes);
    } catch {
      continue;
    }
    const cp = decoded.codePointAt(0) ?? 0;
    if (!plausible(cp)) continue;
    sink.edit(m.index, m.index + run.length, decoded, {
      rule: "clean/mojibake",
      severity: "warning",
      reason: () => `repaired "${run}" to "${decoded}" (UTF-8 read as Windows-1252)`,
    });
  }
}

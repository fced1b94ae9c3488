/**
 * Lines of a byte stream, each at most `maxBytes`: a longer line is reported by number and
 * skipped without being held in memory, so one runaway line cannot exhaust it.
 */

export type Line =
  | { number: number; bytes: Uint8Array }
  | { number: number; tooLong: true; bytes: number };

export async function* splitLines(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): AsyncGenerator<Line> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let number = 1;
  const flush = (): Line => {
    const line: Line = skipping
      ? { number, tooLong: true, bytes: pendingBytes }
      : {
          number,
          bytes: pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending),
        };
    pending = [];
    pendingBytes = 0;
    skipping = false;
    number++;
    return line;
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let start = 0;
    while (start <= buf.length) {
      const nl = buf.indexOf(10, start);
      const end = nl === -1 ? buf.length : nl;
      const piece = buf.subarray(start, end);
      if (skipping) pendingBytes += piece.length;
      else if (pendingBytes + piece.length > maxBytes) {
        skipping = true;
        pendingBytes += piece.length;
        pending = [];
      } else if (piece.length > 0) {
        pending.push(piece);
        pendingBytes += piece.length;
      }
      if (nl === -1) break;
      yield flush();
      start = nl + 1;
    }
  }
  if (pendingBytes > 0 || skipping) yield flush();
}

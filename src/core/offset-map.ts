/**
 * Maps offsets in the cleaned text back to offsets in the raw input.
 *
 * Cleaning is a sequence of pieces: runs copied verbatim from the raw text, and
 * replacements (an entity decoded, whitespace folded, an artifact dropped). The map keeps
 * one breakpoint per piece; inside a verbatim run offsets move together, inside a
 * replacement every clean offset maps to the start of the raw run it came from.
 */
export class OffsetMap {
  /** Clean offset where each piece starts, ascending. */
  private readonly cleanStarts: number[] = [];
  /** Raw offset where each piece starts. */
  private readonly rawStarts: number[] = [];
  /** Whether the piece was copied verbatim (offsets advance together). */
  private readonly verbatim: boolean[] = [];
  private cleanLength = 0;
  private rawLength = 0;

  /** Record that raw `[rawStart, rawEnd)` was copied as it is. */
  keep(rawStart: number, rawEnd: number): void {
    if (rawEnd <= rawStart) return;
    this.push(rawStart, true);
    this.cleanLength += rawEnd - rawStart;
    this.rawLength = rawEnd;
  }

  /** Record that raw `[rawStart, rawEnd)` became `length` code units of clean text (0: dropped). */
  replace(rawStart: number, rawEnd: number, length: number): void {
    this.push(rawStart, false);
    this.cleanLength += length;
    this.rawLength = rawEnd;
  }

  private push(rawStart: number, verbatim: boolean): void {
    this.cleanStarts.push(this.cleanLength);
    this.rawStarts.push(rawStart);
    this.verbatim.push(verbatim);
  }

  /** Length of the clean text the map was built for. */
  get length(): number {
    return this.cleanLength;
  }

  /** The raw offset that clean offset `offset` came from. */
  toRaw(offset: number): number {
    if (offset >= this.cleanLength) return this.rawLength;
    // Last piece starting at or before `offset`; several may start at the same clean
    // offset when pieces were dropped, and the last of them is the one that produced text.
    let lo = 0;
    let hi = this.cleanStarts.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cleanStarts[mid] as number) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const rawStart = this.rawStarts[found] ?? 0;
    if (!this.verbatim[found]) return rawStart;
    return rawStart + (offset - (this.cleanStarts[found] ?? 0));
  }

  /** An identity map for text that needed no cleaning. */
  static identity(length: number): OffsetMap {
    const map = new OffsetMap();
    map.keep(0, length);
    return map;
  }
}

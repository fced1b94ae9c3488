/**
 * Who speaks in each quotation, so that `we` inside it resolves to the speaker
 * (`"... we call on the Iraqi government ...", Esper said`). The quotes stage runs after
 * events; this is the small part of its work the coder needs now: the quoted spans and the
 * entity named by the cue after or before each, carried over to a following quotation that
 * has no cue of its own, and through `he continued`.
 */
import type { DocIndex } from "./sentence.ts";
import { SPEECH_VERBS } from "./words.ts";

export interface Speakers {
  /** Entity index of the speaker of the quotation token `t` is in, or -1. */
  speakerOf(t: number): number;
  /** The speaker of the quotation token `t` is in, as an attribution, or null. */
  quoteAt(t: number): { text: string; entity: number } | null;
}

const OPEN = new Set(['"', "“"]);
const CLOSE = new Set(['"', "”"]);

export function findSpeakers(ix: DocIndex): Speakers {
  const n = ix.tokens.length;
  // Quotation spans by token: [open, close] pairs.
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < n; i++) {
    const w = ix.low[i] as string;
    if (open < 0 && OPEN.has(w)) open = i;
    else if (open >= 0 && CLOSE.has(w)) {
      spans.push([open, i]);
      open = -1;
    }
  }
  const speakerOfSpan: number[] = [];
  let last = -1;
  const personNear = (from: number, to: number): number => {
    for (let i = from; i < to && i < n; i++) {
      const k = ix.entity[i] as number;
      const t = k >= 0 ? ix.doc.entities[k]?.type : undefined;
      if (t === "PERSON" || t === "ORG") return ix.doc.entities[k]?.refersTo ?? k;
      if (/^(he|she)$/.test(ix.low[i] as string)) return last;
    }
    return -2;
  };
  for (const [s, e] of spans) {
    let speaker = -2;
    // `"...," Esper said` / `"...," he continued`: a cue within a few tokens after.
    for (let i = e + 1; i < Math.min(n, e + 8); i++) {
      if (SPEECH_VERBS.has(ix.low[i] as string)) {
        speaker = personNear(e + 1, i + 4);
        break;
      }
      if (OPEN.has(ix.low[i] as string)) break;
    }
    // `Esper said: "..."`: a cue just before.
    if (speaker === -2) {
      for (let i = s - 1; i >= Math.max(0, s - 8); i--) {
        if (SPEECH_VERBS.has(ix.low[i] as string)) {
          speaker = personNear(Math.max(0, i - 4), i);
          break;
        }
      }
    }
    // No cue: the quotation continues the last speaker's.
    if (speaker === -2) speaker = last;
    speakerOfSpan.push(speaker);
    if (speaker >= 0) last = speaker;
  }
  // Token → index of the quotation it is inside, built once.
  const inside = new Int32Array(spans.length > 0 ? n : 0).fill(-1);
  spans.forEach(([s, e], k) => {
    for (let t = s + 1; t < e; t++) inside[t] = k;
  });
  const spanAt = (t: number): number => (spans.length > 0 ? (inside[t] ?? -1) : -1);
  return {
    speakerOf(t) {
      const k = spanAt(t);
      return k >= 0 ? (speakerOfSpan[k] as number) : -1;
    },
    quoteAt(t) {
      const k = spanAt(t);
      if (k < 0) return null;
      const ent = speakerOfSpan[k] as number;
      if (ent < 0) return null;
      const e = ix.doc.entities[ent];
      return e ? { text: e.text, entity: ent } : null;
    },
  };
}

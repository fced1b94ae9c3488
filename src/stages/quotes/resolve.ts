import type { Entity, Quote } from "../../core/annotations.ts";
import type { Span } from "../../core/span.ts";
import type { SpeechLexicon } from "./lexicon.ts";

/** Follow `refersTo` to the fullest mention of the same name (`Esper` → `Mark Esper`). */
function canonical(entities: readonly Entity[], index: number): number {
  let i = index;
  for (let hops = 0; hops < 4; hops++) {
    const next = entities[i]?.refersTo;
    if (next === undefined || next === i) break;
    i = next;
  }
  return i;
}

/**
 * The entity a speaker phrase names: the last person (else organisation) inside it, so that
 * `Defense Secretary Mark Esper` and `Pentagon spokesman Jonathan Hoffman` give the person.
 * A pronoun or a bare title (`the secretary`) goes back to the nearest fitting speaker or
 * person before it.
 */
export function resolveSpeaker(
  speaker: Span & { text: string },
  entities: readonly Entity[],
  earlier: readonly Quote[],
  lex: SpeechLexicon,
  paragraphStart: number,
): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i] as Entity;
    if (e.start >= speaker.end) break;
    if (e.start < speaker.start || e.end > speaker.end) continue;
    if (e.type === "PERSON") best = i;
    else if (e.type === "ORG" && (best === undefined || entities[best]?.type !== "PERSON"))
      best = i;
  }
  if (best !== undefined) return canonical(entities, best);

  const word = speaker.text.toLowerCase();
  const wanted = lex.pronouns.get(word);
  if (wanted) {
    // A fitting name earlier in the same paragraph, outside quotation marks, comes first
    // (`Mark Esper made a statement, but he didn't say …`); then the last speaker that
    // fits, since news reuses `he` for the last person quoted.
    const fits = (e: Entity | undefined) => e !== undefined && pronounFits(wanted, e.type);
    const near = nearestBefore(
      entities,
      speaker.start,
      (e) =>
        e.start >= paragraphStart &&
        fits(e) &&
        !earlier.some((q) => q.direct && q.start <= e.start && e.end <= q.end),
    );
    if (near !== undefined) return near;
    for (let q = earlier.length - 1; q >= 0; q--) {
      const entity = earlier[q]?.speaker?.entity;
      if (entity === undefined) continue;
      if (fits(entities[entity])) return entity;
    }
    return nearestBefore(entities, speaker.start, fits);
  }
  // `the secretary`, `the spokesman`: the nearest person whose title has that word.
  const head = word.split(/\s+/).pop() ?? "";
  if (/^(the|a) /.test(word) && head.length > 3) {
    return nearestBefore(
      entities,
      speaker.start,
      (e) => e.type === "PERSON" && (e.actor?.title?.toLowerCase().includes(head) ?? false),
    );
  }
  return undefined;
}

/**
 * Whether a pronoun's wanted referent (`lexicon/speech.json` pronouns) fits an entity type:
 * `ANY` a person or an organisation, `GROUP` (plural `they`) an organisation or a people
 * (`NORP`), never one named person; else that type.
 */
function pronounFits(wanted: string, type: Entity["type"]): boolean {
  if (wanted === "ANY") return type === "PERSON" || type === "ORG";
  if (wanted === "GROUP") return type === "ORG" || type === "NORP";
  return type === wanted;
}

function nearestBefore(
  entities: readonly Entity[],
  offset: number,
  fits: (e: Entity) => boolean,
): number | undefined {
  for (let i = entities.length - 1; i >= 0; i--) {
    const e = entities[i] as Entity;
    if (e.end <= offset && fits(e)) return canonical(entities, i);
  }
  return undefined;
}

/**
 * A speaker is anonymous when no person is named and the phrase is a group or a source
 * (`U.S. officials`, `a source familiar with the talks`), or the sentence says so
 * (`on condition of anonymity`).
 */
export function isAnonymous(
  speakerText: string,
  entity: Entity | undefined,
  sentenceText: string,
  lex: SpeechLexicon,
): boolean {
  if (entity && entity.type === "PERSON") return false;
  const lower = sentenceText.toLowerCase();
  if (lex.anonymityMarkers.some((marker) => lower.includes(marker))) return true;
  if (entity) return false;
  const words = speakerText.toLowerCase().split(/[^\p{L}]+/u);
  return words.some((w) => lex.anonymousHeads.has(w));
}

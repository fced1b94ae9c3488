import type { Document } from "../../core/document.ts";

/** The name to show for a speaker: the entity's actor name when resolved, else its words. */
export function canonicalName(doc: Document, speaker: { text: string; entity?: number }): string {
  if (speaker.entity === undefined) return speaker.text;
  const entity = doc.entities[speaker.entity];
  return entity?.actor?.name ?? entity?.text ?? speaker.text;
}

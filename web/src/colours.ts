/**
 * One colour per PLOVER type, grouped so that cooperation reads green/blue and conflict
 * orange/red on the map and the timeline alike.
 */
import { EVENT_TYPES, type EventType, QUADS } from "../../src/core/annotations.ts";
export const typeOrder = EVENT_TYPES;
export const quadOrder = QUADS;

const palette: Record<EventType, string> = {
  AGREE: "#1b9e77",
  CONSULT: "#66c2a5",
  SUPPORT: "#7fbc41",
  CONCEDE: "#b8e186",
  COOPERATE: "#2166ac",
  AID: "#4393c3",
  RETREAT: "#92c5de",
  REQUEST: "#8073ac",
  ACCUSE: "#fdb863",
  REJECT: "#e08214",
  THREATEN: "#b35806",
  PROTEST: "#c51b7d",
  SANCTION: "#8c510a",
  MOBILIZE: "#762a83",
  COERCE: "#d6604d",
  ASSAULT: "#b2182b",
};

export function typeColour(type: string): string {
  return palette[type as EventType] ?? "#777";
}

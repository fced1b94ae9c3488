/**
 * An ACLED-style export: ACLED's column names, and its event types reached from PLOVER's
 * through the crosswalk below (documented in docs/exports.md). ACLED codes political
 * violence, demonstrations and strategic developments; PLOVER's verbal events (REQUEST,
 * ACCUSE, …) and material cooperation have no ACLED counterpart and are left out
 * (`acledRow` returns null), as ACLED itself would not record them.
 */
import type { Event } from "../core/annotations.ts";
import {
  type ActorFields,
  compactDate,
  type ExportEvent,
  numericId,
  type PlaceFields,
  realEventFields,
  realEventKey,
} from "./types.ts";

export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

export interface AcledType {
  disorder: string;
  type: string;
  subType: string;
}

const ARMED = new Set(["MIL", "COP", "REB", "GOV"]);

/** The PLOVER → ACLED crosswalk; null when ACLED has no category for the event. */
export function acledType(
  ev: Pick<Event, "type" | "mode" | "trigger">,
  recipient: ActorFields | null,
): AcledType | null {
  const pv = "Political violence";
  const sd = "Strategic developments";
  switch (ev.type) {
    case "ASSAULT": {
      const mode = ev.mode;
      const remote = "Explosions/Remote violence";
      if (mode === "aerial" || mode === "drone")
        return { disorder: pv, type: remote, subType: "Air/drone strike" };
      if (mode === "heavy-weapons")
        return { disorder: pv, type: remote, subType: "Shelling/artillery/missile attack" };
      if (mode === "suicide-attack") return { disorder: pv, type: remote, subType: "Suicide bomb" };
      if (mode === "explosives")
        return { disorder: pv, type: remote, subType: "Remote explosive/landmine/IED" };
      if (mode === "unconventional")
        return { disorder: pv, type: remote, subType: "Chemical weapon" };
      if (mode === "abduct")
        return {
          disorder: pv,
          type: "Violence against civilians",
          subType: "Abduction/forced disappearance",
        };
      if (mode === "sexual")
        return { disorder: pv, type: "Violence against civilians", subType: "Sexual violence" };
      if (mode === "destroy")
        return { disorder: sd, type: sd, subType: "Looting/property destruction" };
      // Force against people who cannot fight back is violence against civilians; between
      // armed groups, a clash.
      const target = recipient?.sector ?? null;
      if (target && !ARMED.has(target))
        return { disorder: pv, type: "Violence against civilians", subType: "Attack" };
      return { disorder: pv, type: "Battles", subType: "Armed clash" };
    }
    case "PROTEST":
      if (ev.mode === "riot" || ev.mode === "vandalize")
        return {
          disorder: "Political violence; Demonstrations",
          type: "Riots",
          subType: "Violent demonstration",
        };
      return { disorder: "Demonstrations", type: "Protests", subType: "Peaceful protest" };
    case "COERCE":
      if (ev.mode === "arrest") return { disorder: sd, type: sd, subType: "Arrests" };
      if (ev.mode === "seize")
        return { disorder: sd, type: sd, subType: "Looting/property destruction" };
      return { disorder: sd, type: sd, subType: "Other" };
    case "MOBILIZE":
      return { disorder: sd, type: sd, subType: "Change to group/activity" };
    case "RETREAT":
      if (ev.mode === "withdraw")
        return { disorder: sd, type: sd, subType: "Non-violent transfer of territory" };
      if (ev.mode === "resign")
        return { disorder: sd, type: sd, subType: "Change to group/activity" };
      return { disorder: sd, type: sd, subType: "Agreement" };
    case "AGREE":
    case "CONCEDE":
      // Only agreements to stop fighting are ACLED strategic developments.
      return /cease|truce|peace|armistice/i.test(ev.trigger.text)
        ? { disorder: sd, type: sd, subType: "Agreement" }
        : null;
    default:
      return null;
  }
}

/** ACLED interaction codes: 1 state forces, 2 rebels, 5 rioters, 6 protesters, 7 civilians. */
function interCode(a: ActorFields | null, t: AcledType): number | "" {
  if (t.type === "Protests") return 6;
  if (t.type === "Riots") return 5;
  if (!a?.sector) return "";
  if (a.sector === "MIL" || a.sector === "COP" || a.sector === "GOV") return 1;
  if (a.sector === "REB") return 2;
  return 7;
}

function precision(p: PlaceFields | null): number | "" {
  if (!p) return "";
  if (p.precision === "city" || p.precision === "site") return 1;
  if (p.precision === "admin2") return 2;
  return 3;
}

export interface AcledOptions {
  /** Country name of an ISO alpha-2 code (ACLED's `country` is a name). */
  countryName?: (alpha2: string) => string | null;
}

/**
 * One ACLED row in ACLED_COLUMNS order, or null when ACLED has no category for the event.
 * Actors, place and day are the report's with its gaps filled from the merged event it
 * belongs to (`realEventFields`), and the category reads that recipient.
 */
export function acledRow(e: ExportEvent, options: AcledOptions = {}): unknown[] | null {
  const ev = e.event;
  const { actor, recipient, place, day } = realEventFields(e);
  const t = acledType(ev, recipient);
  if (!t) return null;
  const i1 = interCode(actor, t);
  const i2 = recipient ? interCode(recipient, { ...t, type: "" }) : "";
  const interaction =
    i1 === "" ? "" : i2 === "" ? `${i1}0` : `${Math.min(i1, i2)}${Math.max(i1, i2)}`;
  const grain = ev.date?.grain;
  const tags: string[] = [];
  if (ev.size !== null) tags.push(`crowd size=${ev.size}`);
  else if (ev.countsVague?.includes("size")) tags.push("crowd size=no report of a number");
  if (ev.hypothetical) tags.push("hypothetical");
  if (ev.negated) tags.push("negated");
  const published = compactDate(e.article.published);
  return [
    `${place?.countryCode ?? "XX"}${numericId(realEventKey(e)) % 10000000}`,
    day ?? "",
    day ? day.slice(0, 4) : "",
    // 1: the day is known; 2: a week or a few days; 3: the month or less precise.
    grain === "day" ? 1 : grain === "week" ? 2 : 3,
    t.disorder,
    t.type,
    t.subType,
    actor?.name ?? "",
    "",
    i1,
    recipient?.name ?? "",
    "",
    i2,
    interaction,
    t.type === "Violence against civilians" ? "Civilian targeting" : "",
    place?.countryCode ?? "",
    "",
    place?.countryCode ? (options.countryName?.(place.countryCode) ?? place.countryCode) : "",
    place?.admin1 ?? "",
    "",
    "",
    place?.name ?? "",
    place?.lat ?? "",
    place?.lon ?? "",
    precision(place),
    e.article.source ?? "",
    "",
    e.evidenceText,
    ev.dead ?? 0,
    tags.join("; "),
    published
      ? Date.UTC(
          Number(published.slice(0, 4)),
          Number(published.slice(4, 6)) - 1,
          Number(published.slice(6, 8)),
        ) / 1000
      : "",
  ];
}

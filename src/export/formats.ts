/**
 * The exports as `dateline events --format` formats: each streams the store's events
 * through one of the pure row functions of this folder.
 */
import type { EventFormat } from "../cli/formats/types.ts";
import { loadLexicons } from "../stages/entities/lexicon.ts";
import { ACLED_COLUMNS, acledRow } from "./acled.ts";
import {
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  gdeltEventRow,
  gdeltMentionRow,
} from "./gdelt.ts";
import { ploverLine } from "./plover.ts";
import { csvLine, type ExportEvent, firstReports, firstRows, tsvLine } from "./types.ts";

export const ploverFormat: EventFormat = {
  name: "plover",
  description: "PLOVER JSON lines (POLECAT-style fields plus evidence, counts, links)",
  async write(events, out) {
    let n = 0;
    for await (const e of events) {
      await out(ploverLine(e));
      n++;
    }
    return n;
  },
};

/**
 * A tab-separated table: the header row, then one row per mention, or per real event
 * (`perEvent`: the first report of each merged event, with its counts).
 */
function tsvTable(
  name: string,
  description: string,
  columns: readonly string[],
  row: (e: ExportEvent) => unknown[],
  perEvent: boolean,
): EventFormat {
  return {
    name,
    description,
    perEvent,
    async write(events, out) {
      await out(tsvLine(columns));
      let n = 0;
      for await (const e of perEvent ? firstReports(events) : events) {
        await out(tsvLine(row(e)));
        n++;
      }
      return n;
    },
  };
}

export const gdeltFormat = tsvTable(
  "gdelt",
  "GDELT 2.0 style events table, tab-separated, header row first: one row per real event, with its mention, source and article counts",
  GDELT_EVENT_COLUMNS,
  gdeltEventRow,
  true,
);

export const gdeltMentionsFormat = tsvTable(
  "gdelt-mentions",
  "GDELT 2.0 style mentions table (evidence offsets), tab-separated, header row first: one row per report",
  GDELT_MENTION_COLUMNS,
  gdeltMentionRow,
  false,
);

export const acledFormat: EventFormat = {
  name: "acled",
  description:
    "ACLED-style CSV, one row per real event (PLOVER→ACLED crosswalk; verbal events are left out)",
  perEvent: true,
  async write(events, out) {
    const names = new Map(
      loadLexicons().countries.map((c) => [c.iso2, c.name] as [string, string]),
    );
    await out(csvLine(ACLED_COLUMNS));
    let n = 0;
    const countryName = (a2: string) => names.get(a2) ?? null;
    for await (const row of firstRows(events, (e) => acledRow(e, { countryName }))) {
      await out(csvLine(row));
      n++;
    }
    return n;
  },
};

export const exportFormats: readonly EventFormat[] = [
  ploverFormat,
  gdeltFormat,
  gdeltMentionsFormat,
  acledFormat,
];

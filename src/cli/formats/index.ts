/**
 * The formats `dateline events --format` knows, in the order `--help` lists them. A new
 * export (PLOVER, GDELT, ACLED from src/export/) is one `EventFormat` and one line here.
 */
import { exportFormats } from "../../export/formats.ts";
import { csvFormat } from "./csv.ts";
import { jsonFormat } from "./json.ts";
import { tableFormat } from "./table.ts";
import type { EventFormat } from "./types.ts";

export type { EventFormat } from "./types.ts";

export const eventFormats: readonly EventFormat[] = [
  tableFormat,
  jsonFormat,
  csvFormat,
  ...exportFormats,
];

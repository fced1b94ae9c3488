/**
 * The per-article stages in the order they run. Order matters: each stage reads what the
 * earlier ones wrote (`needs`), and `createPipeline` checks that when it is built.
 */
import type { PipelineOptions, Stage, StageFactory } from "../core/stage.ts";
import { cleanStage } from "./clean/index.ts";
import { datesStage } from "./dates/index.ts";
import { entitiesStage } from "./entities/index.ts";
import { eventsStage } from "./events/index.ts";
import { placesStage } from "./places/index.ts";
import { quotesStage } from "./quotes/index.ts";
import { segmentStage } from "./segment/index.ts";

export const stageFactories: readonly StageFactory[] = [
  // clean: sets Document.text, the base of every span.
  cleanStage,
  // segment: tokens and sentences, which every later stage walks.
  segmentStage,
  // entities: names with actor codes; places, events and quotes read them.
  entitiesStage,
  // dates: time expressions resolved against the publication date; events take their dates.
  datesStage,
  // places: toponyms resolved to GeoNames ids and points; events take their locations.
  placesStage,
  // events: PLOVER events with actors, place, date and counts, from all of the above.
  eventsStage,
  // quotes: who said what; runs last so that it can give each event its attribution.
  quotesStage,
];

export function defaultStages(options: PipelineOptions = {}): Stage[] {
  return stageFactories.map((make) => make(options));
}

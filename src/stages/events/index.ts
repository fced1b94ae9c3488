/**
 * The `events` stage: a PLOVER event coder. For every event a sentence reports it records
 * the type and mode, actor and recipient (resolved to the entities stage's actor codes),
 * place, date, counts, modality, links to other events, attribution, and the rule that
 * fired (`coder`). The lexicon (lexicon/triggers.tsv plus `--lexicon` files) is loaded once,
 * when the stage is built.
 */
import type { PipelineOptions, Stage } from "../../core/stage.ts";
import { loadLexicons } from "../entities/lexicon.ts";
import { codeDocument, createCoderState } from "./coder.ts";
import { loadEventLexicon } from "./lexicon.ts";

export function eventsStage(options: PipelineOptions = {}): Stage {
  // Places carry ISO alpha-2 codes; actors use alpha-3.
  const countries = loadLexicons().countries;
  const iso3 = new Map(countries.map((c) => [c.iso2, c.iso3] as [string, string]));
  const demonyms = new Set(countries.flatMap((c) => c.demonyms.map((d) => d.toLowerCase())));
  const state = createCoderState(loadEventLexicon(options.lexicons ?? []), iso3, demonyms);
  return {
    name: "events",
    needs: ["entities", "dates", "places"],
    run(doc) {
      doc.events = codeDocument(doc, state);
    },
  };
}

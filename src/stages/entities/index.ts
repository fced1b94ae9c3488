/**
 * The `entities` stage: names of people, organisations and places, with an actor code each.
 *
 *   recognise  the tagger (model/ner.bin.gz) over each sentence, lexicon names, titles apart,
 *              LOC refined into GPE / LOC / FAC, demonyms as NORP;
 *   resolve    short forms to full names (`Esper` → `Mark Esper`), one type per name;
 *   actors     `{ name, country, sector, how }` from lexicon, demonyms, titles and the story.
 *
 * Options: `ctx.options.lexicons` (paths of user actor lexicons, JSON, see
 * lexicon/actors.json) and `options.stages.entities.model` (another model file).
 */
import type { Entity } from "../../core/annotations.ts";
import type { Document } from "../../core/document.ts";
import type { PipelineOptions, Stage } from "../../core/stage.ts";
import { tokenize } from "../segment/tokenize.ts";
import { actorLexiconFor, codeEntities, type EntityCodingInput } from "./actors.ts";
import { loadLexicons } from "./lexicon.ts";
import { NerModel } from "./model.ts";
import { type Mention, type Resources, recognise } from "./recognise.ts";
import { resolveMentions } from "./resolve.ts";
import { MODEL_PATH } from "./resources.ts";
import { segmentRanges, sentenceTokenRanges } from "./sentences.ts";

export { codeActorText, codeNominalActor } from "./actors.ts";

/** Tag, resolve and code the entities of a text, given its tokens and sentence ranges. */
export function findEntities(
  text: string,
  tokens: Document["tokens"],
  ranges: readonly [number, number][],
  res: Resources,
): Entity[] {
  const mentions = resolveMentions(text, tokens, recognise(text, tokens, ranges, res), res);
  const inputs: EntityCodingInput[] = mentions.map((m) => {
    const entity: Entity = {
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      type: m.type,
      actor: null,
      confidence: m.confidence,
    };
    if (m.refersTo !== undefined) entity.refersTo = m.refersTo;
    const input: EntityCodingInput = { entity };
    const title = (m as Mention).title;
    if (title)
      input.title = {
        text: text.slice(title.start, title.end),
        sector: title.sector,
        country: title.country,
      };
    if (m.entry) input.entry = m.entry;
    return input;
  });
  codeEntities(text, inputs, res);
  return inputs.map((i) => i.entity);
}

export function entitiesStage(options: PipelineOptions = {}): Stage {
  const modelPath = options.stages?.entities?.model;
  // Loaded once per process (or worker): the model takes ~0.1 s, lexicons less.
  const res: Resources = {
    model: NerModel.load(typeof modelPath === "string" ? modelPath : MODEL_PATH),
    lex: loadLexicons(),
    actors: actorLexiconFor(options.lexicons ?? []),
  };
  return {
    name: "entities",
    needs: ["segment"],
    run(doc, ctx) {
      const text = doc.text;
      const tokens = doc.tokens.length > 0 ? doc.tokens : tokenize(text);
      const ranges =
        doc.sentences.length > 0
          ? sentenceTokenRanges(tokens, doc.sentences)
          : segmentRanges(text, tokens);
      if (doc.sentences.length === 0 && text.trim().length > 0) {
        ctx.report({
          severity: "info",
          rule: "entities/no-sentences",
          reason: "no sentences from segment: split roughly",
        });
      }
      doc.entities = findEntities(text, tokens, ranges, res);
    },
  };
}

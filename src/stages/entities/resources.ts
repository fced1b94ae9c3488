/**
 * The entity stage's resources, loaded once per process: the tagger model, the lexicons and
 * the actor lexicon (curated plus `--lexicon` files).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadActorLexicon } from "./actor-lexicon.ts";
import { loadLexicons } from "./lexicon.ts";
import { NerModel } from "./model.ts";
import type { Resources } from "./recognise.ts";

export const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), "model", "ner.bin.gz");

const models = new Map<string, NerModel>();

export function loadResources(
  opts: { modelPath?: string; lexicons?: readonly string[] } = {},
): Resources {
  const path = opts.modelPath ?? MODEL_PATH;
  let model = models.get(path);
  if (!model) {
    model = NerModel.load(path);
    models.set(path, model);
  }
  return { model, lex: loadLexicons(), actors: loadActorLexicon(opts.lexicons ?? []) };
}

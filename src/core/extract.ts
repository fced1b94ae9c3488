import { defaultStages } from "../stages/index.ts";
import type { SourceDocument } from "./document.ts";
import { type AnnotatedDocument, toAnnotated } from "./output.ts";
import { createPipeline, type Pipeline } from "./pipeline.ts";
import type { PipelineOptions } from "./stage.ts";

/**
 * The one code path from a source document to DESIGN.md's annotated document. `extract`,
 * `ingest`, the worker threads and the evaluation all go through it, so what is scored is
 * what users get.
 */
export interface Extractor {
  readonly pipeline: Pipeline;
  /** Names of the stages in the pipeline, in order. */
  readonly stageNames: readonly string[];
  extract(source: SourceDocument, timings?: Map<string, number>): AnnotatedDocument;
}

export function createExtractor(options: PipelineOptions = {}): Extractor {
  const pipeline = createPipeline(defaultStages(options), options);
  return {
    pipeline,
    stageNames: pipeline.stages.map((stage) => stage.name),
    extract: (source, timings) => toAnnotated(pipeline.run(source, timings)),
  };
}

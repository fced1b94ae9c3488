import { createHash } from "node:crypto";
import { Document, type SourceDocument } from "./document.ts";
import type { Message } from "./message.ts";
import type { PipelineOptions, Stage, StageContext } from "./stage.ts";

export class PipelineError extends Error {
  override name = "PipelineError";
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  readonly options: PipelineOptions;
  /**
   * Run every stage over one source document. A stage that throws is reported, not fatal.
   * With `timings`, each stage's time in milliseconds is added under its name (benchmark).
   */
  run(source: SourceDocument, timings?: Map<string, number>): Document;
}

/** Check that every stage's needs come earlier in the list, and compose them. */
export function createPipeline(stages: readonly Stage[], options: PipelineOptions = {}): Pipeline {
  const seen = new Set<string>();
  for (const stage of stages) {
    if (seen.has(stage.name)) throw new PipelineError(`stage "${stage.name}" appears twice`);
    for (const need of stage.needs) {
      if (!seen.has(need)) {
        const where = stages.some((s) => s.name === need) ? "after it" : "nowhere";
        throw new PipelineError(
          `stage "${stage.name}" needs "${need}", which comes ${where} in the pipeline`,
        );
      }
    }
    seen.add(stage.name);
  }
  return {
    stages,
    options,
    run(source, timings) {
      const doc = new Document(source);
      for (const stage of stages) {
        const ctx = contextFor(doc, stage.name, options);
        const started = timings ? performance.now() : 0;
        try {
          stage.run(doc, ctx);
          if (timings) {
            timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - started);
          }
        } catch (error) {
          doc.messages.push({
            severity: "error",
            stage: stage.name,
            rule: `${stage.name}/crashed`,
            reason: error instanceof Error ? error.message : String(error),
          });
          // Later stages read what this one should have written: stop here, keep the rest.
          break;
        }
      }
      if (!doc.id) doc.id = contentId(doc.hasText ? doc.text : doc.raw);
      return doc;
    },
  };
}

function contextFor(doc: Document, stage: string, options: PipelineOptions): StageContext {
  return {
    referenceDate: doc.published,
    options,
    report(message) {
      const full: Message = { ...message, stage };
      doc.messages.push(full);
    },
  };
}

/** A document's id when the input gives none: a hash of its content, stable across runs. */
export function contentId(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

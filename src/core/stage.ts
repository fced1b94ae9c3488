import type { Document } from "./document.ts";
import type { Message } from "./message.ts";

/** Options every stage may read; stages take what concerns them. */
export interface PipelineOptions {
  /** Extra lexicon files given with `--lexicon`, by path. */
  lexicons?: string[];
  /** Free-form per-stage options, keyed by stage name. */
  stages?: Record<string, Record<string, unknown>>;
}

export interface StageContext {
  /**
   * The article's publication date (`YYYY-MM-DD`), the reference for relative dates, or
   * null when unknown. Never the clock: the same article gives the same output any day.
   */
  readonly referenceDate: string | null;
  readonly options: PipelineOptions;
  /** Record a positioned message on the document; `stage` is filled in. */
  report(message: Omit<Message, "stage">): void;
}

/**
 * A per-article step: small, pure and synchronous. `needs` names the stages whose output
 * it reads; the pipeline checks them when it is built, not when an article fails.
 */
export interface Stage {
  readonly name: string;
  readonly needs: readonly string[];
  run(doc: Document, ctx: StageContext): void;
}

/** Builds a stage once per process (or worker), loading its models and lexicons. */
export type StageFactory = (options: PipelineOptions) => Stage;

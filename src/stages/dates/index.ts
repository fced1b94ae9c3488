/**
 * The `dates` stage: every time expression with its span, TIMEX3-compatible value, grain
 * and the interval it denotes, resolved against the article's publication date
 * (`ctx.referenceDate`), never the clock. See tagger.ts for the flow and rules/ for each
 * kind of expression; attach.ts gives an event its date.
 */
import type { PipelineOptions, Stage } from "../../core/stage.ts";
import { loadCalendarLexicon } from "./lexicon.ts";
import { createTagger } from "./tagger.ts";

export function datesStage(_options: PipelineOptions = {}): Stage {
  const tagger = createTagger(loadCalendarLexicon());
  return {
    name: "dates",
    needs: ["segment"],
    run(doc, ctx) {
      const { dates, unresolved } = tagger.tag({
        text: doc.text,
        referenceDate: ctx.referenceDate,
        sentences: doc.sentences,
      });
      doc.dates = dates;
      for (const d of unresolved) {
        ctx.report({
          severity: "info",
          rule: "dates/unresolved",
          reason: `"${d.text}" is relative and the article has no publication date: kept with grain vague and value ${d.value}`,
          span: { start: d.start, end: d.end },
        });
      }
    },
  };
}

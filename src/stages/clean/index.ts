/**
 * The `clean` stage: from a document's raw input to `Document.text`, the text every later
 * span points into, with a map back to raw offsets and a message for every repair.
 *
 * The rules run in this order, each over the previous one's output:
 * 1. markup: HTML to text for `html` inputs; for text, markup a scraper left in it. First,
 *    so that every later rule sees text, and `&lt;` decoded later is never taken for a tag.
 * 2. entities: `&amp;`, `& # 39;`, `&amp;amp;`. Before artifacts and quotes, which must see
 *    the characters the entities stand for.
 * 3. mojibake: `â€™` → `’`. After entities (`&acirc;&euro;&trade;` is mojibake too), before
 *    quotes, which then see the quote mark it stood for.
 * 4. artifacts: whole lines, then phrases; the byline line when the byline is known. Before whitespace, so the blank lines a dropped
 *    line leaves are folded with the rest.
 * 5. quotes: typographic to ASCII, character for character. Before spacing, which then
 *    knows one kind of quote mark.
 * 6. whitespace: to tidy what every rule before it left.
 * 7. spacing: `Iraq . "` → `Iraq."`. Last, on whitespace already folded (no tabs, no
 *    zero-width characters between the word and the space); removing a space before a
 *    mark never leaves whitespace to fold.
 *
 * Choices, so that users and later stages can rely on them: paragraphs are separated by one
 * blank line; single line breaks are kept (headlines, datelines and list items stand on
 * their own lines); quotes are ASCII (`Kata'ib`, `"…"`), a change that moves no offset.
 */
import { readFileSync } from "node:fs";
import type { OffsetMap } from "../../core/offset-map.ts";
import type { PipelineOptions, Stage } from "../../core/stage.ts";
import { Cleaning, type Repair } from "./edits.ts";
import { builtInArtifacts, parseArtifactLexicon } from "./lexicon.ts";
import { dropArtifactLines, dropBylineLine, dropInlineArtifacts } from "./rules/artifacts.ts";
import { decodeEntities } from "./rules/entities.ts";
import { htmlToText } from "./rules/html-markup.ts";
import { repairMojibake } from "./rules/mojibake.ts";
import { normaliseQuotes } from "./rules/quotes.ts";
import { fixSpacing } from "./rules/spacing.ts";
import { stripStrayMarkup } from "./rules/stray-markup.ts";
import { normaliseWhitespace } from "./rules/whitespace.ts";

export interface CleanOptions {
  /** Paths of extra artifact lexicons, in the format of `lexicon/artifacts.txt`. */
  artifacts?: string[];
}

export interface CleanResult {
  text: string;
  map: OffsetMap;
  repairs: Repair[];
}

/** A cleaner with its lexicon loaded: raw input and format to clean text, map and repairs. */
export function createCleaner(
  options: CleanOptions = {},
): (raw: string, format: "text" | "html", byline?: string | null) => CleanResult {
  let lexicon = builtInArtifacts();
  for (const path of options.artifacts ?? []) {
    lexicon = parseArtifactLexicon(readFileSync(path, "utf8"), {
      ...lexicon,
      lines: new Set(lexicon.lines),
      inline: [...lexicon.inline],
    });
  }
  const artifactLines = dropArtifactLines(lexicon);
  const artifactPhrases = dropInlineArtifacts(lexicon);
  return (raw, format, byline) => {
    // The order and why: see the module comment.
    const cleaning = new Cleaning(raw);
    cleaning.apply(format === "html" ? htmlToText : stripStrayMarkup);
    cleaning.apply(decodeEntities);
    cleaning.apply(repairMojibake);
    cleaning.apply(artifactLines);
    if (byline) cleaning.apply(dropBylineLine(byline));
    cleaning.apply(artifactPhrases);
    cleaning.substitute(normaliseQuotes);
    cleaning.apply(normaliseWhitespace);
    cleaning.apply(fixSpacing);
    return { text: cleaning.text, map: cleaning.offsetMap(), repairs: cleaning.finalRepairs() };
  };
}

function cleanOptions(options: PipelineOptions): CleanOptions {
  const own = options.stages?.clean ?? {};
  const artifacts = Array.isArray(own.artifacts)
    ? own.artifacts.filter((a): a is string => typeof a === "string")
    : [];
  return artifacts.length > 0 ? { artifacts } : {};
}

export function cleanStage(options: PipelineOptions = {}): Stage {
  const clean = createCleaner(cleanOptions(options));
  return {
    name: "clean",
    needs: [],
    run(doc, ctx) {
      const { text, map, repairs } = clean(doc.raw, doc.format, doc.byline);
      for (const r of repairs) {
        ctx.report(
          r.span
            ? { severity: r.severity, rule: r.rule, reason: r.reason, span: r.span }
            : { severity: r.severity, rule: r.rule, reason: r.reason },
        );
      }
      if (text === "") {
        ctx.report({
          severity: "error",
          rule: "clean/empty",
          reason: "no text is left after cleaning",
        });
      }
      doc.setText(text, map);
    },
  };
}

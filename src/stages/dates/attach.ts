/**
 * An event's date, for the events stage: the time expression attached to the clause of the
 * event's span, else one in its sentence, else "on or before publication".
 *
 * - Clause: the stretch of the sentence around the span not crossing `;`, `:`, a dash, a
 *   quote mark, a comma that opens a new clause (`, and`, `, but`, `, which`), or a word that
 *   links another event (`after`, `before`, `when`, `because`, `in retaliation for`).
 *   Within it, a date right before the span modifies it (`the recent U.S. airstrikes`);
 *   otherwise the nearest expression wins, a specific one before a vague one (`now`).
 * - Durations and sets are not when something happened; a duration anchored to
 *   publication (`in recent days`) still counts, after points and ranges.
 * - Default: value `PAST_REF`, grain `vague`, kind `point`, earliest "" (no lower bound),
 *   latest = the publication date ("" without one), an empty span at the event's start,
 *   rule `dates/attach/on-or-before-publication`: news reports what has happened.
 */
import type { DateMention } from "../../core/annotations.ts";
import type { Document } from "../../core/document.ts";
import type { Span } from "../../core/span.ts";
import { fallbackSentence } from "./tense.ts";

export type DateAttachment = "clause" | "sentence" | "publication";

const CLAUSE_BREAK =
  /[;:—–]|\s-\s|,\s*(?:and|but|which|who|as|so|or)\b|\b(?:after|before|following|since|until|because|when|while|whereas|although|though|in\s+(?:retaliation|response|reply)\s+(?:for|to))\b|["“”]/g;

/** A date this close before the event's span modifies it (`the recent U.S. airstrikes`). */
const MODIFIER_REACH = 16;

/** The date of the event at `span`, and how it was found. */
export function attachDate(doc: Document, span: Span): { date: DateMention; how: DateAttachment } {
  const text = doc.text;
  const sentence =
    doc.sentences.find((s) => s.start <= span.start && span.start < s.end) ??
    fallbackSentence(text, span.start);
  const inSentence = doc.dates.filter(
    (d) => d.start >= sentence.start && d.end <= sentence.end && usable(d),
  );
  if (inSentence.length > 0) {
    const clause = clauseAround(text, sentence, span);
    const inClause = inSentence.filter((d) => d.start >= clause.start && d.end <= clause.end);
    if (inClause.length > 0) return { date: best(inClause, span), how: "clause" };
    return { date: best(inSentence, span), how: "sentence" };
  }
  return { date: publicationDefault(doc, span), how: "publication" };
}

/** The date of the event at `span`: see `attachDate`. */
export function dateForSpan(doc: Document, span: Span): DateMention {
  return attachDate(doc, span).date;
}

function usable(d: DateMention): boolean {
  if (d.kind === "set") return false;
  if (d.kind === "duration") return d.earliest !== "" || d.latest !== "";
  return true;
}

function rank(d: DateMention): number {
  if (d.kind === "duration") return 2;
  return d.grain === "vague" ? 1 : 0;
}

function best(list: DateMention[], span: Span): DateMention {
  const distance = (d: DateMention): number =>
    d.end <= span.start ? span.start - d.end : d.start >= span.end ? d.start - span.end : 0;
  const modifier = list.find((d) => d.end <= span.start && span.start - d.end <= MODIFIER_REACH);
  if (modifier && !/[,;.]/.test(modifier.text)) return { ...modifier };
  const sorted = [...list].sort((a, b) => rank(a) - rank(b) || distance(a) - distance(b));
  return { ...(sorted[0] as DateMention) };
}

function clauseAround(text: string, sentence: Span, span: Span): Span {
  const slice = text.slice(sentence.start, sentence.end);
  let start = sentence.start;
  let end = sentence.end;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(slice); m !== null; m = CLAUSE_BREAK.exec(slice)) {
    const at = sentence.start + m.index;
    if (at + m[0].length <= span.start) start = Math.max(start, at + m[0].length);
    else if (at >= span.end) {
      end = Math.min(end, at);
      break;
    }
  }
  return { start, end };
}

function publicationDefault(doc: Document, span: Span): DateMention {
  return {
    start: span.start,
    end: span.start,
    text: "",
    value: "PAST_REF",
    grain: "vague",
    earliest: "",
    latest: doc.published ?? "",
    kind: "point",
    stated: [],
    inferred: doc.published ? ["latest (publication date)"] : [],
    rule: "dates/attach/on-or-before-publication",
  };
}

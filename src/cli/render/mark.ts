/**
 * An article's text with its annotations marked in place, for `dateline show`.
 *
 * On a colour terminal, spans are coloured by kind (a legend says which is which). Without
 * colour (piped, NO_COLOR), each span is bracketed and labelled after its closing bracket:
 * `[Mark Esper]PERSON·USA`, `[sent]EVENT:MOBILIZE`; spans with the same extent share one
 * pair of brackets (`[Baghdad]GPE|PLACE:98182`). Nested spans nest; crossing spans close in
 * the order they end, each close carrying its label, so the reading stays unambiguous.
 */
import type { AnnotatedDocument } from "../../core/output.ts";
import type { Style } from "../style.ts";

type MarkKind = "entity" | "date" | "place" | "event" | "quote";

interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  label: string;
}

/** Every span worth marking, with a short label. */
export function marksOf(doc: AnnotatedDocument): Mark[] {
  const marks: Mark[] = [];
  for (const e of doc.entities) {
    const country = e.actor?.country ? `·${e.actor.country}` : "";
    marks.push({ start: e.start, end: e.end, kind: "entity", label: `${e.type}${country}` });
  }
  for (const d of doc.dates) {
    marks.push({ start: d.start, end: d.end, kind: "date", label: `DATE:${d.value}` });
  }
  for (const p of doc.places) {
    const id = p.geonameId === null ? p.name : String(p.geonameId);
    marks.push({ start: p.start, end: p.end, kind: "place", label: `PLACE:${id}` });
  }
  for (const ev of doc.events) {
    const { start, end } = ev.trigger;
    marks.push({ start, end, kind: "event", label: `EVENT:${ev.type}` });
  }
  for (const q of doc.quotes) {
    marks.push({ start: q.start, end: q.end, kind: "quote", label: "QUOTE" });
  }
  return marks.filter((m) => m.start >= 0 && m.end > m.start && m.end <= doc.text.length);
}

interface Group {
  start: number;
  end: number;
  kinds: Set<MarkKind>;
  labels: string[];
}

/** Marks with the same extent become one group, so a span is bracketed once. */
function groupMarks(marks: readonly Mark[]): Group[] {
  const byExtent = new Map<string, Group>();
  for (const m of marks) {
    const key = `${m.start}:${m.end}`;
    let group = byExtent.get(key);
    if (!group) {
      group = { start: m.start, end: m.end, kinds: new Set(), labels: [] };
      byExtent.set(key, group);
    }
    group.kinds.add(m.kind);
    if (!group.labels.includes(m.label)) group.labels.push(m.label);
  }
  // Outer spans open first: by start, then longest first.
  return [...byExtent.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

export function markText(doc: AnnotatedDocument, style: Style): string {
  const groups = groupMarks(marksOf(doc));
  const text = doc.text;
  const cuts = new Set<number>([0, text.length]);
  for (const g of groups) {
    cuts.add(g.start);
    cuts.add(g.end);
  }
  const positions = [...cuts].sort((a, b) => a - b);
  const open: Group[] = [];
  let next = 0;
  let out = "";
  for (let i = 0; i < positions.length; i++) {
    const at = positions[i] as number;
    // Close what ends here, innermost (last opened) first.
    for (let j = open.length - 1; j >= 0; j--) {
      const g = open[j] as Group;
      if (g.end !== at) continue;
      open.splice(j, 1);
      if (!style.enabled) out += `]${g.labels.join("|")}`;
    }
    while (next < groups.length && (groups[next] as Group).start === at) {
      const g = groups[next++] as Group;
      open.push(g);
      if (!style.enabled) out += "[";
    }
    const end = positions[i + 1];
    if (end === undefined) break;
    const piece = text.slice(at, end);
    out += style.enabled ? paint(piece, open, style) : piece;
  }
  return out;
}

/** Colour a piece of text by the kinds of the spans over it; events win over entities. */
function paint(piece: string, open: readonly Group[], style: Style): string {
  if (!open.length) return piece;
  const kinds = new Set<MarkKind>();
  for (const g of open) for (const k of g.kinds) kinds.add(k);
  let out = piece;
  if (kinds.has("event")) out = style.bold(style.colour("red", out));
  else if (kinds.has("date")) out = style.colour("yellow", out);
  else if (kinds.has("place")) out = style.colour("green", out);
  else if (kinds.has("entity")) out = style.colour(entityColour(open), out);
  if (kinds.has("place") || kinds.has("event")) out = style.underline(out);
  if (kinds.has("quote")) out = style.italic(out);
  return out;
}

function entityColour(open: readonly Group[]): "cyan" | "blue" | "magenta" | "green" {
  const label = open.flatMap((g) => g.labels).find((l) => /^[A-Z]+(·|$)/.test(l)) ?? "";
  if (label.startsWith("PERSON")) return "cyan";
  if (label.startsWith("ORG")) return "blue";
  if (label.startsWith("NORP")) return "magenta";
  return "green";
}

/** The key to the colours, printed above a coloured text. */
export function legend(style: Style): string {
  return [
    style.colour("cyan", "person"),
    style.colour("blue", "organisation"),
    style.colour("magenta", "group (NORP)"),
    style.underline(style.colour("green", "place")),
    style.colour("yellow", "date"),
    style.underline(style.bold(style.colour("red", "event trigger"))),
    style.italic("quote"),
  ].join("  ");
}

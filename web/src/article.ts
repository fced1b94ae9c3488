/**
 * One article with everything the pipeline found in it, marked in place: event triggers
 * (click one for its evidence view), places, dates and named entities. Built from text
 * nodes only, like the evidence view: the article is untrusted.
 */
import type { AnnotatedDocument } from "../../src/core/output.ts";
import { fill, h, safeLink } from "./dom.ts";

/** Past this many characters only the beginning is marked up; the rest would be slow to draw. */
const MAX_CHARS = 100_000;

export interface ArticleAnswer {
  summary: {
    id: string;
    published: string | null;
    title: string | null;
    url: string | null;
    source: string | null;
  };
  origins: string[];
  document: AnnotatedDocument;
}

interface Mark {
  start: number;
  end: number;
  cls: string;
  title: string;
  /** Which mark colours a piece covered by several: a trigger beats a place beats a date beats an entity. */
  priority: number;
  event?: number;
}

export function renderArticle(
  host: HTMLElement,
  answer: ArticleAnswer,
  onEvent: (index: number) => void,
): void {
  const doc = answer.document;
  const marks: Mark[] = [];
  doc.events.forEach((event, index) => {
    const who = [event.actor?.name, event.recipient?.name].filter(Boolean).join(" → ");
    marks.push({
      ...event.trigger,
      cls: "hl hl-trigger clickable",
      title: `${event.type}${who ? `: ${who}` : ""} (click for the evidence)`,
      priority: 4,
      event: index,
    });
  });
  for (const place of doc.places) {
    if (place.form === "demonym") continue;
    marks.push({
      ...place,
      cls: "hl hl-place",
      title: `${place.name}${place.countryCode ? `, ${place.countryCode}` : ""} (${place.precision})`,
      priority: 3,
    });
  }
  for (const date of doc.dates) {
    marks.push({ ...date, cls: "hl hl-date", title: `${date.value} (${date.grain})`, priority: 2 });
  }
  for (const entity of doc.entities) {
    const code = entity.actor
      ? ` ${[entity.actor.country, entity.actor.sector].filter(Boolean).join("/")}`
      : "";
    marks.push({
      ...entity,
      cls: `ent ent-${entity.type}`,
      title: `${entity.type}${code}`,
      priority: 1,
    });
  }
  const shown = doc.text.slice(0, MAX_CHARS);
  const text = h("div", {
    class: "article-text",
    attrs: { "data-testid": "article-text", "data-article": doc.id },
  });
  markAll(text, shown, marks, onEvent);
  const counts = `${doc.events.length} events · ${doc.places.length} places · ${doc.dates.length} dates · ${doc.entities.length} entities · ${doc.quotes.length} quotes`;
  fill(
    host,
    h("h2", {}, safeLink(doc.url, doc.title ?? doc.id)),
    h(
      "p",
      { class: "article-meta" },
      `${doc.source ?? "unknown source"} · ${doc.published ?? "undated"} · ${doc.id}`,
      h("br"),
      counts,
    ),
    h(
      "p",
      { class: "legend" },
      h("span", { class: "hl hl-trigger" }, "event trigger"),
      h("span", { class: "hl hl-place" }, "place"),
      h("span", { class: "hl hl-date" }, "date"),
      h("span", { class: "ent" }, "entity"),
    ),
    text,
    doc.text.length > MAX_CHARS
      ? h("p", { class: "muted" }, `… ${doc.text.length - MAX_CHARS} more characters not shown.`)
      : null,
  );
  host.scrollTop = 0;
}

function markAll(
  host: HTMLElement,
  text: string,
  marks: Mark[],
  onEvent: (index: number) => void,
): void {
  const cuts = new Set([0, text.length]);
  const valid = marks.filter((m) => m.start >= 0 && m.end > m.start && m.start < text.length);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(Math.min(m.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Marks sorted by start let each piece look only at those that can cover it.
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  let open: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    while (next < byStart.length && (byStart[next] as Mark).start <= from)
      open.push(byStart[next++] as Mark);
    open = open.filter((m) => m.end > from);
    const piece = text.slice(from, to);
    const covering = open.filter((m) => m.start <= from && m.end >= to);
    if (!covering.length) {
      host.append(document.createTextNode(piece));
      continue;
    }
    const best = covering.sort(
      (a, b) => b.priority - a.priority || a.end - a.start - (b.end - b.start),
    )[0] as Mark;
    const span = h(
      "span",
      { class: best.cls, title: covering.map((m) => m.title).join(" · ") },
      piece,
    );
    const { event } = best;
    if (event !== undefined) {
      span.tabIndex = 0;
      span.setAttribute("role", "button");
      span.dataset.event = String(event);
      span.addEventListener("click", () => onEvent(event));
      span.addEventListener("keydown", (e) => {
        if (e.key === "Enter") onEvent(event);
      });
    }
    host.append(span);
  }
}

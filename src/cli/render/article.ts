/**
 * `dateline show`: an article as a person reads it in the terminal — header, the text
 * with annotations marked, then its events, actors, quotes and messages as lists that
 * point back into the text by offset.
 */
import type { Event, EventArgument } from "../../core/annotations.ts";
import type { StoredArticle } from "../../store/index.ts";
import type { Style } from "../style.ts";
import { legend, markText } from "./mark.ts";

export function renderArticle(article: StoredArticle, style: Style): string {
  const { doc, summary, origins } = article;
  const out: string[] = [];
  out.push(style.bold(doc.title ?? "(untitled)"));
  const meta = [doc.id, doc.published ?? "date unknown", doc.source, doc.url].filter(Boolean);
  out.push(style.dim(meta.join(" · ")));
  out.push(style.dim(`from ${origins.join(", ")} · stored ${summary.ingestedAt}`));
  out.push("");
  if (style.enabled) out.push(legend(style), "");
  out.push(markText(doc, style).trimEnd());

  section(out, style, "Events", doc.events, (ev, i) => eventLines(ev, i, doc.text, style));
  const actors = doc.entities.filter((e) => e.actor && (e.actor.country || e.actor.sector));
  section(out, style, "Actors", actors, (e) => [
    `  ${e.text}  ${style.dim(`${e.type} ${codes(e.actor)} @${e.start}`)}`,
  ]);
  section(out, style, "Quotes", doc.quotes, (q, i) => {
    const speaker = q.speaker?.text ?? "(unattributed)";
    const cue = q.cue ? ` ${q.cue.text}` : "";
    return [
      `  #${i} ${style.bold(speaker)}${cue}: ${clip(q.text, 200)} ${style.dim(`@${q.start}`)}`,
    ];
  });
  section(out, style, "Messages", doc.messages, (m) => {
    const where = m.span
      ? ` @${m.span.start}-${m.span.end} ${JSON.stringify(clip(doc.text.slice(m.span.start, m.span.end), 40))}`
      : "";
    const severity =
      m.severity === "error"
        ? style.colour("red", m.severity)
        : m.severity === "warning"
          ? style.colour("yellow", m.severity)
          : m.severity;
    return [`  ${severity} ${m.rule}${style.dim(where)} ${m.reason}`];
  });
  return `${out.join("\n")}\n`;
}

function section<T>(
  out: string[],
  style: Style,
  title: string,
  items: readonly T[],
  lines: (item: T, index: number) => string[],
): void {
  out.push("", style.bold(`${title} (${items.length})`));
  items.forEach((item, i) => {
    out.push(...lines(item, i));
  });
}

function eventLines(ev: Event, index: number, text: string, style: Style): string[] {
  const parts = [`  #${index} ${style.bold(ev.type)}${ev.mode ? `/${ev.mode}` : ""}`];
  parts.push(style.dim(ev.quad));
  if (ev.negated) parts.push("NEGATED");
  if (ev.hypothetical) parts.push("HYPOTHETICAL");
  const line2 = [
    `actor ${argument(ev.actor)}`,
    `recipient ${argument(ev.recipient)}`,
    `at ${ev.location ? `${ev.location.name}${ev.location.geonameId ? ` (${ev.location.geonameId})` : ""}` : "—"}`,
    `on ${ev.date ? ev.date.value : "—"}`,
  ];
  const counts = (["dead", "injured", "arrested", "size"] as const)
    .filter((k) => ev[k] !== null)
    .map((k) => `${k} ${ev[k]}`);
  const evidence = text.slice(ev.evidence.start, ev.evidence.end).replace(/\s+/g, " ");
  return [
    parts.join(" "),
    `     ${line2.join(" · ")}${counts.length ? ` · ${counts.join(", ")}` : ""}`,
    `     ${style.dim(`“${clip(evidence, 240)}”`)}`,
    `     ${style.dim(`${ev.coder} · confidence ${ev.confidence}`)}`,
  ];
}

function argument(arg: EventArgument | null): string {
  if (!arg) return "—";
  const code = codes(arg);
  return code ? `${arg.name} (${code})` : arg.name;
}

function codes(actor: { country: string | null; sector: string | null } | null): string {
  if (!actor) return "";
  return [actor.country, actor.sector].filter(Boolean).join(" ");
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

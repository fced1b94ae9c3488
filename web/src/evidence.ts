/**
 * One event and the text it comes from. The article text is cut at every highlight
 * boundary into spans built with text nodes: trigger, actor, recipient, place and date are
 * marked where the text says them, and the evidence sentence is underlined.
 */
import { typeColour } from "./colours.ts";
import { actionLink, fill, h, safeLink } from "./dom.ts";
import type { EventDetail, Highlight, Role } from "./types.ts";

const roleOrder: Role[] = ["trigger", "actor", "recipient", "place", "date"];

export function renderEvidence(
  host: HTMLElement,
  detail: EventDetail,
  onArticle: (id: string) => void,
  onRead: (id: string) => void,
): void {
  const { event, article, evidence } = detail;
  const swatch = h("span", { class: "swatch" });
  swatch.style.background = typeColour(event.type);
  const who = (arg: { name: string; country: string | null } | null) =>
    arg ? `${arg.name}${arg.country ? ` (${arg.country})` : ""}` : "—";
  const facts: [string, string][] = [
    ["Type", `${event.type}${event.mode ? ` / ${event.mode}` : ""} · ${event.quad}`],
    ["Actor", who(event.actor)],
    ["Recipient", who(event.recipient)],
    [
      "Place",
      event.location
        ? `${event.location.name}${event.location.countryCode ? `, ${event.location.countryCode}` : ""} (${event.location.precision})`
        : "—",
    ],
    [
      "Date",
      event.date
        ? `${event.date.value} (“${event.date.text}”)`
        : `— (article ${article.published ?? "undated"})`,
    ],
    ["Confidence", `${event.confidence.toFixed(2)} · ${event.coder}`],
  ];
  const counts = (["dead", "injured", "arrested", "size"] as const)
    .filter((k) => event[k] !== null)
    .map((k) => `${k} ${event[k]}`);
  if (counts.length) facts.push(["Counts", counts.join(", ")]);
  const flags = [event.negated && "negated", event.hypothetical && "hypothetical"].filter(Boolean);
  if (flags.length) facts.push(["Flags", flags.join(", ")]);
  if (event.attribution) facts.push(["Attributed to", event.attribution.text]);

  const text = h("div", { class: "article-text", attrs: { "data-testid": "evidence-text" } });
  markText(text, evidence.context.text, evidence.context.start, evidence.highlights, evidence);
  const legend = h(
    "p",
    { class: "legend" },
    ...roleOrder
      .filter((role) => evidence.highlights.some((hl) => hl.role === role))
      .map((role) => h("span", { class: `hl hl-${role}` }, role)),
    h("span", { class: "ev" }, "evidence sentence"),
  );
  const mentions = detail.mergedEvent
    ? h(
        "section",
        { class: "mentions" },
        h(
          "h3",
          {},
          `Reported ${detail.mergedEvent.numMentions} time${detail.mergedEvent.numMentions === 1 ? "" : "s"} in ${detail.mergedEvent.numArticles} article${detail.mergedEvent.numArticles === 1 ? "" : "s"} from ${detail.mergedEvent.numSources} source${detail.mergedEvent.numSources === 1 ? "" : "s"}`,
        ),
        h(
          "ol",
          {},
          ...detail.mergedEvent.mentions.map((m) =>
            h(
              "li",
              {},
              h(
                "span",
                { class: "muted" },
                `${m.published ?? "undated"} · ${m.source ?? m.articleId.slice(0, 8)}${m.duplicateOf ? " · reprint" : ""}: `,
              ),
              m.evidenceText ?? "",
            ),
          ),
        ),
      )
    : null;
  fill(
    host,
    h("h2", {}, swatch, `${event.type}: “${event.trigger.text}”`),
    h(
      "p",
      { class: "article-meta" },
      safeLink(article.url, article.title ?? detail.articleId),
      h("br"),
      `${article.source ?? "unknown source"} · ${article.published ?? "undated"} · `,
      actionLink("all events of this article", () => onArticle(detail.articleId)),
      " · ",
      h(
        "a",
        {
          attrs: { href: "#", "data-testid": "read-article" },
          on: {
            click: (e) => {
              e.preventDefault();
              onRead(detail.articleId);
            },
          },
        },
        "read it with every annotation",
      ),
    ),
    h("dl", { class: "facts" }, ...facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    legend,
    evidence.context.whole ? null : h("p", { class: "muted" }, "… (part of a long article) …"),
    text,
    mentions,
  );
  // The panel starts at its top (the event's fields); only when the sentence is out of
  // sight does it scroll (itself, not the page) to bring it to its upper third.
  host.scrollTop = 0;
  const first = text.querySelector<HTMLElement>(".ev");
  if (first) {
    const offset = first.getBoundingClientRect().top - host.getBoundingClientRect().top;
    if (offset + first.offsetHeight > host.clientHeight - 24) {
      host.scrollTop = offset - host.clientHeight / 3;
    }
  }
}

/** Append `text` (starting at offset `base` of the article) cut into marked pieces. */
function markText(
  host: HTMLElement,
  text: string,
  base: number,
  highlights: Highlight[],
  evidence: { start: number; end: number },
): void {
  const end = base + text.length;
  const cuts = new Set([base, end]);
  const inside = (n: number) => Math.max(base, Math.min(end, n));
  for (const hl of highlights) {
    cuts.add(inside(hl.start));
    cuts.add(inside(hl.end));
  }
  cuts.add(inside(evidence.start));
  cuts.add(inside(evidence.end));
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (to <= from) continue;
    const piece = text.slice(from - base, to - base);
    const roles = highlights.filter((hl) => hl.start <= from && hl.end >= to).map((hl) => hl.role);
    const inEvidence = from >= evidence.start && to <= evidence.end;
    if (!roles.length && !inEvidence) {
      host.append(document.createTextNode(piece));
      continue;
    }
    // The narrowest role wins the colour (a place inside an actor's span shows as place).
    const role = roles.length
      ? highlights
          .filter((hl) => hl.start <= from && hl.end >= to)
          .sort((a, b) => a.end - a.start - (b.end - b.start))[0]?.role
      : undefined;
    const classes = [inEvidence ? "ev" : "", role ? `hl hl-${role}` : ""].filter(Boolean).join(" ");
    const span = h("span", { class: classes }, piece);
    if (roles.length) {
      span.dataset.roles = roles.join(" ");
      span.title = roles.join(", ");
    }
    host.append(span);
  }
}

/**
 * Counts by day and type as stacked bars, every day of the range on the axis (gaps show as
 * gaps). Past four months of days the bars would be hairlines, so it groups by month then.
 */
import { typeColour, typeOrder } from "./colours.ts";
import { fill, h, s } from "./dom.ts";
import type { TimelineCount } from "./types.ts";

const DAY_MS = 86_400_000;

export function renderTimeline(
  host: HTMLElement,
  counts: TimelineCount[],
  onDay: (from: string, to: string) => void,
): void {
  if (!counts.length) {
    fill(host, h("p", { class: "muted" }, "No dated events match."));
    return;
  }
  // A few events dated decades away (history recalled in an article) would squash the rest
  // into one hairline: past two years, the axis spans the middle 90% of events and says how
  // many it leaves out.
  const ordered = [...counts].sort((a, b) => a.day.localeCompare(b.day));
  const all = ordered.reduce((sum, c) => sum + c.count, 0);
  const at = (share: number) => {
    let seen = 0;
    for (const c of ordered) {
      seen += c.count;
      if (seen >= share * all) return Date.parse(`${c.day}T00:00:00Z`);
    }
    return Date.parse(`${ordered[ordered.length - 1]?.day}T00:00:00Z`);
  };
  const trim = all >= 50 && at(1) - at(0) > 730 * DAY_MS;
  const first = trim ? at(0.05) : at(0);
  const last = trim ? at(0.95) : at(1);
  const dayOf = (c: TimelineCount) => Date.parse(`${c.day}T00:00:00Z`);
  const outside = counts.filter((c) => dayOf(c) < first || dayOf(c) > last);
  const shown = counts.filter((c) => dayOf(c) >= first && dayOf(c) <= last);
  const leftOut = outside.reduce((sum, c) => sum + c.count, 0);
  const byMonth = (last - first) / DAY_MS > 120;
  const bucketOf = (day: string) => (byMonth ? day.slice(0, 7) : day);
  const buckets: string[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const key = bucketOf(new Date(t).toISOString().slice(0, 10));
    if (buckets[buckets.length - 1] !== key) buckets.push(key);
  }
  const stacks = new Map<string, Map<string, number>>();
  for (const c of shown) {
    const key = bucketOf(c.day);
    const stack = stacks.get(key) ?? new Map<string, number>();
    stack.set(c.type, (stack.get(c.type) ?? 0) + c.count);
    stacks.set(key, stack);
  }
  const totals = buckets.map((b) =>
    [...(stacks.get(b)?.values() ?? [])].reduce((x, y) => x + y, 0),
  );
  const max = Math.max(1, ...totals);
  const width = 900;
  const height = 170;
  const left = 34;
  const bottom = 22;
  const top = 8;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const step = plotW / buckets.length;
  const barW = Math.max(1, Math.min(40, step * 0.8));
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "timeline",
    role: "img",
    "aria-label": "events by day and type",
  });
  // Y axis: 0, half, max.
  for (const v of [0, Math.round(max / 2), max]) {
    const y = top + plotH - (v / max) * plotH;
    svg.append(s("line", { x1: left, x2: width - 8, y1: y, y2: y, class: "grid" }));
    svg.append(
      s("text", { x: left - 4, y: y + 4, class: "axis", "text-anchor": "end" }, String(v)),
    );
  }
  buckets.forEach((bucket, i) => {
    const x = left + i * step + (step - barW) / 2;
    let y = top + plotH;
    const stack = stacks.get(bucket);
    const group = s("g", { class: "bar", "data-day": bucket });
    for (const type of typeOrder) {
      const n = stack?.get(type);
      if (!n) continue;
      const hgt = (n / max) * plotH;
      y -= hgt;
      group.append(
        s(
          "rect",
          {
            x: x.toFixed(1),
            y: y.toFixed(1),
            width: barW.toFixed(1),
            height: hgt.toFixed(1),
            fill: typeColour(type),
            "data-type": type,
            "data-count": n,
          },
          s("title", {}, `${bucket}: ${n} ${type}`),
        ),
      );
    }
    if (stack) {
      group.addEventListener("click", () => {
        if (byMonth) {
          const [yy, mm] = bucket.split("-").map(Number) as [number, number];
          onDay(`${bucket}-01`, new Date(Date.UTC(yy, mm, 0)).toISOString().slice(0, 10));
        } else onDay(bucket, bucket);
      });
    }
    svg.append(group);
  });
  // X labels: first, last and up to six between.
  const every = Math.max(1, Math.ceil(buckets.length / 7));
  buckets.forEach((bucket, i) => {
    if (i % every !== 0 && i !== buckets.length - 1) return;
    const x = left + i * step + step / 2;
    svg.append(
      s("text", { x: x.toFixed(1), y: height - 6, class: "axis", "text-anchor": "middle" }, bucket),
    );
  });
  const present = typeOrder.filter((t) => shown.some((c) => c.type === t));
  const legend = h(
    "p",
    { class: "legend" },
    ...present.map((t) => {
      const swatch = h("span", { class: "swatch" });
      swatch.style.background = typeColour(t);
      return h("span", { class: "legend-item" }, swatch, t);
    }),
  );
  if (byMonth) legend.prepend(h("span", { class: "muted" }, "by month:"));
  if (leftOut) {
    legend.append(
      h(
        "span",
        {
          class: "muted",
          attrs: { "data-testid": "timeline-outside", "data-count": String(leftOut) },
        },
        `${leftOut} event${leftOut === 1 ? "" : "s"} outside ${buckets[0]} … ${buckets[buckets.length - 1]} not drawn (filter by date to see them)`,
      ),
    );
  }
  fill(host, svg, legend);
}

/**
 * The world map: Natural Earth countries (world-atlas, served by this server) drawn with
 * d3-geo; events as circles at their places, area proportional to mentions. Dragging a
 * rectangle sets the bounding-box filter; clicking a point sets the place filter.
 */
import { type GeoProjection, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { typeColour } from "./colours.ts";
import { fill, s } from "./dom.ts";
import type { EventPoint } from "./types.ts";

export interface MapHandlers {
  onBox(bbox: [number, number, number, number]): void;
  onPlace(name: string): void;
}

type Countries = GeoJSON.FeatureCollection<GeoJSON.Geometry>;

const MAX_LABELS = 24;

export class WorldMap {
  private countries: Countries | null = null;
  private points: EventPoint[] = [];
  private mode: "fit" | "world" = "fit";
  private readonly width = 900;
  private readonly height = 440;

  constructor(
    private readonly host: HTMLElement,
    private readonly handlers: MapHandlers,
  ) {}

  async load(): Promise<void> {
    const response = await fetch("/atlas/countries.json");
    const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
    this.countries = feature(topology, topology.objects.countries) as unknown as Countries;
  }

  setMode(mode: "fit" | "world"): void {
    this.mode = mode;
    this.render();
  }

  update(points: EventPoint[]): void {
    this.points = points;
    this.render();
  }

  private projection(): GeoProjection {
    const projection = geoNaturalEarth1();
    const pad = 24;
    const extent: [[number, number], [number, number]] = [
      [pad, pad],
      [this.width - pad, this.height - pad],
    ];
    if (this.mode === "world" || this.points.length === 0) {
      return projection.fitExtent(extent, { type: "Sphere" });
    }
    // Fit the events with a margin of at least 6° around them, so one city is not a blur.
    const lons = this.points.map((p) => p.lon);
    const lats = this.points.map((p) => p.lat);
    const margin = 6;
    const west = Math.max(-180, Math.min(...lons) - margin);
    const east = Math.min(180, Math.max(...lons) + margin);
    const south = Math.max(-85, Math.min(...lats) - margin);
    const north = Math.min(85, Math.max(...lats) + margin);
    return projection.fitExtent(extent, {
      type: "MultiPoint",
      coordinates: [
        [west, south],
        [east, north],
        [west, north],
        [east, south],
      ],
    });
  }

  render(): void {
    const projection = this.projection();
    const path = geoPath(projection);
    const svg = s("svg", {
      viewBox: `0 0 ${this.width} ${this.height}`,
      role: "img",
      "aria-label": `map of ${this.points.length} places with events`,
      class: "map",
    });
    const clipId = "map-clip";
    svg.append(
      s(
        "defs",
        {},
        s("clipPath", { id: clipId }, s("rect", { width: this.width, height: this.height })),
      ),
    );
    const layer = s("g", { "clip-path": `url(#${clipId})` });
    layer.append(s("path", { d: path({ type: "Sphere" }) ?? "", class: "sphere" }));
    for (const country of this.countries?.features ?? []) {
      const d = path(country);
      if (d) layer.append(s("path", { d, class: "country" }));
    }
    const sorted = [...this.points].sort((a, b) => b.mentions - a.mentions);
    const max = Math.max(1, ...sorted.map((p) => p.mentions));
    for (const point of sorted) {
      const xy = projection([point.lon, point.lat]);
      if (!xy) continue;
      // Area ∝ mentions: radius by square root, from 4 px for one mention to 22 px for the most.
      const r = 4 + 18 * Math.sqrt(point.mentions / max);
      const dominant = Object.entries(point.types).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
      const types = Object.entries(point.types)
        .map(([type, n]) => `${type} ${n}`)
        .join(", ");
      const circle = s(
        "circle",
        {
          cx: xy[0].toFixed(1),
          cy: xy[1].toFixed(1),
          r: r.toFixed(1),
          fill: typeColour(dominant),
          class: "point",
          "data-place": point.name,
          "data-mentions": point.mentions,
        },
        s(
          "title",
          {},
          `${point.name}: ${point.mentions} mention${point.mentions === 1 ? "" : "s"} of ${point.events} event${point.events === 1 ? "" : "s"} (${types})`,
        ),
      );
      circle.addEventListener("click", (event) => {
        event.stopPropagation();
        this.handlers.onPlace(point.name);
      });
      layer.append(circle);
      // Names of the most mentioned places only: dozens of labels would hide each other.
      if (sorted.indexOf(point) >= MAX_LABELS) continue;
      layer.append(
        s(
          "text",
          { x: (xy[0] + r + 3).toFixed(1), y: (xy[1] + 4).toFixed(1), class: "label" },
          point.name,
        ),
      );
    }
    svg.append(layer);
    this.brush(svg, projection);
    fill(this.host, svg);
  }

  /** Drag a rectangle: its corners and edge midpoints, inverted, give the box. */
  private brush(svg: SVGElement, projection: GeoProjection): void {
    const rect = s("rect", { class: "brush", visibility: "hidden" });
    svg.append(rect);
    let start: [number, number] | null = null;
    const local = (event: PointerEvent): [number, number] => {
      const box = svg.getBoundingClientRect();
      return [
        ((event.clientX - box.left) / box.width) * this.width,
        ((event.clientY - box.top) / box.height) * this.height,
      ];
    };
    svg.addEventListener("pointerdown", (event) => {
      if ((event.target as Element).classList.contains("point")) return;
      start = local(event);
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", (event) => {
      if (!start) return;
      const [x, y] = local(event);
      rect.setAttribute("x", String(Math.min(x, start[0])));
      rect.setAttribute("y", String(Math.min(y, start[1])));
      rect.setAttribute("width", String(Math.abs(x - start[0])));
      rect.setAttribute("height", String(Math.abs(y - start[1])));
      rect.setAttribute("visibility", "visible");
    });
    svg.addEventListener("pointerup", (event) => {
      if (!start) return;
      const end = local(event);
      const from = start;
      start = null;
      rect.setAttribute("visibility", "hidden");
      if (Math.abs(end[0] - from[0]) < 6 || Math.abs(end[1] - from[1]) < 6) return;
      const xs = [from[0], end[0], (from[0] + end[0]) / 2];
      const ys = [from[1], end[1], (from[1] + end[1]) / 2];
      const lonlat = xs
        .flatMap((x) => ys.map((y) => projection.invert?.([x, y]) ?? null))
        .filter(
          (p): p is [number, number] =>
            p !== null && Number.isFinite(p[0]) && Number.isFinite(p[1]),
        );
      if (!lonlat.length) return;
      const round = (n: number) => Math.round(n * 100) / 100;
      const clampLon = (n: number) => Math.max(-180, Math.min(180, round(n)));
      const clampLat = (n: number) => Math.max(-90, Math.min(90, round(n)));
      this.handlers.onBox([
        clampLon(Math.min(...lonlat.map((p) => p[0]))),
        clampLat(Math.min(...lonlat.map((p) => p[1]))),
        clampLon(Math.max(...lonlat.map((p) => p[0]))),
        clampLat(Math.max(...lonlat.map((p) => p[1]))),
      ]);
    });
  }
}

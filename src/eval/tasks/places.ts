/**
 * Toponyms on GeoWebNews: detection P/R/F1 (exact and overlap), and for the gold toponyms we
 * detected: share within 161 km of the gold point, median error, exact GeoNames id.
 *
 * GeoWebNews types every toponym (Gritta et al. 2019). "all" scores every annotated toponym,
 * adjectival and associative uses included (`French`, `Washington said`); "literal" keeps the
 * toponyms that name a place as a place (Literal, Literal_Modifier, Mixed, Embedded_Literal,
 * Coercion), and ignores — neither credits nor penalises — predictions on the other types.
 */
import type { DataRecord, GoldSpan } from "../data.ts";
import { readJsonl } from "../data.ts";
import { extractAll } from "../extract.ts";
import { ACCURACY_KM, haversineKm, median } from "../metrics/geo.ts";
import { addCounts, type Counts, emptyCounts, prf } from "../metrics/prf.ts";
import { matchSpans, overlapLength, type ScoredSpan, scoreSpans } from "../metrics/spans.ts";
import type { Cell } from "../report.ts";
import { type EvalTask, PRF_COLUMNS, prfCells, round, summary, type TaskOutcome } from "./task.ts";

interface Toponym extends GoldSpan {
  geonameId: number | null;
  lat: number | null;
  lon: number | null;
  gwnType: string;
}

interface GeoRecord extends DataRecord {
  toponyms: Toponym[];
}

export const LITERAL_TYPES: ReadonlySet<string> = new Set([
  "Literal",
  "Literal_Modifier",
  "Mixed",
  "Embedded_Literal",
  "Coercion",
]);

interface PredictedPlace extends ScoredSpan {
  geonameId: number | null;
  lat: number | null;
  lon: number | null;
}

interface ViewScores {
  exact: Counts;
  overlap: Counts;
  /** Errors in km of detected gold toponyms with coordinates (Infinity: we gave none). */
  errors: number[];
  idTotal: number;
  idCorrect: number;
}

function emptyView(): ViewScores {
  return { exact: emptyCounts(), overlap: emptyCounts(), errors: [], idTotal: 0, idCorrect: 0 };
}

function scoreView(into: ViewScores, gold: Toponym[], pred: PredictedPlace[]): void {
  const untyped = { typed: false };
  addCounts(into.exact, scoreSpans(gold, pred, "exact", untyped)["*"] ?? emptyCounts());
  // scoreSpans keys untyped spans "*"; with nothing on either side it returns no key.
  addCounts(into.overlap, scoreSpans(gold, pred, "overlap", untyped)["*"] ?? emptyCounts());
  for (const [g, p] of matchSpans(gold, pred, "overlap", untyped)) {
    const t = gold[g] as Toponym;
    const q = pred[p] as PredictedPlace;
    if (t.lat !== null && t.lon !== null) {
      into.errors.push(
        q.lat !== null && q.lon !== null ? haversineKm(t.lat, t.lon, q.lat, q.lon) : Infinity,
      );
    }
    if (t.geonameId !== null) {
      into.idTotal++;
      if (q.geonameId === t.geonameId) into.idCorrect++;
    }
  }
}

export const placesTask: EvalTask = {
  name: "places",
  summary: "places: toponym detection F1, accuracy@161 km, median error, GeoNames id match",
  stages: ["places"],
  data: "geo/geowebnews.jsonl",
  async run(ctx): Promise<TaskOutcome> {
    const records = readJsonl<GeoRecord>(ctx.dataPath, ctx.limit);
    const extracted = extractAll(ctx.extractor, records, ctx.dataName);
    const views = { all: emptyView(), literal: emptyView() };
    extracted.forEach((got, i) => {
      const record = records[i] as GeoRecord;
      const pred: PredictedPlace[] = got.output.places.map((p) => ({
        ...got.toRecord(p),
        geonameId: p.geonameId,
        lat: p.lat,
        lon: p.lon,
      }));
      scoreView(views.all, record.toponyms, pred);
      const literal = record.toponyms.filter((t) => LITERAL_TYPES.has(t.gwnType));
      const other = record.toponyms.filter((t) => !LITERAL_TYPES.has(t.gwnType));
      const kept = pred.filter(
        (p) =>
          literal.some((t) => overlapLength(t, p) > 0) ||
          !other.some((t) => overlapLength(t, p) > 0),
      );
      scoreView(views.literal, literal, kept);
    });
    const detection: Cell[][] = [];
    const resolution: Cell[][] = [];
    const metrics: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(views)) {
      detection.push([name, "exact", ...prfCells(prf(v.exact))]);
      detection.push([name, "overlap", ...prfCells(prf(v.overlap))]);
      const within = v.errors.filter((km) => km <= ACCURACY_KM).length;
      const acc = v.errors.length === 0 ? 0 : within / v.errors.length;
      const med = median(v.errors);
      const idRate = v.idTotal === 0 ? 0 : v.idCorrect / v.idTotal;
      resolution.push([
        name,
        v.errors.length,
        acc,
        Number.isFinite(med) ? med.toFixed(1) : null,
        v.idTotal,
        idRate,
      ]);
      metrics[name] = {
        detectionExact: summary(prf(v.exact)),
        detectionOverlap: summary(prf(v.overlap)),
        resolved: v.errors.length,
        accuracy161: round(acc),
        medianKm: Number.isFinite(med) ? round(med, 1) : null,
        geonameIdMatch: round(idRate),
      };
    }
    return {
      records: records.length,
      tables: [
        { title: "Toponym detection", columns: ["gold", "match", ...PRF_COLUMNS], rows: detection },
        {
          title: "Resolution of detected gold toponyms (overlap match)",
          columns: ["gold", "n (with coords)", "acc@161km", "median km", "n (with id)", "id match"],
          rows: resolution,
        },
      ],
      notes: [
        "all: every GeoWebNews toponym incl. Demonym, Language, Homonym, metonymic and adjectival uses",
        "literal: Literal, Literal_Modifier, Mixed, Embedded_Literal, Coercion; predictions on the other types are ignored",
        "resolution is over gold toponyms our places overlap; a place without coordinates counts as an infinite error",
      ],
      metrics,
    };
  },
};

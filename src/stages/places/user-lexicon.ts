/**
 * Places a user adds: TSV files shaped like lexicon/regions.tsv, given with
 * `--lexicon my.places.tsv` (any lexicon path ending in `.places.tsv`) or in
 * `options.stages.places.lexicons`. One place a line:
 *
 *   name  aliases  geonameId  lat  lon  countryCode  precision  demonyms
 *
 * `aliases` and `demonyms` are `|`-separated; `geonameId` may be blank; `precision` is one of
 * country, admin1, admin2, city, site, region. Lines starting with `#` are comments.
 */
import { readFileSync } from "node:fs";
import type { PlacePrecision } from "../../core/annotations.ts";
import type { ExtraPlace, FeatureCode } from "./gazetteer.ts";

const FEATURE_OF: Record<PlacePrecision, FeatureCode> = {
  country: "PCLI",
  admin1: "ADM1",
  admin2: "ADM2",
  city: "PPL",
  site: "SITE",
  region: "RGN",
};

function split(field: string | undefined): string[] {
  return (field ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Parse one user lexicon; a malformed line throws with its file and line number. */
export function parsePlacesLexicon(text: string, origin: string): ExtraPlace[] {
  const places: ExtraPlace[] = [];
  text.split("\n").forEach((line, n) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [name, aliases, id, lat, lon, cc, precision, demonyms] = line.split("\t");
    const where = `${origin}:${n + 1}`;
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (
      !name ||
      !Number.isFinite(latitude) ||
      !Number.isFinite(longitude) ||
      lat === "" ||
      lon === ""
    ) {
      throw new Error(`${where}: a place needs a name, lat and lon`);
    }
    const feature = FEATURE_OF[(precision ?? "city") as PlacePrecision];
    if (!feature) throw new Error(`${where}: unknown precision "${precision}"`);
    const geonameId = id ? Number(id) : null;
    if (geonameId !== null && !Number.isInteger(geonameId))
      throw new Error(`${where}: bad geonameId "${id}"`);
    places.push({
      entry: {
        geonameId,
        name,
        countryCode: cc ? cc : null,
        admin1: null,
        lat: latitude,
        lon: longitude,
        population: 0,
        feature,
      },
      names: [name, ...split(aliases)],
      demonyms: split(demonyms),
    });
  });
  return places;
}

export function readPlacesLexicons(paths: readonly string[]): ExtraPlace[] {
  return paths.flatMap((path) => parsePlacesLexicon(readFileSync(path, "utf8"), path));
}

/**
 * Sectors of common nouns that name actors (`marines`, `protesters`, `officials`) and of
 * the facilities that stand for them (`embassy`, `base`). The entities stage codes named
 * actors; the events stage needs the nominal heads of its arguments too.
 */
import { lemmatize } from "./morphology.ts";

const SECTORS: Record<string, string> = {};
function add(sector: string, words: string): void {
  for (const w of words.split(/\s+/)) if (w) SECTORS[w] = sector;
}
add(
  "MIL",
  "troop soldier army military force marine navy jet warplane helicopter tank artillery paratrooper commando serviceman servicemen sailor airman airmen reservist gunboat warship unit battalion brigade regiment division infantry base garrison fleet bomber drone apache",
);
add("COP", "police policeman policemen gendarme officer");
add(
  "GOV",
  "government official authority ministry minister president cabinet administration regime spokesman spokeswoman diplomat embassy consulate ambassador envoy delegation governor mayor premier leader king",
);
add("LEG", "parliament lawmaker legislator congress senate assembly deputy mp");
add("JUD", "court judge prosecutor tribunal");
add(
  "REB",
  "rebel insurgent militant guerrilla guerilla militia militiaman militiamen fighter gunman gunmen extremist separatist jihadist terrorist proxy bomber kidnapper hijacker",
);
add(
  "CVL",
  "civilian protester protestor demonstrator supporter student worker resident villager people person youth crowd activist farmer settler teacher doctor citizen man woman men women child children",
);
add("REF", "refugee migrant");
add("MED", "journalist reporter newspaper");
add("OPP", "opposition dissident party");

/** Sector of a nominal head (any inflection), or null. */
export function nominalSector(word: string): string | null {
  const w = word.toLowerCase();
  return SECTORS[w] ?? SECTORS[lemmatize(w, (l) => l in SECTORS)] ?? null;
}

const lemmaCache = new Map<string, string | null>();

/** Lemma of a nominal head when it is one we code, for the document's memory of referents. */
export function nominalLemma(word: string): string | null {
  const cached = lemmaCache.get(word);
  if (cached !== undefined) return cached;
  const w = word.toLowerCase();
  let out: string | null = null;
  if (w in SECTORS) out = w;
  else if (w.endsWith("ed") || w.endsWith("ing")) out = null;
  else {
    const l = lemmatize(w, (x) => x in SECTORS);
    out = l in SECTORS ? l : null;
  }
  // A bounded cache: news vocabulary is large but its frequent words are few.
  if (lemmaCache.size > 50000) lemmaCache.clear();
  lemmaCache.set(word, out);
  return out;
}

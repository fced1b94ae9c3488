/**
 * Choosing one gazetteer entry per mention. A candidate's score is a prior (what kind of
 * place it is and how many people live there: a country beats a city of that name, a capital
 * beats a village) plus what the article says: the containing place written beside it
 * (`Kirkuk, Iraq`), the countries and regions the rest of the article is about, and type cues
 * (`Washington state`). Two passes: the first takes each mention's prior-best reading to learn
 * the article's countries; the second scores with them, leaving each mention's own vote out.
 */
import type { PlacePrecision } from "../../core/annotations.ts";
import type { Gazetteer, GazetteerEntry } from "./gazetteer.ts";
import type { Mention } from "./mentions.ts";

/** Prior by feature code, before log10(population). Why these: see the module comment. */
const FEATURE_PRIOR: Record<string, number> = {
  PCLI: 12,
  // Continents and seas: their names are rarely also big places (`Atlantic`, Iowa, is small).
  RGN: 13,
  SITE: 10,
  ADM1: 9,
  ADM2: 7,
  PPLC: 6.5,
  PPLA: 5.5,
  PPLG: 5.5,
  PPLA2: 5,
  PPLA3: 4,
  PPLA4: 4,
};
const DEFAULT_PRIOR = 3.5;
/** Weight of the article's country distribution (0..1 share) in a candidate's score. */
const COUNTRY_WEIGHT = 4;
/** Bonus when the candidate lies in a first-level region the article names. */
const ADMIN1_WEIGHT = 2.5;
/** How many times smaller than the biggest bearer of its name a town is "far smaller". */
const FAR_SMALLER = 20;
/** Bonus (or, negated by half, malus) for lying inside the container written beside it. */
const CONTAINER_WEIGHT = 8;
const STATE_CUE_WEIGHT = 6;
/** A city's alternate name (`Oklahoma` for Oklahoma City) names the city less surely than its own. */
const WEAK_NAME_PENALTY = 3;
/** A country's name names the country, not the city that shares it (`Mexico`, `Kuwait`). */
const CITY_NAMED_LIKE_COUNTRY = 4;
/** A name written as another's container (`Seattle, Washington`) is a region more likely than a city. */
const CONTAINER_SLOT_WEIGHT = 4;

/** Admin1 regions we list by hand (US states, Canadian provinces, …) are the ones news names. */
const LISTED_ADMIN1 = 1;
/** An admin1 region whose own places the article names (`Seattle` … `Washington`). */
const ADMIN1_WITH_PLACES = 2.5;

export function prior(entry: GazetteerEntry): number {
  let base = FEATURE_PRIOR[entry.feature] ?? DEFAULT_PRIOR;
  if (entry.feature === "ADM1" && entry.geonameId !== null) base += LISTED_ADMIN1;
  return base + (entry.population > 0 ? Math.log10(entry.population) : 0);
}

export function precisionOf(entry: GazetteerEntry): PlacePrecision {
  switch (entry.feature) {
    case "PCLI":
      return "country";
    case "ADM1":
      return "admin1";
    case "ADM2":
      return "admin2";
    case "RGN":
      return "region";
    case "SITE":
      return "site";
    default:
      return "city";
  }
}

export interface Resolution {
  entry: number;
  /** 0..1: how clearly the winner beat the runner-up. */
  confidence: number;
  /** Votes of the other mentions for the winner's country: what else in the article backs it. */
  support: number;
}

interface Votes {
  countries: Map<string, number>;
  admin1: Map<string, number>;
  /** Votes of places inside an admin1 region (not the region itself). */
  admin1Places: Map<string, number>;
  total: number;
}

function vote(votes: Votes, entry: GazetteerEntry, sign: 1 | -1): void {
  // Countries and regions say most about what an article is about; a city says it too, less.
  const weight =
    entry.feature === "PCLI" || entry.feature === "ADM1" ? 1 : entry.feature === "RGN" ? 0 : 0.5;
  if (weight === 0 || entry.countryCode === null) return;
  votes.countries.set(
    entry.countryCode,
    (votes.countries.get(entry.countryCode) ?? 0) + sign * weight,
  );
  if (entry.admin1 !== null) {
    votes.admin1.set(entry.admin1, (votes.admin1.get(entry.admin1) ?? 0) + sign);
    if (entry.feature !== "ADM1") {
      votes.admin1Places.set(entry.admin1, (votes.admin1Places.get(entry.admin1) ?? 0) + sign);
    }
  }
  votes.total += sign * weight;
}

function contains(outer: GazetteerEntry, inner: GazetteerEntry): boolean {
  if (outer.feature === "PCLI") return inner.countryCode === outer.countryCode;
  if (outer.feature === "ADM1" || outer.feature === "ADM2")
    return inner.admin1 !== null && inner.admin1 === outer.admin1;
  return false;
}

export function resolveMentions(mentions: readonly Mention[], gazetteer: Gazetteer): Resolution[] {
  const firstPass = mentions.map((m) => bestByPrior(m, gazetteer));
  const votes: Votes = {
    countries: new Map(),
    admin1: new Map(),
    admin1Places: new Map(),
    total: 0,
  };
  for (let m = 0; m < mentions.length; m++) {
    if ((mentions[m] as Mention).form === "name")
      vote(votes, gazetteer.entry(firstPass[m] as number), 1);
  }
  // Mentions of the same name (six `Riverdale`s) must not vote for each other's first guess:
  // each is scored without the votes of its whole group.
  const groups = new Map<string, number[]>();
  const groupOf = mentions.map((mention, m) => {
    const key = mention.candidates.join(",");
    const group = groups.get(key) ?? [];
    group.push(m);
    groups.set(key, group);
    return group;
  });
  const resolved: Resolution[] = [];
  const isContainer = new Set<number>();
  for (const m of mentions) if (m.container !== undefined) isContainer.add(m.container);
  // Containers resolve before what they contain, so walk from the end: `Paris, Texas`.
  const result = new Array<Resolution>(mentions.length);
  for (let m = mentions.length - 1; m >= 0; m--) {
    const mention = mentions[m] as Mention;
    const group = groupOf[m] ?? [m];
    const withdraw = (sign: 1 | -1): void => {
      for (const g of group) {
        if ((mentions[g] as Mention).form === "name") {
          vote(votes, gazetteer.entry(firstPass[g] as number), sign);
        }
      }
    };
    withdraw(-1);
    const container = mention.container !== undefined ? result[mention.container] : undefined;
    const containerEntry = container ? gazetteer.entry(container.entry) : undefined;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let second = Number.NEGATIVE_INFINITY;
    const hasCountry = mention.candidates.some((c) => gazetteer.entry(c).feature === "PCLI");
    let biggest = 0;
    for (const c of mention.candidates) {
      if (c >= 0) biggest = Math.max(biggest, gazetteer.entry(c).population);
    }
    for (const c of mention.candidates) {
      const entry = gazetteer.entry(c);
      let score = prior(entry) - (c < 0 ? WEAK_NAME_PENALTY : 0);
      const city = entry.feature.startsWith("PPL");
      if (hasCountry && city) score -= CITY_NAMED_LIKE_COUNTRY;
      if (isContainer.has(m) && !city) score += CONTAINER_SLOT_WEIGHT;
      if (votes.total > 0 && entry.countryCode !== null) {
        score +=
          (COUNTRY_WEIGHT * Math.max(0, votes.countries.get(entry.countryCode) ?? 0)) / votes.total;
      }
      if (
        entry.admin1 !== null &&
        entry.feature !== "ADM1" &&
        (votes.admin1.get(entry.admin1) ?? 0) > 0
      ) {
        // A town far smaller than the name's big bearer gets half: a Louisville in the named
        // state of Mississippi (6,600 people) must not outrank Louisville, Kentucky (600,000).
        score += entry.population * FAR_SMALLER >= biggest ? ADMIN1_WEIGHT : ADMIN1_WEIGHT / 2;
      }
      if (entry.feature === "ADM1" && (votes.admin1Places.get(entry.admin1 ?? "") ?? 0) > 0) {
        score += ADMIN1_WITH_PLACES;
      }
      if (containerEntry) {
        score += contains(containerEntry, entry) ? CONTAINER_WEIGHT : -CONTAINER_WEIGHT / 2;
      }
      if (mention.typeCue === "state" && entry.feature === "ADM1") score += STATE_CUE_WEIGHT;
      if (mention.typeCue === "city" && entry.feature.startsWith("PPL"))
        score += STATE_CUE_WEIGHT / 2;
      if (score > bestScore) {
        second = bestScore;
        bestScore = score;
        best = c;
      } else if (score > second) second = score;
    }
    const winner = gazetteer.entry(best);
    const support =
      winner.countryCode === null ? 0 : (votes.countries.get(winner.countryCode) ?? 0);
    withdraw(1);
    const margin = Number.isFinite(second) ? bestScore - second : 6;
    result[m] = { entry: best, confidence: 1 - 0.5 * Math.exp(-margin / 2), support };
  }
  for (const r of result) resolved.push(r);
  return resolved;
}

function bestByPrior(mention: Mention, gazetteer: Gazetteer): number {
  let best = mention.candidates[0] as number;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of mention.candidates) {
    const score = prior(gazetteer.entry(c)) - (c < 0 ? WEAK_NAME_PENALTY : 0);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/**
 * Finding toponym mentions: the tagger's GPE/LOC/FAC entities first, then gazetteer matches
 * over capitalised token runs the tagger missed, then demonym adjectives. Each finding keeps
 * the evidence the resolver and the filters need (what stood before and after it).
 */
import type { Entity, Token } from "../../core/annotations.ts";
import type { PlaceCues } from "./cues.ts";
import type { Gazetteer, GazetteerEntry } from "./gazetteer.ts";
import { nameKey } from "./normalize.ts";

export type MentionSource = "entity" | "gazetteer";

export interface Mention {
  start: number;
  end: number;
  /** Gazetteer entries the name may denote. */
  candidates: readonly number[];
  source: MentionSource;
  /** `demonym`: an adjective naming the place by association (`Russian diplomats`). */
  form: "name" | "demonym";
  /** Index into `entities`, when a tagged entity gave the mention. */
  entity?: number;
  /** A locative word (`in`, `near`, `northern`) stands right before it. */
  locative: boolean;
  /** It stands inside a longer capitalised name (`Houston Rockets`, `Air France`). */
  embedded: boolean;
  /** Index (into the mention list) of the place that contains it: `Kirkuk, Iraq`, `Cadale (Middle Shabelle)`. */
  container?: number;
  /**
   * Kept only if the rest of the article backs its reading: a name that is also a person's
   * (`Georgia`, `Jordan`) found without a locative word or a container.
   */
  weak?: boolean;
  /** `state` or `county` stands right after, or `state of` before. */
  typeCue?: "state" | "city";
}

/** Runs of these may continue a multi-word name: `Bosnia and Herzegovina`, `Isle of Man`. */
const CONNECTORS = new Set([
  "of",
  "and",
  "the",
  "de",
  "del",
  "da",
  "do",
  "dos",
  "al",
  "el",
  "upon",
  "on",
  "la",
  "le",
  "es",
  "sur",
  "am",
  "an",
  "der",
]);
const INNER_PUNCT = new Set([".", ",", "&", "'", "-", "’"]);
/** Longest name we try, in tokens (`Democratic Republic of the Congo` is 5). */
const MAX_TOKENS = 7;
const UPPER = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}.&]+$/u;

/**
 * A short all-capital word (`CAR`, `NATO`, `SANA`) is an acronym far more often than a place,
 * unless written with periods (`D.C.`, `N.J.`) or opening a line as a dateline does
 * (`KYIV, March 3 —`).
 */
function isAcronym(text: string, start: number, surface: string): boolean {
  if (surface.length > 4 || surface.includes(".") || !ALL_CAPS.test(surface)) return false;
  const lineStart = start === 0 || text[start - 1] === "\n";
  return !lineStart;
}

function isCapitalised(text: string, token: Token | undefined): boolean {
  return (
    token !== undefined &&
    token.kind === "word" &&
    UPPER.test(text.slice(token.start, token.start + 1))
  );
}

function lower(text: string, token: Token | undefined): string {
  return token === undefined ? "" : text.slice(token.start, token.end).toLowerCase();
}

/** Index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface MentionInput {
  text: string;
  tokens: readonly Token[];
  /** Sentence start offsets, sorted, to stop names at sentence ends. */
  sentenceStarts: ReadonlySet<number>;
  entities: readonly Entity[];
  gazetteer: Gazetteer;
  cues: PlaceCues;
}

/** Words joined by hyphens are split for matching: `Russian-backed`, `London-based`, `DPRK-U.S.`. */
function splitHyphens(text: string, tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const dash = token.kind === "word" ? text.indexOf("-", token.start) : -1;
    if (dash < 0 || dash >= token.end) {
      out.push(token);
      continue;
    }
    let start = token.start;
    for (let i = token.start; i < token.end; i++) {
      if (text.charCodeAt(i) !== 45) continue;
      if (i > start) out.push({ start, end: i, kind: "word" });
      out.push({ start: i, end: i + 1, kind: "punct" });
      start = i + 1;
    }
    if (start < token.end) out.push({ start, end: token.end, kind: "word" });
  }
  return out;
}

/** Names a tagger may wrongly call a person or an organisation but that name a place first. */
function isStrongPlaceName(surface: string, gazetteer: Gazetteer, cues: PlaceCues): boolean {
  const key = nameKey(surface);
  if (cues.personNames.has(key) || cues.adjacentPersonNames.has(key)) return false;
  return gazetteer.lookup(surface).some((c) => {
    if (c < 0) return false;
    const e = gazetteer.entry(c);
    return (
      e.feature === "PCLI" || e.feature === "RGN" || (e.feature === "ADM1" && e.geonameId !== null)
    );
  });
}

export function findMentions(input: MentionInput): Mention[] {
  const { text, entities, gazetteer, cues, sentenceStarts } = input;
  const tokens = splitHyphens(text, input.tokens);
  const mentions: Mention[] = [];
  const personWords = new Set<string>();
  /** Per token: 0 free, 1 taken by a mention, 2 inside a PERSON, 3 inside an ORG. */
  const owner = new Uint8Array(tokens.length);

  const before = (i: number): Token | undefined =>
    sentenceStarts.has((tokens[i] as Token).start) ? undefined : tokens[i - 1];
  const isLocative = (i: number): boolean => {
    const prev = before(i);
    if (prev === undefined) return false;
    const word = lower(text, prev);
    // `of`, `to`, `from` precede people as often as places (`According to Davis`, `visit of
    // Nigel Clough`): they back a place name only after a place word (`the city of`).
    if (cues.weakLocatives.has(word)) {
      const prev2 = before(i - 1);
      return prev2 !== undefined && cues.placeNouns.has(lower(text, prev2));
    }
    if (cues.locatives.has(word)) return true;
    // `in the Gaza Strip`, `in northern Syria`
    const prev2 = before(i - 1);
    return (
      (word === "the" || cues.locatives.has(word)) &&
      prev2 !== undefined &&
      cues.locatives.has(lower(text, prev2))
    );
  };

  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e] as Entity;
    const first = tokenAt(tokens, entity.start);
    let last = first;
    while (last < tokens.length && (tokens[last] as Token).end <= entity.end) last++;
    let mark = entity.type === "PERSON" ? 2 : entity.type === "ORG" ? 3 : 0;
    // `Kentucky` tagged PERSON, `Russia` tagged ORG (`Russia said`): the place reading wins.
    if (mark !== 0 && isStrongPlaceName(entity.text, gazetteer, cues)) mark = 0;
    if (mark !== 0) for (let t = first; t < last; t++) owner[t] = mark;
    // The surname of a multi-word person's name (`Che Adams`): a later lone `Adams` is that person.
    // Only the surname: a tagger's PERSON may start with a place (`Oregon Gov. Kate Brown`).
    const surname = tokens[last - 1];
    if (mark === 2 && last - first > 1 && surname !== undefined) {
      const word = text.slice(surname.start, surname.end);
      if (!isStrongPlaceName(word, gazetteer, cues)) personWords.add(word.toLowerCase());
    }
  }

  // Tagged GPE/LOC: the whole entity names a place, else the longest place names inside it.
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e] as Entity;
    if (entity.type !== "GPE" && entity.type !== "LOC") continue;
    let start = entity.start;
    const surface = entity.text;
    if (/^the\s/i.test(surface)) start += 4;
    let first = tokenAt(tokens, start);
    let last = first;
    while (last < tokens.length && (tokens[last] as Token).end <= entity.end) last++;
    let end = entity.end;
    let candidates = gazetteer.lookup(text.slice(start, end));
    // The tagger may cut a name short (`SAN` of `SAN DIEGO`): take the longest name that
    // starts with the entity and runs on over capitalised words.
    // `D.C.` tagged apart from `Washington, ` before it: take the whole name.
    if (first >= 2) {
      const comma = tokens[first - 1] as Token;
      const before2 = tokens[first - 2] as Token;
      if (text.slice(comma.start, comma.end) === "," && isCapitalised(text, before2)) {
        const whole = gazetteer.lookup(text.slice(before2.start, end));
        if (whole.length > 0 && owner[first - 2] !== 2) {
          candidates = whole;
          start = before2.start;
          first -= 2;
          // `Washington` may already be a mention of its own: the whole name replaces it.
          const previous = mentions.findIndex((m) => m.start === before2.start);
          if (previous >= 0) mentions.splice(previous, 1);
        }
      }
    }
    // `South` `Korea` tagged as `Korea`: a capitalised word right before may complete the name.
    if (first >= 1 && start === entity.start) {
      const prev = tokens[first - 1] as Token;
      if (isCapitalised(text, prev) && prev.end + 1 === start && owner[first - 1] !== 2) {
        const whole = gazetteer.lookup(text.slice(prev.start, end));
        if (whole.length > 0) {
          candidates = whole;
          start = prev.start;
          first -= 1;
          const previous = mentions.findIndex((m) => m.start === prev.start);
          if (previous >= 0) mentions.splice(previous, 1);
        }
      }
    }
    // `Washington` `,` `D.C.` runs on over the comma too.
    for (let extra = last; extra < last + 3 && extra < tokens.length; extra++) {
      const next = tokens[extra] as Token;
      if (next.start - (tokens[extra - 1] as Token).end > 1) break;
      const punct = next.kind === "punct" && INNER_PUNCT.has(text.slice(next.start, next.end));
      if (!isCapitalised(text, next) && !punct) break;
      if (punct) continue;
      const longer = gazetteer.lookup(text.slice(start, next.end));
      if (longer.length > 0) {
        candidates = longer;
        end = next.end;
        last = extra + 1;
      }
    }
    // A lone alternate name (`Human` for Uman) needs a locative even when tagged; a demonym
    // that only small towns bear (`Arab`, Alabama) is left to the demonym rule.
    // The tagger's word counts for a big city (`fired on Qamishli`, Al Qāmishlī).
    const allWeak =
      candidates.every((c) => c < 0 && gazetteer.entry(c).population < 100000) &&
      last - first === 1 &&
      !isLocative(first);
    const demonymFirst =
      last - first === 1 &&
      gazetteer.demonym(text.slice(start, end)) !== undefined &&
      candidates.every((c) => {
        const e = gazetteer.entry(c);
        return e.feature.startsWith("PPL") && e.population < 100000;
      });
    const personWord =
      last - first === 1 && personWords.has(lower(text, tokens[first])) && !isLocative(first);
    // The same limits as for untagged names: `BA` (British Airways) is no town in Fiji, and
    // `White House aides` uses a landmark as a modifier.
    const entitySurface = text.slice(start, end);
    const acronym =
      isAcronym(text, start, entitySurface) &&
      !candidates.some((c) => {
        const f = gazetteer.entry(c).feature;
        return c >= 0 && (f === "PCLI" || f === "RGN");
      });
    const siteOnly =
      candidates.some((c) => gazetteer.entry(c).feature === "SITE") &&
      !candidates.some((c) => {
        const e = gazetteer.entry(c);
        return c >= 0 && e.feature !== "SITE" && (e.feature !== "PPL" || e.population >= 100000);
      }) &&
      !isLocative(first);
    if (
      candidates.length > 0 &&
      !allWeak &&
      !demonymFirst &&
      !personWord &&
      !acronym &&
      !siteOnly
    ) {
      mentions.push({
        start,
        end,
        candidates,
        source: "entity",
        form: "name",
        entity: e,
        locative: isLocative(first),
        embedded: false,
      });
      for (let t = first; t < last; t++) owner[t] = 1;
    }
  }

  // Gazetteer matches over capitalised runs.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (owner[i] === 1 || owner[i] === 2 || !isCapitalised(text, token)) continue;
    const word = text.slice(token.start, token.end);
    // Most capitalised words start no place name and are no demonym: skip them at once.
    if (!gazetteer.startsName(word) && gazetteer.demonym(word) === undefined) continue;
    // The longest window of tokens that may form one name.
    let limit = i;
    while (limit + 1 < tokens.length && limit - i + 1 < MAX_TOKENS) {
      const next = tokens[limit + 1] as Token;
      if (owner[limit + 1] === 1 || owner[limit + 1] === 2 || sentenceStarts.has(next.start)) break;
      if (next.start - (tokens[limit] as Token).end > 1) break;
      const word = text.slice(next.start, next.end);
      if (next.kind === "word" && (UPPER.test(word) || CONNECTORS.has(word.toLowerCase()))) limit++;
      else if (next.kind === "punct" && INNER_PUNCT.has(word)) limit++;
      else break;
    }
    let matched = false;
    for (let j = limit; j >= i; j--) {
      const end = tokens[j] as Token;
      if (!isCapitalised(text, end)) continue;
      let surface = text.slice(token.start, end.end);
      const key = nameKey(surface);
      // `Mass.`, `Calif.`: the abbreviation's period is a token of its own.
      const period = tokens[j + 1];
      let candidates: readonly number[] = [];
      if (period !== undefined && period.start === end.end && text[period.start] === ".") {
        candidates = gazetteer.lookupExact(`${surface}.`);
        if (candidates.length > 0) surface = `${surface}.`;
      }
      if (candidates.length === 0) candidates = gazetteer.lookupExact(surface);
      if (candidates.length === 0) candidates = gazetteer.lookupKey(key);
      if (candidates.length === 0) continue;
      const mention = scanMention(i, j, key, surface, candidates);
      if (mention) {
        mentions.push(mention);
        for (let t = i; t <= j; t++) owner[t] = 1;
        i = j;
        matched = true;
      }
      break;
    }
    if (matched) continue;
    const demonym = demonymMention(i);
    if (demonym) {
      mentions.push(demonym);
      while (i < tokens.length && (tokens[i] as Token).start < demonym.end) owner[i++] = 1;
      i--;
    }
  }

  /** Whether a region (country, admin1, admin2) is named from token `k` on: `Iraq`, `Ga.`. */
  function regionAt(k: number): boolean {
    const first = tokens[k];
    if (!isCapitalised(text, first) || first === undefined) return false;
    for (let end = Math.min(k + 3, tokens.length - 1); end >= k; end--) {
      const last = tokens[end] as Token;
      let surface = text.slice(first.start, last.end);
      if (text[last.end] === ".") surface += ".";
      const found = [
        ...gazetteer.lookupExact(surface),
        ...gazetteer.lookup(surface.replace(/\.$/, "")),
      ];
      if (
        found.some((c) => {
          const f = gazetteer.entry(c).feature;
          return f === "PCLI" || f === "ADM1" || f === "ADM2";
        })
      ) {
        return true;
      }
    }
    return false;
  }

  function scanMention(
    i: number,
    j: number,
    key: string,
    surface: string,
    candidates: readonly number[],
  ): Mention | null {
    if (cues.notPlaces.has(key)) return null;
    if (i === j && personWords.has(key) && !isLocative(i)) return null;
    const prev = before(i);
    const next = tokens[j + 1];
    const nextStartsSentence = next !== undefined && sentenceStarts.has(next.start);
    const prevWord = lower(text, prev);
    if (prev !== undefined && cues.personTitles.has(prevWord.replace(/\.$/, ""))) return null;
    const prevCapital = isCapitalised(text, prev) && !cues.namePrefixes.has(prevWord);
    const nextCapital = !nextStartsSentence && isCapitalised(text, next);
    const personName = cues.personNames.has(key);
    if ((personName || cues.adjacentPersonNames.has(key)) && (prevCapital || nextCapital))
      return null;
    const locative = isLocative(i);
    // `US dollars`, `US$`: a currency, not a place.
    const nextWord = lower(text, next);
    if (nextWord === "$" || nextWord === "dollar" || nextWord === "dollars") return null;
    const punctAfter = next === undefined ? "" : text.slice(next.start, next.end);
    const hasContainerAfter = (punctAfter === "," || punctAfter === "(") && regionAt(j + 2);
    const weak = personName && !locative && !hasContainerAfter;
    const best = candidates.map((c) => gazetteer.entry(c));
    // `Arab`, `Canadian`, `Pacific`: a demonym first, unless a big place bears the name.
    if (
      i === j &&
      gazetteer.demonym(surface) !== undefined &&
      best.every((e) => e.feature.startsWith("PPL") && e.population < 100000)
    ) {
      return null;
    }
    // A lone alternate name (`Hang` for Hangzhou) or a landmark used as a modifier (`White
    // House aides`) is a place only where a locative or a container says so.
    const onlyWeak = candidates.every((c) => c < 0) && i === j;
    const onlySites = best.every((e) => e.feature === "SITE");
    if ((onlyWeak || onlySites) && !locative && !hasContainerAfter) return null;
    // Landmarks are not major: `White House aides` uses the name as a modifier; `outside the
    // White House` has its locative.
    // Only names a place bears itself make it major: `Luck` is an alternate name of Lutsk,
    // `White House` one of Casablanca.
    const major = candidates.some((c, k) => {
      const e = best[k] as GazetteerEntry;
      return (
        c >= 0 &&
        (e.feature === "PCLI" ||
          e.feature === "RGN" ||
          // Admin1 names we have not vetted include `Michael` and `Bay`: only listed ones count.
          (e.feature === "ADM1" && e.geonameId !== null) ||
          e.population >= 100000)
      );
    });
    // An acronym is a place only when it names a country or region (`US`, `UAE`, `EU`).
    if (isAcronym(text, (tokens[i] as Token).start, surface)) {
      if (!best.some((e) => e.feature === "PCLI" || e.feature === "RGN")) return null;
    }
    const embedded = prevCapital || nextCapital || owner[i] === 3;
    // A small place inside a longer name (`Aston Villa`, `South Ossett Church`) is rarely
    // meant as a place: measured, keeping those the article's region backs cost more
    // precision than it gained recall.
    if (embedded && !major && !hasContainerAfter) return null;
    // The container slot of `Cadale (Middle Shabelle)`, `Lemay, Missouri`: a region there is
    // what the writer added to place the name before it.
    const inContainerSlot =
      (prevWord === "," || prevWord === "(") &&
      isCapitalised(text, tokens[i - 2]) &&
      best.some((e) => e.feature === "ADM1" || e.feature === "ADM2" || e.feature === "PCLI");
    if (!major && !locative && !hasContainerAfter && !inContainerSlot) return null;
    const mention: Mention = {
      start: (tokens[i] as Token).start,
      end: (tokens[i] as Token).start + surface.length,
      candidates,
      source: "gazetteer",
      form: "name",
      locative,
      embedded,
    };
    if (weak) mention.weak = true;
    return mention;
  }

  function demonymMention(i: number): Mention | null {
    const token = tokens[i] as Token;
    let end = i;
    let place = gazetteer.demonym(text.slice(token.start, token.end));
    // Two-word demonyms: `South Korean`, `Latin American`.
    const second = tokens[i + 1];
    if (second !== undefined && isCapitalised(text, second) && second.start - token.end === 1) {
      const two = gazetteer.demonym(text.slice(token.start, second.end));
      if (two !== undefined) {
        place = two;
        end = i + 1;
      }
    }
    if (place === undefined) return null;
    const next = tokens[end + 1];
    // Only adjectives: `Russian diplomats`, not `an American` or `the Russians`.
    if (next === undefined || sentenceStarts.has(next.start)) return null;
    const hyphenated = text.slice(next.start, next.end) === "-" && tokens[end + 2]?.kind === "word";
    if (next.kind !== "word" && !hyphenated) return null;
    const word = lower(text, token);
    if (cues.languages.has(word)) {
      if (cues.languageCues.has(lower(text, before(i))) || cues.languageCues.has(lower(text, next)))
        return null;
    }
    return {
      start: token.start,
      end: (tokens[end] as Token).end,
      candidates: [place],
      source: "gazetteer",
      form: "demonym",
      locative: false,
      embedded: owner[i] === 3,
    };
  }

  mentions.sort((a, b) => a.start - b.start);
  for (const mention of mentions) trimAndWiden(text, mention, gazetteer);
  linkContainers(text, mentions, gazetteer);
  markTypeCues(text, mentions);
  return mentions;
}

const LEADING_ARTICLE = /^the\s+/i;
/** A capitalised compass word right before a name is part of it: `South Venezuela`, `West Wales`. */
const DIRECTION_BEFORE =
  /(?:^|[\s(“"‘'])((?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|North-East|North-West|South-East|South-West|Northeast|Northwest|Southeast|Southwest)\s+)$/;

/**
 * Span edges as a reader draws them: no leading article (`The Ukraine` → `Ukraine`, when the
 * rest is itself a name), and a capitalised compass word before the name included.
 */
function trimAndWiden(text: string, mention: Mention, gazetteer: Gazetteer): void {
  if (mention.form !== "name") return;
  const surface = text.slice(mention.start, mention.end);
  const article = LEADING_ARTICLE.exec(surface);
  if (article && gazetteer.lookup(surface.slice(article[0].length)).length > 0) {
    mention.start += article[0].length;
    return;
  }
  const direction = DIRECTION_BEFORE.exec(
    text.slice(Math.max(0, mention.start - 14), mention.start),
  );
  if (direction?.[1]) mention.start -= direction[1].length;
}

/** `Kirkuk, Iraq`, `Cadale (Middle Shabelle)`, `Paris, Texas`: the second contains the first. */
function linkContainers(text: string, mentions: Mention[], gazetteer: Gazetteer): void {
  for (let m = 0; m + 1 < mentions.length; m++) {
    const a = mentions[m] as Mention;
    const b = mentions[m + 1] as Mention;
    if (a.form !== "name" || b.form !== "name") continue;
    const between = text.slice(a.end, b.start);
    if (between !== ", " && between !== " (" && between !== ",") continue;
    const region = b.candidates.some((c) => {
      const f = gazetteer.entry(c).feature;
      return f === "PCLI" || f === "ADM1" || f === "ADM2";
    });
    if (region) a.container = m + 1;
  }
}

const STATE_AFTER = /^\s+(state|State)\b/;
const STATE_BEFORE = /\b(state|State) of\s+$/;

function markTypeCues(text: string, mentions: Mention[]): void {
  for (const m of mentions) {
    if (
      STATE_AFTER.test(text.slice(m.end, m.end + 8)) ||
      STATE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))
    ) {
      m.typeCue = "state";
    } else if (
      /^\s+city\b/.test(text.slice(m.end, m.end + 6)) ||
      /\bcity of\s+$/i.test(text.slice(Math.max(0, m.start - 10), m.start))
    ) {
      m.typeCue = "city";
    }
  }
}

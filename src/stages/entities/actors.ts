/**
 * Actor coding: `{ name, country (ISO 3166-1 alpha-3), sector (PLOVER), how }` for named
 * entities and for the nominal actors of news (`marines`, `protesters`, `the government`).
 *
 * Evidence, strongest first: the actor lexicon (`Kata'ib Hezbollah` → IRQ REB); a country
 * or demonym inside the phrase (`Iraqi government`, `U.S. officials`); a compound
 * (`Iranian-backed militia fighters` → backedBy IRN); a title (`Defense Secretary` → GOV,
 * `Gen.` → MIL); the head noun (`marines` → MIL, `protesters` → CVL); and, when nothing in
 * the phrase names a country, the story: `home` (the country most of its actors belong to)
 * or `place` (the country it happens in). Each actor lists how it was coded in `how`.
 *
 * Public API for other stages (stable; the events stage calls these):
 *   codeNominalActor(doc, span, options?): Actor | null
 *   codeActorText(text, doc, options?): Actor | null
 * Both read `doc.text` and `doc.entities` (so run after the entities stage).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Actor, ActorSource, Entity, Span, Token } from "../../core/annotations.ts";
import type { Document } from "../../core/document.ts";
import { tokenize } from "../segment/tokenize.ts";
import { type ActorEntry, type ActorLexicon, loadActorLexicon } from "./actor-lexicon.ts";
import { type Country, LEXICON_DIR, type Lexicons, loadLexicons, phraseKey } from "./lexicon.ts";
import { matchTitle } from "./titles.ts";

interface Nominals {
  /** Lowercase head (one or two words) → [sector, where the country comes from]. */
  heads: Map<string, [string, "home" | "place"]>;
  orgHeads: Map<string, string>;
}

let nominalsCache: Nominals | undefined;
function loadNominals(): Nominals {
  if (nominalsCache) return nominalsCache;
  const raw = JSON.parse(readFileSync(join(LEXICON_DIR, "nominals.json"), "utf8")) as {
    nominals: Record<string, [string, "home" | "place"]>;
    orgHeads: Record<string, string>;
  };
  nominalsCache = {
    heads: new Map(Object.entries(raw.nominals)),
    orgHeads: new Map(Object.entries(raw.orgHeads)),
  };
  return nominalsCache;
}

/**
 * The story's country for a titled person, unless the office does not exist there: a
 * Secretary of State in a story about North Korea is the American one (the office's first
 * country), a Senator in a Philippine story is Philippine. A story with no country gives
 * none, as before: the office only corrects a country the story contradicts.
 */
function officeCountry(titleText: string, story: string | null, lex: Lexicons): string | null {
  if (!story) return null;
  const office = lex.nationalOffices.get(titleText.toLowerCase().replace(/\s+/g, " ").trim());
  if (!office || office.includes(story)) return story;
  return office[0] ?? story;
}

const actorLexicons = new Map<string, ActorLexicon>();
/** The actor lexicon for a set of user files, loaded once per process and file set. */
export function actorLexiconFor(files: readonly string[] = []): ActorLexicon {
  const key = files.join("\n");
  let lex = actorLexicons.get(key);
  if (!lex) {
    lex = loadActorLexicon(files);
    actorLexicons.set(key, lex);
  }
  return lex;
}

/** Where the story's actors come from and where it happens, by country mentions. */
export interface StoryCountries {
  /** Most frequent country among actor-like references (`U.S. officials`, `Iraqi people`). */
  home: string | null;
  /** Most frequent country among locative references (`in Baghdad`, `to Iraq`). */
  place: string | null;
  /**
   * `home` when the story clearly belongs to it: named as an actor at least
   * {@link CLEAR_HOME_MENTIONS} times and at least twice as often as any other country. Only
   * such a story lends its country to a named person whose text does not say it (`Defense
   * Secretary Mark Esper` in a story told from the U.S. side); one sentence naming Moroccan
   * diplomats does not make `President Obama` Moroccan.
   */
  clearHome: string | null;
  /**
   * The country a titled person with no country of their own is taken from: the most
   * frequent one, without ties, among references that say where the story is at home — a
   * place it happens in (`in Zimbabwe`, `Haiti's elections`), its people and institutions
   * (`Ugandan opposition`, `Syrian parliament`), a country as the subject of a clause
   * (`Vietnam is committed`). A country named as the other side (`threatened action against
   * Russia`, `controls Afghanistan`) or by its envoys (`Moroccan diplomats held a meeting
   * with President Obama`) is left out: the person is likely its counterpart.
   */
  personHome: string | null;
}

const CLEAR_HOME_MENTIONS = 3;

/** A clause verb right after a country: the country is the subject (`Vietnam is`). */
const SUBJECT_OF =
  /^\s+(?:is|are|was|were|has|have|had|will|would|could|can|should|must|says|said)\b/;
/** Words after a demonym that make it the country's foreign face, not its home front. */
const ENVOYS =
  /^\s+(?:diplomat|diplomats|ambassador|ambassadors|envoy|envoys|embassy|embassies|delegation|delegations|delegates|consul|consulate|foreign)\b/i;
/** A lowercase word after a country that does not make it a modifier (`Russia in`). */
const FUNCTION_WORD =
  /^\s+(?:in|on|at|to|for|from|with|by|and|or|as|over|after|before|since|during|until|into|of|that|which|who|because|but|if|when|while|today|yesterday)\b/;
/** `US $50 million`: a currency, not a mention of the country. */
const CURRENCY = /^\s?\$/;

const LOCATIVE =
  /\b(?:in|at|near|to|from|into|across|outside|inside|around|throughout|across|over|toward|towards|within)\s+(?:the\s+)?$/i;

const MODIFIED = /^[ -]\p{Ll}/u;

function top(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

/** Countries of the story from its coded entities (GPE, NORP, ORG with a country). */
export function storyCountries(text: string, entities: readonly Entity[]): StoryCountries {
  const home = new Map<string, number>();
  const place = new Map<string, number>();
  const personal = new Map<string, number>();
  for (const e of entities) {
    const c = e.actor?.country;
    if (!c || e.refersTo !== undefined) continue;
    const before = text.slice(Math.max(0, e.start - 16), e.start);
    const after = text.slice(e.end, e.end + 24);
    if (CURRENCY.test(after)) continue;
    // `US embassy`, `U.S. officials`: a country as a modifier names an actor, not a place.
    const modifier = MODIFIED.test(after);
    const locative = e.type === "GPE" && !modifier && LOCATIVE.test(before);
    if (locative) place.set(c, (place.get(c) ?? 0) + 1);
    else home.set(c, (home.get(c) ?? 0) + 1);
    if (e.type === "GPE" && !modifier) place.set(c, (place.get(c) ?? 0) + 0.5);
    // Its people, institutions and affairs weigh more than a place named in passing
    // (`An Argentine judge ordered former president Carlos Menem … arms sales to Croatia`).
    const modifies = modifier && !FUNCTION_WORD.test(after);
    const weight = ENVOYS.test(after)
      ? 0
      : e.type === "GPE" && !modifies && LOCATIVE.test(before)
        ? 1
        : e.type !== "GPE" || modifies || /^['’]s\b/.test(after) || SUBJECT_OF.test(after)
          ? 1.5
          : 0;
    if (weight > 0) personal.set(c, (personal.get(c) ?? 0) + weight);
  }
  const h = top(home);
  const p = top(place);
  const ph = top(personal);
  let personHome: string | null = ph;
  for (const [k, v] of personal)
    if (k !== ph && v === personal.get(ph as string)) personHome = null;
  let clearHome: string | null = null;
  if (h) {
    const n = home.get(h) ?? 0;
    let runnerUp = 0;
    for (const [k, v] of home) if (k !== h) runnerUp = Math.max(runnerUp, v);
    if (n >= CLEAR_HOME_MENTIONS && n >= 2 * runnerUp) clearHome = h;
  }
  return { home: h ?? p, place: p ?? h, clearHome, personHome };
}

function countryOf(key: string, lex: Lexicons): { country: Country; how: ActorSource } | null {
  const byName = lex.countryByName.get(key);
  if (byName) return { country: byName, how: "country" };
  const byDemonym = lex.countryByDemonym.get(key);
  if (byDemonym) return { country: byDemonym, how: "demonym" };
  return null;
}

const COMPASS_REGION =
  /^(?:south|southern|north|northern|east|eastern|west|western|central|upper|lower|south-east|southeast|south-west|southwest|north-east|northeast|north-west|northwest)(?:ern)? (.+)$/;

const STATE_SECTORS = new Set(["GOV", "MIL", "COP", "LEG", "JUD", "SPY"]);

const BACKED = /^(.+?)[-‐](backed|supported|sponsored|funded|armed|allied|aligned|trained)$/i;
const LED = /^(.+?)[-‐](led|run|controlled|based)$/i;

interface PhraseFacts {
  country: string | null;
  countryHow: ActorSource | null;
  backedBy: string | null;
  /** Index of the first token after the country modifiers. */
  rest: number;
}

/** Country modifiers and `X-backed` compounds among the words of a phrase. */
function phraseFacts(words: readonly string[], lex: Lexicons): PhraseFacts {
  const facts: PhraseFacts = { country: null, countryHow: null, backedBy: null, rest: 0 };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const backed = BACKED.exec(w);
    if (backed) {
      const c = countryOf((backed[1] as string).toLowerCase(), lex);
      if (c) facts.backedBy = c.country.iso3;
      continue;
    }
    const led = LED.exec(w);
    if (led) {
      const c = countryOf((led[1] as string).toLowerCase(), lex);
      if (c && !facts.country) {
        facts.country = c.country.iso3;
        facts.countryHow = c.how;
      }
      continue;
    }
    // Longest country name or demonym starting here (`United States`, `South Korean`).
    for (let k = Math.min(4, words.length - i); k >= 1; k--) {
      const c = countryOf(
        words
          .slice(i, i + k)
          .join(" ")
          .toLowerCase(),
        lex,
      );
      if (!c) continue;
      if (!facts.country) {
        facts.country = c.country.iso3;
        facts.countryHow = c.how;
        if (i === facts.rest) facts.rest = i + k;
      }
      i += k - 1;
      break;
    }
  }
  return facts;
}

function words(text: string, tokens: readonly Token[]): string[] {
  return tokens
    .filter((t) => t.kind === "word" || t.kind === "punct")
    .map((t) => text.slice(t.start, t.end));
}

function withHow(actor: Omit<Actor, "how">, how: ActorSource[]): Actor {
  const out: Actor = { ...actor };
  if (how.length > 0) out.how = [...new Set(how)];
  return out;
}

function fromEntry(
  name: string,
  entry: ActorEntry,
  story: StoryCountries,
  phraseCountry: string | null,
): Actor {
  const how: ActorSource[] = [entry.user ? "user-lexicon" : "lexicon"];
  let country = entry.country;
  if (!country && entry.contextCountry) {
    country = phraseCountry ?? story.home;
    if (country) how.push(phraseCountry ? "country" : "context");
  }
  const actor = withHow({ name, country, sector: entry.sector }, how);
  if (entry.backedBy) actor.backedBy = entry.backedBy;
  return actor;
}

/** Code an organisation name: lexicon, else country modifiers plus its head word. */
function codeOrg(
  name: string,
  story: StoryCountries,
  res: { lex: Lexicons; actors: ActorLexicon },
): Actor | null {
  const key = phraseKey(name).replace(/^the /, "");
  const entry = res.actors.byKey.get(key);
  const ws = tokenize(name).map((t) => name.slice(t.start, t.end));
  const facts = phraseFacts(ws, res.lex);
  if (entry) return fromEntry(name, entry, story, facts.country);
  // `Iraqi Foreign Ministry`, `U.S. Army`: the lexicon entry after the country modifier.
  // `Kurdish Peshmerga`: the longest lexicon name the organisation's name ends with.
  let restEntry: ActorEntry | undefined;
  let restAt = ws.length;
  for (let i = Math.max(1, facts.rest); i < ws.length && !restEntry; i++) {
    restEntry = res.actors.byKey.get(ws.slice(i).join(" ").toLowerCase());
    if (restEntry) restAt = i;
  }
  if (restEntry) {
    const a = fromEntry(name, restEntry, story, facts.country);
    // A country named before the entry's name is the organisation's own, even over the
    // entry's: `The Ivory Coast's Supreme Court` is not the U.S. one, `Russian Senate` not
    // the U.S. Senate.
    const before = phraseFacts(ws.slice(0, restAt), res.lex);
    const own = before.country ? before : facts.country && !restEntry.country ? facts : null;
    if (own?.country && own.country !== a.country) {
      a.country = own.country;
      const how = (a.how ?? []).filter((h) => h !== "context");
      a.how = [...new Set([...how, own.countryHow as ActorSource])];
    }
    return a;
  }
  const nominals = loadNominals();
  const lower = ws.map((w) => w.toLowerCase());
  let sector: string | null = null;
  for (let i = lower.length - 1; i >= 0 && !sector; i--) {
    const two = i > 0 ? `${lower[i - 1]} ${lower[i]}` : "";
    sector = nominals.orgHeads.get(two) ?? nominals.orgHeads.get(lower[i] as string) ?? null;
  }
  const how: ActorSource[] = [];
  if (facts.countryHow) how.push(facts.countryHow);
  if (sector) how.push("lexicon");
  let country = facts.country;
  // `the Marines`, `the Irving Police Department`: state bodies named without their country
  // belong to the story's home country.
  if (!country && sector && STATE_SECTORS.has(sector)) {
    country = story.home;
    if (country) how.push("context");
  }
  const actor = withHow({ name, country, sector }, how);
  if (facts.backedBy) actor.backedBy = facts.backedBy;
  return actor;
}

export interface EntityCodingInput {
  entity: Entity;
  /** Title kept apart from a person's name. */
  title?: { text: string; sector: string | null; country: Country | null };
  entry?: ActorEntry;
}

/**
 * Code every entity of a document in place. Persons take their full name from the mention
 * they refer to; titled persons without a country take the story's home country.
 */
export function codeEntities(
  text: string,
  inputs: readonly EntityCodingInput[],
  res: { lex: Lexicons; actors: ActorLexicon },
): void {
  // First pass: what names the country outright (GPE, NORP, lexicon ORGs), for the story.
  for (const { entity: e, entry } of inputs) {
    if (e.type === "GPE" || e.type === "NORP") {
      const key = phraseKey(e.text).replace(/^the /, "");
      // `South Lebanon`, `Western Cambodia`: a region named by its country. Names that are
      // countries of their own (`South Korea`, `Northern Ireland`) match whole first.
      const region = e.type === "GPE" ? COMPASS_REGION.exec(key) : null;
      const c =
        countryOf(key, res.lex) ?? (region ? countryOf(region[1] as string, res.lex) : null);
      e.actor = c
        ? withHow({ name: e.text.replace(/^the /i, ""), country: c.country.iso3, sector: null }, [
            c.how,
          ])
        : null;
    } else if (e.type === "ORG" && entry && entry.country) {
      e.actor = fromEntry(
        e.text,
        entry,
        { home: null, place: null, clearHome: null, personHome: null },
        null,
      );
    }
  }
  const story = storyCountries(
    text,
    inputs.map((i) => i.entity),
  );
  for (const { entity: e, title, entry } of inputs) {
    if (e.type === "ORG") {
      e.actor = entry ? fromEntry(e.text, entry, story, null) : codeOrg(e.text, story, res);
    } else if (e.type === "PERSON") {
      const how: ActorSource[] = [];
      let country: string | null = null;
      let sector: string | null = null;
      if (title) {
        sector = title.sector;
        if (sector) how.push("title");
        if (title.country) {
          country = title.country.iso3;
          how.push("country");
        } else if (sector === "GOV" || sector === "MIL" || sector === "LEG") {
          // `Gen. Mark Milley, chairman of the Joint Chiefs of Staff`: the organisation in
          // the apposition; else `Defense Secretary Mark Esper` in a story clearly told from
          // the U.S. side: the story's home country. A story whose home is only one of the
          // countries it names gives none: `President Bush threatened Russia` is not Russian,
          // and a wrong country is worse for an analyst than none.
          const named = namedCountry(text, e, title.text, inputs);
          country =
            named !== undefined
              ? named
              : (appositionCountry(text, e, inputs) ??
                officeCountry(title.text, story.clearHome ?? story.personHome, res.lex));
          if (country) how.push("context");
        }
      }
      e.actor = withHow({ name: e.text.replace(/['’]s?$/, ""), country, sector }, how);
      if (title) e.actor.title = title.text;
    } else if (e.type === "LOC" || e.type === "FAC") {
      e.actor = null;
    }
  }
  // Short forms take the actor of the full mention (`Esper` → Mark Esper, USA, GOV).
  for (const { entity: e } of inputs) {
    if (e.refersTo === undefined) continue;
    const full = inputs[e.refersTo]?.entity;
    if (full?.actor) e.actor = { ...full.actor };
  }
}

/**
 * What the text says of a titled person's country outside the title: `King Hassan of
 * Morocco` (the country after `of`), `Arab League Secretary General Chadli Klibi` (the
 * organisation right before the title, whose country may be none). Undefined when it says
 * nothing.
 */
function namedCountry(
  text: string,
  person: Entity,
  titleText: string,
  inputs: readonly EntityCodingInput[],
): string | null | undefined {
  const titleAt = text.lastIndexOf(titleText, person.start);
  for (const { entity: o } of inputs) {
    if (o === person) continue;
    if (
      o.type === "GPE" &&
      o.actor?.country &&
      /^,?\s+of\s+(?:the\s+)?$/.test(text.slice(person.end, o.start))
    )
      return o.actor.country;
    if (
      o.type === "ORG" &&
      titleAt >= 0 &&
      o.end <= titleAt &&
      /^\s*$/.test(text.slice(o.end, titleAt)) &&
      o.actor
    )
      return o.actor.country;
  }
  return undefined;
}

/** Country of a state organisation named right after a person, in the same clause. */
function appositionCountry(
  text: string,
  person: Entity,
  inputs: readonly EntityCodingInput[],
): string | null {
  for (const { entity: o } of inputs) {
    if (o.start < person.end || o.start > person.end + 60) continue;
    if (/[.;:!?\n]/.test(text.slice(person.end, o.start))) break;
    const a = o.actor;
    if (o.type === "ORG" && a?.country && a.sector && STATE_SECTORS.has(a.sector)) return a.country;
  }
  return null;
}

/** Actor of the entity covering `span` exactly or containing it, if any. */
function entityActorAt(doc: Document, span: Span): Actor | null {
  for (const e of doc.entities) {
    if (e.start <= span.start && span.end <= e.end && e.actor) return e.actor;
  }
  return null;
}

/**
 * Code a nominal actor phrase of the document, e.g. the span of `About 100 marines`,
 * `Iranian-backed militia fighters`, `the government`, `U.S. officials`. Returns null when
 * the phrase's head is not a known actor noun and no entity or lexicon name covers it.
 */
export function codeNominalActor(
  doc: Document,
  span: Span,
  options: { lexicons?: readonly string[] } = {},
): Actor | null {
  const text = doc.text.slice(span.start, span.end);
  return codePhrase(text, doc, span, options);
}

/**
 * Code an actor given as free text in the context of a document (`Iraqi government`,
 * `Pentagon`, `protesters`). Named actors go through the lexicon, the rest as nominals.
 */
export function codeActorText(
  text: string,
  doc: Document,
  options: { lexicons?: readonly string[] } = {},
): Actor | null {
  return codePhrase(text, doc, null, options);
}

function codePhrase(
  phrase: string,
  doc: Document,
  span: Span | null,
  options: { lexicons?: readonly string[] },
): Actor | null {
  const lex = loadLexicons();
  const actors = actorLexiconFor(options.lexicons ?? []);
  const story = storyCountries(doc.text, doc.entities);
  const toks = tokenize(phrase);
  const ws = words(phrase, toks).filter((w) => !/^[,.;:"“”()]$/.test(w));
  // Drop determiners and numbers in front: `the`, `About 100`, `several`.
  let from = 0;
  const SKIP =
    /^(the|a|an|about|some|several|many|more|other|additional|dozens|hundreds|thousands|of|two|three|four|five|six|ten|few|most|all|its|their|his|her|our|these|those)$/i;
  while (from < ws.length - 1 && (SKIP.test(ws[from] as string) || /^\d/.test(ws[from] as string)))
    from++;
  const core = ws.slice(from);
  if (core.length === 0) return null;
  const name = core.join(" ").replace(/ (['’]s)\b/g, "$1");
  // A named actor: the lexicon, or an entity that covers the span.
  const entry = actors.byKey.get(core.join(" ").toLowerCase());
  const facts = phraseFacts(core, lex);
  if (entry) return fromEntry(name, entry, story, facts.country);
  if (span) {
    const covering = entityActorAt(doc, span);
    if (covering && (covering.country || covering.sector)) return covering;
  }
  const nominals = loadNominals();
  const lower = core.map((w) => w.toLowerCase());
  let head: [string, "home" | "place"] | undefined;
  for (let i = lower.length - 1; i >= 0 && !head; i--) {
    const two = i > 0 ? `${lower[i - 1]} ${lower[i]}` : "";
    head = nominals.heads.get(two) ?? nominals.heads.get(lower[i] as string);
  }
  // A title standing alone (`the Defense Secretary`).
  if (!head) {
    const t = matchTitle(lower, lex, 0);
    if (t.length > 0 && t.sector) head = [t.sector, "home"];
  }
  // Modifier: a named organisation inside the phrase (`Pentagon officials`).
  let orgModifier: Actor | null = null;
  for (let k = core.length - 1; k >= 1 && !orgModifier; k--) {
    const e = actors.byKey.get(core.slice(0, k).join(" ").toLowerCase());
    if (e) orgModifier = fromEntry(core.slice(0, k).join(" "), e, story, null);
  }
  // Or an organisation the entities stage found inside the span (`Kurdish Peshmerga fighters`).
  if (!orgModifier && span) {
    for (const e of doc.entities) {
      if (
        e.type === "ORG" &&
        e.actor &&
        (e.actor.country || e.actor.sector) &&
        span.start <= e.start &&
        e.end <= span.end
      ) {
        orgModifier = e.actor;
        break;
      }
    }
  }
  if (!head && !facts.country && !orgModifier) {
    // A country or demonym alone (`Iraq`, `Iranians`).
    return null;
  }
  const how: ActorSource[] = [];
  let country = facts.country;
  if (country && facts.countryHow) how.push(facts.countryHow);
  const sector = head ? head[0] : null;
  if (head) how.push("lexicon");
  if (!country && orgModifier) {
    // `Pentagon officials`, `Task & Purpose officials`: the organisation's code, not the story's.
    const a = withHow(
      { name, country: orgModifier.country, sector: orgModifier.sector ?? sector },
      [...how, ...(orgModifier.how ?? [])],
    );
    if (facts.backedBy) a.backedBy = facts.backedBy;
    return a;
  }
  if (!country && head) {
    country = head[1] === "home" ? story.home : story.place;
    if (country) how.push("context");
  }
  const actor = withHow({ name, country, sector }, how);
  if (facts.backedBy) actor.backedBy = facts.backedBy;
  return actor;
}

/**
 * From a noun phrase to an event argument: the named entity that heads it (with the actor
 * code the entities stage gave it), the country of its modifiers (`Iraqi troops`), the
 * sector of its nominal head (`troops` → MIL), pronouns resolved to a speaker or the last
 * person named, and definite descriptions (`the embassy`) resolved to the document's
 * earlier mention of the same head (`the US embassy in Baghdad`).
 */
import type { Entity, EventArgument } from "../../core/annotations.ts";
import { nominalLemma, nominalSector } from "./nominal.ts";
import { type DocIndex, isPunct, type Range } from "./sentence.ts";
import { PREPOSITIONS } from "./words.ts";

/** What the document has said about a nominal head (`embassy` → USA, in Baghdad). */
export interface Referent {
  country: string | null;
  sector: string | null;
  /** Index into doc.places of where it is, if said. */
  place: number;
  text: string;
}

export interface ArgumentContext {
  ix: DocIndex;
  /** Nominal head lemma → what the document said of it last. */
  memory: Map<string, Referent>;
  /** Entity index of the speaker of the quotation a token is in, by token; -1 if none. */
  speakerOf: (token: number) => number;
  /** ISO alpha-3 of a GeoNames alpha-2 country code, or null. */
  iso3: (alpha2: string) => string | null;
  /** Whether a lowercased word is a demonym (`iranian`): a modifier, never a place. */
  isDemonym: (word: string) => boolean;
}

export interface Resolved {
  arg: EventArgument;
  /** Token index of the head (the entity's first token or the nominal head). */
  head: number;
  /** Nominal head lemma, if any. */
  nominal: string | null;
  /** Place of the referent, when it came from the document's memory. */
  place: number;
  /** Whether anything in the phrase names an actor (entity, pronoun, or coded noun). */
  coded: boolean;
  /** Further conjuncts of a coordinated phrase, each a named actor. */
  others?: Resolved[];
  /** Whether a named person or organisation heads the phrase (a specific actor, coded or not). */
  named?: boolean;
}

/** Nouns that, modifying another, make it theirs (`army checkpoint` is the army's). */
const INSTITUTIONS = new Set([
  "army",
  "military",
  "police",
  "navy",
  "government",
  "rebel",
  "militia",
  "embassy",
]);

/** Words that count or group the noun after `of` (`Hundreds of students`, `a group of`). */
const PARTITIVES = new Set(
  "hundreds thousands tens dozens scores millions group groups number numbers one some many most all members member part third half majority rest handful crowd crowds".split(
    " ",
  ),
);

const PRONOUNS = new Set(["he", "she", "we", "i", "they", "it", "us", "him", "her", "them"]);

function actorOf(entities: Entity[], k: number): Entity["actor"] {
  const e = entities[k];
  if (!e) return null;
  if (e.actor) return e.actor;
  if (e.refersTo !== undefined) return entities[e.refersTo]?.actor ?? null;
  return null;
}

/** Entities inside `[s, e)` in token order, each once. */
function entitiesIn(ix: DocIndex, s: number, e: number): number[] {
  const out: number[] = [];
  for (let i = s; i < e; i++) {
    const k = ix.entity[i] as number;
    if (k >= 0 && out[out.length - 1] !== k) out.push(k);
  }
  return out;
}

/** `Iranian-backed` → IRN as a backer, not the actor's own country. */
function backedBy(ix: DocIndex, s: number, e: number): string | null {
  for (let i = s; i < e; i++) {
    const w = ix.low[i] as string;
    if (/-(backed|supported|sponsored|allied)$/.test(w)) {
      const k = ix.entity[i] as number;
      if (k >= 0) return actorOf(ix.doc.entities, k)?.country ?? null;
    }
  }
  return null;
}

export function resolveArgument(
  ac: ArgumentContext,
  range: Range,
  nearTo: number,
): Resolved | null {
  const { ix } = ac;
  const [s, e] = range;
  const cuts: number[] = [];
  for (let i = s + 1; i < e - 1; i++) {
    const w = ix.low[i] as string;
    if (PREPOSITIONS.has(w) && w !== "of") break;
    if ((w === "and" || w === ",") && ix.entity[i] === -1) cuts.push(i);
  }
  const first = resolveOne(ac, range, nearTo);
  if (!first || cuts.length === 0) return first;
  const parts: Range[] = [];
  let from = s;
  for (const c of cuts) {
    if (c > from) parts.push([from, c]);
    from = c + 1;
  }
  if (from < e) parts.push([from, e]);
  const resolved = parts.map((p) => resolveOne(ac, p, nearTo));
  // Split only when every conjunct names a country of its own.
  if (resolved.length < 2 || resolved.some((r) => !r?.arg.country)) return first;
  const last = resolved[resolved.length - 1] as Resolved;
  for (const r of resolved) {
    const x = r as Resolved;
    if (!x.nominal && last.nominal && !x.arg.sector) x.arg.sector = last.arg.sector;
  }
  const head = resolved[0] as Resolved;
  head.others = resolved.slice(1) as Resolved[];
  return head;
}

function resolveOne(ac: ArgumentContext, range: Range, nearTo: number): Resolved | null {
  const { ix } = ac;
  const [s, e] = range;
  const entities = ix.doc.entities;
  // The core of the phrase ends at its first preposition other than `of`.
  let core = e;
  for (let i = s; i < e; i++) {
    const w = ix.low[i] as string;
    const quantityWord =
      (w === "than" && /^(more|less|fewer)$/.test(ix.low[i - 1] ?? "")) ||
      (w === "at" && /^(least|most)$/.test(ix.low[i + 1] ?? "")) ||
      (w === "to" && ix.low[i - 1] === "up") ||
      (w === "up" && ix.low[i + 1] === "to");
    if (PREPOSITIONS.has(w) && w !== "of" && ix.entity[i] === -1 && !quantityWord) {
      core = i;
      break;
    }
  }
  // Dates and places are not actors (`on Tuesday`, a location phrase).
  const ents = entitiesIn(ix, s, core).filter((k) => {
    const ent = entities[k] as Entity;
    return !(
      (ix.date[firstTokenOf(ix, ent)] as number) >= 0 &&
      ent.type !== "ORG" &&
      ent.type !== "PERSON"
    );
  });
  // Pronouns: `we` in a quotation is its speaker; he/she the last person named before.
  // `US` is the country, not `us`.
  if (e - s === 1 && PRONOUNS.has(ix.low[s] as string) && ix.entity[s] === -1) {
    const w = ix.low[s] as string;
    let k = -1;
    if (w === "we" || w === "i" || w === "us") k = ac.speakerOf(s);
    else if (w === "he" || w === "she" || w === "him" || w === "her") k = lastPerson(ix, s);
    // `Iraq said it would ...`, `rebels said they will ...`: the subject of the speech verb.
    if (k < 0 && (w === "it" || w === "they" || w === "he" || w === "she" || w === "we")) {
      const r = speakerSubject(ac, s);
      if (r) {
        const t = ix.tokens[s] as { start: number; end: number };
        return {
          ...r,
          arg: { ...r.arg, start: t.start, end: t.end, text: ix.text.slice(t.start, t.end) },
        };
      }
    }
    if (k < 0) return null;
    const ent = entities[k] as Entity;
    const actor = actorOf(entities, k);
    return {
      arg: {
        start: ix.tokens[s]?.start as number,
        end: ix.tokens[s]?.end as number,
        text: ix.text.slice(ix.tokens[s]?.start, ix.tokens[s]?.end),
        name: actor?.name ?? ent.text,
        country: actor?.country ?? null,
        sector: actor?.sector ?? null,
        entity: k,
      },
      head: s,
      nominal: null,
      place: -1,
      coded: true,
    };
  }
  // Split coordination: the first conjunct, borrowing the shared head when it has none
  // (`Hungarian and Romanian officials`).
  let conjEnd = core;
  for (let i = s + 1; i < core; i++) {
    const w = ix.low[i] as string;
    if ((w === "and" || w === "or") && ix.entity[i] === -1) {
      conjEnd = i;
      break;
    }
  }
  // The nominal head: the last word of the first conjunct before its `of` phrase, or after
  // it for partitives (`Hundreds of students`); a conjunct without a head of its own
  // (`Hungarian and Romanian officials`) shares the last conjunct's.
  const isNameWord = (i: number): boolean => {
    const ek = ix.entity[i] as number;
    return ek >= 0 && entities[ek]?.type !== "ORG";
  };
  const headOf = (from: number, to: number): number => {
    let ofAt = to;
    for (let i = from; i < to; i++) {
      if (ix.low[i] === "of") {
        ofAt = i;
        break;
      }
    }
    let h = ofAt - 1;
    while (h >= from && (isPunct(ix, h) || ix.tokens[h]?.kind !== "word")) h--;
    if (h >= from && ofAt < to && PARTITIVES.has(ix.low[h] as string)) {
      h = to - 1;
      while (h > ofAt && (isPunct(ix, h) || ix.tokens[h]?.kind !== "word")) h--;
    }
    return h;
  };
  let nominal: string | null = null;
  let nominalAt = -1;
  for (const h of [headOf(s, conjEnd), headOf(s, core)]) {
    if (h < s || isNameWord(h)) continue;
    const lemma = nominalLemma(ix.low[h] as string);
    if (lemma) {
      nominal = lemma;
      nominalAt = h;
      break;
    }
    // `an army checkpoint`, `a police station`: an institution modifying the head.
    const mod = h - 1 >= s && !isNameWord(h - 1) ? nominalLemma(ix.low[h - 1] as string) : null;
    if (mod && INSTITUTIONS.has(mod)) {
      nominal = mod;
      nominalAt = h - 1;
      break;
    }
  }
  const firstEnts = ents.filter((k) => firstTokenOf(ix, entities[k] as Entity) < conjEnd);
  const pool = firstEnts.length > 0 ? firstEnts : ents;
  // The head entity: the last person or organisation of the first conjunct.
  let headEnt = -1;
  for (const k of pool) {
    const t = (entities[k] as Entity).type;
    if (t === "PERSON" || t === "ORG" || t === "FAC") headEnt = k;
  }
  // Modifiers that give a country: demonyms and country names.
  let modCountry: string | null = null;
  let modEnt = -1;
  const backer = backedBy(ix, s, core);
  for (const k of pool) {
    const ent = entities[k] as Entity;
    if (ent.type !== "NORP" && ent.type !== "GPE" && ent.type !== "LOC") continue;
    const first = firstTokenOf(ix, ent);
    if (/-(backed|supported|sponsored|allied)$/.test(ix.low[first] as string)) continue;
    // `an anti-Syria journalist` is against Syria, not from it; `Israel's militia ally` is
    // not Israel's own.
    if (againstOrFor(ix, first) || otherSide(ix, first, core)) continue;
    const c = actorOf(entities, k)?.country ?? null;
    if (c) {
      modCountry = c;
      modEnt = k;
      break;
    }
  }
  const startTok = ix.tokens[s] as { start: number };
  const endTok = ix.tokens[core - 1] as { end: number };
  const text = ix.text.slice(startTok.start, endTok.end);
  // `supporters of former President X`: the head is the noun before `of`, not the name after.
  if (headEnt >= 0 && nominalAt >= 0) {
    let ofAt = -1;
    for (let i = s; i < core; i++) {
      if (ix.low[i] === "of") {
        ofAt = i;
        break;
      }
    }
    if (ofAt > nominalAt && firstTokenOf(ix, entities[headEnt] as Entity) > ofAt) {
      const c = actorOf(entities, headEnt)?.country ?? null;
      if (!modCountry && c) modCountry = c;
      headEnt = -1;
    }
  }
  if (headEnt >= 0) {
    const ent = entities[headEnt] as Entity;
    const actor = actorOf(entities, headEnt);
    const arg: EventArgument = {
      start: startTok.start,
      end: endTok.end,
      text,
      name: actor?.name ?? ent.text,
      // A country stated in the phrase (`Japanese Prime Minister X`) beats one guessed
      // from the surrounding text.
      country:
        (actor?.how?.includes("context") ? modCountry : null) ??
        actor?.country ??
        modCountry ??
        ppCountry(ix, core, e),
      sector: actor?.sector ?? (nominal ? nominalSector(nominal) : null),
      entity: headEnt,
    };
    return { arg, head: firstTokenOf(ix, ent), nominal, place: -1, coded: true, named: true };
  }
  // A country or demonym alone (`Jordan agreed`), or with a nominal head (`Iraqi troops`).
  let place = -1;
  let country = modCountry;
  let sector = nominal ? nominalSector(nominal) : null;
  if (modEnt >= 0 && nominal === null) {
    const actor = actorOf(entities, modEnt);
    sector = actor?.sector ?? null;
  }
  // A definite description without a country of its own: what the document said before.
  if (country === null && nominal !== null) {
    const known = ac.memory.get(nominal);
    if (known && /^(the|this|that|these|those)$/.test(ix.low[s] as string)) {
      country = known.country;
      sector = sector ?? known.sector;
      place = known.place;
    }
  }
  // `the deputy chief of Israel's militia ally`: named after whom it is allied to, which
  // says neither its country nor where it is.
  const related = otherSideIn(ix, s, core);
  if (modEnt < 0 && nominal === null && !related) {
    // A place the gazetteer knows but the actor lexicon does not (`East Jerusalem`).
    const k = ents.find((x) => {
      const t = (entities[x] as Entity).type;
      return t === "GPE" || t === "LOC" || t === "FAC";
    });
    const c = k !== undefined ? placeCountry(ac, s, core) : null;
    if (k === undefined || !c) return null;
    const ent = entities[k] as Entity;
    return {
      arg: {
        start: startTok.start,
        end: endTok.end,
        text,
        name: ent.text,
        country: c,
        sector: null,
        entity: k,
      },
      head: firstTokenOf(ix, ent),
      nominal: null,
      place: -1,
      coded: true,
    };
  }
  // `Opposition groups in Zimbabwe`, `Doctors from two American aid groups`, `Darfur rebels`.
  if (country === null)
    country = ppCountry(ix, core, e) ?? (related ? null : placeCountry(ac, s, e));
  const head =
    nominalAt >= 0 ? nominalAt : modEnt >= 0 ? firstTokenOf(ix, entities[modEnt] as Entity) : s;
  const arg: EventArgument = {
    start: startTok.start,
    end: endTok.end,
    text,
    name: text.replace(/^(the|a|an|this|these|those|that)\s+/i, ""),
    country,
    sector,
  };
  if (modEnt >= 0 && nominal === null) arg.entity = modEnt;
  void nearTo;
  void backer;
  return { arg, head, nominal, place, coded: true };
}

/** Whether the word at token `i` is the object of `anti-`/`pro-` (`anti-Syria`, `pro - Iran`). */
function againstOrFor(ix: DocIndex, i: number): boolean {
  return (
    /^(anti|pro)-/.test(ix.low[i] as string) ||
    /^(anti|pro)$/.test(ix.low[i - 1] ?? "") ||
    (ix.low[i - 1] === "-" && /^(anti|pro)$/.test(ix.low[i - 2] ?? ""))
  );
}

/** Nouns that name an actor by its relation to another (`Israel's militia ally`). */
const RELATIONAL = new Set(
  "ally allies proxy proxies client clients enemy enemies foe foes rival rivals neighbour neighbours neighbor neighbors partner partners".split(
    " ",
  ),
);

/**
 * Whether the entity starting at token `i` is the possessor of a relational noun before `end`
 * (`Israel's militia ally`): the phrase names someone else, not that entity's own.
 */
function otherSide(ix: DocIndex, i: number, end: number): boolean {
  const k = ix.entity[i] as number;
  let j = i;
  while (j + 1 < end && ix.entity[j + 1] === k) j++;
  if (!/^['’]s$/.test(ix.low[j + 1] ?? "")) return false;
  for (let n = j + 2; n < Math.min(end, j + 5); n++)
    if (RELATIONAL.has(ix.low[n] as string)) return true;
  return false;
}

/** Whether any entity in `[s, e)` is the possessor of a relational noun there. */
function otherSideIn(ix: DocIndex, s: number, e: number): boolean {
  for (let i = s; i < e; i++)
    if ((ix.entity[i] as number) >= 0 && ix.entity[i - 1] !== ix.entity[i] && otherSide(ix, i, e))
      return true;
  return false;
}

/** The country of the first place named inside the phrase (`Darfur rebels`). */
function placeCountry(ac: ArgumentContext, s: number, e: number): string | null {
  const { ix } = ac;
  for (let i = s; i < e; i++) {
    const k = ix.place[i] as number;
    if (k < 0) continue;
    const place = ix.doc.places[k];
    // `Iranian-backed militia` is not in Iran, `an anti-Syria journalist` not from Syria.
    if (
      !place ||
      ac.isDemonym(place.text.toLowerCase()) ||
      /-(backed|supported|sponsored|allied)$/.test(ix.low[i] as string) ||
      ix.low[i + 1] === "-" ||
      againstOrFor(ix, i)
    )
      continue;
    if (place.countryCode) return ac.iso3(place.countryCode);
  }
  return null;
}

/** The first country named in the phrase's trailing `of/from/in` phrases, `[core, end)`. */
function ppCountry(ix: DocIndex, core: number, end: number): string | null {
  if (core >= end || !/^(of|from|in)$/.test(ix.low[core] as string)) return null;
  for (let i = core; i < end; i++) {
    const k = ix.entity[i] as number;
    if (k < 0) continue;
    const c = actorOf(ix.doc.entities, k)?.country;
    if (c) return c;
  }
  return null;
}

export function firstTokenOf(ix: DocIndex, ent: { start: number }): number {
  let lo = 0;
  let hi = ix.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ix.tokens[mid] as { end: number }).end <= ent.start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const SAYING = new Set(
  "said says say told announced announces stated declared confirmed added insisted claimed warned reported noted indicated".split(
    " ",
  ),
);

/** The subject of a speech verb shortly before token `i` in its sentence. */
function speakerSubject(ac: ArgumentContext, i: number): Resolved | null {
  const { ix } = ac;
  const sentence = ix.sentence[i];
  for (let j = i - 1; j >= 0 && j > i - 6 && ix.sentence[j] === sentence; j--) {
    if (!SAYING.has(ix.low[j] as string)) continue;
    let k = j - 1;
    while (
      k >= 0 &&
      ix.sentence[k] === sentence &&
      /^(has|have|had|also|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|on|last|again)$/.test(
        ix.low[k] as string,
      )
    )
      k--;
    let floor = k;
    while (floor - 1 >= 0 && ix.sentence[floor - 1] === sentence && k - floor < 8) {
      const w = ix.low[floor - 1] as string;
      if (isPunct(ix, floor - 1) && w !== "'" && w !== "&") break;
      if (/^(that|which|who|and|but|as|when|while|said|says)$/.test(w)) break;
      floor--;
    }
    if (floor > k) return null;
    const r = resolveOne(ac, [floor, k + 1], i);
    return r && (r.arg.country || r.named) ? r : null;
  }
  return null;
}

/** The last PERSON entity with an actor code before token `i`, for he/she. */
function lastPerson(ix: DocIndex, i: number): number {
  for (let j = i - 1; j >= 0 && i - j < 400; j--) {
    const k = ix.entity[j] as number;
    if (k >= 0 && ix.doc.entities[k]?.type === "PERSON") return k;
  }
  return -1;
}

/** Remember nominal heads with a country (`the US embassy in Baghdad`) for later `the embassy`. */
export function remember(ac: ArgumentContext, r: Resolved, place: number): void {
  if (!r.nominal || !r.arg.country) return;
  ac.memory.set(r.nominal, {
    country: r.arg.country,
    sector: r.arg.sector,
    place: place >= 0 ? place : r.place,
    text: r.arg.text,
  });
}

/**
 * One event from many reports. Each event the events stage finds in an article is a
 * *mention*; mentions of the same real event — compatible type, actors, place and dates —
 * become one merged event that keeps every mention and counts mentions, articles and
 * sources, as GDELT's NumMentions/NumArticles/NumSources do, except that a reprint (an
 * article the deduplicator linked to an original) is kept but never counted.
 *
 * The rule, in full (docs/stories.md explains it with examples):
 * 1. Same PLOVER type and the same polarity (a negated or hypothetical mention never merges
 *    with an asserted one); modes must agree when both are given.
 * 2. Dates: the mention's interval is its date's earliest..latest, an open side taking the
 *    article's publication date (latest) or `lookbackDays` before it (earliest); with no
 *    date at all, the publication day. Intervals must overlap once widened by
 *    `dateSlackDays`. Intervals longer than `maxIntervalDays` are too vague to merge.
 * 3. Actor and recipient, each: unknown on either side is no evidence against; known on
 *    both, they agree when the names match (one name's words contained in the other's,
 *    `Esper` in `Mark Esper`), or when the names differ but country and sector are both
 *    given and equal (`U.S. troops`, `American soldiers`: USA MIL) and neither is a named
 *    person. Two people of different names conflict (`Sanders`, `Cruz`: both USA GOV); a
 *    person and a body (`Obama`, `the White House`) are no evidence either way. Otherwise
 *    they conflict.
 * 4. Place: unknown is no evidence; a country-level place agrees with any place in that
 *    country; two places with coordinates agree within `maxDistanceKm`; different
 *    countries conflict.
 * 5. Besides the type and dates, at least `minAgreements` of actor, recipient and place must
 *    positively agree: two ASSAULTs on one day with nothing else known stay apart. When the
 *    mention or the event has no day of its own from a text (undated, so that only the
 *    publication day places it, or dated to a week or a month) and none of the event's
 *    mentions is in the mention's story, `undatedAgreements` must: two reports of "Clinton
 *    criticised Trump" a day apart in different stories are as often two statements, while
 *    ten undated headlines of one story saying "Lena Dunham apologizes" are one apology.
 * 6. Wording, where the arguments are not enough (one conflicts, or fewer than
 *    `undatedAgreements` agree): a report whose evidence shares `wordingOverlap` of its
 *    content words (Jaccard) with a report of the event in another article of its story
 *    counts that as one more agreement, and a conflict of actor or recipient then does not
 *    keep them apart, unless the two are swapped (`Russia attacks Ukraine`, `Ukraine attacks
 *    Russia`). The arguments the events stage reads from near-copies of a headline differ
 *    more often than the event does: "Metro-North worker struck and killed by train" gave
 *    the worker as the actor, "Metro-North worker, 58, killed by Hudson line train" gave
 *    "Hudson". A conflict of places still keeps them apart.
 * A mention joins the compatible event with the most agreements (then the oldest); a
 * merged event's actor, recipient and place are the first known ones (the most precise
 * place), and its interval narrows to the overlap of its mentions' intervals.
 */
import { createHash } from "node:crypto";
import type { Entity, Event, EventType, Place, Quad } from "../core/annotations.ts";
import { haversineKm } from "../core/geo.ts";
import { type Day, isoDay, parseDay } from "../stages/dates/calendar.ts";
import { termCounts } from "./terms.ts";

export interface MergeOptions {
  /** Places further apart than this (km) are different places. */
  maxDistanceKm?: number;
  /** Date intervals this many days apart still overlap (reports round dates). */
  dateSlackDays?: number;
  /** An open-ended date (`recently`) reaches back this many days before publication. */
  lookbackDays?: number;
  /** Mentions dated more vaguely than this many days never merge. */
  maxIntervalDays?: number;
  /** Positive agreements (actor, recipient, place) needed besides type and date. */
  minAgreements?: number;
  /**
   * Agreements needed instead (when more) where the mention or the event has no day of its
   * own from a text: only the publication day, a week or a month says when it happened.
   */
  undatedAgreements?: number;
  /**
   * Reports in different articles of one story that share this much of their evidence's
   * content words (Jaccard, 0 to 1) are one event's where the arguments are not enough
   * (rule 6 above); 0 turns it off.
   */
  wordingOverlap?: number;
}

export const mergeDefaults: Required<MergeOptions> = {
  // A city and its suburbs, or two spellings of one town resolved to different GeoNames
  // entries; far enough for "near Kaduna" and "Kaduna", short of the next city.
  maxDistanceKm: 50,
  dateSlackDays: 1,
  lookbackDays: 7,
  maxIntervalDays: 31,
  minAgreements: 1,
  // Measured on 840 campaign articles (docs/stories.md): with 1, 28 % of the cross-article
  // merges were one real event; most of the rest shared one famous name and a publication day.
  undatedAgreements: 2,
  // Measured on the UCI headlines (docs/stories.md): pairs of reports merged across articles
  // go from 149 to 182 / 217 / 251 at 0.5 / 0.4 / 0.3, every added pair read and found one
  // event; 0.5 leaves half the reports of one train death apart, 0.3 joins headlines that
  // share three or four words. PolNeAR and GeoWebNews articles: no change.
  wordingOverlap: 0.4,
};

/**
 * A rule a store saved, completed: an option the Dateline that saved it did not have yet
 * takes the value that merges as that Dateline did, so a store goes on with one rule (the
 * rule before `undatedAgreements` asked no more of undated mentions than `minAgreements`;
 * the rule before `wordingOverlap` did not read the wording).
 */
export function savedRule(saved: MergeOptions): Required<MergeOptions> {
  return {
    ...mergeDefaults,
    undatedAgreements: saved.minAgreements ?? mergeDefaults.minAgreements,
    wordingOverlap: 0,
    ...saved,
  };
}

/** One report of an event: where it was said. */
export interface EventMention {
  articleId: string;
  /** Position of the event in its article's `events`. */
  index: number;
  /** The event's id within its article. */
  eventId: string;
  source: string | null;
  /** The article's publication date, `YYYY-MM-DD` (or longer ISO). */
  published: string | null;
  /** Evidence: sentence index and UTF-16 offsets into the article's text. */
  sentence: number;
  start: number;
  end: number;
  /** The article this mention's article reprints, when the deduplicator linked one. */
  duplicateOf: string | null;
  event: Event;
  /** Whether the actor and the recipient are named people (PERSON entities of the article). */
  people?: { actor: boolean; recipient: boolean };
  /** The story the article is in, once the story pass has placed it. */
  storyId?: number | null;
  /** The evidence text (rule 6 compares its words; shown with the mention). */
  evidenceText?: string;
}

export interface MergedArgument {
  name: string;
  country: string | null;
  sector: string | null;
  /** A named person (a PERSON entity); absent from events stored before it was kept. */
  person?: boolean;
}

export interface MergedPlace {
  geonameId: number | null;
  name: string;
  countryCode: string | null;
  /** The place's first-level division (its name); absent from events stored before it was kept. */
  admin1?: string | null;
  lat: number | null;
  lon: number | null;
  precision: Place["precision"];
}

/** A real-world event and every report of it. */
export interface MergedEvent {
  id: string;
  type: EventType;
  quad: Quad;
  mode: string | null;
  negated: boolean;
  hypothetical: boolean;
  actor: MergedArgument | null;
  recipient: MergedArgument | null;
  location: MergedPlace | null;
  /** The interval the mentions agree on, `YYYY-MM-DD`, inclusive; "" when unknown. */
  earliest: string;
  latest: string;
  /** Mentions in articles that are not reprints (GDELT's NumMentions). */
  numMentions: number;
  /** Distinct articles, reprints not counted (NumArticles). */
  numArticles: number;
  /** Distinct sources of those articles; an article without a source counts as its own. */
  numSources: number;
  /** Mentions in reprints: kept, not counted above. */
  numReprints: number;
  mentions: EventMention[];
}

/** A merged event's bound (always a day `isoDay` wrote) as a day number. */
function day(iso: string): Day {
  return parseDay(iso) as Day;
}

/** The mention's date interval in days since the epoch, or null when nothing bounds it. */
export function mentionInterval(
  mention: Pick<EventMention, "event" | "published">,
  options: Required<MergeOptions>,
): [number, number] | null {
  const date = mention.event.date;
  const published = parseDay(mention.published);
  let earliest = parseDay(date?.earliest);
  let latest = parseDay(date?.latest);
  if (earliest === null && latest === null) {
    // A duration or set (`for three days`) says when nothing happened: fall back to the day.
    return published === null ? null : [published, published];
  }
  if (latest === null) latest = published ?? earliest;
  if (earliest === null) earliest = (latest as number) - options.lookbackDays;
  return [earliest as number, latest as number];
}

const NAME_NOISE = new Set(["the", "of", "and", "a", "an", "'s"]);

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !NAME_NOISE.has(w));
}

/** 1 when the arguments agree, 0 when either is unknown, -1 when they conflict. */
export function argumentAgreement(a: MergedArgument | null, b: MergedArgument | null): 1 | 0 | -1 {
  if (!a || !b) return 0;
  const wa = nameWords(a.name);
  const wb = nameWords(b.name);
  if (wa.length > 0 && wb.length > 0) {
    const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
    const set = new Set(long);
    if (short.every((w) => set.has(w))) {
      // Same name words but different known countries: two different people or bodies.
      if (a.country && b.country && a.country !== b.country) return -1;
      return 1;
    }
  }
  // Two people of different names are two people; a person and a body ("Obama", "the
  // White House") may be one side of one event, but say nothing of it.
  if (a.person && b.person) return -1;
  if (a.person || b.person) return 0;
  if (a.country && b.country && a.sector && b.sector) {
    return a.country === b.country && a.sector === b.sector ? 1 : -1;
  }
  return -1;
}

const COARSE = new Set<Place["precision"]>(["country", "region"]);

/** 1 when the places agree, 0 when either is unknown or too coarse to say, -1 on conflict. */
export function placeAgreement(
  a: MergedPlace | null,
  b: MergedPlace | null,
  maxDistanceKm: number,
): 1 | 0 | -1 {
  if (!a || !b) return 0;
  if (a.countryCode && b.countryCode && a.countryCode !== b.countryCode) return -1;
  if (a.geonameId !== null && a.geonameId === b.geonameId) return 1;
  if (COARSE.has(a.precision) || COARSE.has(b.precision)) {
    // A country contains its cities: no conflict, but "in Nigeria" is not evidence of one.
    return a.precision === b.precision && a.countryCode === b.countryCode ? 1 : 0;
  }
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    return haversineKm(a.lat, a.lon, b.lat, b.lon) <= maxDistanceKm ? 1 : -1;
  }
  return a.name.toLowerCase() === b.name.toLowerCase() ? 1 : 0;
}

function argumentOf(mention: EventMention, role: "actor" | "recipient"): MergedArgument | null {
  const a = mention.event[role];
  if (!a) return null;
  return { name: a.name, country: a.country, sector: a.sector, person: !!mention.people?.[role] };
}

/** What a mention says of its event, as merged events keep it: made once per mention. */
interface Said {
  mention: EventMention;
  actor: MergedArgument | null;
  recipient: MergedArgument | null;
  place: MergedPlace | null;
}

function saidOf(mention: EventMention): Said {
  return {
    mention,
    actor: argumentOf(mention, "actor"),
    recipient: argumentOf(mention, "recipient"),
    place: placeOf(mention.event),
  };
}

/** Mentions' content words, read once per merger (see `wordsOf`). */
type WordCache = WeakMap<EventMention, Set<string>>;

/** A mention's content words (numbers left out: "150k" and "150,000" say one thing). */
function wordsOf(mention: EventMention, cache: WordCache): Set<string> {
  let words = cache.get(mention);
  if (!words) {
    words = new Set();
    for (const term of termCounts(mention.evidenceText ?? "").keys()) {
      if (!/^\p{N}/u.test(term)) words.add(term);
    }
    cache.set(mention, words);
  }
  return words;
}

/** Step 6 reads this many of an event's latest reports in a story, so its cost is bounded. */
const WORDING_REPORTS = 64;

/**
 * How alike the mention's evidence is worded to the closest of the event's latest reports in
 * other articles of the mention's story: the Jaccard of their content words; 0 outside a story.
 */
function wordingOverlap(mention: EventMention, event: MergedEvent, cache: WordCache): number {
  const story = mention.storyId;
  if (story === undefined || story === null) return 0;
  let own: Set<string> | undefined;
  let best = 0;
  let read = 0;
  for (let i = event.mentions.length - 1; i >= 0 && read < WORDING_REPORTS; i--) {
    const m = event.mentions[i] as EventMention;
    if (m.storyId !== story || m.articleId === mention.articleId) continue;
    read++;
    // Its words are read only when the event has a report to compare them with.
    own ??= wordsOf(mention, cache);
    if (own.size === 0) return 0;
    const other = wordsOf(m, cache);
    let shared = 0;
    for (const w of own) if (other.has(w)) shared++;
    best = Math.max(best, shared / (own.size + other.size - shared));
  }
  return best;
}

/** Whether one of the event's mentions is in the mention's story. */
function sameStory(mention: EventMention, event: MergedEvent): boolean {
  const story = mention.storyId;
  return story !== undefined && story !== null && event.mentions.some((m) => m.storyId === story);
}

/** Whether the text gives the event's day (not only its week, month or publication day). */
function hasOwnDay(event: Event): boolean {
  const d = event.date;
  return d?.grain === "day" && d.earliest !== null && d.earliest === d.latest;
}

function placeOf(event: Event): MergedPlace | null {
  const p = event.location;
  if (!p) return null;
  return {
    geonameId: p.geonameId,
    name: p.name,
    countryCode: p.countryCode,
    admin1: p.admin1,
    lat: p.lat,
    lon: p.lon,
    precision: p.precision,
  };
}

/** How precise a place is, from a region (0) to a site (5). */
const PRECISION_RANK: Record<Place["precision"], number> = {
  region: 0,
  country: 1,
  admin1: 2,
  admin2: 3,
  city: 4,
  site: 5,
};

/** Whether `place` is more precise than `than` (or `than` is unknown). */
export function morePrecise(
  place: Pick<Place, "precision">,
  than: Pick<Place, "precision"> | null,
): boolean {
  return !than || PRECISION_RANK[place.precision] > PRECISION_RANK[than.precision];
}

function eventId(mention: EventMention): string {
  const hash = createHash("sha256").update(`${mention.articleId}\u0000${mention.index}`);
  return `ev-${hash.digest("hex").slice(0, 12)}`;
}

/** The mention's key in the store and in `EventMerger`: article id and event position. */
export function mentionKey(m: Pick<EventMention, "articleId" | "index">): string {
  return `${m.articleId}#${m.index}`;
}

/**
 * Merges mentions as they arrive. Events are indexed by type and day, so a mention is
 * compared only with events of its type whose interval is near its own; seed it with the
 * stored events of the days a batch covers to continue a previous run.
 */
export class EventMerger {
  readonly options: Required<MergeOptions>;
  private readonly events = new Map<string, MergedEvent>();
  /** `type|day` → ids of events whose interval covers that day. */
  private readonly byDay = new Map<string, Set<string>>();
  /** Events created or changed since the last `takeChanged`. */
  private changed = new Set<string>();
  private readonly seen = new Set<string>();
  /** Creation order, for ties. */
  private readonly order = new Map<string, number>();
  /** Mentions' content words, for rule 6. */
  private readonly words: WordCache = new WeakMap();

  constructor(options: MergeOptions = {}) {
    this.options = { ...mergeDefaults, ...options };
  }

  /** Load a stored event (with its mentions) so new mentions can join it. */
  seed(event: MergedEvent): void {
    this.events.set(event.id, event);
    this.order.set(event.id, this.order.size);
    for (const m of event.mentions) this.seen.add(mentionKey(m));
    this.index(event);
  }

  /** Add a mention; returns the merged event it now belongs to. Re-adding one is a no-op. */
  add(mention: EventMention): MergedEvent {
    const key = mentionKey(mention);
    if (this.seen.has(key)) {
      for (const event of this.events.values()) {
        if (event.mentions.some((m) => mentionKey(m) === key)) return event;
      }
    }
    this.seen.add(key);
    const interval = mentionInterval(mention, this.options);
    const vague = interval === null || interval[1] - interval[0] + 1 > this.options.maxIntervalDays;
    let best: MergedEvent | undefined;
    let bestAgreements = -1;
    const said = saidOf(mention);
    if (!vague) {
      const { minAgreements, undatedAgreements } = this.options;
      const dated = hasOwnDay(mention.event);
      for (const candidate of this.candidates(mention.event.type, interval)) {
        const agreements = this.agreements(candidate, said, interval);
        if (agreements === null || agreements < minAgreements) continue;
        // Fewer agreements than undated reports need: enough only when both give their day
        // or they share a story (each scans the event's mentions, so asked last).
        if (
          agreements < undatedAgreements &&
          !(dated && candidate.mentions.some((m) => hasOwnDay(m.event))) &&
          !sameStory(mention, candidate)
        ) {
          continue;
        }
        if (
          agreements > bestAgreements ||
          (best &&
            agreements === bestAgreements &&
            (this.order.get(candidate.id) ?? 0) < (this.order.get(best.id) ?? 0))
        ) {
          best = candidate;
          bestAgreements = agreements;
        }
      }
    }
    const event = best ?? this.open(mention, said, vague ? null : interval);
    if (best && interval) this.join(best, mention, said, interval);
    else event.mentions.push(mention);
    recount(event);
    this.changed.add(event.id);
    this.index(event);
    return event;
  }

  get(id: string): MergedEvent | undefined {
    return this.events.get(id);
  }

  all(): MergedEvent[] {
    return [...this.events.values()];
  }

  /** Events created or changed since the last call (the store writes these back). */
  takeChanged(): MergedEvent[] {
    const out = [...this.changed].map((id) => this.events.get(id) as MergedEvent);
    this.changed = new Set();
    return out;
  }

  /** Number of positive agreements, or null when the mention cannot be this event. */
  private agreements(event: MergedEvent, said: Said, interval: [number, number]): number | null {
    const e = said.mention.event;
    if (e.negated !== event.negated || e.hypothetical !== event.hypothetical) return null;
    if (e.mode && event.mode && e.mode !== event.mode) return null;
    if (!event.earliest || !event.latest) return null;
    const slack = this.options.dateSlackDays;
    if (interval[0] > day(event.latest) + slack || interval[1] < day(event.earliest) - slack) {
      return null;
    }
    const place = placeAgreement(event.location, said.place, this.options.maxDistanceKm);
    if (place < 0) return null;
    const actor = argumentAgreement(event.actor, said.actor);
    const recipient = argumentAgreement(event.recipient, said.recipient);
    const conflict = actor < 0 || recipient < 0;
    const agreements = Math.max(actor, 0) + Math.max(recipient, 0) + place;
    const { wordingOverlap: overlap, minAgreements, undatedAgreements } = this.options;
    // Rule 6, read only where the arguments are not enough: it scans the event's mentions.
    const enough = agreements >= Math.max(minAgreements, undatedAgreements);
    if (!conflict && (enough || overlap <= 0)) return agreements;
    if (overlap <= 0 || wordingOverlap(said.mention, event, this.words) < overlap) {
      return conflict ? null : agreements;
    }
    if (
      conflict &&
      argumentAgreement(event.actor, said.recipient) > 0 &&
      argumentAgreement(event.recipient, said.actor) > 0
    ) {
      return null;
    }
    return agreements + 1;
  }

  private candidates(type: EventType, interval: [number, number]): MergedEvent[] {
    const ids = new Set<string>();
    const slack = this.options.dateSlackDays;
    for (let d = interval[0] - slack; d <= interval[1] + slack; d++) {
      for (const id of this.byDay.get(`${type}|${d}`) ?? []) ids.add(id);
    }
    return [...ids].map((id) => this.events.get(id) as MergedEvent);
  }

  private open(mention: EventMention, said: Said, interval: [number, number] | null): MergedEvent {
    const e = mention.event;
    const event: MergedEvent = {
      id: eventId(mention),
      type: e.type,
      quad: e.quad,
      mode: e.mode,
      negated: e.negated,
      hypothetical: e.hypothetical,
      actor: said.actor,
      recipient: said.recipient,
      location: said.place,
      earliest: interval ? isoDay(interval[0]) : "",
      latest: interval ? isoDay(interval[1]) : "",
      numMentions: 0,
      numArticles: 0,
      numSources: 0,
      numReprints: 0,
      mentions: [],
    };
    this.events.set(event.id, event);
    this.order.set(event.id, this.order.size);
    return event;
  }

  /** Add the mention and refine the event: first known arguments, most precise place. */
  private join(
    event: MergedEvent,
    mention: EventMention,
    said: Said,
    interval: [number, number],
  ): void {
    event.mentions.push(mention);
    event.mode ??= mention.event.mode;
    event.actor ??= said.actor;
    event.recipient ??= said.recipient;
    if (said.place && morePrecise(said.place, event.location)) event.location = said.place;
    // Narrow to the overlap; when the slack is what made them overlap, keep the union.
    const earliest = Math.max(day(event.earliest), interval[0]);
    const latest = Math.min(day(event.latest), interval[1]);
    if (earliest <= latest) {
      event.earliest = isoDay(earliest);
      event.latest = isoDay(latest);
    } else {
      event.earliest = isoDay(Math.min(day(event.earliest), interval[0]));
      event.latest = isoDay(Math.max(day(event.latest), interval[1]));
    }
  }

  private index(event: MergedEvent): void {
    // An event moves when its interval narrows; stale entries only cost a wasted check.
    if (!event.earliest || !event.latest) return;
    for (let d = day(event.earliest); d <= day(event.latest); d++) {
      const key = `${event.type}|${d}`;
      let set = this.byDay.get(key);
      if (!set) {
        set = new Set();
        this.byDay.set(key, set);
      }
      set.add(event.id);
    }
  }
}

/** Recount mentions, articles and sources; reprints are kept but not counted. */
export function recount(event: MergedEvent): void {
  const articles = new Set<string>();
  const sources = new Set<string>();
  let mentions = 0;
  let reprints = 0;
  for (const m of event.mentions) {
    if (m.duplicateOf !== null) {
      reprints++;
      continue;
    }
    mentions++;
    articles.add(m.articleId);
    sources.add(m.source ?? `article:${m.articleId}`);
  }
  event.numMentions = mentions;
  event.numArticles = articles.size;
  event.numSources = sources.size;
  event.numReprints = reprints;
}

/** The mentions of an annotated article's events. */
export function mentionsOf(
  doc: {
    id: string;
    source: string | null;
    published: string | null;
    events: readonly Event[];
    entities?: readonly Pick<Entity, "type">[];
    /** The article's text, for the mentions' evidence (rule 6 reads its words). */
    text?: string;
  },
  duplicateOf: string | null = null,
): EventMention[] {
  const person = (a: Event["actor"]) =>
    a?.entity !== undefined && doc.entities?.[a.entity]?.type === "PERSON";
  return doc.events.map((event, index) => ({
    articleId: doc.id,
    index,
    eventId: event.id,
    source: doc.source,
    published: doc.published,
    sentence: event.evidence.sentence,
    start: event.evidence.start,
    end: event.evidence.end,
    duplicateOf,
    event,
    people: { actor: person(event.actor), recipient: person(event.recipient) },
    ...(doc.text === undefined
      ? {}
      : { evidenceText: doc.text.slice(event.evidence.start, event.evidence.end) }),
  }));
}

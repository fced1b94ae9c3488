/**
 * The annotation shapes of DESIGN.md's output contract. Other tools and the project's own
 * evaluation read exactly these; change them only by adding fields.
 */
import type { Span, TextSpan } from "./span.ts";

export type EntityType = "PERSON" | "ORG" | "GPE" | "LOC" | "FAC" | "NORP";

/** PLOVER sector codes (GOV, MIL, REB, CVL, …); kept open so lexicons can add their own. */
export type Sector = string;

/** How an actor code was found, so a reader can weigh it. */
export type ActorSource = "lexicon" | "demonym" | "country" | "title" | "context" | "user-lexicon";

export interface Actor {
  name: string;
  /** ISO 3166-1 alpha-3, or null when unknown. */
  country: string | null;
  sector: Sector | null;
  /** How the code was inferred (lexicon, demonym, title, context). */
  how?: ActorSource[];
  /** Office or title kept apart from the name: `Defense Secretary` for Mark Esper. */
  title?: string;
  /** Country that backs the actor (`Iranian-backed` → IRN), if stated. */
  backedBy?: string;
}

export interface Entity extends TextSpan {
  type: EntityType;
  actor: Actor | null;
  /** Index of the entity this mention resolves to (`Esper` → `Mark Esper`), if any. */
  refersTo?: number;
  /** Model score of the mention, 0..1. */
  confidence?: number;
}

export type DateGrain = "day" | "week" | "month" | "year" | "vague";

export interface DateMention extends TextSpan {
  /** Normalised value, ISO 8601 as far as it is known (`2019-12-31`, `2019-12`, `2019-W01`). */
  value: string;
  grain: DateGrain;
  /**
   * The interval the expression denotes, ISO dates, inclusive. An empty string means the text
   * does not bound that side: `recently` has latest = publication and earliest "", a
   * duration (`for three days`) or a set (`every day`) has both "", and so has a relative
   * date in an article without a publication date (grain `vague`, with a message).
   */
  earliest: string;
  latest: string;
  /** `point`, `range` or `duration`; durations (`for three days`) are not points in time. */
  kind?: "point" | "range" | "duration" | "set";
  /** Which parts were stated in the text and which inferred, and the rule that resolved it. */
  stated?: string[];
  inferred?: string[];
  rule?: string;
  /** TIMEX3 type (TimeML), so `value` compares with TempEval-style annotations. */
  timexType?: "DATE" | "TIME" | "DURATION" | "SET";
  /** TIMEX3 mod: `START` (`early December`), `MID`, `END`, `APPROX`. */
  mod?: string;
  /** A range's endpoints (`2009` and `2010` of `2009-2010`), each a point. */
  parts?: DateMention[];
}

/** `region`: a continent, world region or sea (`Europe`, `Middle East`, `Atlantic`). */
export type PlacePrecision = "country" | "admin1" | "admin2" | "city" | "site" | "region";

export interface Place extends TextSpan {
  geonameId: number | null;
  name: string;
  /** ISO 3166-1 alpha-2, as GeoNames uses. */
  countryCode: string | null;
  admin1: string | null;
  /** Degrees, WGS84. */
  lat: number | null;
  lon: number | null;
  precision: PlacePrecision;
  /** 0..1. */
  confidence: number;
  /** Index into `entities` of the mention it came from, if any. */
  entity?: number;
  /**
   * `demonym`: an adjective that names the place only by association (`Russian diplomats`),
   * so never where an event happened. Absent for place names.
   */
  form?: "demonym";
}

/** PLOVER's quad classes, cooperation first. */
export const QUADS = [
  "verbal-cooperation",
  "material-cooperation",
  "verbal-conflict",
  "material-conflict",
] as const;

export type Quad = (typeof QUADS)[number];

/** PLOVER's sixteen event types, cooperation first, in the manual's order. */
export const EVENT_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface EventArgument extends TextSpan {
  name: string;
  country: string | null;
  sector: Sector | null;
  /** Index into `entities`, when the argument is a tagged entity. */
  entity?: number;
}

export interface EventLink {
  relation: "retaliation-for" | "after" | "response-to";
  event: string;
}

export interface Evidence {
  /** Index into `sentences`. */
  sentence: number;
  start: number;
  end: number;
}

export interface Attribution {
  text: string;
  anonymous: boolean;
  /** Index into `quotes` of the speech act that reports the event, if any. */
  quote?: number;
}

export interface Event {
  id: string;
  type: EventType;
  mode: string | null;
  quad: Quad;
  /**
   * The CAMEO event code (2–4 digits, e.g. `0841` "release persons") of the trigger as coded,
   * where the coder knows it; its first two digits are the CAMEO root. PLOVER's quad and
   * CAMEO's differ (CAMEO 02 appeals are statements, 14 protests verbal conflict, 08 yielding
   * material cooperation), so GDELT-style exports and CAMEO scoring read this, not `quad`.
   */
  cameo?: string;
  trigger: TextSpan;
  actor: EventArgument | null;
  recipient: EventArgument | null;
  location: Place | null;
  date: DateMention | null;
  /** Counts; null when the text says nothing. `-1` never appears: see `countsVague`. */
  dead: number | null;
  injured: number | null;
  arrested: number | null;
  size: number | null;
  /** Counts the text gives as "several", "dozens", …: known to be positive, number unknown. */
  countsVague?: ("dead" | "injured" | "arrested" | "size")[];
  negated: boolean;
  hypothetical: boolean;
  evidence: Evidence;
  attribution: Attribution | null;
  links: EventLink[];
  /** 0..1. */
  confidence: number;
  /** The rule or model that produced the event, e.g. `rule:mobilize/send-troops@1`. */
  coder: string;
}

export interface Quote extends TextSpan {
  direct: boolean;
  speaker: (TextSpan & { entity?: number }) | null;
  cue: TextSpan | null;
  anonymous?: boolean;
  /**
   * A quote that runs over its own attribution (`"…," he said. "…"`, one speech act as
   * PolNeAR annotates it) spans from its first piece to its last; these are the pieces,
   * without the attribution between them. Absent for a quote of one piece.
   */
  fragments?: TextSpan[];
}

/** A token of `Document.text`. `kind` helps rules without a part-of-speech tagger. */
export interface Token extends Span {
  kind: "word" | "number" | "punct" | "symbol";
}

export type { Span };

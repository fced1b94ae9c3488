/**
 * The event coder: triggers from the lexicon, their clause (subject, object, prepositional
 * phrases, passive voice, light verbs), modality, governed complements, counts, location,
 * date, links and attribution, in that order for each sentence. Each step is a small
 * function below; the order matters because later steps read what earlier ones found
 * (counts fold into the attack they belong to before links are drawn between events).
 */
import type {
  Attribution,
  DateMention,
  Event,
  EventArgument,
  EventType,
  Place,
  Quad,
} from "../../core/annotations.ts";
import type { Document } from "../../core/document.ts";
import { type ArgumentContext, type Resolved, remember, resolveArgument } from "./arguments.ts";
import { cameoRoot, composeCameo, defaultCameo, hasModeCode } from "./cameo.ts";
import { quantity } from "./counts.ts";
import { type EventLexicon, inClass, type TriggerEntry } from "./lexicon.ts";
import {
  CHARGES,
  CONTEST_KINDS,
  ELECTORAL_PRIZES,
  EVADING,
  FICTIVE,
  GENERIC_DETERMINERS,
  HABITUAL,
  HOST_TITLES,
  headOf,
  isAbstract,
  MARCH_GOALS,
  MEET_OBJECTS,
  MODIFIED_HEADS,
  NON_AGENT_BY,
  NON_AGENTS,
  OFFERABLE,
  PARTITIVE,
  PROPOSING,
  REFLEXIVES,
  STATISTIC_HEADS,
  SUPPOSITIONS,
} from "./literal.ts";
import { IRREGULAR_PAST, isPastForm, lemmaOf, lemmatize } from "./morphology.ts";
import { nominalLemma, nominalSector } from "./nominal.ts";
import {
  type DocIndex,
  firstTokenAt,
  indexDocument,
  isAux,
  isCapitalized,
  isPunct,
  phraseLeft,
  phraseRight,
  type Range,
  type SentenceView,
  sentenceView,
} from "./sentence.ts";
import { findSpeakers } from "./speakers.ts";
import {
  ANAPHORIC,
  BE,
  CLAUSE_VERBS,
  DETERMINERS,
  FUTURE,
  LIGHT_VERBS,
  LINK_CUES,
  MODAL_GOVERNORS,
  MODALS,
  NEGATING_GOVERNORS,
  NEGATORS,
  PREPOSITIONS,
  SPEECH_VERBS,
  SUBORDINATORS,
  TIME_WORDS,
  TRANSPARENT_GOVERNORS,
} from "./words.ts";

export const QUADS: Record<EventType, Quad> = {
  AGREE: "verbal-cooperation",
  CONSULT: "verbal-cooperation",
  SUPPORT: "verbal-cooperation",
  CONCEDE: "verbal-cooperation",
  COOPERATE: "material-cooperation",
  AID: "material-cooperation",
  RETREAT: "material-cooperation",
  REQUEST: "verbal-conflict",
  ACCUSE: "verbal-conflict",
  REJECT: "verbal-conflict",
  THREATEN: "verbal-conflict",
  PROTEST: "material-conflict",
  SANCTION: "material-conflict",
  MOBILIZE: "material-conflict",
  COERCE: "material-conflict",
  ASSAULT: "material-conflict",
};

/** Either reading of an `attack`-like word: the verb rows and the noun rows, by span. */
interface Candidate {
  rows: TriggerEntry[];
  /** Token range of the trigger words. */
  a: number;
  b: number;
  /** Token index of the inflected head. */
  head: number;
}

/** An event being built. Token indices are document-wide. */
interface Draft {
  entry: TriggerEntry;
  type: EventType;
  mode: string | null;
  pos: "v" | "n" | "a";
  a: number;
  b: number;
  head: number;
  /** First token of the verb group (auxiliaries) or of the noun phrase (determiners). */
  groupStart: number;
  passive: boolean;
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
  subj: Range | null;
  obj: Range | null;
  /** Preposition → the phrase after it. */
  pps: Map<string, Range>;
  /** Where the clause of the trigger ends (exclusive). */
  clauseEnd: number;
  /** The word before the noun phrase of a noun trigger (`in` of `in ethnic riots`). */
  prepBefore: string;
  /** Where the trigger's own phrases end: before the next trigger or a purpose clause. */
  ppEnd: number;
  /** Token of a light verb that carries a noun trigger. */
  light: number;
  /** The event whose complement this one is, if any. */
  governor: Draft | null;
  /** Complements this event governs. */
  complements: Draft[];
  /** How the complement relates: subsumed, planned (modal), transparent, negated. */
  govKind: "subsume" | "modal" | "transparent" | "negate" | "purpose" | null;
  actor: Resolved | null;
  recipient: Resolved | null;
  dead: number | null;
  injured: number | null;
  arrested: number | null;
  size: number | null;
  vague: Set<"dead" | "injured" | "arrested" | "size">;
  drop: boolean;
  /** An earlier event this mention refers back to (`these air strikes`). */
  alias: Event | null;
  event: Event | null;
  rule: string;
}

export interface CoderState {
  lexicon: EventLexicon;
  /** ISO alpha-2 → alpha-3, for places' country codes. */
  iso3: Map<string, string>;
  /** Lowercased demonyms (`iranian`), which gazetteers may tag as places. */
  demonyms: Set<string>;
  /** Verb forms that have no noun reading in the lexicon: a phrase never runs through them. */
  verbOnly: Set<string>;
  nounForms: Set<string>;
  /** Every verb form of the lexicon, plus common verbs of purpose clauses (`to ensure`). */
  verbForms: Set<string>;
}

/** Verbs that open purpose clauses (`sent to strengthen security`), besides the triggers. */
const INFINITIVES = new Set(
  "strengthen ensure protect help prevent secure stop defend guard evacuate reinforce bolster boost maintain keep restore protect patrol monitor oversee investigate discuss end counter deter combat fight provide replace relieve assist train advise escort".split(
    " ",
  ),
);

export function createCoderState(
  lexicon: EventLexicon,
  iso3: Map<string, string> = new Map(),
  demonyms: Set<string> = new Set(),
): CoderState {
  const verbForms = new Set<string>();
  const nounForms = new Set<string>();
  for (const [form, rows] of lexicon.byForm) {
    for (const r of rows) {
      if (r.pos === "v") verbForms.add(form);
      else if (r.pos === "n") nounForms.add(form);
    }
  }
  // Only past and -ing forms stop a phrase: base and -s forms are too often nouns
  // (`recent calls`, `its demands`).
  const verbOnly = new Set(
    [...verbForms].filter(
      (f) => !nounForms.has(f) && (f.endsWith("ed") || f.endsWith("ing") || IRREGULAR_PAST.has(f)),
    ),
  );
  for (const w of INFINITIVES) verbForms.add(w);
  return { lexicon, verbOnly, nounForms, verbForms, iso3, demonyms };
}

const COUNT_FIELD: Record<string, "dead" | "injured" | "arrested"> = {
  "assault/kill": "dead",
  "assault/murder": "dead",
  "assault/wound": "injured",
  "assault/injure": "injured",
  "coerce/arrest": "arrested",
  "coerce/detain": "arrested",
};

/** Types whose `to` phrase is a destination. */
const MOVEMENT = new Set<EventType>(["MOBILIZE", "AID", "CONSULT", "RETREAT", "COOPERATE"]);

const LOCATION_PREPS = new Set([
  "in",
  "at",
  "near",
  "outside",
  "inside",
  "across",
  "throughout",
  "into",
  "around",
  "to",
  "of",
  "from",
  "on",
]);

/** Code every event of a document. */
export function codeDocument(doc: Document, state: CoderState): Event[] {
  if (!doc.hasText || doc.tokens.length === 0 || doc.sentences.length === 0) return [];
  const ix = indexDocument(doc);
  const speakers = findSpeakers(ix);
  const ac: ArgumentContext = {
    ix,
    memory: new Map(),
    speakerOf: (t) => speakers.speakerOf(t),
    iso3: (a2) => state.iso3.get(a2.toUpperCase()) ?? null,
    isDemonym: (w) => state.demonyms.has(w),
  };
  const events: Event[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const view = sentenceView(ix, s);
    if (view.to <= view.from) continue;
    rememberReferents(ac, view);
    codeSentence(view, state, ac, events, speakers.quoteAt);
  }
  return events;
}

/** Record `[country] [modifiers] head [in Place]` phrases so `the head` resolves later. */
function rememberReferents(ac: ArgumentContext, view: SentenceView): void {
  const { ix } = ac;
  for (let i = view.from; i < view.to; i++) {
    const k = ix.entity[i] as number;
    if (k < 0 || ix.entity[i - 1] === k) continue;
    const country = ix.doc.entities[k]?.actor?.country;
    if (!country) continue;
    let j = i;
    while (j < view.to && ix.entity[j] === k) j++;
    for (let h = j; h < Math.min(view.to, j + 3); h++) {
      const lemma = nominalLemma(ix.low[h] as string);
      if (lemma) {
        let place = -1;
        for (let p = h + 1; p < Math.min(view.to, h + 4); p++) {
          if ((ix.place[p] as number) >= 0 && /^(in|at|near)$/.test(ix.low[p - 1] as string)) {
            place = ix.place[p] as number;
            break;
          }
        }
        ac.memory.set(lemma, {
          country,
          sector: null,
          place,
          text: ix.low.slice(i, h + 1).join(" "),
        });
        break;
      }
      if (isPunct(ix, h) || PREPOSITIONS.has(ix.low[h] as string)) break;
    }
  }
}

function codeSentence(
  view: SentenceView,
  state: CoderState,
  ac: ArgumentContext,
  events: Event[],
  quoteAt: (token: number) => { text: string; entity: number } | null,
): void {
  const { ix } = view;
  const candidates = findCandidates(view, state);
  const verbLike = (i: number): boolean => isVerbLike(ix, state, i);
  const drafts: Draft[] = [];
  const triggerAt = new Set<number>();
  for (const cand of candidates) triggerAt.add(cand.head);
  for (const cand of candidates) {
    const draft = analyse(view, state, cand, verbLike, triggerAt);
    if (draft) drafts.push(draft);
  }
  mustClauses(view, drafts, verbLike);
  dropAttitudes(view, drafts);
  governComplements(view, drafts, state);
  // Subsumed complements (`threatened to attack Israel`) still lend their arguments.
  const live = (d: Draft): boolean => !d.drop || d.governor !== null;
  for (const d of drafts) if (live(d)) resolveActor(view, ac, d, verbLike);
  inheritActors(view, drafts);
  for (const d of drafts) if (live(d)) chooseRow(view, state, d);
  for (const d of drafts) if (live(d)) resolveRecipient(view, ac, d, verbLike, state.verbForms);
  for (const d of drafts) if (live(d)) literalOnly(view, d);
  markConditionals(view, drafts);
  applyModality(drafts);
  foldCounts(view, drafts, ac, verbLike);
  for (const d of drafts) if (!d.drop) refineType(view, d);
  // A later mention of an earlier event (`these air strikes`) is found first: it is no new
  // event, but it carries links.
  for (const d of drafts) if (!d.drop && d.pos === "n") findAntecedent(view, d, events);
  for (const d of drafts) if (!d.drop && !d.alias) checkEvidence(d);
  const emitted: Draft[] = [];
  for (const d of drafts) {
    if (d.drop) continue;
    if (d.alias) continue;
    d.event = buildEvent(view, ac, d, quoteAt);
    events.push(d.event);
    emitted.push(d);
    // One event per named actor of a coordination, as CAMEO-style data expects.
    let n = 2;
    for (const other of d.actor?.others ?? []) {
      events.push({ ...d.event, id: `${d.event.id}-${n++}`, actor: other.arg, links: [] });
    }
    for (const other of d.recipient?.others ?? []) {
      events.push({ ...d.event, id: `${d.event.id}-${n++}`, recipient: other.arg, links: [] });
    }
    if (d.recipient)
      remember(ac, d.recipient, d.event.location ? placeIndex(ix, d.event.location) : -1);
  }
  linkEvents(
    view,
    drafts.filter((d) => !d.drop && (d.event || d.alias)),
  );
}

function placeIndex(ix: DocIndex, place: Place): number {
  return ix.doc.places.indexOf(place);
}

// ---------------------------------------------------------------- triggers

function findCandidates(view: SentenceView, state: CoderState): Candidate[] {
  const { ix } = view;
  const out: Candidate[] = [];
  const taken = new Uint8Array(view.to - view.from);
  for (let i = view.from; i < view.to; i++) {
    const rows = state.lexicon.byForm.get(ix.low[i] as string);
    if (!rows) continue;
    // Words inside a name are not triggers (`Free Trade Agreement`, `Morning Consult`).
    const k = ix.entity[i] as number;
    if (k >= 0 && ix.doc.entities[k]?.type !== "NORP" && isCapitalized(ix, i)) continue;
    if (isCapitalized(ix, i) && isCapitalized(ix, i - 1) && ix.sentence[i - 1] === ix.sentence[i])
      continue;
    // Group rows by the span they match; the longest span wins a head.
    let best: Candidate | null = null;
    for (const row of rows) {
      const span = matchRow(view, row, i);
      if (!span) continue;
      if (!best || span[1] - span[0] > best.b - best.a)
        best = { rows: [row], a: span[0], b: span[1], head: i };
      else if (span[0] === best.a && span[1] === best.b) best.rows.push(row);
    }
    if (!best) continue;
    let free = true;
    for (let t = best.a; t < best.b; t++) if (taken[t - view.from]) free = false;
    if (!free) {
      // A longer trigger already covers this word (`air strike` vs `strike`).
      const prev = out[out.length - 1];
      if (prev && prev.b - prev.a >= best.b - best.a) continue;
      if (prev) {
        for (let t = prev.a; t < prev.b; t++) taken[t - view.from] = 0;
        out.pop();
      }
    }
    for (let t = best.a; t < best.b; t++) taken[t - view.from] = 1;
    out.push(best);
  }
  return out;
}

/** The token span `row` matches with its head at token `i`, or null. */
function matchRow(view: SentenceView, row: TriggerEntry, i: number): Range | null {
  const { ix } = view;
  const words = row.words;
  // Right part, after the head.
  let j = i + 1;
  for (let w = row.head + 1; w < words.length; w++) {
    const alts = words[w] as string[];
    if (alts[0] === "~") {
      const next = words[w + 1] as string[];
      let found = -1;
      for (let g = j; g < Math.min(view.to, j + 4); g++) {
        if (next.includes(ix.low[g] as string) || next.includes(lemmaOf(ix.low[g] as string))) {
          found = g;
          break;
        }
        if (isPunct(ix, g)) break;
      }
      if (found < 0) return null;
      j = found + 1;
      w++;
      continue;
    }
    if (j >= view.to) return null;
    const word = ix.low[j] as string;
    if (!alts.includes(word) && !alts.includes(lemmaOf(word))) return null;
    // `call on Tuesday` is not `call on`.
    if (
      row.pos === "v" &&
      w === words.length - 1 &&
      j + 1 < view.to &&
      (ix.date[j + 1] as number) >= 0 &&
      PREPOSITIONS.has(word)
    )
      return null;
    j++;
  }
  // Left part, before the head (nouns: `air` of `air strike`).
  let k = i - 1;
  for (let w = row.head - 1; w >= 0; w--) {
    const alts = words[w] as string[];
    if (k < view.from) return null;
    if (alts[0] === "~") {
      // `joint ~ exercises`: up to three words between (`joint military exercises`).
      const prev = words[w - 1] as string[];
      let found = -1;
      for (let g = k; g >= Math.max(view.from, k - 3); g--) {
        if (prev.includes(ix.low[g] as string)) {
          found = g;
          break;
        }
        if (isPunct(ix, g)) break;
      }
      if (found < 0) return null;
      k = found - 1;
      w--;
      continue;
    }
    if (!alts.includes(ix.low[k] as string)) return null;
    k--;
  }
  return [k + 1, j];
}

/** Whether token `i` reads as a verb here: a phrase stops at it. */
function isVerbLike(ix: DocIndex, state: CoderState, i: number): boolean {
  const w = ix.low[i] as string;
  if (ix.entity[i] !== -1) return false;
  if (state.verbOnly.has(w)) {
    const prev = ix.low[i - 1] ?? "";
    // `the wounded`, `a fortified embassy`: a participle after a determiner or adverb.
    if (DETERMINERS.has(prev) || prev.endsWith("ly")) return false;
    return true;
  }
  return false;
}

function verbReading(
  ix: DocIndex,
  state: CoderState,
  cand: Candidate,
  hasNoun: boolean,
  hasVerb: boolean,
): boolean {
  if (!hasVerb) return false;
  const i = cand.a;
  const w = ix.low[cand.head] as string;
  const prev = ix.low[i - 1] ?? "";
  const prev2 = ix.low[i - 2] ?? "";
  // `host Alex Marlow`: a title before a person's name.
  const nextEntity = ix.entity[cand.b] as number;
  if (
    nextEntity >= 0 &&
    ix.doc.entities[nextEntity]?.type === "PERSON" &&
    w === lemmaOf(w) &&
    !w.endsWith("s")
  )
    return false;
  // `recently released polls`: a participle between an adverb and its noun.
  if (
    prev.endsWith("ly") &&
    (DETERMINERS.has(prev2) ||
      PREPOSITIONS.has(prev2) ||
      (state.verbForms.has(prev2) && !isAux(prev2)))
  )
    return false;
  if (!hasNoun) {
    // A verb-only trigger used as a noun or modifier (`the host country`, `fire torches`,
    // `a free Iraq`) is no event.
    if (DETERMINERS.has(prev) || prev.endsWith("'s") || /^\d/.test(prev)) return false;
    if (PREPOSITIONS.has(prev) && prev !== "to") return false;
    // A sentence never opens on a bare verb in news (`Rescue teams used boats`).
    if (ix.sentence[i - 1] !== ix.sentence[i] && !w.endsWith("ed") && !w.endsWith("ing"))
      return false;
    if (
      state.verbForms.has(prev) &&
      !isAux(prev) &&
      !/ly$/.test(prev) &&
      !w.endsWith("ing") &&
      !w.endsWith("ed")
    )
      return false;
    return true;
  }
  if (DETERMINERS.has(prev) || prev.endsWith("'s") || /^\d/.test(prev)) return false;
  if (prev === "to")
    return !/^(response|reaction|retaliation|revenge|due|prior|according|opposition|resistance|threat|ceasefire|access|end)$/.test(
      prev2,
    );
  if (isAux(prev) || NEGATORS.has(prev) || prev.endsWith("ly")) return true;
  if (/^(he|she|they|we|i|it|who|which)$/.test(prev)) return true;
  // `shooting victims`, `killing fields`: an -ing form modifying a plural noun.
  const next0 = ix.low[cand.b] ?? "";
  if (
    w.endsWith("ing") &&
    ix.entity[cand.b] === -1 &&
    (nominalLemma(next0) !== null ||
      /^(victims|deaths|death|spree|incident|incidents|range|galleries)$/.test(next0))
  )
    return false;
  if (w.endsWith("ing") || (w.endsWith("ed") && !state.nounForms.has(w))) return true;
  if (PREPOSITIONS.has(prev)) return false;
  const next = ix.low[cand.b] ?? "";
  if (/^(on|against|by|of|in|at)$/.test(next)) return false;
  // A base or -s form after a name or a plural subject (`Protesters attack police`).
  if (isCapitalized(ix, i - 1) && ix.entity[i - 1] !== -1) {
    // `a U.S. request`, `the Israeli attack`: a name modifying a noun.
    let j = i - 1;
    while (j - 1 >= 0 && ix.entity[j - 1] === ix.entity[i - 1]) j--;
    const before = ix.low[j - 1] ?? "";
    return !(DETERMINERS.has(before) || PREPOSITIONS.has(before) || before.endsWith("'s"));
  }
  return false;
}

// ---------------------------------------------------------------- clause

function analyse(
  view: SentenceView,
  state: CoderState,
  cand: Candidate,
  verbLike: (i: number) => boolean,
  triggerAt: Set<number>,
): Draft | null {
  const { ix } = view;
  const hasVerb = cand.rows.some((r) => r.pos === "v");
  const hasNoun = cand.rows.some((r) => r.pos === "n");
  const hasAdj = cand.rows.some((r) => r.pos === "a");
  let pos: "v" | "n" | "a";
  // `is opposed to` is the adjective; `have opposed resolutions` the verb.
  if (hasAdj && (ix.low[cand.b] === "to" || !hasVerb)) pos = "a";
  else pos = verbReading(ix, state, cand, hasNoun, hasVerb) ? "v" : "n";
  const rows = cand.rows.filter((r) => r.pos === pos);
  if (rows.length === 0) return null;
  // Adjectival governors need `is willing to`, not `a willing partner`.
  if (pos === "a" && ix.low[cand.b] !== "to") return null;
  // `in protest at/of/against` is the purpose of another act, not a protest event.
  if (
    pos === "n" &&
    ix.low[cand.a - 1] === "in" &&
    /^(protest|retaliation|response)$/.test(ix.low[cand.head] as string)
  )
    return null;
  // A noun modifying another noun (`invasion forces`, `aid program`, `riot police`) is no event.
  if (pos === "n") {
    const next = ix.low[cand.b] ?? "";
    if (
      ix.tokens[cand.b]?.kind === "word" &&
      !isCapitalized(ix, cand.b) &&
      !PREPOSITIONS.has(next) &&
      !SUBORDINATORS.has(next) &&
      !DETERMINERS.has(next) &&
      !TIME_WORDS.has(next) &&
      (ix.date[cand.b] as number) < 0 &&
      !isAux(next) &&
      !state.verbForms.has(next) &&
      !LIGHT_VERBS.has(next) &&
      (nominalLemma(next) !== null ||
        COMPOUND_HEADS.has(next) ||
        (/[^su]s$/.test(next) && !CLAUSE_VERBS.has(next)))
    )
      return null;
  }
  const first = rows[0] as TriggerEntry;
  const d = newDraft(view, first, rows, pos, cand.a, cand.b, cand.head);
  if (pos === "v" || pos === "a") verbClause(view, state, d, verbLike);
  else nounClause(view, state, d, verbLike);
  return finishAnalysis(view, state, d, rows, pos, verbLike, triggerAt);
}

function newDraft(
  view: SentenceView,
  first: TriggerEntry,
  rows: TriggerEntry[],
  pos: "v" | "n" | "a",
  a: number,
  b: number,
  head: number,
): Draft {
  const d: Draft = {
    entry: first,
    type: (first.type ?? "ASSAULT") as EventType,
    mode: first.mode,
    pos,
    a,
    b,
    head,
    groupStart: a,
    passive: false,
    negated: false,
    hypothetical: false,
    future: false,
    subj: null,
    obj: null,
    pps: new Map(),
    clauseEnd: view.to,
    ppEnd: view.to,
    prepBefore: "",
    light: -1,
    governor: null,
    complements: [],
    govKind: null,
    actor: null,
    recipient: null,
    dead: null,
    injured: null,
    arrested: null,
    size: null,
    vague: new Set(),
    drop: false,
    alias: null,
    event: null,
    rule: first.rule,
  };
  (d as Draft & { rows: TriggerEntry[] }).rows = rows;
  d.clauseEnd = clauseEnd(view, b);
  d.ppEnd = d.clauseEnd;
  return d;
}

function finishAnalysis(
  view: SentenceView,
  state: CoderState,
  d: Draft,
  rows: TriggerEntry[],
  pos: "v" | "n" | "a",
  verbLike: (i: number) => boolean,
  triggerAt: Set<number>,
): Draft | null {
  const { ix } = view;
  collectPps(view, state, d, verbLike, triggerAt);
  // A past participle with no auxiliary and no object after a noun is a reduced relative
  // (`property seized by government forces`, `the agreement signed in March`): background.
  if (
    pos === "v" &&
    d.groupStart === d.a &&
    !d.passive &&
    !d.obj &&
    isPastForm(ix.low[d.head] as string, (d.entry.words[0] as string[])[0] as string) &&
    rows.some((r) => r.recipient.includes("obj")) &&
    d.subj !== null &&
    !/^(he|she|they|it|we|i)$/.test(ix.low[d.a - 1] as string) &&
    reducedRelativeTail(view, d.b)
  )
    return null;
  // A participle clause after the main event tells its content (`rallied, calling for
  // independence`; `rejected X, urging Y`): the topic is not a separate event.
  if (
    pos === "v" &&
    d.groupStart === d.a &&
    (ix.low[d.head] as string).endsWith("ing") &&
    (ix.low[d.a - 1] === "," || !d.subj) &&
    rows.every((r) => r.type !== null && QUADS[r.type].startsWith("verbal")) &&
    triggerBefore(triggerAt, view.from, d.a)
  )
    return null;
  // `rioted, setting fire to their mattresses`: what the rioters did is the riot itself.
  if (
    pos === "v" &&
    d.groupStart === d.a &&
    (ix.low[d.head] as string).endsWith("ing") &&
    ix.low[d.a - 1] === "," &&
    rows.some(
      (r) =>
        r.rule.startsWith("assault/") && /(set-fire|burn|torch|destroy|throw-stones)/.test(r.rule),
    ) &&
    riotBefore(view, triggerAt, d.a)
  )
    return null;
  // `rebels fighting to topple the government`: a participle describing a noun, not a report.
  if (
    pos === "v" &&
    d.groupStart === d.a &&
    (ix.low[d.head] as string).endsWith("ing") &&
    d.a - 1 >= view.from &&
    ix.tokens[d.a - 1]?.kind === "word" &&
    !DETERMINERS.has(ix.low[d.a - 1] as string) &&
    !PREPOSITIONS.has(ix.low[d.a - 1] as string) &&
    !isAux(ix.low[d.a - 1] as string) &&
    !/^(and|or|but|while|after|before|by|without|as)$/.test(ix.low[d.a - 1] as string) &&
    triggerBefore(triggerAt, view.from, d.a)
  )
    return null;
  // Background told in a relative clause (`where 28 people have been killed`, `whom they had
  // taken hostage`): an earlier event recalled, not the one reported.
  if (pos === "v" && inRelativeClause(view, d)) {
    // Killings and arrests fold into the attack they belong to, if any (foldCounts).
    if (COUNT_FIELD[d.rule]) (d as Draft & { background?: boolean }).background = true;
    else if (perfect(ix, d) || (d.passive && !d.pps.has("by"))) return null;
    // `The AWC, which supports charitable initiatives`: a habit described, not an event.
    else if (
      d.groupStart === d.a &&
      /[^s]s$/.test(ix.low[d.head] as string) &&
      !PAST_OR_ING.test(ix.low[d.head] as string)
    )
      return null;
  }
  return d;
}

/** After a participle: a preposition (not `to`), punctuation or the end, over time words. */
function reducedRelativeTail(view: SentenceView, b: number): boolean {
  const { ix } = view;
  let t = b;
  while (
    t < view.to &&
    ((ix.date[t] as number) >= 0 ||
      TIME_WORDS.has(ix.low[t] as string) ||
      (/^(on|last|this|early|late)$/.test(ix.low[t] as string) && (ix.date[t + 1] as number) >= 0))
  )
    t++;
  if (t >= view.to || isPunct(ix, t)) return true;
  const w = ix.low[t] as string;
  return PREPOSITIONS.has(w) && w !== "to";
}

const PAST_OR_ING = /(ed|ing)$/;

/** Whether the verb group of `d` opens a relative clause (`, where ...`, `whom they ...`). */
function inRelativeClause(view: SentenceView, d: Draft): boolean {
  const { ix } = view;
  for (let j = d.groupStart - 1; j >= Math.max(view.from, d.groupStart - 8); j--) {
    const w = ix.low[j] as string;
    if (/^(who|whom|which|where|whose)$/.test(w)) return true;
    if (isPunct(ix, j) || SUBORDINATORS.has(w) || isAux(w)) return false;
  }
  return false;
}

/** A perfect verb group (`have been killed`, `had taken`): told as before the main event. */
function perfect(ix: DocIndex, d: Draft): boolean {
  for (let j = d.groupStart; j < d.a; j++)
    if (/^(has|have|had)$/.test(ix.low[j] as string)) return true;
  return false;
}

/** Adverbs that stand inside a verb group (`has once again outright rejected`). */
const GROUP_ADVERBS = new Set(
  "once again outright already further also still just now then repeatedly flatly firmly strongly formally officially publicly reportedly bluntly reluctantly finally jointly unilaterally quietly swiftly".split(
    " ",
  ),
);

/** Attitudes whose content is no event: `expressed concern over ...`, `hopes that ...`. */
const ATTITUDE_VERBS = new Set([
  "expressed",
  "expresses",
  "express",
  "expressing",
  "voiced",
  "voices",
  "voice",
]);
const ATTITUDE_NOUNS = new Set([
  "concern",
  "concerns",
  "pessimism",
  "optimism",
  "hope",
  "hopes",
  "doubt",
  "doubts",
  "fear",
  "fears",
  "skepticism",
  "scepticism",
  "frustration",
  "disappointment",
  "regret",
  "condolences",
  "sympathy",
  "confidence",
]);
const WISH_VERBS = new Set([
  "hope",
  "hopes",
  "hoped",
  "hoping",
  "wish",
  "wishes",
  "wished",
  "fear",
  "fears",
  "feared",
]);

function dropAttitudes(view: SentenceView, drafts: Draft[]): void {
  const { ix } = view;
  for (let i = view.from; i < view.to; i++) {
    const w = ix.low[i] as string;
    let opens = false;
    if (ATTITUDE_VERBS.has(w)) {
      for (let j = i + 1; j < Math.min(view.to, i + 4); j++)
        if (ATTITUDE_NOUNS.has(ix.low[j] as string)) opens = true;
    } else if (
      WISH_VERBS.has(w) &&
      (ix.low[i + 1] === "that" || ix.tokens[i + 1]?.kind === "word")
    ) {
      opens = !ix.doc.entities[ix.entity[i] as number];
    }
    if (!opens) continue;
    for (const d of drafts) if (d.a > i && d.a < i + 16 && d.a < view.to && !d.drop) d.drop = true;
  }
}

/** Nouns a trigger word may modify (`aid program`, `strike force`). */
const COMPOUND_HEADS = new Set(
  "program programme package convoy agency group force worker official operation plan deal victim victims campaign zone area site route corridor flight flights money fund budget".split(
    " ",
  ),
);

const MUST_ENTRY: TriggerEntry = {
  words: [["must"]],
  head: 0,
  pos: "v",
  type: "REQUEST",
  mode: null,
  recipient: [],
  flags: new Set(["ctl"]),
  objClass: null,
  subjClass: null,
  pp: null,
  rule: "request/must-clause",
  // "Y must Z" is insisted on, not appealed for: CAMEO 10 "demand".
  cameo: "100",
  user: false,
  order: -1,
};

const REPORTING = new Set(
  "said says saying declared declares concluded insisted insists reiterated reiterates stressed stresses announced told warned added demanded argued maintained".split(
    " ",
  ),
);

/**
 * `X said (that) Y must Z`: X demands Z of Y. The `must` clause is a REQUEST by the
 * reporting verb's subject, with the `must` clause's subject as recipient; triggers inside
 * it are its content.
 */
function mustClauses(view: SentenceView, drafts: Draft[], verbLike: (i: number) => boolean): void {
  const { ix } = view;
  for (let i = view.from + 2; i < view.to; i++) {
    if (ix.low[i] !== "must") continue;
    const recipient = subjectBefore(view, i, verbLike);
    if (!recipient) continue;
    let speech = -1;
    for (let j = recipient[0] - 1; j >= view.from && j >= recipient[0] - 8; j--) {
      if (REPORTING.has(ix.low[j] as string)) {
        speech = j;
        break;
      }
    }
    if (speech < 0) continue;
    let g = speech;
    while (
      g - 1 >= view.from &&
      (isAux(ix.low[g - 1] as string) || TIME_WORDS.has(ix.low[g - 1] as string))
    )
      g--;
    const d = newDraft(view, MUST_ENTRY, [MUST_ENTRY], "v", i, i + 1, i);
    d.subj = subjectBefore(view, g, verbLike);
    d.groupStart = i;
    (d as Draft & { mustRecipient?: Range }).mustRecipient = recipient;
    for (const c of drafts) {
      if (c.a > i && c.a < d.clauseEnd && !c.governor) {
        c.governor = d;
        c.govKind = "subsume";
        d.complements.push(c);
        c.drop = true;
      }
    }
    // A `demanded that Y must` is already a request: it asks Y.
    const existing = drafts.find((x) => x.a === speech && x.type === "REQUEST");
    if (existing) {
      (existing as Draft & { mustRecipient?: Range }).mustRecipient = recipient;
      continue;
    }
    // `rallied ..., saying he must resign`: the demand is the protest's topic, not an event.
    if ((ix.low[speech] as string).endsWith("ing") && drafts.some((x) => x.a < speech && !x.drop))
      continue;
    drafts.push(d);
  }
  drafts.sort((x, y) => x.a - y.a);
}

/** Words that open a phrase telling another event (`after the attack`, `in retaliation for`). */
const CONNECTIVES = new Set([
  "after",
  "before",
  "following",
  "during",
  "since",
  "amid",
  "despite",
  "over",
  "for",
  "by",
]);

/** Whether the noun at `i` heads a phrase opened by a connective: a new event, not our object. */
function opensEvent(ix: DocIndex, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 5); j--) {
    const w = ix.low[j] as string;
    if (CONNECTIVES.has(w)) return true;
    if (PREPOSITIONS.has(w) || isPunct(ix, j)) return false;
  }
  return false;
}

/** Whether a riot or protest verb comes earlier in the sentence. */
function riotBefore(view: SentenceView, triggerAt: Set<number>, to: number): boolean {
  for (let i = view.from; i < to; i++)
    if (
      triggerAt.has(i) &&
      /^(riot|rioted|rioting|protested|demonstrated|stormed)$/.test(view.ix.low[i] as string)
    )
      return true;
  return false;
}

function triggerBefore(triggerAt: Set<number>, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (triggerAt.has(i)) return true;
  return false;
}

/** The end of the clause that starts after token `b`: a semicolon, a quote, a clause word. */
function clauseEnd(view: SentenceView, b: number): number {
  const { ix } = view;
  for (let i = b; i < view.to; i++) {
    const w = ix.low[i] as string;
    // A bracketed acronym after a name (`the Lebanese Armed Forces (LAF) with aircraft`) is
    // part of the name, not a break in the clause.
    if (w === "(" && ix.low[i + 2] === ")" && isCapitalized(ix, i + 1)) {
      i += 2;
      continue;
    }
    if (w === ";" || w === ":" || w === '"' || w === "“" || w === "”" || w === "(") return i;
    if (w === "," && i + 1 < view.to) {
      const next = ix.low[i + 1] as string;
      if (SUBORDINATORS.has(next) || next.endsWith("ing") || SPEECH_VERBS.has(next)) return i;
    }
    if (w === "," && i + 2 < view.to && SPEECH_VERBS.has(ix.low[i + 2] as string)) return i;
  }
  return view.to;
}

function verbClause(
  view: SentenceView,
  _state: CoderState,
  d: Draft,
  verbLike: (i: number) => boolean,
): void {
  const { ix } = view;
  // The verb group: auxiliaries, negation and adverbs before the trigger.
  let g = d.a;
  let sawBe = false;
  while (g - 1 >= view.from) {
    const w = ix.low[g - 1] as string;
    if (
      isAux(w) ||
      NEGATORS.has(w) ||
      (w.endsWith("ly") && w.length > 4 && ix.entity[g - 1] === -1) ||
      w === "also" ||
      w === "not" ||
      w === "get" ||
      w === "got" ||
      w === "going" ||
      w === "still" ||
      w === "again" ||
      GROUP_ADVERBS.has(w)
    ) {
      if (BE.has(w) || w === "get" || w === "got") sawBe = true;
      if (NEGATORS.has(w)) d.negated = true;
      if (FUTURE.has(w)) d.future = true;
      if (MODALS.has(w) && w !== "must") d.hypothetical = true;
      g--;
      continue;
    }
    break;
  }
  if (ix.low[g - 1] === "to" && ix.low[g - 2] === "going") {
    d.future = true;
  }
  d.groupStart = g;
  const headWord = ix.low[d.head] as string;
  const lemma = (d.entry.words[0] as string[])[0] as string;
  const past = isPastForm(headWord, lemma);
  d.passive = sawBe && past && d.pos === "v";
  // Subject: the phrase before the verb group, over time words and appositions.
  d.subj = subjectBefore(view, g, verbLike);
  // Object: the phrase after the trigger (not for passives, whose object is the subject).
  if (!d.passive) {
    let o = d.b;
    while (
      o < d.clauseEnd &&
      /ly$/.test(ix.low[o] as string) &&
      ix.entity[o] === -1 &&
      (ix.low[o] as string).length > 4
    )
      o++;
    // `rejected on Monday an offer`: a time phrase before the object.
    while (
      o < d.clauseEnd &&
      ((ix.date[o] as number) >= 0 ||
        (/^(on|last|this|late|early)$/.test(ix.low[o] as string) &&
          (ix.date[o + 1] as number) >= 0))
    )
      o++;
    // `detained at least 30 people`, `arrested up to 16`: a quantity opens the object.
    const quantityStart =
      (ix.low[o] === "at" && /^(least|most)$/.test(ix.low[o + 1] ?? "")) ||
      (ix.low[o] === "up" && ix.low[o + 1] === "to") ||
      (/^(about|around|over|nearly|almost|some)$/.test(ix.low[o] ?? "") &&
        (ix.tokens[o + 1]?.kind === "number" || /^[$€£]$/.test(ix.low[o + 1] ?? "")));
    // The phrase starts at the number; the approximator words are not prepositions here.
    if (quantityStart) {
      const skip = ix.low[o] === "at" || ix.low[o] === "up" ? 2 : 1;
      const r = phraseRight(ix, o + skip, d.clauseEnd, verbLike);
      d.obj = r ? [o, r[1]] : null;
    } else if (o < d.clauseEnd && !PREPOSITIONS.has(ix.low[o] as string) && ix.low[o] !== "to") {
      if (TIME_WORDS.has(ix.low[o] as string) || (ix.date[o] as number) >= 0) {
        while (
          o < d.clauseEnd &&
          (TIME_WORDS.has(ix.low[o] as string) || (ix.date[o] as number) >= 0)
        )
          o++;
      }
      if (
        o < d.clauseEnd &&
        !PREPOSITIONS.has(ix.low[o] as string) &&
        ix.low[o] !== "to" &&
        ix.low[o] !== "that"
      )
        d.obj = phraseRight(ix, o, d.clauseEnd, verbLike);
    }
    // Elliptic passive of a count verb: `several soldiers injured`, `three people killed`.
    if (
      past &&
      !d.obj &&
      !sawBe &&
      !HAVE_BEFORE(ix, g) &&
      d.subj &&
      /^(assault\/(kill|wound|injure)|coerce\/(arrest|detain))$/.test(d.rule)
    ) {
      d.passive = true;
    }
  }
}

function HAVE_BEFORE(ix: DocIndex, g: number): boolean {
  return /^(have|has|had)$/.test(ix.low[g - 1] ?? "");
}

function subjectBefore(
  view: SentenceView,
  g: number,
  verbLike: (i: number) => boolean,
): Range | null {
  const { ix } = view;
  let i = g - 1;
  // Time words and date phrases between subject and verb (`Iran today accused`, `X on Sunday called`).
  for (;;) {
    if (i < view.from) return null;
    const w = ix.low[i] as string;
    if (TIME_WORDS.has(w) || ((ix.date[i] as number) >= 0 && ix.entity[i] === -1)) {
      i--;
      continue;
    }
    if (
      (w === "on" || w === "in" || w === "last" || w === "this" || w === "early" || w === "late") &&
      i + 1 < g &&
      ((ix.date[i + 1] as number) >= 0 || TIME_WORDS.has(ix.low[i + 1] as string))
    ) {
      i--;
      continue;
    }
    break;
  }
  const w = ix.low[i] as string;
  // A pronoun is the whole subject (`said today it had expelled`).
  if (/^(he|she|it|they|we|i)$/.test(w)) return [i, i + 1];
  // Relative clause: `guerrillas who overran it`.
  if (w === "who" || w === "which" || w === "that") {
    let j = i - 1;
    if (ix.low[j] === ",") j--;
    return j >= view.from ? phraseLeft(ix, j, view.from, verbLike) : null;
  }
  // Apposition: `Mark Esper, the defense secretary, said` → the phrase before the first comma.
  if (w === ",") {
    let j = i - 1;
    while (j >= view.from && ix.low[j] !== "," && j > i - 12) j--;
    if (j > view.from && ix.low[j] === ",") {
      const inner = phraseLeft(ix, i - 1, j + 1, verbLike);
      if (inner && inner[0] === j + 1) return phraseLeft(ix, j - 1, view.from, verbLike);
    }
    return null;
  }
  if (w === "and" || w === "but" || w === "&") {
    return null;
  }
  return phraseLeft(ix, i, view.from, verbLike);
}

function nounClause(
  view: SentenceView,
  state: CoderState,
  d: Draft,
  verbLike: (i: number) => boolean,
): void {
  const { ix } = view;
  // The noun phrase's start: back over modifiers to a determiner or a non-modifier.
  let s = d.a;
  while (s - 1 >= view.from) {
    const w = ix.low[s - 1] as string;
    if (
      (isPunct(ix, s - 1) && ix.low[s - 1] !== "-") ||
      (state.verbForms.has(ix.low[s - 1] as string) &&
        !isCapitalized(ix, s - 1) &&
        ix.entity[s - 1] === -1 &&
        !state.nounForms.has(ix.low[s - 1] as string)) ||
      PREPOSITIONS.has(w) ||
      SUBORDINATORS.has(w) ||
      isAux(w) ||
      verbLike(s - 1) ||
      (LIGHT_VERBS.has(w) && ix.entity[s - 1] === -1)
    )
      break;
    s--;
    if (DETERMINERS.has(w)) break;
  }
  d.groupStart = s;
  d.prepBefore = ix.low[s - 1] ?? "";
  // Premodifiers and possessives are the actor (`U.S. airstrikes`, `Israel's invasion`),
  // without the determiner and time words (`the recent`).
  let m = s;
  while (
    m < d.a &&
    (DETERMINERS.has(ix.low[m] as string) ||
      (ix.date[m] as number) >= 0 ||
      TIME_WORDS.has(ix.low[m] as string))
  )
    m++;
  if (m < d.a) d.subj = [m, d.a];
  // A light verb before the phrase (`launched an attack`, `held talks`).
  const lv = s - 1;
  if (lv >= view.from && LIGHT_VERBS.has(ix.low[lv] as string)) {
    d.light = lv;
    const lightDraft: Draft = {
      ...d,
      a: lv,
      b: lv + 1,
      head: lv,
      pos: "v",
      pps: new Map(),
      subj: null,
      obj: null,
    };
    verbClause(view, state, lightDraft, verbLike);
    d.negated = lightDraft.negated;
    d.future = lightDraft.future;
    d.hypothetical = lightDraft.hypothetical;
    // `failed to reach agreement`, `plans to hold talks`: the light verb's own governor.
    if (ix.low[lightDraft.groupStart - 1] === "to") {
      let g = lightDraft.groupStart - 2;
      while (g > view.from && /ly$/.test(ix.low[g] as string)) g--;
      const gw = ix.low[g] as string;
      const kind = NEGATING_GOVERNORS.has(gw)
        ? "negate"
        : MODAL_GOVERNORS.has(gw)
          ? "modal"
          : TRANSPARENT_GOVERNORS.has(gw)
            ? "transparent"
            : null;
      if (kind) {
        d.govKind = kind;
        if (kind === "modal") {
          d.hypothetical = true;
          d.future = true;
        }
        let vg = g;
        while (
          vg - 1 >= view.from &&
          (isAux(ix.low[vg - 1] as string) || NEGATORS.has(ix.low[vg - 1] as string))
        )
          vg--;
        lightDraft.subj = subjectBefore(view, vg, verbLike);
        lightDraft.groupStart = vg;
      }
    }
    if (!d.subj || !hasActorWord(ix, d.subj)) {
      d.subj = lightDraft.passive ? null : lightDraft.subj;
      (d as Draft & { lightGroup?: number }).lightGroup = lightDraft.groupStart;
    }
    if (lightDraft.passive) d.passive = true;
  } else if (
    lv >= view.from + 1 &&
    ix.low[lv] === "to" &&
    LIGHT_VERBS.has(ix.low[lv - 1] as string)
  ) {
    d.light = lv - 1;
  }
  // The noun as subject of a passive light verb: `air strikes were carried out by X`.
  let r = d.b;
  while (r < d.clauseEnd && (isAux(ix.low[r] as string) || NEGATORS.has(ix.low[r] as string))) r++;
  if (r > d.b && r < d.clauseEnd && LIGHT_VERBS.has(ix.low[r] as string)) {
    d.light = r;
    let t = r + 1;
    if (/^(out|up)$/.test(ix.low[t] as string)) t++;
    d.b = Math.max(d.b, d.b);
    (d as Draft & { after?: number }).after = t;
  }
  if (ix.low[d.a - 1] === "no") d.negated = true;
}

function hasActorWord(ix: DocIndex, r: Range): boolean {
  for (let i = r[0]; i < r[1]; i++)
    if (ix.entity[i] !== -1 || nominalLemma(ix.low[i] as string)) return true;
  return false;
}

/** Prepositional phrases of the clause after the trigger, first of each preposition. */
function collectPps(
  view: SentenceView,
  state: CoderState,
  d: Draft,
  verbLike: (i: number) => boolean,
  triggerAt: Set<number>,
): void {
  const { ix } = view;
  const from = (d as Draft & { after?: number }).after ?? (d.obj ? d.obj[1] : d.b);
  let i = from;
  // A noun's own `of` phrase comes right after it.
  if (d.pos === "n" && ix.low[d.b] === "of") {
    const r = phraseRight(ix, d.b + 1, d.clauseEnd, verbLike);
    if (r) d.pps.set("of", r);
  }
  for (; i < d.clauseEnd; i++) {
    const w = ix.low[i] as string;
    if (w === ",") break;
    // Another trigger's phrases are its own; a purpose clause (`to strengthen`) ends ours.
    if (triggerAt.has(i) && i !== d.head && (state.verbForms.has(w) || opensEvent(ix, i))) {
      d.ppEnd = i;
      break;
    }
    if (w === "to" && state.verbForms.has(ix.low[i + 1] as string)) {
      d.ppEnd = i;
      break;
    }
    if (!PREPOSITIONS.has(w)) continue;
    if (d.pps.has(w)) continue;
    // A noun's `of` phrase is the one right after it (`withdrawal of troops`), not a later one.
    if (w === "of" && d.pos === "n") continue;
    const r = phraseRight(ix, i + 1, d.clauseEnd, verbLike);
    if (!r) continue;
    d.pps.set(w, r);
    // Only the first few phrases belong to the trigger.
    if (d.pps.size >= 4) break;
  }
}

// ---------------------------------------------------------------- complements

/**
 * A trigger in the complement of another (`threatened to attack`, `accused X of violating`,
 * `condemned the attack`): subsumed by the governor, which takes its mode and recipient;
 * under `plans to` it is planned; under `tried to` it happened; after a bare purpose `to`
 * (`sent to strengthen security`) it is no event at all.
 */
function governComplements(view: SentenceView, drafts: Draft[], state: CoderState): void {
  const { ix } = view;
  const byToken = new Map<number, Draft>();
  for (const d of drafts) for (let t = d.a; t < d.b; t++) byToken.set(t, d);
  for (const d of drafts) {
    // `to VERB`: find what governs the infinitive.
    if (d.pos === "v" && ix.low[d.groupStart - 1] === "to") {
      let g = d.groupStart - 2;
      let kind: Draft["govKind"] = "purpose";
      let governor: Draft | null = null;
      for (let steps = 0; g >= view.from && steps < 9; g--, steps++) {
        const w = ix.low[g] as string;
        if (w === "," || w === ";" || (SUBORDINATORS.has(w) && w !== "that")) break;
        const gd = byToken.get(g);
        if (
          gd &&
          gd !== d &&
          (gd.entry.flags.has("ctl") ||
            (gd as Draft & { rows: TriggerEntry[] }).rows.some((r) => r.flags.has("ctl")))
        ) {
          governor = gd;
          kind = gd.entry.flags.has("modal") && !gd.obj ? "modal" : "subsume";
          break;
        }
        if (MODAL_GOVERNORS.has(w)) {
          kind = "modal";
          break;
        }
        if (TRANSPARENT_GOVERNORS.has(w)) {
          kind = "transparent";
          break;
        }
        if (NEGATING_GOVERNORS.has(w)) {
          kind = "negate";
          break;
        }
        if (w === "order" && ix.low[g - 1] === "in") {
          kind = "purpose";
          break;
        }
        // The governor's object may stand between (`urged the EC to`); other verbs end the search.
        if (gd && gd !== d) break;
        if (state.verbOnly.has(w) || isAux(w)) break;
      }
      applyGovernor(d, governor, kind, g, view);
      continue;
    }
    // `accused X of violating`: a gerund after `of` under a governor.
    if (d.pos === "v" && (ix.low[d.a] as string).endsWith("ing") && ix.low[d.a - 1] === "of") {
      for (let g = d.a - 2; g >= view.from && g > d.a - 10; g--) {
        const gd = byToken.get(g);
        if (gd && gd !== d) {
          if (gd.entry.flags.has("ctl")) applyGovernor(d, gd, "subsume", g, view);
          break;
        }
      }
    }
  }
  // Objects and complements of verbal triggers (`condemned the attack`, `warned that ...`,
  // `agreed to postpone the demonstration`): told as the content of another act, not events
  // of their own.
  for (const g of drafts) {
    if (g.drop && !g.governor) continue;
    // Nouns govern only what they introduce with `that` or `to` (`its demand that Israel ease`).
    if (g.pos === "n" && !isGovernor(g)) continue;
    const ctl = isGovernor(g);
    const end = ctl ? Math.min(g.clauseEnd, g.b + 16) : g.obj ? g.obj[1] : g.b;
    for (const d of drafts) {
      if (d === g || d.governor || d.drop || d.a < g.b || d.a >= end) continue;
      // A speech verb or a new clause in between reports something else.
      let blocked = false;
      let opener = false;
      for (let t = g.b; t < d.a; t++) {
        const w = ix.low[t] as string;
        if (
          SPEECH_VERBS.has(w) ||
          /^(as|after|when|while|because|but|although|since|before|following|despite)$/.test(w)
        )
          blocked = true;
        if (w === "that" || w === "to" || w === "of") opener = true;
      }
      if (blocked) continue;
      const inObject = g.obj !== null && d.a >= g.obj[0] && d.a < g.obj[1];
      if (g.pos === "n") {
        if (
          opener &&
          (ix.low[g.b] === "that" || ix.low[g.b] === "to" || TIME_WORDS.has(ix.low[g.b] as string))
        )
          applyGovernor(d, g, "subsume", g.a, view);
      } else if (d.pos === "n") {
        const lightInside =
          d.light < 0 || ix.low[d.light - 1] === "to" || (d.light >= g.a && d.light < d.a);
        if (lightInside) applyGovernor(d, g, "subsume", g.a, view);
      } else if ((ctl && opener) || inObject) applyGovernor(d, g, "subsume", g.a, view);
    }
  }
}

function isGovernor(d: Draft): boolean {
  return (
    (d as Draft & { rows: TriggerEntry[] }).rows.some((r) => r.flags.has("ctl")) ||
    d.entry.flags.has("ctl")
  );
}

function applyGovernor(
  d: Draft,
  governor: Draft | null,
  kind: Draft["govKind"],
  _at: number,
  view: SentenceView,
): void {
  d.govKind = kind;
  if (kind === "purpose") {
    d.drop = true;
    return;
  }
  if (kind === "modal") {
    d.hypothetical = true;
    d.future = true;
    return;
  }
  if (kind === "negate") {
    d.negated = true;
    return;
  }
  if (kind === "transparent") return;
  if (!governor) return;
  // Nominal objects with their own arguments are events in their own right
  // (`condemned the airstrikes on Y that killed 5`).
  if (
    d.pos === "n" &&
    d.type === "ASSAULT" &&
    (d.pps.has("on") || d.pps.has("against") || d.pps.has("by"))
  )
    return;
  d.governor = governor;
  governor.complements.push(d);
  d.drop = true;
  void view;
}

// ---------------------------------------------------------------- arguments

const REPORTED_PRONOUNS = new Set(["he", "she", "it", "they", "we"]);

function resolveActor(
  view: SentenceView,
  ac: ArgumentContext,
  d: Draft,
  verbLike: (i: number) => boolean,
): void {
  const { ix } = view;
  const resolve = (r: Range | null | undefined): Resolved | null =>
    r ? resolveArgument(ac, r, d.head) : null;
  // Actor.
  if (d.pos === "n") {
    const by = d.pps.get("by");
    d.actor = resolve(by) ?? resolve(d.subj);
    if (!d.actor && d.entry.flags.has("ofactor")) d.actor = resolve(d.pps.get("of"));
    // A light verb's subject when the noun's own modifiers name no actor.
    if (!d.actor && d.light >= 0) {
      const lg = (d as Draft & { lightGroup?: number }).lightGroup;
      if (lg !== undefined) d.actor = resolve(subjectBefore(view, lg, verbLike));
    }
  } else if (d.passive) {
    d.actor = resolve(d.pps.get("by"));
    // `guerrillas have been demobilized`, `troops were withdrawn`: those who retreat act.
    if (!d.actor && (d.entry.type === "RETREAT" || d.entry.rule === "retreat/withdraw"))
      d.actor = resolve(d.subj);
  } else {
    d.actor = resolve(d.subj);
  }
  // `X said he will not lift the embargo`: a subject pronoun of a reported clause is the
  // reporter, its nearest and commonest antecedent.
  const uncoded = (r: Resolved | null): boolean =>
    r === null || (r.arg.country === null && r.arg.sector === null && r.named !== true);
  if (
    uncoded(d.actor) &&
    d.subj &&
    d.subj[1] - d.subj[0] === 1 &&
    REPORTED_PRONOUNS.has(ix.low[d.subj[0]] as string)
  ) {
    let v = d.subj[0] - 1;
    if (ix.low[v] === "that") v--;
    if (v >= view.from && SPEECH_VERBS.has(ix.low[v] as string)) {
      while (v - 1 >= view.from && isAux(ix.low[v - 1] as string)) v--;
      const reporter = resolve(subjectBefore(view, v, verbLike));
      if (!uncoded(reporter)) d.actor = reporter;
    }
  }
  // Transparent or planned complements keep the governor verb's subject (`attempted to storm`).
  if (
    !d.actor &&
    d.pos === "v" &&
    (d.govKind === "transparent" || d.govKind === "modal" || d.govKind === "negate") &&
    !d.passive
  ) {
    let g = d.groupStart - 2;
    while (
      g > view.from &&
      !TRANSPARENT_GOVERNORS.has(ix.low[g] as string) &&
      !MODAL_GOVERNORS.has(ix.low[g] as string) &&
      !NEGATING_GOVERNORS.has(ix.low[g] as string)
    )
      g--;
    let vg = g;
    while (
      vg - 1 >= view.from &&
      (isAux(ix.low[vg - 1] as string) || NEGATORS.has(ix.low[vg - 1] as string))
    )
      vg--;
    const subj = subjectBefore(view, vg, verbLike);
    if (subj) {
      d.subj = subj;
      d.actor = resolve(subj);
    }
  }
}

function resolveRecipient(
  view: SentenceView,
  ac: ArgumentContext,
  d: Draft,
  verbLike: (i: number) => boolean,
  verbForms: Set<string>,
): void {
  const { ix } = view;
  const recipientSlots = d.entry.recipient;
  const resolve = (r: Range | null | undefined): Resolved | null =>
    r ? resolveArgument(ac, r, d.head) : null;
  const must = (d as Draft & { mustRecipient?: Range }).mustRecipient;
  if (must) {
    d.recipient = resolve(must);
    if (d.recipient) return;
  }
  // Recipient.
  for (const slot of recipientSlots) {
    let r: Range | null | undefined = null;
    if (slot === "obj") r = d.passive ? d.subj : d.pos === "v" ? d.obj : null;
    else if (slot === "of" && d.entry.flags.has("ofactor")) r = null;
    else r = d.pps.get(slot);
    if (!r) continue;
    // A date is never a recipient (`on Tuesday`).
    if ((ix.date[r[0]] as number) >= 0 && ix.entity[r[0]] === -1) continue;
    const res = resolve(r);
    if (res) {
      d.recipient = res;
      break;
    }
  }
  // The object of `call on X to`, `urge X to`: the phrase after the particle.
  if (!d.recipient && d.pos === "v" && d.entry.words.length > 1 && !d.passive) {
    const r = phraseRight(ix, d.b, d.clauseEnd, verbLike);
    if (r && (recipientSlots.includes("obj") || recipientSlots.length === 0))
      d.recipient = resolve(r);
  }
  // `demanded that the US cancel ...`: the subject of the that-clause is asked.
  if (!d.recipient && d.type === "REQUEST") {
    let t = d.b;
    while (t < d.clauseEnd && (TIME_WORDS.has(ix.low[t] as string) || (ix.date[t] as number) >= 0))
      t++;
    if (ix.low[t] === "that")
      d.recipient = resolve(subjectOfClause(view, t + 1, verbLike, verbForms));
  }
  // No recipient where the lexicon looks: the first named actor with a country in the
  // trigger's object or phrases (`offered to hand over to Great Britain`).
  if (!d.recipient) {
    const ranges: Range[] = [];
    if (d.obj && !d.passive) ranges.push(d.obj);
    const preps =
      QUADS[d.type] === "verbal-conflict"
        ? ["to", "for", "with", "against", "on", "from", "between", "by"]
        : ["to", "for", "with", "against", "on", "from", "between"];
    for (const p of preps) {
      const r = d.pps.get(p);
      if (r) ranges.push(r);
    }
    for (const r of ranges) {
      const res = resolve(r);
      if (
        res?.arg.country &&
        res.arg.entity !== undefined &&
        (!d.actor || res.arg.country !== d.actor.arg.country)
      ) {
        d.recipient = res;
        break;
      }
    }
  }
  // `threatened to strike unless Israel rescinded`: the condition names who is threatened.
  if (!d.recipient && d.type === "THREATEN") {
    for (let t = d.b; t < view.to; t++) {
      if (ix.low[t] !== "unless" && ix.low[t] !== "if") continue;
      const r = resolve(subjectOfClause(view, t + 1, verbLike, verbForms));
      if (r?.arg.country && r.arg.country !== d.actor?.arg.country) d.recipient = r;
      break;
    }
  }
  // A protest is against whoever its purpose names (`to protest against Sweden's decision`,
  // `to demand the resignation of President X`, `in defiance of Chinese authorities`).
  if (!d.recipient && d.type === "PROTEST") d.recipient = purposeTarget(view, ac, d);
  // Measures on a territory are directed at it (`lifted a curfew in Montenegro`); so is
  // force used on another country's territory (`bombers struck in Tel Aviv`).
  if (
    !d.recipient &&
    (PLACE_DIRECTED.has(d.type) || (d.type === "ASSAULT" && d.actor?.arg.country))
  ) {
    const r = d.pps.get("in");
    const res = r ? resolve(r) : null;
    if (res?.arg.country && (!d.actor || res.arg.country !== d.actor.arg.country))
      d.recipient = res;
  }
  if (d.actor && d.recipient && d.actor.arg.start === d.recipient.arg.start) d.recipient = null;
  // A recipient must name someone: a country, a sector or a named actor (not `the Black Sea`).
  if (d.recipient && !d.recipient.arg.country && !d.recipient.arg.sector) {
    const k = d.recipient.arg.entity;
    const t = k !== undefined ? ix.doc.entities[k]?.type : undefined;
    if (t === undefined || t === "LOC" || t === "FAC" || t === "GPE") d.recipient = null;
  }
}

/** Types whose recipient may be the territory they are applied to. */
const PLACE_DIRECTED = new Set<EventType>(["COERCE", "CONCEDE", "THREATEN", "SANCTION", "PROTEST"]);

/** Locative prepositions: what follows them is where, not whom. */
const WHERE = new Set([
  "in",
  "at",
  "near",
  "throughout",
  "across",
  "outside",
  "inside",
  "around",
  "into",
  "through",
]);

/** The first named actor with a country after a protest, outside locative phrases. */
function purposeTarget(view: SentenceView, ac: ArgumentContext, d: Draft): Resolved | null {
  const { ix } = view;
  for (let t = d.b; t < view.to; t++) {
    const w = ix.low[t] as string;
    if (SPEECH_VERBS.has(w)) break;
    const k = ix.entity[t] as number;
    if (k < 0 || ix.entity[t - 1] === k) continue;
    if (WHERE.has(ix.low[t - 1] as string) || WHERE.has(ix.low[t - 2] as string)) continue;
    const country = ix.doc.entities[k]?.actor?.country;
    if (!country || country === d.actor?.arg.country) continue;
    let e = t;
    while (e < view.to && ix.entity[e] === k) e++;
    // Take the head the name modifies, if any (`Sweden's decision` → Sweden).
    return resolveArgument(ac, [t, e], t);
  }
  return null;
}

/** The subject phrase of a clause starting at token `t` (`the US` of `that the US cancel`). */
function subjectOfClause(
  view: SentenceView,
  t: number,
  verbLike: (i: number) => boolean,
  verbForms: Set<string>,
): Range | null {
  const { ix } = view;
  // The clause's verb ends its subject: `that the president resign`, `that Israel ease`.
  const stop = (i: number): boolean =>
    verbLike(i) ||
    (i > t && ix.entity[i] === -1 && !isCapitalized(ix, i) && verbForms.has(ix.low[i] as string));
  return phraseRight(ix, t, view.to, stop, 8);
}

/**
 * A verb with no subject of its own after `and` or a comma (`opened fire ..., killing one
 * person and arresting 12`) shares the subject of the event before it.
 */
function inheritActors(view: SentenceView, drafts: Draft[]): void {
  const { ix } = view;
  let prev: Draft | null = null;
  for (const d of drafts) {
    if (d.drop && !d.governor) continue;
    if (!d.actor && d.pos === "v" && !d.passive && prev?.actor && d.governor === null) {
      const before = ix.low[d.groupStart - 1] as string;
      if (
        before === "and" ||
        before === "," ||
        ((ix.low[d.a] as string).endsWith("ing") && before !== "to")
      )
        d.actor = prev.actor;
    }
    prev = d;
  }
}

/** Among the rows of a trigger, the first whose conditions hold; a `-` row blocks the event. */
function chooseRow(view: SentenceView, state: CoderState, d: Draft): void {
  const { ix } = view;
  const rows = (d as Draft & { rows: TriggerEntry[] }).rows;
  const objRange = d.passive ? d.subj : d.obj;
  const headLemmas = (r: Range | null): string[] => {
    if (!r) return [];
    const out: string[] = [];
    for (let i = r[0]; i < r[1]; i++) {
      const w = ix.low[i] as string;
      out.push(w, lemmaOf(w));
    }
    // Two-word class members (`tear gas`).
    for (let i = r[0]; i + 1 < r[1]; i++) out.push(`${ix.low[i]} ${ix.low[i + 1]}`);
    return out;
  };
  // `provided the army with aircraft and weapons`: what is given may follow `with`.
  const objWords = [...headLemmas(objRange), ...headLemmas(d.pps.get("with") ?? null)];
  const subjWords = headLemmas(d.passive ? null : d.subj);
  for (const row of rows) {
    if (row.objClass && !objWords.some((w) => inClass(state.lexicon, row.objClass as string, w)))
      continue;
    if (row.subjClass && !subjWords.some((w) => inClass(state.lexicon, row.subjClass as string, w)))
      continue;
    // `a strike on Monday` is no strike on a target.
    const ppRange = row.pp ? (d.pps.get(row.pp) ?? null) : null;
    const ppIsDate = ppRange !== null && (ix.date[ppRange[0]] as number) >= 0;
    if (row.pp && (!d.pps.has(row.pp) || ppIsDate) && !(row.pp === "on" && d.pps.has("against")))
      continue;
    if (row.type === null) {
      d.drop = true;
      return;
    }
    d.entry = row;
    d.type = row.type;
    d.mode = row.mode;
    d.rule = row.rule;
    return;
  }
  d.drop = true;
}

// ---------------------------------------------------------------- modality

const COOPERATIVE = new Set<EventType>(["CONSULT", "SUPPORT", "COOPERATE", "AID"]);
const MATERIAL_CONFLICT = new Set<EventType>(["ASSAULT", "COERCE", "SANCTION", "PROTEST"]);

/** An event inside an `if`/`unless` clause is a condition, not a report: hypothetical. */
function markConditionals(view: SentenceView, drafts: Draft[]): void {
  const { ix } = view;
  // `Say Mexico demanded ...`, `Imagine the agency sues ...`: a case put, not reported.
  let first = view.from;
  while (first < view.to && (isPunct(ix, first) || /^["“‘'(]$/.test(ix.low[first] as string)))
    first++;
  if (
    SUPPOSITIONS.has(ix.low[first] as string) &&
    isCapitalized(ix, first) &&
    !isPunct(ix, first + 1)
  ) {
    for (const d of drafts) d.hypothetical = true;
    return;
  }
  for (const d of drafts) {
    for (let j = d.groupStart - 1; j >= Math.max(view.from, d.groupStart - 10); j--) {
      const w = ix.low[j] as string;
      if (w === "if" || w === "unless") {
        d.hypothetical = true;
        (d as Draft & { conditional?: boolean }).conditional = true;
        break;
      }
      if (w === "," || w === ";" || (SUBORDINATORS.has(w) && w !== "that")) break;
    }
  }
}

function applyModality(drafts: Draft[]): void {
  for (const g of drafts) {
    if (g.drop) continue;
    // Governors take their complement's mode, recipient and, for polar ones, polarity.
    const c = g.complements[0];
    if (c) {
      chooseComplementMode(g, c);
      if (!g.recipient && c.recipient) g.recipient = c.recipient;
      if (g.entry.flags.has("polar")) {
        const quad = QUADS[c.type];
        if (quad.endsWith("conflict")) g.type = "THREATEN";
        else if (c.type === "RETREAT" || c.type === "CONCEDE")
          g.type = g.type === "THREATEN" ? "AGREE" : g.type;
        else g.type = "AGREE";
        if (g.type === "THREATEN") g.mode = threatMode(c);
      }
    }
  }
  for (const d of drafts) {
    if (d.drop) continue;
    const flags = d.entry.flags;
    if (flags.has("needcomp") && d.complements.length === 0) {
      d.drop = true;
      continue;
    }
    // `failed to reach agreement`, `failed to meet`: a cooperation refused, not a non-event.
    if (
      d.govKind === "negate" &&
      (d.type === "AGREE" || d.type === "CONSULT" || d.type === "COOPERATE" || d.type === "SUPPORT")
    ) {
      d.type = "REJECT";
      d.mode =
        d.type === "REJECT" && (d.entry.type === "CONSULT" || d.entry.type === "AGREE")
          ? "meet"
          : null;
      d.negated = false;
      d.rule = `${d.rule}+failed`;
      continue;
    }
    // Announced future acts by a named actor are intentions: cooperation → AGREE,
    // retreat → CONCEDE, force and sanctions → THREATEN (PLOVER's single-category rule).
    const planned = d.future || d.hypothetical;
    const conditional = (d as Draft & { conditional?: boolean }).conditional === true;
    if (planned && !conditional && !d.passive && (d.actor || d.subj) && !d.governor) {
      if (
        d.negated &&
        (COOPERATIVE.has(d.type) ||
          d.type === "AGREE" ||
          d.type === "CONCEDE" ||
          d.type === "RETREAT")
      ) {
        d.type = "REJECT";
        d.mode = null;
        d.negated = false;
        d.hypothetical = false;
        d.rule = `${d.rule}+refuse`;
      } else if (COOPERATIVE.has(d.type)) {
        d.type = "AGREE";
        d.mode = null;
        d.hypothetical = false;
        d.rule = `${d.rule}+intent`;
      } else if (d.type === "RETREAT") {
        d.type = "CONCEDE";
        d.mode = null;
        d.hypothetical = false;
        d.rule = `${d.rule}+intent`;
      } else if (MATERIAL_CONFLICT.has(d.type) && !d.negated) {
        const threat: Draft = { ...d };
        d.mode = threatMode(threat);
        d.type = "THREATEN";
        d.hypothetical = false;
        d.rule = `${d.rule}+threat`;
      }
    }
  }
}

function threatMode(c: Draft): string | null {
  switch (c.type) {
    case "ASSAULT":
      return "violence";
    case "COERCE":
      return c.mode === "arrest" ? "arrest" : c.mode === "seize" ? "territory" : "restrict";
    case "SANCTION":
      return c.mode === "expel" ? "expel" : "relations";
    case "PROTEST":
      return "restrict";
    case "MOBILIZE":
      return "violence";
    default:
      return null;
  }
}

function chooseComplementMode(g: Draft, c: Draft): void {
  if (g.mode) return;
  if (g.type === "REQUEST" || g.type === "REJECT") {
    if (c.type === "AID" || c.type === "COOPERATE" || c.type === "SUPPORT") g.mode = "assist";
    else if (c.mode === "resign") g.mode = "change";
    else if (c.type === "RETREAT" || c.type === "CONCEDE") g.mode = "yield";
    else if (c.type === "CONSULT" || c.type === "AGREE") g.mode = "meet";
    else g.mode = "change";
  } else if (g.type === "THREATEN") {
    g.mode = threatMode(c);
  }
}

// ---------------------------------------------------------------- counts

/**
 * `in which an American contractor was killed and several soldiers injured`: killings and
 * woundings told as part of an attack are that attack's counts, not events of their own.
 */
function foldCounts(
  view: SentenceView,
  drafts: Draft[],
  ac: ArgumentContext,
  verbLike: (i: number) => boolean,
): void {
  const { ix } = view;
  const live = drafts.filter((d) => !d.drop);
  for (const k of live) {
    const field = COUNT_FIELD[k.rule];
    if (!field || k.pos !== "v") continue;
    const victims = k.passive ? k.subj : k.obj;
    const q = victims ? quantity(ix, victims, field !== "arrested") : null;
    // The attack this count belongs to: the nearest ASSAULT before it in the sentence, or
    // after it when the count verb is a passive without an agent (`were killed in a bombing`).
    let host: Draft | null = null;
    if (field !== "arrested") {
      for (const h of live) {
        if (
          h === k ||
          h.drop ||
          h.type !== "ASSAULT" ||
          (COUNT_FIELD[h.rule] === "dead" && field === "dead")
        )
          continue;
        if (h.a < k.a) host = h;
      }
      if (!host && k.passive && !k.actor) {
        for (const h of live) {
          if (h !== k && !h.drop && h.type === "ASSAULT" && h.a > k.a && !COUNT_FIELD[h.rule]) {
            host = h;
            break;
          }
        }
      }
    }
    // A killing recalled in a relative clause with no attack to belong to is background.
    if (
      !host &&
      (k as Draft & { background?: boolean }).background &&
      k.passive &&
      !k.pps.has("by")
    ) {
      k.drop = true;
      continue;
    }
    const target = host ?? k;
    if (q) {
      if (q.value !== null) target[field] = (target[field] ?? 0) + q.value;
      else target.vague.add(field);
    }
    if (host) {
      if (!host.recipient && victims) host.recipient = resolveArgument(ac, victims, k.head);
      if (!host.actor && k.actor) host.actor = k.actor;
      k.drop = true;
    }
  }
  // Size of a mobilisation or a protest: the number before its people (`About 100 marines`).
  for (const d of live) {
    if (d.drop || (d.type !== "MOBILIZE" && d.type !== "PROTEST")) continue;
    const who =
      d.type === "MOBILIZE" && d.pos === "v" ? (d.passive ? d.subj : (d.obj ?? d.subj)) : d.subj;
    const q = who ? quantity(ix, who, false) : null;
    // A count of people (`About 100 marines`, `Thousands of students`), not of groups
    // (`Seven opposition parties`).
    const headWord = who ? (ix.low[who[1] - 1] as string) : "";
    const sector = nominalSector(headWord);
    const people =
      sector === "CVL" ||
      sector === "MIL" ||
      sector === "COP" ||
      sector === "REF" ||
      sector === "REB";
    if (q && people) {
      if (q.value !== null) d.size = q.value;
      else d.vague.add("size");
    }
  }
  void verbLike;
}

// ---------------------------------------------------------------- literal uses only

/** Force verbs whose figurative object makes them words (`attacked her record`): ACCUSE. */
const VERBAL_FORCE =
  /^assault\/(attack|attack-noun|assault|assault-noun|pound|hammer|slam|blast|bash|batter|hit)$/;

/** Coercion that takes hold of a party or a thing (not bans or restrictions, whose objects are abstract). */
const PHYSICAL_COERCION =
  /^coerce\/(seize|occupy|raid|confiscate|capture|round-up|arrest|detain|jail|storm|hack|hack-into|abduct|kidnap)$/;

/** Drop a draft; a dropped complement no longer lends its type to its governor. */
function dropDraft(d: Draft, rule: string): void {
  d.drop = true;
  d.rule = `${d.rule}-${rule}`;
  if (d.governor) {
    d.governor.complements = d.governor.complements.filter((c) => c !== d);
    d.governor = null;
  }
}

function toAccuse(d: Draft, rule: string): void {
  d.type = "ACCUSE";
  d.mode = "disapprove";
  d.rule = `${d.rule}+${rule}`;
}

/**
 * Keep only literal, particular events done by someone: figures of speech (`fighting climate
 * change`, `pounding Trump as a "con artist"`), suicides and idioms (`killing themselves`),
 * kinds and statistics (`every shooting`, `the epidemic of police killing ...`), subjects that
 * cannot act (`a study`, `protocol`, `rice mills`), and senses of trigger words that are no
 * event (`meet a threshold`, `RT host`, `demonstrate the safety of`) are not coded.
 */
function literalOnly(view: SentenceView, d: Draft): void {
  const { ix } = view;
  // `Trump's tweets accusing X`, `a Donald Trump tweet attacking X`: the author acts.
  authorOfWords(view, d);
  trimAtVerb(view, d);
  const base = d.entry.type;
  const lemmaRule = d.entry.rule;
  const force = base === "ASSAULT" || (base === "COERCE" && PHYSICAL_COERCION.test(lemmaRule));
  const march = lemmaRule.startsWith("protest/march");
  // `seizing on remarks`: to exploit, not to take.
  if (lemmaRule === "coerce/seize" && d.pos === "v" && /^(on|upon)$/.test(ix.low[d.b] ?? "")) {
    dropDraft(d, "seize-on");
    return;
  }
  if (force && d.obj && REFLEXIVES.has(ix.low[d.obj[0]] as string)) {
    dropDraft(d, "reflexive");
    return;
  }
  // `pounding Trump as a "con artist"`: the object is called something — words, not force.
  if (force && d.pos === "v" && d.obj && ix.low[d.obj[1]] === "as") {
    const next = ix.low[d.obj[1] + 1] ?? "";
    if (/^(a|an|the|being|["“'‘])$/.test(next)) {
      toAccuse(d, "called-as");
      return;
    }
  }
  // The object of force must be a party or a thing, not an idea, a problem or a text.
  if (force || march || lemmaRule === "mobilize/deploy") {
    // A noun's `on`/`toward` phrase is its target (`attacks on her record`, `march toward
    // Election Day`); a verb's is a setting (`detained in a clampdown on the profession`),
    // except for `seize on` (`seizing on remarks`). A passive subject is the target, resolved
    // elsewhere.
    const verbOn = d.pos === "v" && lemmaRule === "coerce/seize" ? d.pps.get("on") : undefined;
    const target = d.passive
      ? null
      : (d.obj ??
        d.pps.get("against") ??
        d.pps.get("through") ??
        verbOn ??
        (d.pos === "n"
          ? (d.pps.get("on") ?? d.pps.get("toward") ?? d.pps.get("towards") ?? null)
          : null));
    // `the people getting killed in this deal`: a passive of force set in an abstraction.
    const setting = d.passive && base === "ASSAULT" ? d.pps.get("in") : undefined;
    if (setting && !d.pps.has("by")) {
      const h = headOf(ix, setting);
      if (
        (ix.entity[h] as number) < 0 &&
        (ix.date[h] as number) < 0 &&
        isAbstract(ix.low[h] as string)
      ) {
        dropDraft(d, "figurative");
        return;
      }
    }
    if (target) {
      let h = headOf(ix, target);
      // `through three bouts` + `of walking pneumonia`: what is counted is the head.
      const of = d.pps.get("of");
      if (PARTITIVE.has(ix.low[h] as string) && of && of[0] <= target[1] + 1) h = headOf(ix, of);
      // A date is no target (`attack on New Year Day`) except of a march (`her march toward
      // Election Day` is a campaign going on).
      const dated = (ix.date[h] as number) >= 0;
      const w = ix.low[h] as string;
      const figurative = dated
        ? march
        : (ix.entity[h] as number) < 0 && (isAbstract(w) || (march && MARCH_GOALS.has(w)));
      if (figurative) {
        if (VERBAL_FORCE.test(lemmaRule)) toAccuse(d, "figurative");
        else dropDraft(d, "figurative");
        return;
      }
    }
  }
  if (d.pos === "v" && nonAgent(view, d)) {
    dropDraft(d, "non-agent");
    return;
  }
  if (generic(view, d)) {
    dropDraft(d, "generic");
    return;
  }
  if (lemmaRule === "consult/meet") {
    for (let i = d.b; i < Math.min(d.clauseEnd, d.b + 12); i++) {
      const w = ix.low[i] as string;
      if (w === "," || w === ";") break;
      if (MEET_OBJECTS.has(w)) {
        dropDraft(d, "meet-bar");
        return;
      }
    }
  }
  // `a Russian military hacking group`: the trigger word modifies a noun, it tells no event.
  if (d.pos === "v" && (ix.low[d.head] as string).endsWith("ing") && d.b === d.head + 1) {
    if (MODIFIED_HEADS.has(ix.low[d.b] as string) && !isAux(ix.low[d.groupStart - 1] ?? "")) {
      dropDraft(d, "modifier");
      return;
    }
  }
  // `were charged fees`: the money sense of `charge`.
  if (lemmaRule === "accuse/charge") {
    for (let i = d.b; i < Math.min(d.clauseEnd, d.b + 4); i++) {
      if (CHARGES.has(ix.low[i] as string)) {
        dropDraft(d, "fee");
        return;
      }
    }
  }
  // `Trump is defending his tweets`, `going to defend himself`: no one else is supported.
  if (lemmaRule === "support/defend" && d.pos === "v" && d.obj) {
    const [from, to] = d.obj;
    let own = REFLEXIVES.has(ix.low[from] as string);
    // `his early-morning tweets`, `his executive actions`, `her record`: one's own words or
    // acts, not a person or body (`his brother`, `their country` have an actor noun).
    if (/^(his|her|their|its|my|our)$/.test(ix.low[from] as string)) {
      for (let i = from + 1; i < Math.min(to, from + 5); i++) {
        const w = ix.low[i] as string;
        if ((ix.entity[i] as number) >= 0 || nominalLemma(w) !== null) break;
        if (SPEECH_NOUNS.test(w) || OWN_ACTS.test(w)) {
          own = true;
          break;
        }
      }
    }
    if (own) {
      dropDraft(d, "self-defence");
      return;
    }
  }
  // `avoids condemning`, `refrained from attacking`: said not to happen.
  if (d.pos === "v") {
    const p1 = ix.low[d.groupStart - 1] ?? "";
    const p2 = ix.low[d.groupStart - 2] ?? "";
    const cue = /^avoid(s|ed|ing)?$/.test(p1)
      ? d.groupStart - 1
      : p1 === "from" && /^refrain(s|ed|ing)?$/.test(p2)
        ? d.groupStart - 2
        : -1;
    if (cue >= 0) {
      d.negated = true;
      // The subject stops before the governing verb (`Kumar again avoided` → `Kumar`).
      const arg = d.actor?.arg;
      const at = ix.tokens[cue];
      if (arg && at && arg.end > at.start) {
        let last = cue - 1;
        while (last > 0 && TIME_WORDS.has(ix.low[last] as string)) last--;
        const end = ix.tokens[last]?.end ?? arg.end;
        if (end > arg.start) {
          arg.end = end;
          arg.text = ix.text.slice(arg.start, end);
        }
      }
    }
  }
  // `there is no chance X will withdraw`: a possibility denied, nothing done or refused.
  for (let j = d.groupStart - 1; j >= Math.max(view.from, d.groupStart - 8); j--) {
    const w = ix.low[j] as string;
    if (w === ";" || w === "." || w === ",") break;
    if (w === "no" && /^(chance|way|prospect|sign|evidence)$/.test(ix.low[j + 1] ?? "")) {
      dropDraft(d, "no-chance");
      return;
    }
  }
  // `Neither Clinton nor her allies have been charged`.
  if (d.subj && ix.low[d.subj[0]] === "neither") d.negated = true;
  // A needcomp governor whose only complement is another such word (`prepared to go further
  // than it had been prepared to go`) has nothing to govern.
  if (
    d.entry.flags.has("needcomp") &&
    d.complements.length > 0 &&
    d.complements.every((c) => c.entry.flags.has("needcomp") && c.complements.length === 0)
  ) {
    dropDraft(d, "empty-complement");
    return;
  }
  // `the plan was met with opposition`: a reaction, not a meeting (meetings are active, or
  // `met by` on arrival).
  if (lemmaRule === "consult/meet" && d.passive && ix.low[d.b] === "with") {
    dropDraft(d, "met-with");
    return;
  }
  // `Both chiefs agree that the train is a good alternative`, `Meirmaridou agrees.`: an
  // opinion shared, not an agreement to act. An agreement has a complement act, a `to`,
  // `on` or object, or a that-clause that says what will be done (`agreed that their
  // countries should cooperate`).
  if (
    lemmaRule === "agree/agree" &&
    d.pos === "v" &&
    d.complements.length === 0 &&
    !d.obj &&
    !d.pps.has("on") &&
    !d.pps.has("to") &&
    !d.future
  ) {
    // `agreed upon a pact`, `agreed in principle`: some phrase says on what.
    const next = ix.low[d.b] ?? ".";
    let acts = !(next === "that" || next === "with" || isPunct(ix, d.b));
    for (let i = d.b; i < Math.min(view.to, d.b + 25) && !acts; i++) {
      const w = ix.low[i] as string;
      if (w === "." || w === ";") break;
      acts = MODALS.has(w) || FUTURE.has(w) || w === "to";
    }
    if (!acts) {
      dropDraft(d, "opinion");
      return;
    }
  }
  // `admits`: `Nelson concedes the number could be optimistic` yields nothing to anyone.
  if (lemmaRule === "concede/concede" && d.pos === "v" && !d.pps.has("to")) {
    const next = ix.low[d.b] ?? ".";
    const after = d.obj ? (ix.low[d.obj[1]] ?? ".") : "";
    if (
      next === "that" ||
      MODALS.has(after) ||
      BE.has(after) ||
      (!d.obj && d.pps.size === 0 && isPunct(ix, d.b))
    ) {
      dropDraft(d, "admit");
      return;
    }
  }
  // `a legal battle with the courts`, `fought in the courts`: a contest, not combat.
  if (/^assault\/(battle|fight|battle-noun|fight-noun)$/.test(lemmaRule)) {
    const before = ix.low[d.a - 1] ?? "";
    const inCourt = (r: Range | undefined): boolean =>
      r !== undefined && /^courts?$/.test(ix.low[headOf(ix, r)] as string);
    if (
      CONTEST_KINDS.has(before) ||
      (before.endsWith("-long") && CONTEST_KINDS.has(ix.low[d.a - 2] ?? "")) ||
      inCourt(d.pps.get("in")) ||
      inCourt(d.pps.get("with")) ||
      inCourt(d.obj ?? undefined) ||
      d.recipient?.arg.sector === "JUD"
    ) {
      dropDraft(d, "contest");
      return;
    }
  }
  // The campaign as a war: `fighting for second place`, `captured the support of voters`,
  // `battling with Senator Rubio` — a contest between persons no one armed.
  if (force) {
    const prize = (r: Range | null | undefined): boolean => {
      if (!r) return false;
      const h = headOf(ix, r);
      return (ix.entity[h] as number) < 0 && ELECTORAL_PRIZES.has(ix.low[h] as string);
    };
    // `for` is the prize of a fight (`fighting for second place`) but the reason of an
    // attack (`attacked Clinton for her support of the war`).
    const contest = /^assault\/(battle|fight|clash|compete|struggle)/.test(lemmaRule);
    if ((contest && prize(d.pps.get("for"))) || prize(d.obj)) {
      dropDraft(d, "contest");
      return;
    }
    const person = (r: Resolved | null): boolean =>
      r !== null &&
      r.arg.entity !== undefined &&
      ix.doc.entities[r.arg.entity]?.type === "PERSON" &&
      !ARMED_SECTORS.has(r.arg.sector ?? "");
    if (
      /^assault\/(battle|fight|clash|clash-noun|battle-noun|fight-noun)$/.test(lemmaRule) &&
      (person(d.actor) || d.actor === null) &&
      person(d.recipient) &&
      d.dead === null &&
      d.injured === null &&
      !weaponMode(ix, Math.max(view.from, d.groupStart - 3), d.clauseEnd)
    ) {
      dropDraft(d, "contest");
      return;
    }
  }
  // `helping the gunmen evade capture`: what was evaded did not happen.
  if (d.pos === "n" && EVADING.has(ix.low[d.groupStart - 1] ?? "")) {
    dropDraft(d, "evaded");
    return;
  }
  // `There were more murders in March than ...`: a comparison of counts.
  if (
    d.light < 0 &&
    /^(more|fewer|most)$/.test(ix.low[d.a - 1] ?? "") &&
    /s$/.test(ix.low[d.head] as string)
  ) {
    dropDraft(d, "comparison");
    return;
  }
  // `his resemblance to Allen was striking`: the adjective.
  if (
    (ix.low[d.head] as string) === "striking" &&
    !d.obj &&
    /^(was|is|were|are|be|been|so|very|most|more|quite|particularly)$/.test(ix.low[d.a - 1] ?? "")
  ) {
    dropDraft(d, "adjective");
    return;
  }
  // `people are often detained there`: a habit told in the present, not an event.
  if (d.pos === "v" && presentTense(view, d)) {
    for (let i = Math.max(view.from, d.groupStart - 3); i < Math.min(d.clauseEnd, d.b + 4); i++) {
      if (HABITUAL.has(ix.low[i] as string)) {
        dropDraft(d, "habitual");
        return;
      }
    }
  }
  // `Virginia Gateway offers Giant Food`, `offered his assessment`, `offered Fatiha`: an
  // offer is an event when it offers what parties negotiate, give or concede (`offered the
  // family assistance`, `offered talks`) or an act (`offered to mediate`).
  if (
    lemmaRule === "agree/offer" &&
    d.pos === "v" &&
    d.complements.length === 0 &&
    ix.low[d.b] !== "to"
  ) {
    const from = d.obj ? d.obj[0] : d.b;
    let offerable = false;
    for (let i = from; i < Math.min(Math.max(d.clauseEnd, from + 1), from + 8) && !offerable; i++)
      offerable = OFFERABLE.has(ix.low[i] as string);
    if (!offerable) {
      dropDraft(d, "offer-thing");
      return;
    }
  }
  // `a call for a temporary ban on ...`, `voters support a ban`: proposed, not imposed.
  if (
    (/^coerce\/ban/.test(lemmaRule) && /^(a|an)$/.test(ix.low[d.a - 1] ?? "")) ||
    (/^coerce\/ban/.test(lemmaRule) && /^(a|an)$/.test(ix.low[d.a - 2] ?? ""))
  ) {
    for (let j = d.a - 2; j >= Math.max(view.from, d.a - 6); j--) {
      const w = ix.low[j] as string;
      if (PROPOSING.has(w) || (w === "of" && ix.low[j - 1] === "favor")) {
        dropDraft(d, "proposed");
        return;
      }
      if (isPunct(ix, j)) break;
    }
  }
  // `RT host Ed Schultz`, `cable news hosts`: the job, not hosting a visit.
  if (lemmaRule === "consult/host" || lemmaRule === "aid/host-refugees") {
    const prev = ix.low[d.a - 1] ?? "";
    const next = ix.low[d.b] ?? ".";
    if (HOST_TITLES.has(prev) || /^(,|and|who|would|of|said|says)$/.test(next)) {
      dropDraft(d, "host-title");
      return;
    }
  }
  // `demonstrate the safety of UK produce`: to show something, not to protest.
  if (lemmaRule === "protest/demonstrate" && d.pos === "v" && d.obj && !d.passive) {
    dropDraft(d, "show");
    return;
  }
  // `the pledge appealed to them`: `appeal to` with nothing asked and no one asking attracts.
  // A legal appeal has an object (`appealed the case`) or is an infinitive (`decline to appeal`).
  if (
    lemmaRule === "request/appeal" &&
    d.pos === "v" &&
    d.complements.length === 0 &&
    !d.obj &&
    !d.pps.has("for") &&
    ix.low[d.groupStart - 1] !== "to" &&
    (d.governor === null || d.governor.pos === "n") &&
    !d.actor?.coded
  ) {
    let asks = false;
    for (let i = d.b; i < d.clauseEnd && !asks; i++) {
      const w = ix.low[i] as string;
      // `for calm`, or a second `to` opening what is asked (`appealed to them to stay`).
      const next = ix.low[i + 1] ?? "";
      asks =
        w === "for" ||
        (w === "to" &&
          i > d.b &&
          next !== "" &&
          !DETERMINERS.has(next) &&
          !REPORTED_PRONOUNS.has(next) &&
          !isCapitalized(ix, i + 1));
    }
    if (!asks) dropDraft(d, "attract");
  }
}

/** One's own acts and positions, which one defends for oneself (`defended his record`). */
const OWN_ACTS =
  /^(record|decision|decisions|remarks|actions?|support|endorsement|call|policy|policies|position|positions|plan|plans|views?|stance|vote|votes|choice|handling|conduct|response|approach|strategy|tactics|proposal)$/;

/**
 * An actor phrase that runs on past its named head into a verb (`The United States began`,
 * `Donald Trump started`, `Christie unleashed withering`) ends with the name: the phrase
 * finder stops at known verbs only, and the code already is the name's.
 */
function trimAtVerb(view: SentenceView, d: Draft): void {
  const { ix } = view;
  const arg = d.actor?.arg;
  if (!arg || arg.entity === undefined) return;
  const ent = ix.doc.entities[arg.entity];
  if (!ent || ent.end >= arg.end || ent.start < arg.start) return;
  const next = firstTokenAt(ix.tokens, ent.end);
  const w = ix.low[next] ?? "";
  // `US-based`, `Iranian-backed` are modifiers, not verbs.
  const verb =
    (w.endsWith("ed") && w.length > 4 && !w.includes("-")) ||
    IRREGULAR_PAST.has(w) ||
    /^(says|said|began|begins|started|starts|included|includes|joined|helped|filed|avoids|plans)$/.test(
      w,
    );
  if (!verb || (ix.entity[next] as number) >= 0) return;
  arg.end = ent.end;
  arg.text = ix.text.slice(arg.start, ent.end);
}

/** Texts that carry their author's act (not `campaign` or `rally`, which are actors or events). */
const WORDS_AS_ACTOR =
  /^(tweets?|statements?|speech(es)?|remarks|comments|ads?|advertisements?|op-eds?|posts?|messages?|letters?|videos?|columns?|editorials?)$/;

/** An actor that is words (a tweet, an ad, a statement) becomes the person or body named in it. */
function authorOfWords(view: SentenceView, d: Draft): void {
  const { ix } = view;
  const arg = d.actor?.arg;
  if (!d.actor || !arg) return;
  const from = firstTokenAt(ix.tokens, arg.start);
  let last = firstTokenAt(ix.tokens, arg.end) - 1;
  while (last > from && isPunct(ix, last)) last--;
  if (!WORDS_AS_ACTOR.test(ix.low[last] as string)) return;
  for (let i = from; i < last; i++) {
    const k = ix.entity[i] as number;
    const ent = k >= 0 ? ix.doc.entities[k] : undefined;
    if (!ent || (ent.type !== "PERSON" && ent.type !== "ORG")) continue;
    const end = ent.end;
    d.actor.arg = {
      start: ent.start,
      end,
      text: ix.text.slice(ent.start, end),
      name: ent.actor?.name ?? ent.text,
      country: ent.actor?.country ?? null,
      sector: (ent.actor?.sector ?? null) as EventArgument["sector"],
      entity: k,
    };
    d.actor.head = i;
    d.actor.coded = true;
    d.actor.named = true;
    return;
  }
}

/**
 * Whether a verb group is in the present tense by its auxiliary (`are detained`, `are
 * often detained`, `is shelling`), looking past adverbs of habit.
 */
function presentTense(view: SentenceView, d: Draft): boolean {
  const { ix } = view;
  // Only an explicit present auxiliary: a bare `beat` may be past (`routinely beat up`).
  for (let i = d.head - 1; i >= Math.max(view.from, d.groupStart - 3); i--) {
    const w = ix.low[i] as string;
    if (/^(is|are|am|do|does)$/.test(w)) return true;
    if (!HABITUAL.has(w) && !w.endsWith("ly") && !NEGATORS.has(w)) return false;
  }
  return false;
}

/** The subject (or passive agent) of a verb trigger is a text, a finding or a building. */
function nonAgent(view: SentenceView, d: Draft): boolean {
  const { ix } = view;
  const by = d.passive ? d.pps.get("by") : undefined;
  if (by) {
    const h = headOf(ix, by);
    const w = ix.low[h] as string;
    if ((ix.entity[h] as number) < 0 && (NON_AGENTS.has(w) || NON_AGENT_BY.has(w))) return true;
  }
  if (d.passive) return false;
  // The word right before the verb group, past `either`, `also`, adverbs.
  for (let j = d.groupStart - 1; j >= Math.max(view.from, d.groupStart - 3); j--) {
    const w = ix.low[j] as string;
    if (/^(either|neither|also|then|both|just|only|now|still)$/.test(w) || w.endsWith("ly"))
      continue;
    return (ix.entity[j] as number) < 0 && NON_AGENTS.has(w);
  }
  return false;
}

/** A kind of event or a statistic: `every shooting`, `the epidemic of police killing ...`. */
function generic(view: SentenceView, d: Draft): boolean {
  const { ix } = view;
  if (d.pos === "n" && GENERIC_DETERMINERS.has(ix.low[d.groupStart] as string)) return true;
  // `simulated an attack`, `a mock raid`.
  for (let j = d.a - 1; j >= Math.max(view.from, d.a - 3); j--)
    if (FICTIVE.has(ix.low[j] as string)) return true;
  for (let j = d.a - 1; j > Math.max(view.from, d.a - 8); j--) {
    const w = ix.low[j] as string;
    if (isPunct(ix, j) || (SUBORDINATORS.has(w) && w !== "that")) break;
    if (w === "of" && STATISTIC_HEADS.has(ix.low[j - 1] as string)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- type refinements

/** Words that make a civilian actor a crowd (`demonstrators`, `protesters`, `rioters`). */
const CROWD =
  /\b(demonstrators?|protest[eo]rs?|rioters?|crowds?|mobs?|youths|students|supporters)\b/i;

const CIVIL = new Set(["CVL", "OPP", "REF", "EDU", "LAB"]);

function refineType(view: SentenceView, d: Draft): void {
  const { ix } = view;
  // `they agree with the NCAA that ...`: sharing an opinion, not agreeing to cooperate.
  const withX = d.pps.get("with");
  if (
    d.rule === "agree/agree" &&
    d.pos === "v" &&
    d.complements.length === 0 &&
    !d.future &&
    withX &&
    !d.pps.has("on")
  ) {
    const next = ix.low[withX[1]] ?? ".";
    if (next === "that" || next === "." || next === ",") {
      d.drop = true;
      return;
    }
  }
  const sector = d.actor?.arg.sector ?? null;
  // `attacked Machado in early-morning tweets`, `attacks on her record`: words, not force.
  if (
    d.type === "ASSAULT" &&
    /^assault\/(attack|attack-noun|assault|assault-noun)$/.test(d.rule) &&
    verbalAttack(view, d)
  ) {
    d.type = "ACCUSE";
    d.mode = "disapprove";
    d.rule = `${d.rule}+verbal`;
    return;
  }
  // Crowds storming or burning: a riot, not an armed assault.
  if (
    d.type === "ASSAULT" &&
    sector &&
    CIVIL.has(sector) &&
    CROWD.test(d.actor?.arg.text ?? "") &&
    /^assault\/(storm|burn|torch|set-fire|throw-stones|attack)$/.test(d.rule)
  ) {
    d.type = "PROTEST";
    d.mode = "riot";
    d.rule = `${d.rule}+crowd`;
  }
  // A state's "protest" is a diplomatic complaint.
  if (
    d.type === "PROTEST" &&
    d.pos === "v" &&
    d.actor &&
    (sector === "GOV" ||
      (!sector &&
        d.actor.arg.entity !== undefined &&
        ix.doc.entities[d.actor.arg.entity]?.type === "GPE"))
  ) {
    d.type = "ACCUSE";
    d.mode = "disapprove";
    d.rule = `${d.rule}+diplomatic`;
  }
  // Armed forces marching are moving troops.
  if (d.type === "PROTEST" && sector === "MIL") {
    d.type = "MOBILIZE";
    d.mode = "troops";
  }
  // ASSAULT modes from the weapon named in the clause.
  if (d.type === "ASSAULT" && !d.mode)
    d.mode = weaponMode(ix, Math.max(view.from, d.groupStart - 3), d.clauseEnd);
  // Troops sent to keep the peace are protection given, not force shown (CAMEO 074, PLOVER
  // AID): `deployed 300 troops to the UN peacekeeping mission`, `peacekeepers were deployed`.
  if (d.type === "MOBILIZE" && d.mode === "troops") {
    for (let i = Math.max(view.from, d.groupStart - 8); i < d.clauseEnd; i++) {
      if (/^peace-?keep/.test(ix.low[i] as string)) {
        d.type = "AID";
        d.mode = null;
        d.rule = `${d.rule}+peacekeeping`;
        return;
      }
    }
  }
  // Mobilised police are police.
  if (d.type === "MOBILIZE" && d.mode === "troops") {
    const who = d.passive ? d.subj : (d.obj ?? d.subj);
    if (who) {
      for (let i = who[0]; i < who[1]; i++)
        if (/^(police|policemen|gendarmes)$/.test(ix.low[i] as string)) d.mode = "police";
    }
  }
}

const SPEECH_NOUNS =
  /^(tweets?|statements?|speech(es)?|remarks?|interviews?|ads?|advertisements?|op-eds?|comments?|words|rally|debates?|posts?|messages?|campaign|column|editorial|letter|press)$/;
const ARMED_SECTORS = new Set(["MIL", "REB", "COP"]);

/** An attack made with words: a medium of speech in the clause and no armed side. */
function verbalAttack(view: SentenceView, d: Draft): boolean {
  const { ix } = view;
  const armed = (r: Resolved | null): boolean =>
    r !== null && ARMED_SECTORS.has(r.arg.sector ?? "");
  if (
    armed(d.actor) ||
    armed(d.recipient) ||
    weaponMode(ix, Math.max(view.from, d.groupStart - 3), d.clauseEnd)
  )
    return false;
  for (let i = Math.max(view.from, d.groupStart - 4); i < d.clauseEnd; i++)
    if (SPEECH_NOUNS.test(ix.low[i] as string)) return true;
  // A person attacking a person (`Trump attacked Machado`) is a war of words.
  const person = (r: Resolved | null): boolean =>
    r?.arg.entity !== undefined && ix.doc.entities[r.arg.entity]?.type === "PERSON";
  return person(d.actor) && person(d.recipient);
}

const WEAPONS: [RegExp, string][] = [
  [/^(suicide)$/, "suicide-attack"],
  [/^(drone|drones|uav|uavs)$/, "drone"],
  [/^(airstrike|airstrikes|warplanes?|jets?|aircraft|helicopters?|bombers?|air)$/, "aerial"],
  [/^(bombs?|explosives?|ieds?|mines?|minefield|landmines?|grenades?)$/, "explosives"],
  [/^(artillery|tanks?|rockets?|missiles?|mortars?|shells?|shelling)$/, "heavy-weapons"],
  [/^(guns?|gunfire|gunmen|rifles?|gunbattle|snipers?|pistols?|bullets?)$/, "firearms"],
  [/^(knives?|knife|machetes?|stones?|rocks?|clubs?|axes?|swords?)$/, "primitive"],
  [/^(chemical|nerve|sarin|chlorine|nuclear|biological)$/, "unconventional"],
];

function weaponMode(ix: DocIndex, from: number, to: number): string | null {
  for (const [re, mode] of WEAPONS) {
    for (let i = from; i < to; i++) {
      const w = ix.low[i] as string;
      if (w === "tear" && ix.low[i + 1] === "gas") return "crowd-control";
      if (re.test(w)) return mode;
    }
  }
  return null;
}

/** A release whose row says people were held: a captive object, or `from custody`. */
function heldPeople(d: Draft): boolean {
  return d.entry.objClass === "captive" || d.entry.flags.has("captives");
}

/** Flags that need a light verb, a recipient or some argument before a mention is an event. */
function checkEvidence(d: Draft): void {
  const flags = d.entry.flags;
  // PLOVER codes what political actors do: an event whose actor and recipient are both
  // unknown (`Three bedrooms occupy the top floor`, `the game wound down`) is no event,
  // unless it is violence or a crowd with a place or a toll of its own.
  const coded = (r: Resolved | null): boolean =>
    r !== null && (r.arg.country !== null || r.arg.sector !== null || r.named === true);
  if (!coded(d.actor) && !coded(d.recipient)) {
    const physical =
      d.type === "ASSAULT" || d.type === "PROTEST" || d.type === "COERCE" || d.type === "MOBILIZE";
    const grounded =
      d.dead !== null ||
      d.injured !== null ||
      d.arrested !== null ||
      d.size !== null ||
      d.vague.size > 0 ||
      d.pps.has("in") ||
      d.pps.has("near") ||
      d.pps.has("at") ||
      d.pps.has("on") ||
      d.pps.has("against") ||
      (d.type === "MOBILIZE" && d.passive) ||
      d.actor !== null ||
      d.recipient !== null;
    // A release of captives (`prisoners were freed`) presupposes whoever held them: political
    // even when the text names no one.
    const release = d.type === "RETREAT" && heldPeople(d);
    if (!(release || (physical && grounded))) {
      d.drop = true;
      return;
    }
  }
  if (flags.has("needrole") && !d.recipient) d.drop = true;
  // `sought to ease tensions`: as a governor without a complement event it says nothing.
  if (flags.has("modal") && d.pos === "v" && d.complements.length === 0 && !d.obj) d.drop = true;
  if (flags.has("needactor") && !d.actor?.arg.country && !d.actor?.arg.sector) d.drop = true;
  if (flags.has("needobj") && d.pos === "v" && !d.obj && !d.passive) d.drop = true;
  // `Officials warned that more rain was expected`: a warning threatens only someone or something.
  if (flags.has("needarg") && !d.recipient && d.complements.length === 0) d.drop = true;
  if (
    d.pos === "n" &&
    d.light < 0 &&
    PREPOSITIONS.has(d.prepBefore) &&
    d.dead === null &&
    d.injured === null &&
    d.vague.size === 0
  ) {
    // A noun inside a prepositional phrase (`in ethnic riots`, `since last month's invasion`)
    // is background unless it says who did it to whom (`airstrikes on X`, `attack by Y`).
    if (!d.recipient && !d.pps.has("by") && !d.pps.has("on") && !d.pps.has("against"))
      d.drop = true;
  }
  if (d.pos === "n") {
    const hasArgs =
      d.actor !== null ||
      d.recipient !== null ||
      d.pps.has("on") ||
      d.pps.has("against") ||
      d.pps.has("in") ||
      d.pps.has("between") ||
      d.pps.has("with");
    if (flags.has("needverb") && d.light < 0 && !(d.actor && d.recipient)) d.drop = true;
    else if (!hasArgs && d.light < 0 && d.dead === null && d.injured === null && d.vague.size === 0)
      d.drop = true;
  }
}

/**
 * A noun mention that refers back to an event already coded (`these air strikes`, `the
 * attack on the embassy` after the embassy was stormed): the same event, not a new one.
 */
function findAntecedent(view: SentenceView, d: Draft, events: Event[]): void {
  const { ix } = view;
  const det = ix.low[d.groupStart] as string;
  const anaphoric = ANAPHORIC.has(det);
  if (!anaphoric && det !== "the") return;
  if (!anaphoric && d.actor && d.recipient) return;
  const family = (t: EventType): string => (t === "ASSAULT" || t === "PROTEST" ? "violence" : t);
  const lemma = (d.entry.words[d.entry.head] as string[])[0];
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k] as Event;
    if (e.evidence.sentence === view.index) continue;
    if (family(e.type) !== family(d.type)) continue;
    if (d.recipient && e.recipient) {
      const a = d.recipient.arg;
      const b = e.recipient;
      if (a.country && b.country && a.country !== b.country) continue;
      if (
        d.recipient.nominal &&
        nominalLemma(b.text.split(/\s+/).pop() ?? "") &&
        nominalLemma(b.text.split(/\s+/).pop() ?? "") !== d.recipient.nominal
      )
        continue;
    }
    if (
      d.actor &&
      e.actor &&
      d.actor.arg.country &&
      e.actor.country &&
      d.actor.arg.country !== e.actor.country
    )
      continue;
    if (
      anaphoric ||
      !d.recipient ||
      e.recipient ||
      lemma === lemmatize(e.trigger.text.split(/\s+/).pop() ?? "")
    ) {
      d.alias = e;
      return;
    }
  }
}

// ---------------------------------------------------------------- the event

function buildEvent(
  view: SentenceView,
  ac: ArgumentContext,
  d: Draft,
  quoteAt: (token: number) => { text: string; entity: number } | null,
): Event {
  const { ix } = view;
  const doc = ix.doc;
  const a = ix.tokens[d.a] as { start: number };
  const b = ix.tokens[d.b - 1] as { end: number };
  const sentence = doc.sentences[view.index] as { start: number; end: number };
  const vague = [...d.vague].filter((f) => d[f] === null);
  // MOBILIZE: the troops sent are the mobilised actor when no sender is named.
  if (d.type === "MOBILIZE" && !d.actor) {
    const who = d.passive ? d.subj : null;
    if (who) d.actor = resolveArgument(ac, who, d.head);
  }
  let actor = d.actor ? contextCountry(view, ac, d.actor.arg) : null;
  const location = findLocation(view, d);
  let recipient = d.recipient ? d.recipient.arg : null;
  // Civilians without a country of their own (`23 people`, `ethnic Albanians`) are coded by
  // where the event happens, as ACLED codes them.
  const here = location?.countryCode ? ac.iso3(location.countryCode) : null;
  if (here) {
    const local = (arg: EventArgument | null): boolean =>
      arg !== null &&
      (/\bethnic\b/i.test(arg.text) ||
        (!arg.country && (arg.sector === null || CIVIL.has(arg.sector) || arg.sector === "MED")));
    if ((d.type === "ASSAULT" || d.type === "COERCE") && local(recipient) && recipient)
      recipient = { ...recipient, country: here };
    if (d.type === "PROTEST" && local(actor) && actor) actor = { ...actor, country: here };
    // An event with no named target is directed at the place where it happens, as
    // CAMEO-style coding (and the PLOVER gold standard) has it: a protest or a crackdown at
    // its authorities (`demonstrated in Serbia`), an agreement, a request or an attack at the
    // country (`set up a centre in Tokyo`, `sought refuge in Germany`, `retook a village in
    // western Cambodia`). Not a meeting's venue (`talks in Geneva` are not with Switzerland)
    // nor the scene of what an accusation deplores.
    if (
      !recipient &&
      location &&
      d.type !== "CONSULT" &&
      d.type !== "ACCUSE" &&
      (d.type !== "MOBILIZE" ||
        // Troops sent into a country or region, not to a site there (`the US embassy`).
        (actor?.country &&
          here !== actor.country &&
          (location.precision === "country" || location.precision === "admin1")))
    ) {
      recipient = {
        start: location.start,
        end: location.end,
        text: location.text,
        name: location.name,
        country: here,
        sector: null,
      };
    }
  }
  recipient = domesticCountry(d.type, actor, recipient);
  const event: Event = {
    id: `e${a.start}`,
    type: d.type,
    mode: d.mode,
    quad: QUADS[d.type],
    cameo: cameoOf(d),
    trigger: { start: a.start, end: b.end, text: ix.text.slice(a.start, b.end) },
    actor,
    recipient,
    location,
    date: findDate(view, d),
    dead: d.dead,
    injured: d.injured,
    arrested: d.arrested,
    size: d.size,
    negated: d.negated,
    hypothetical: d.hypothetical,
    evidence: { sentence: view.index, start: sentence.start, end: sentence.end },
    attribution: findAttribution(view, d, quoteAt),
    links: [],
    confidence: confidence(d),
    coder: `rule:${d.rule}@1`,
  };
  if (vague.length > 0) event.countsVague = vague;
  return event;
}

/**
 * A target with no country of its own, in an event that is domestic by its nature, is of the
 * actor's country: police act at home (`Egyptian police opened fire …, killing one person`),
 * and a government yields to its own people and rebels (`The Mozambique government accepted
 * demands from Shona rebels`). Soldiers, ministers and diplomats act abroad too, so nothing
 * else is assumed.
 */
function domesticCountry(
  type: string,
  actor: EventArgument | null,
  recipient: EventArgument | null,
): EventArgument | null {
  if (!recipient || recipient.country || !actor?.country || /\bforeign\b/i.test(recipient.text))
    return recipient;
  const nonState =
    recipient.sector === null ||
    CIVIL.has(recipient.sector) ||
    recipient.sector === "MED" ||
    recipient.sector === "REB";
  if (!nonState) return recipient;
  const police = actor.sector === "COP" && (type === "COERCE" || type === "ASSAULT");
  const concession = actor.sector === "GOV" && type === "CONCEDE";
  return police || concession ? { ...recipient, country: actor.country } : recipient;
}

/**
 * An actor with a sector but no country (`marines`) takes the country of the sentence's
 * own source when that source is a state's officials (`U.S. officials said`).
 */
function contextCountry(
  view: SentenceView,
  ac: ArgumentContext,
  arg: EventArgument,
): EventArgument {
  if (
    arg.country ||
    !arg.sector ||
    (arg.sector !== "MIL" && arg.sector !== "GOV" && arg.sector !== "COP")
  )
    return arg;
  const src = sourcePhrase(view);
  if (!src) return arg;
  const r = resolveArgument(ac, src, src[0]);
  if (r?.arg.country && (r.arg.sector === "GOV" || r.arg.sector === "MIL"))
    return { ...arg, country: r.arg.country };
  return arg;
}

function findLocation(view: SentenceView, d: Draft): Place | null {
  const { ix } = view;
  const places = ix.doc.places;
  const pick = (i: number): Place | null => {
    const k = ix.place[i] as number;
    return k >= 0 ? (places[k] as Place) : null;
  };
  // Demonyms (`Iraqi people`) are tagged places by some gazetteers; they are not where.
  // Nor is a place that modifies a noun (`U.S. exports`).
  const isPlace = (i: number): boolean => {
    const p = ix.place[i] as number;
    if (p < 0) return false;
    const k = ix.entity[i] as number;
    if (k >= 0 && ix.doc.entities[k]?.type === "NORP") return false;
    let j = i;
    while (ix.place[j + 1] === p) j++;
    const next = ix.low[j + 1] ?? "";
    if (
      ix.tokens[j + 1]?.kind === "word" &&
      !isCapitalized(ix, j + 1) &&
      !PREPOSITIONS.has(next) &&
      !SUBORDINATORS.has(next) &&
      !isAux(next) &&
      !/^(and|or|on|last|this|yesterday|today)$/.test(next) &&
      (ix.date[j + 1] as number) < 0
    )
      return false;
    return true;
  };
  // A place right after a locative preposition, over its determiner and modifiers only.
  const isLocPrep = (i: number): boolean => {
    for (let j = i - 1; j >= Math.max(view.from, i - 4); j--) {
      const w = ix.low[j] as string;
      // `to`, `into` say where only for movements (`sent to Baghdad`, `aid to Yemen`).
      if ((w === "to" || w === "into") && !MOVEMENT.has(d.type)) return false;
      if (LOCATION_PREPS.has(w)) return true;
      if (
        isPunct(ix, j) ||
        isAux(w) ||
        (j >= d.a && j < d.b) ||
        (ix.entity[j] === -1 &&
          !DETERMINERS.has(w) &&
          !isCapitalized(ix, j) &&
          !/(ern|ed|al|ic|ian|ish|ese)$/.test(w))
      )
        return false;
    }
    return false;
  };
  // 1. After the trigger, in its clause: `in Kirkuk`, `to the US embassy in Baghdad`.
  for (let i = d.b; i < d.ppEnd; i++) {
    if (ix.low[i] === ",") break;
    if (isPlace(i) && isLocPrep(i)) return pick(i);
  }
  // 2. A recipient that is itself a place (`shelled Juba`), or whose place the document
  // told before (`the embassy` → in Baghdad). Not for statements: `threatened Israel`
  // says nothing of where.
  if (d.recipient && !QUADS[d.type].startsWith("verbal") && !d.hypothetical) {
    const k = d.recipient.arg.entity;
    const t = k !== undefined ? ix.doc.entities[k]?.type : undefined;
    if ((t === "GPE" || t === "LOC" || t === "FAC") && isPlace(d.recipient.head))
      return pick(d.recipient.head);
    if (d.recipient.place >= 0) return places[d.recipient.place] ?? null;
  }
  // 3. In the subject phrase (`Demonstrators in Baghdad`) or a sentence-initial `In X,`.
  if (d.subj) {
    for (let i = d.subj[0]; i < d.subj[1]; i++)
      if (isPlace(i) && ix.low[i - 1] === "in") return pick(i);
  }
  for (let i = view.from; i < Math.min(d.a, view.from + 6); i++) {
    if (ix.low[i] === ",") break;
    if (isPlace(i) && ix.low[view.from] === "in") return pick(i);
  }
  return null;
}

function findDate(view: SentenceView, d: Draft): DateMention | null {
  const { ix } = view;
  const dates = ix.doc.dates;
  let best: DateMention | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = view.from; i < view.to; i++) {
    const k = ix.date[i] as number;
    if (k < 0 || ix.date[i - 1] === k) continue;
    const m = dates[k] as DateMention;
    if (m.kind === "duration" || m.kind === "set") continue;
    // Dates of the source's speech act (`said on Tuesday`) are a last resort.
    const speech =
      SPEECH_VERBS.has(ix.low[i - 1] as string) || SPEECH_VERBS.has(ix.low[i - 2] as string);
    const distance =
      (i < d.a ? d.a - i : i - d.b + 0.5) + (speech ? 20 : 0) + (i > d.clauseEnd ? 10 : 0);
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}

/** The phrase that reports the sentence (`U.S. officials said`, `according to X`), if any. */
function sourcePhrase(view: SentenceView): Range | null {
  const { ix } = view;
  const verbLike = (): boolean => false;
  for (let i = view.from; i < view.to; i++) {
    const w = ix.low[i] as string;
    if (!SPEECH_VERBS.has(w)) continue;
    if (w === "according" && ix.low[i + 1] === "to")
      return phraseRight(ix, i + 2, view.to, verbLike);
    // `X said` (the phrase before), or `said X` after a comma.
    let j = i - 1;
    while (j >= view.from && (TIME_WORDS.has(ix.low[j] as string) || (ix.date[j] as number) >= 0))
      j--;
    const left =
      j >= view.from && !isPunct(ix, j) ? phraseLeft(ix, j, view.from, verbLike, 6) : null;
    if (
      left &&
      (ix.low[left[0] - 1] === "," ||
        left[0] === view.from ||
        ix.low[left[0] - 1] === '"' ||
        ix.low[left[0] - 1] === "”")
    )
      return left;
    if (ix.low[i - 1] === "," && i + 1 < view.to) {
      const right = phraseRight(ix, i + 1, view.to, verbLike, 6);
      if (right) return right;
    }
  }
  return null;
}

const ANONYMOUS_HEADS =
  /^(officials?|sources?|diplomats?|witnesses|residents|spokesm[ae]n|officers?|authorities|aides?|analysts|police|people)$/;

function findAttribution(
  view: SentenceView,
  d: Draft,
  quoteAt: (token: number) => { text: string; entity: number } | null,
): Attribution | null {
  const { ix } = view;
  const quote = quoteAt(d.head);
  if (quote) return { text: quote.text, anonymous: false };
  const src = sourcePhrase(view);
  if (!src) return null;
  // The actor speaking of its own act is not a separate source (`Iraq said it would`).
  if (src[0] <= d.a && d.a < src[1]) return null;
  const s = ix.tokens[src[0]] as { start: number };
  const e = ix.tokens[src[1] - 1] as { end: number };
  let named = false;
  for (let i = src[0]; i < src[1]; i++) {
    const k = ix.entity[i] as number;
    const t = k >= 0 ? ix.doc.entities[k]?.type : undefined;
    if (t === "PERSON" || (t === "ORG" && !ANONYMOUS_HEADS.test(ix.low[src[1] - 1] as string)))
      named = true;
  }
  const text = ix.text.slice(s.start, e.end);
  const anonymous =
    !named ||
    /anonymity|unnamed|anonymous/.test(
      ix.text.slice(s.start, (ix.tokens[view.to - 1] as { end: number }).end),
    );
  return { text, anonymous: anonymous && !named };
}

/**
 * The event's CAMEO code: its row's, unless the coder refined the mode to one with a code of
 * its own (`attack` with artillery → 194); composed with the code of the act the event
 * governs (`urged X to release` → 0253) or of the trigger's reading the coder recoded
 * (`will send aid` → AGREE, 033 "express intent to provide aid").
 */
function cameoOf(d: Draft): string {
  const row = d.entry;
  const own =
    row.type === d.type &&
    row.cameo !== null &&
    (d.mode === row.mode || !hasModeCode(d.type, d.mode))
      ? row.cameo
      : defaultCameo(d.type, d.mode);
  // Only a governor's complement is the act it asks for, promises or refuses; the object of
  // a plain verb (`lift the embargo`) is what the act is done to.
  const c = isGovernor(d) ? d.complements[0] : undefined;
  const act = c
    ? cameoOf(c)
    : row.type !== null && row.type !== d.type
      ? (row.cameo ?? defaultCameo(row.type, row.mode))
      : null;
  const code = act === null ? own : composeCameo(d.type, own, act);
  // A yielding an actor says it would or will do (`said it would allow UN agencies access`)
  // is CAMEO's intent to yield, 035x; PLOVER keeps it CONCEDE, planned.
  const conditional = (d as Draft & { conditional?: boolean }).conditional === true;
  if (d.hypothetical && !conditional && !d.negated && cameoRoot(code) === 8) {
    return composeCameo("AGREE", "030", code);
  }
  return code;
}

function confidence(d: Draft): number {
  let c = 0.55;
  if (d.actor) c += 0.15;
  if (d.recipient) c += 0.1;
  if (d.pos === "v") c += 0.05;
  if (d.light >= 0) c += 0.05;
  if (d.hypothetical || d.negated) c -= 0.05;
  return Math.round(Math.min(0.95, c) * 100) / 100;
}

// ---------------------------------------------------------------- links

/** `A in retaliation for B`, `A after B`, `A in response to B`, within one sentence. */
function linkEvents(view: SentenceView, drafts: Draft[]): void {
  const { ix } = view;
  const sorted = [...drafts].sort((x, y) => x.a - y.a);
  for (let n = 0; n < sorted.length; n++) {
    const from = sorted[n] as Draft;
    const source = from.event ?? from.alias;
    if (!source) continue;
    const next = sorted[n + 1];
    if (!next) continue;
    const target = next.event ?? next.alias;
    if (!target || target === source) continue;
    for (let i = from.b; i < next.a; i++) {
      for (const [cue, relation] of LINK_CUES) {
        let ok = true;
        for (let c = 0; c < cue.length; c++) if (ix.low[i + c] !== cue[c]) ok = false;
        if (!ok) continue;
        // The cue must introduce the next event closely (`after a missile attack`).
        if (next.a - (i + cue.length) > 6) continue;
        if (!source.links.some((l) => l.event === target.id))
          source.links.push({ relation, event: target.id });
        i = next.a;
        break;
      }
    }
  }
}

/**
 * Events, on two files.
 *
 * PLOVER gold standard records (one edited sentence each): PLOVER type at the sentence level.
 * Within a sentence, predicted events are matched one-to-one to gold events of the same type:
 * per type, tp = min(predicted, gold), and every other predicted event, duplicates included,
 * is a false positive. The GSR codes a compound actor (`Hungarian and Romanian officials`) as
 * one event per actor, as CAMEO coders do, so a coder that keeps them together loses recall.
 * Actor and recipient are scored on gold events whose type we found in the sentence, against
 * the best-fitting predicted event of that type: text overlap, country (the CAMEO code's first
 * three letters, old CAMEO spellings mapped to ISO: JAP→JPN, ITL→ITA, VTN→VNM; IGO/NGO/IMG/…
 * are not countries and are left out) and sector (first three letters of the GSR sector).
 *
 * ConfliBERT CAMEO sentences: the five-way class of the sentence, in the gold's own scheme:
 * CAMEO's classes of root codes (01–02 statement, 03–05 verbal cooperation, 06–08 material
 * cooperation, 09–13 and 16 verbal conflict, 14–15 and 17–20 material conflict: the classic
 * CAMEO quad boundaries with statements split off, and the ones these labels follow, checked
 * by the gold class of sentences whose event has each root; docs/events.md). The sentence's
 * event is the highest-confidence non-negated one, and its class is the class of its CAMEO
 * code (the `cameo` field the coder gives each event; an event without one: the default code
 * of its PLOVER type and mode); a sentence with no event is "statement". PLOVER's quads and
 * CAMEO's differ (CAMEO 02 appeals are statements, 08 yielding material cooperation, 16
 * reducing relations verbal conflict), so the PLOVER-quad reading of the same event (its
 * `quad`), as this task scored before events had CAMEO codes, is reported beside it. Both
 * readings are also given on two halves of the file, alternate blocks of ten class records
 * (the file runs in long blocks of one class, so halves by position would differ in kind;
 * blocks keep adjacent near-duplicate sentences together): half A is the one rules were
 * tuned on, half B confirms. Also the GDELT four-way folding (statement → verbal-
 * cooperation), and actor/target span overlap against the `roles` spans.
 */
import { EVENT_TYPES, type Event, QUADS as PLOVER_QUADS } from "../../core/annotations.ts";
import { cameoClass, defaultCameo } from "../../stages/events/cameo.ts";
import type { DataRecord } from "../data.ts";
import { readJsonl } from "../data.ts";
import { type Extracted, extractAll } from "../extract.ts";
import { classify } from "../metrics/classification.ts";
import { addCounts, type Counts, emptyCounts, prf } from "../metrics/prf.ts";
import { overlapLength, type ScoredSpan, scoreSpans } from "../metrics/spans.ts";
import type { Cell } from "../report.ts";
import {
  type EvalTask,
  PRF_COLUMNS,
  prfCells,
  round,
  summary,
  type TaskOutcome,
  typedRows,
} from "./task.ts";

interface GoldActor {
  text: string;
  code: string | null;
  sector: string | null;
  start?: number;
  end?: number;
}

interface GoldEvent {
  type: string | null;
  actor: GoldActor | null;
  recipient: GoldActor | null;
  quad?: string;
}

interface EventRecord extends DataRecord {
  events: GoldEvent[];
  quad?: string | null;
  roles?: Array<{ start: number; end: number; text: string; role: string }> | null;
}

export const PLOVER_TYPES = EVENT_TYPES;

/** The ConfliBERT classes: CAMEO's statements, then PLOVER's four quads. */
export const QUADS = ["statement", ...PLOVER_QUADS] as const;

/** CAMEO actor codes that are not countries. */
const NON_STATE = new Set(["IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "INT", "REB", "UAF"]);
/** Old CAMEO country spellings that differ from ISO 3166 alpha-3. */
const CAMEO_TO_ISO: Readonly<Record<string, string>> = { JAP: "JPN", ITL: "ITA", VTN: "VNM" };

export function goldCountry(code: string | null): string | null {
  if (!code || code.length < 3) return null;
  const head = code.slice(0, 3).toUpperCase();
  if (NON_STATE.has(head)) return null;
  return CAMEO_TO_ISO[head] ?? head;
}

export function goldSector(sector: string | null): string | null {
  if (!sector || sector.startsWith("*")) return null;
  return sector.slice(0, 3).toUpperCase();
}

/** The gold actor's span: given, else its text's first occurrence in the sentence. */
function actorSpan(record: DataRecord, actor: GoldActor): ScoredSpan | null {
  if (actor.start !== undefined && actor.end !== undefined) {
    return { start: actor.start, end: actor.end };
  }
  const at = record.text.indexOf(actor.text);
  return at < 0 ? null : { start: at, end: at + actor.text.length };
}

interface ArgTally {
  text: number;
  textTotal: number;
  country: number;
  countryTotal: number;
  sector: number;
  sectorTotal: number;
}

function emptyTally(): ArgTally {
  return { text: 0, textTotal: 0, country: 0, countryTotal: 0, sector: 0, sectorTotal: 0 };
}

/** How well a predicted argument fits a gold one; used both to score and to pick the pair. */
function scoreArgument(
  got: Extracted,
  gold: GoldActor | null,
  pred: Event["actor"],
  tally?: ArgTally,
): number {
  if (!gold) return 0;
  let fit = 0;
  const span = actorSpan(got.record, gold);
  if (span) {
    const hit = pred !== null && overlapLength(span, got.toRecord(pred)) > 0;
    if (tally) {
      tally.textTotal++;
      if (hit) tally.text++;
    }
    if (hit) fit += 1;
  }
  const country = goldCountry(gold.code);
  if (country) {
    const hit = pred?.country === country;
    if (tally) {
      tally.countryTotal++;
      if (hit) tally.country++;
    }
    if (hit) fit += 1;
  }
  const sector = goldSector(gold.sector);
  if (sector) {
    const hit = (pred?.sector ?? "").slice(0, 3).toUpperCase() === sector;
    if (tally) {
      tally.sectorTotal++;
      if (hit) tally.sector++;
    }
    if (hit) fit += 0.5;
  }
  return fit;
}

function tallyRows(name: string, t: ArgTally): Cell[] {
  const r = (a: number, b: number) => (b === 0 ? null : a / b);
  return [
    name,
    r(t.text, t.textTotal),
    t.textTotal,
    r(t.country, t.countryTotal),
    t.countryTotal,
    r(t.sector, t.sectorTotal),
    t.sectorTotal,
  ];
}

export const eventsTask: EvalTask = {
  name: "events",
  summary: "events: PLOVER type P/R/F1 per type, actor/recipient text, country and sector",
  stages: ["events"],
  data: "events/plover-gsr.jsonl",
  async run(ctx): Promise<TaskOutcome> {
    const records = readJsonl<EventRecord>(ctx.dataPath, ctx.limit);
    const extracted = extractAll(ctx.extractor, records, ctx.dataName);
    const byType: Record<string, Counts> = {};
    const actor = emptyTally();
    const recipient = emptyTally();
    let predictedEvents = 0;
    let emptySentences = 0;
    extracted.forEach((got, i) => {
      const record = records[i] as EventRecord;
      const goldEvents = record.events.filter((e) => e.type !== null);
      const predicted = got.output.events;
      predictedEvents += predicted.length;
      if (predicted.length === 0) emptySentences++;
      const goldCount = new Map<string, number>();
      for (const e of goldEvents)
        goldCount.set(e.type as string, (goldCount.get(e.type as string) ?? 0) + 1);
      const predCount = new Map<string, number>();
      for (const e of predicted) predCount.set(e.type, (predCount.get(e.type) ?? 0) + 1);
      for (const type of new Set([...goldCount.keys(), ...predCount.keys()])) {
        const g = goldCount.get(type) ?? 0;
        const p = predCount.get(type) ?? 0;
        const tp = Math.min(p, g);
        byType[type] = addCounts(byType[type] ?? emptyCounts(), { tp, fp: p - tp, fn: g - tp });
      }
      for (const gold of goldEvents) {
        const candidates = predicted.filter((e) => e.type === gold.type);
        if (candidates.length === 0) continue;
        let best = candidates[0] as Event;
        let bestFit = -1;
        for (const c of candidates) {
          const fit =
            scoreArgument(got, gold.actor, c.actor) +
            scoreArgument(got, gold.recipient, c.recipient);
          if (fit > bestFit) {
            best = c;
            bestFit = fit;
          }
        }
        scoreArgument(got, gold.actor, best.actor, actor);
        scoreArgument(got, gold.recipient, best.recipient, recipient);
      }
    });
    const metricsByType = Object.fromEntries(
      Object.entries(byType).map(([t, c]) => [t, summary(prf(c))]),
    );
    const rows = typedRows([], byType, PLOVER_TYPES);
    const micro = rows[rows.length - 2] as Cell[];
    const macroRow = rows[rows.length - 1] as Cell[];
    return {
      records: records.length,
      tables: [
        { title: "PLOVER event type (sentence level)", columns: ["type", ...PRF_COLUMNS], rows },
        {
          title: "Arguments of gold events whose type we found",
          columns: ["argument", "text overlap", "n", "country", "n", "sector", "n"],
          rows: [tallyRows("actor", actor), tallyRows("recipient", recipient)],
        },
      ],
      notes: [
        `${predictedEvents} events predicted over ${records.length} sentences; ${emptySentences} sentences with none`,
        "per sentence and type, tp = min(predicted, gold events); every other predicted event is a false positive (spurious events count against precision); compound actors are one gold event per actor, as the GSR codes them",
        "country = first three letters of the GSR CAMEO code (JAP→JPN, ITL→ITA, VTN→VNM; IGO, NGO, IMG, ISM, MNC, … left out); sector = first three letters of the GSR sector",
      ],
      metrics: {
        micro: { precision: micro[1], recall: micro[2], f1: micro[3] },
        macroF1: macroRow[3],
        byType: metricsByType,
        actor: {
          text: round(actor.text / (actor.textTotal || 1)),
          country: round(actor.country / (actor.countryTotal || 1)),
          sector: round(actor.sector / (actor.sectorTotal || 1)),
        },
        recipient: {
          text: round(recipient.text / (recipient.textTotal || 1)),
          country: round(recipient.country / (recipient.countryTotal || 1)),
          sector: round(recipient.sector / (recipient.sectorTotal || 1)),
        },
      },
    };
  },
};

/** The event a sentence is classed by: the highest-confidence non-negated one. */
function sentenceEvent(events: readonly Event[]): Event | null {
  let best: Event | null = null;
  for (const e of events) {
    if (e.negated) continue;
    if (best === null || e.confidence > best.confidence) best = e;
  }
  return best;
}

/** The sentence's class by PLOVER's quad of its event; no event = statement. */
export function sentenceQuad(events: readonly Event[]): string {
  return sentenceEvent(events)?.quad ?? "statement";
}

/** The sentence's class by CAMEO's class of its event's CAMEO code; no event = statement. */
export function sentenceCameoClass(events: readonly Event[]): string {
  const e = sentenceEvent(events);
  return e === null ? "statement" : cameoClass(e.cameo ?? defaultCameo(e.type, e.mode));
}

/** Half A or B of a class record: alternate blocks of ten (see the header comment). */
export function cameoHalf(position: number): "A" | "B" {
  return Math.floor(position / 10) % 2 === 0 ? "A" : "B";
}

const FOLD4: Readonly<Record<string, string>> = { statement: "verbal-cooperation" };

export const cameoTask: EvalTask = {
  name: "events-cameo",
  summary: "events: CAMEO five-way class accuracy and macro F1, actor/target span overlap",
  stages: ["events"],
  data: "events/conflibert-cameo-train.jsonl",
  async run(ctx): Promise<TaskOutcome> {
    const records = readJsonl<EventRecord>(ctx.dataPath, ctx.limit);
    const extracted = extractAll(ctx.extractor, records, ctx.dataName);
    type Pair = { gold: string; predicted: string; half: "A" | "B" };
    const pairs: Pair[] = [];
    const ploverPairs: Pair[] = [];
    const actors = emptyCounts();
    const targets = emptyCounts();
    let withRoles = 0;
    extracted.forEach((got, i) => {
      const record = records[i] as EventRecord;
      if (record.quad) {
        const half = cameoHalf(pairs.length);
        const events = got.output.events;
        pairs.push({ gold: record.quad, predicted: sentenceCameoClass(events), half });
        ploverPairs.push({ gold: record.quad, predicted: sentenceQuad(events), half });
      }
      if (!record.roles) return;
      withRoles++;
      const gold = (roles: string[]) =>
        record.roles
          ?.filter((r) => roles.includes(r.role))
          .map(({ start, end }) => ({ start, end })) ?? [];
      const distinct = (spans: ScoredSpan[]) => [
        ...new Map(spans.map((s) => [`${s.start}:${s.end}`, s])).values(),
      ];
      const predArgs = (pick: (e: Event) => Event["actor"]) =>
        distinct(
          got.output.events.flatMap((e) => {
            const a = pick(e);
            return a ? [got.toRecord(a)] : [];
          }),
        );
      const untyped = { typed: false };
      addCounts(
        actors,
        scoreSpans(
          gold(["source", "reciprocal"]),
          predArgs((e) => e.actor),
          "overlap",
          untyped,
        )["*"] ?? emptyCounts(),
      );
      addCounts(
        targets,
        scoreSpans(
          gold(["target", "reciprocal"]),
          predArgs((e) => e.recipient),
          "overlap",
          untyped,
        )["*"] ?? emptyCounts(),
      );
    });
    const five = classify(pairs, QUADS);
    const plover = classify(ploverPairs, QUADS);
    const ofHalf = (ps: Pair[], h: "A" | "B") =>
      classify(
        ps.filter((p) => p.half === h),
        QUADS,
      );
    const readings = [
      ["CAMEO root (headline)", five, ofHalf(pairs, "A"), ofHalf(pairs, "B")],
      ["PLOVER quad", plover, ofHalf(ploverPairs, "A"), ofHalf(ploverPairs, "B")],
    ] as const;
    const halfRows: Cell[][] = readings.map(([name, all, a, b]) => [
      name,
      all.accuracy,
      all.macroF1,
      a.accuracy,
      a.total,
      b.accuracy,
      b.total,
    ]);
    const four = classify(
      pairs.map(({ gold, predicted }) => ({
        gold: FOLD4[gold] ?? gold,
        predicted: FOLD4[predicted] ?? predicted,
      })),
      QUADS.slice(1),
    );
    const classRows: Cell[][] = QUADS.map((q) => {
      const s = five.byClass[q];
      return [q, ...(s ? prfCells(s) : [0, 0, 0, 0, 0, 0])];
    });
    const confusion: Cell[][] = QUADS.map((g) => [
      g,
      ...QUADS.map((p) => five.confusion[g]?.[p] ?? 0),
    ]);
    return {
      records: records.length,
      tables: [
        {
          title: `CAMEO class (by CAMEO root): accuracy ${five.accuracy.toFixed(3)}, macro F1 ${five.macroF1.toFixed(3)} (5-way, ${five.total} sentences); 4-way (statement folded into verbal-cooperation) accuracy ${four.accuracy.toFixed(3)}, macro F1 ${four.macroF1.toFixed(3)}`,
          columns: ["class", ...PRF_COLUMNS],
          rows: classRows,
        },
        {
          title: "Five-way accuracy by reading and half (A tuned on, B confirms)",
          columns: ["sentence class from", "accuracy", "macro F1", "A", "n", "B", "n"],
          rows: halfRows,
        },
        {
          title: "Confusion (rows gold, columns predicted by CAMEO root)",
          columns: [
            "gold \\ predicted",
            ...QUADS.map((q) => q.replace("-cooperation", "-coop").replace("-conflict", "-confl")),
          ],
          rows: confusion,
        },
        {
          title: `Argument spans vs ConfliBERT roles (overlap, ${withRoles} sentences)`,
          columns: ["argument", ...PRF_COLUMNS],
          rows: [
            ["actor ~ source", ...prfCells(prf(actors))],
            ["recipient ~ target", ...prfCells(prf(targets))],
          ],
        },
      ],
      notes: [
        "sentence class = CAMEO class of the CAMEO code of the highest-confidence non-negated event (01-02 statement, 03-05 verbal cooperation, 06-08 material cooperation, 09-13 and 16 verbal conflict, 14-15 and 17-20 material conflict); no event = statement; the PLOVER-quad reading of the same event is given beside it",
        "halves: alternate blocks of ten class records (A = records 1-10, 21-30, …), A used for tuning, B to confirm",
        "4-way = GDELT QuadClass folding, statement counted as verbal-cooperation on both sides",
        "roles: reciprocal spans count as both source and target; our distinct actor/recipient spans are matched one-to-one by overlap",
      ],
      metrics: {
        accuracy5: round(five.accuracy),
        accuracy5A: round(readings[0][2].accuracy),
        accuracy5B: round(readings[0][3].accuracy),
        ploverQuad: {
          accuracy5: round(plover.accuracy),
          macroF1_5: round(plover.macroF1),
          accuracy5A: round(readings[1][2].accuracy),
          accuracy5B: round(readings[1][3].accuracy),
        },
        macroF1_5: round(five.macroF1),
        accuracy4: round(four.accuracy),
        macroF1_4: round(four.macroF1),
        actorOverlap: summary(prf(actors)),
        recipientOverlap: summary(prf(targets)),
      },
    };
  },
};

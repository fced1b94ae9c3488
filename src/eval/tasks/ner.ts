/**
 * Named entities on GUM news: exact-span and overlap F1 for PERSON, ORG and LOC, with
 * compromise scored the same way beside us.
 *
 * GUM annotates every mention, nested and with its determiners and titles; our tagger (like
 * every flat NER) gives one layer of names. So the gold is read as:
 * - only mentions GUM marks as named (`propnHead`: the syntactic head is a proper noun), and
 *   people named in apposition to a common-noun head;
 * - boundaries normalised on both sides: a leading `the` and a trailing possessive `'s` are
 *   not part of a name (CoNLL convention), nor is a title before a person's name, and a
 *   comma-joined place is two names (ner-names.ts);
 * - a gold mention is read as the name inside it: no possessor, description, post-modifier or
 *   parenthesis, and a name in apposition to a common noun (`actor Dennis Hopper`, whose GUM
 *   head is `actor`) or before a classifying noun (`the Scientology organization`) is a name
 *   too (ner-names.ts);
 * - nesting: a gold mention nobody matched is not a miss when a mention nested with it (inside
 *   or around it) was matched, since a flat tagger can give only one layer of a nest; stray
 *   predictions always count. The "all nested" rows count every nested mention instead.
 */
import nlp from "compromise";
import type { Entity } from "../../core/annotations.ts";
import type { DataRecord, GoldSpan } from "../data.ts";
import { readJsonl } from "../data.ts";
import { extractAll } from "../extract.ts";
import { type Counts, mergeByType, micro } from "../metrics/prf.ts";
import { type ScoredSpan, scoreSpans } from "../metrics/spans.ts";
import type { Cell } from "../report.ts";
import { type GoldMention, goldNames, predictedNames } from "./ner-names.ts";
import { type EvalTask, PRF_COLUMNS, summary, type TaskOutcome, typedRows } from "./task.ts";

export interface NerRecord extends DataRecord {
  entities: Array<GoldSpan & { type: string; propnHead?: boolean }>;
}

const TYPES = ["PERSON", "ORG", "LOC"] as const;

/** Our six types onto GUM's three; NORP (nationalities, groups) has no GUM counterpart. */
export const TYPE_MAP: Readonly<Record<string, string>> = {
  PERSON: "PERSON",
  ORG: "ORG",
  GPE: "LOC",
  LOC: "LOC",
  FAC: "LOC",
};

const LEADING_DETERMINER = /^(?:the|The|THE)\s+/;
const TRAILING_POSSESSIVE = /(?:['’]s|['’])$/;

/** Trim whitespace, a leading `the` and a trailing `'s` off a span of `text`. */
export function normaliseName(text: string, span: ScoredSpan): ScoredSpan | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  const lead = LEADING_DETERMINER.exec(text.slice(start, end));
  if (lead && lead[0].length < end - start) start += lead[0].length;
  const trail = TRAILING_POSSESSIVE.exec(text.slice(start, end));
  if (trail && trail[0].length < end - start) end -= trail[0].length;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  if (end <= start) return null;
  return span.type === undefined ? { start, end } : { start, end, type: span.type };
}

/** Every span normalised as a name (`normaliseName`), each once. */
export function normaliseAll(text: string, spans: readonly ScoredSpan[]): ScoredSpan[] {
  const out: ScoredSpan[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    const n = normaliseName(text, span);
    if (!n) continue;
    const key = `${n.start}:${n.end}:${n.type}`;
    if (seen.has(key)) continue; // GUM sometimes gives the same span twice after normalising
    seen.add(key);
    out.push(n);
  }
  return out;
}

/**
 * compromise's offsets cover the punctuation attached to a term (`Armenia.`, `John Kerry,`),
 * which is its tokenisation, not its entity judgement: trim it, keeping the final period of an
 * abbreviation (`D.C.`, `U.S.`).
 */
export function trimAttachedPunctuation(text: string, span: ScoredSpan): ScoredSpan {
  let { start, end } = span;
  while (start < end && /["“‘'([]/.test(text[start] ?? "")) start++;
  for (;;) {
    const last = text[end - 1] ?? "";
    if (end > start && /[,;:!?"”’)\]\s]/.test(last)) {
      end--;
      continue;
    }
    if (end > start && last === ".") {
      const word =
        text
          .slice(start, end - 1)
          .split(/\s/)
          .pop() ?? "";
      if (!word.includes(".") && !/^[A-Z]$/.test(word)) {
        end--;
        continue;
      }
    }
    break;
  }
  return { ...span, start, end };
}

/** compromise's people, organisations and places, with offsets into `text`. */
export function compromiseEntities(text: string): ScoredSpan[] {
  const doc = nlp(text);
  const out: ScoredSpan[] = [];
  const take = (view: { json(o: object): unknown[] }, type: string) => {
    for (const match of view.json({ offset: true }) as Array<{
      offset?: { start: number; length: number };
    }>) {
      if (match.offset) {
        const raw = {
          start: match.offset.start,
          end: match.offset.start + match.offset.length,
          type,
        };
        out.push(trimAttachedPunctuation(text, raw));
      }
    }
  };
  take(doc.people(), "PERSON");
  take(doc.organizations(), "ORG");
  take(doc.places(), "LOC");
  return out;
}

interface SystemScores {
  exact: Record<string, Counts>;
  overlap: Record<string, Counts>;
  exactNested: Record<string, Counts>;
  overlapNested: Record<string, Counts>;
}

function emptyScores(): SystemScores {
  return { exact: {}, overlap: {}, exactNested: {}, overlapNested: {} };
}

function scoreDoc(into: SystemScores, gold: ScoredSpan[], pred: ScoredSpan[]): void {
  mergeByType(into.exact, scoreSpans(gold, pred, "exact", { excuseNested: true }));
  mergeByType(into.overlap, scoreSpans(gold, pred, "overlap", { excuseNested: true }));
  mergeByType(into.exactNested, scoreSpans(gold, pred, "exact"));
  mergeByType(into.overlapNested, scoreSpans(gold, pred, "overlap"));
}

/**
 * The gold names of a record: every GUM mention with `the`/`'s` trimmed, read as names
 * (ner-names.ts): proper-noun-headed mentions, and people named in apposition to a common noun.
 */
export function goldOf(record: {
  text: string;
  entities: ReadonlyArray<ScoredSpan & { propnHead?: boolean }>;
}): ScoredSpan[] {
  const mentions: GoldMention[] = [];
  for (const e of record.entities) {
    const n = normaliseName(record.text, e);
    if (n) mentions.push(e.propnHead === false ? { ...n, propnHead: false } : n);
  }
  return normaliseAll(record.text, goldNames(record.text, mentions));
}

export const nerTask: EvalTask = {
  name: "ner",
  summary: "entities: exact/overlap F1 for PERSON, ORG, LOC on GUM news, compromise beside",
  stages: ["entities"],
  data: "ner/gum-news.jsonl",
  async run(ctx): Promise<TaskOutcome> {
    const records = readJsonl<NerRecord>(ctx.dataPath, ctx.limit);
    const built = ctx.extractor.stageNames.includes("entities");
    const ours = emptyScores();
    const baseline = emptyScores();
    const extracted = built ? extractAll(ctx.extractor, records, ctx.dataName) : [];
    records.forEach((record, i) => {
      const gold = goldOf(record);
      const asNames = (spans: ScoredSpan[]) =>
        normaliseAll(record.text, predictedNames(record.text, normaliseAll(record.text, spans)));
      scoreDoc(baseline, gold, asNames(compromiseEntities(record.text)));
      const got = extracted[i];
      if (!got) return;
      const pred = got.output.entities.flatMap((e: Entity) => {
        const type = TYPE_MAP[e.type];
        return type ? [{ ...got.toRecord(e), type }] : [];
      });
      scoreDoc(ours, gold, asNames(pred));
    });
    const systems: Array<[string, SystemScores]> = built
      ? [
          ["dateline", ours],
          ["compromise", baseline],
        ]
      : [["compromise", baseline]];
    const rows: Cell[][] = [];
    for (const mode of ["exact", "overlap"] as const) {
      for (const [name, s] of systems) rows.push(...typedRows([name, mode], s[mode], TYPES));
    }
    const nestedRows: Cell[][] = [];
    for (const [name, s] of systems) {
      nestedRows.push(...typedRows([name, "exact"], s.exactNested, TYPES).slice(-2, -1));
      nestedRows.push(...typedRows([name, "overlap"], s.overlapNested, TYPES).slice(-2, -1));
    }
    const metrics: Record<string, unknown> = {};
    for (const [name, s] of systems) {
      metrics[name] = {
        exactMicro: summary(micro(s.exact)),
        overlapMicro: summary(micro(s.overlap)),
        exactMicroAllNested: summary(micro(s.exactNested)),
      };
    }
    const goldCount = records.reduce((n, r) => n + goldOf(r).length, 0);
    return {
      status: built ? "ok" : "not built yet",
      records: records.length,
      tables: [
        {
          title: "Entities (named GUM mentions, nesting excused)",
          columns: ["system", "match", "type", ...PRF_COLUMNS],
          rows,
        },
        {
          title: "Entities, every nested mention counted (micro)",
          columns: ["system", "match", "type", ...PRF_COLUMNS],
          rows: nestedRows,
        },
      ],
      notes: [
        ...(built ? [] : ["entities stage not built yet: compromise's score shown alone"]),
        "type mapping: ours PERSON→PERSON, ORG→ORG, GPE/LOC/FAC→LOC; NORP not scored (GUM has no such type; its person-typed groups such as 'Afghans' count as misses)",
        `gold: ${goldCount} names from the GUM mentions whose head is a proper noun (propnHead), plus names in apposition or before a classifying noun; a leading 'the' and trailing 's are trimmed on both sides`,
        "names as flat news NER draws them (CoNLL/OntoNotes, issue 5): a title before a person's name is not part of it on either side (U.S. President Donald Trump → Donald Trump; a gold mention that is only a title, The President, is dropped); a gold place 'Irving, Texas' is 'Irving' plus its nested 'Texas'",
        "GUM mentions are whole noun phrases; the gold name is their proper-noun part: no possessor (DAB's Elizabeth Quat → Elizabeth Quat), no description before it (mainland Australia → Australia), no post-modifier, clause or parenthesis after it (Lee Cheuk-yan of the Labour Party, Mark Tedeschi, QC, Duke University, located in …, the Fisht Stadium in Sochi → Lee Cheuk-yan, Mark Tedeschi, Duke University, Fisht Stadium); a person named in apposition to a common-noun head (musician Tiziano Lugli, propnHead false) is a gold name too, and so is an organisation or place that a common-noun phrase only classifies (the Scientology organization, Yonhap news agency, the Kowloon West geographical constituency, journal Nature Climate Change; not the New Zealand government or the US team, whose name is another thing's)",
        "nesting: an unmatched gold mention nested with a matched one is not a miss (a flat tagger gives one layer); every unmatched prediction is a false positive",
        "compromise: nlp(text).people()/.organizations()/.places() with offsets (punctuation its terms carry trimmed off), scored identically",
      ],
      metrics,
    };
  },
};

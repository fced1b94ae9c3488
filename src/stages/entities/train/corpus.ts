/**
 * Training and dev corpora for the tagger: JSON-lines records with character spans, turned
 * into token sequences with BILOU labels. Tokens come from the same `tokenize` the stage
 * uses at run time. Mentions are normalised to what Dateline calls a name: no leading
 * article, no title (`President`, `Mr.`), no possessive `'s`; GMB's adjectival `gpe`
 * mentions (`British`) become NORP; GUM's phrase-level mentions (`critics of …`) are dropped
 * in favour of the names nested inside them.
 */
import { readFileSync } from "node:fs";
import type { Token } from "../../../core/annotations.ts";
import { goldOf } from "../../../eval/tasks/ner.ts";
import { tokenize } from "../../segment/tokenize.ts";
import { NAME_CONNECTORS } from "../features.ts";
import { type Lexicons, loadLexicons } from "../lexicon.ts";
import { ENTITY_LABELS, type ModelEntityType, makeLabel } from "../model.ts";
import { segmentRanges } from "../sentences.ts";
import { matchTitle } from "../titles.ts";

export interface SourceEntity {
  start: number;
  end: number;
  type: string;
  text: string;
  srcType?: string;
  propnHead?: boolean;
}

export interface SourceRecord {
  id: string;
  text: string;
  entities: SourceEntity[];
  doc?: string;
}

/** One training sequence: tokens `[from, to)` of `tokens`, with a label per token. */
export interface TrainSentence {
  text: string;
  tokens: Token[];
  from: number;
  to: number;
  labels: Int32Array;
}

export interface NormalisedMention {
  from: number;
  to: number;
  type: ModelEntityType;
}

export function readJsonl(path: string): SourceRecord[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SourceRecord);
}

/** The tagger's name connectors (features.ts), and the punctuation and possessive inside names. */
const CONNECTORS = new Set([...NAME_CONNECTORS, "&", "-", "'s"]);
const ARTICLES = new Set(["the", "a", "an"]);

/** Token index range covered by a character span; the end may fall on a possessive `'s`. */
function tokenRange(
  text: string,
  tokens: Token[],
  start: number,
  end: number,
): [number, number] | null {
  let from = -1;
  let to = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.end <= start) continue;
    if (t.start >= end) break;
    if (t.start < start) return null; // the span starts inside a token
    if (from < 0) from = i;
    if (t.end > end) {
      const rest = text.slice(end, t.end);
      if (!/^['’]s?$/.test(rest)) return null;
    }
    to = i + 1;
  }
  return from >= 0 ? [from, to] : null;
}

function word(text: string, t: Token): string {
  return text.slice(t.start, t.end);
}

/** Whether the tokens read as a name: capitalised words, digits and a few connectors. */
export function nameLike(text: string, tokens: Token[], from: number, to: number): boolean {
  let capitals = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    const w = word(text, t);
    if (t.kind === "word") {
      const c = w.charAt(0);
      if (c !== c.toLowerCase()) capitals++;
      else if (!CONNECTORS.has(w.toLowerCase())) return false;
    } else if (t.kind === "punct") {
      if (!["&", ".", "-", "'", "’"].includes(w)) return false;
    }
  }
  return capitals > 0;
}

/** Normalise one mention to a name; null when it is a phrase rather than a name. */
export function normaliseMention(
  text: string,
  tokens: Token[],
  e: SourceEntity,
  lex: Lexicons,
): NormalisedMention | null {
  const range = tokenRange(text, tokens, e.start, e.end);
  if (!range) return null;
  let [from, to] = range;
  let type: ModelEntityType = e.type as ModelEntityType;
  if (e.srcType === "gpe") {
    const key = text.slice(e.start, e.end).toLowerCase();
    const isCountry = lex.countryByName.has(key);
    type =
      !isCountry && (lex.countryByDemonym.has(key) || /(an|ans|ese|ish|i|is|ch)$/.test(key))
        ? "NORP"
        : "LOC";
  }
  while (from < to && ARTICLES.has(word(text, tokens[from] as Token).toLowerCase())) from++;
  if (type === "PERSON") {
    const words: string[] = [];
    for (let i = from; i < to; i++) words.push(word(text, tokens[i] as Token).toLowerCase());
    // A title alone (`Prime Minister`, `the President`) is not a name.
    if (matchTitle(words, lex, 0).length === words.length) return null;
    from += matchTitle(words, lex).length;
    // Lowercase descriptions before a name: `team member Rodaba Noori`, `fashion designer X`.
    while (from < to - 1) {
      const t = tokens[from] as Token;
      const w = word(text, t);
      if (t.kind === "word" && w === w.toLowerCase()) from++;
      else break;
    }
  }
  if (from >= to) return null;
  if (!nameLike(text, tokens, from, to) && type === "PERSON") {
    // `Texas student Ahmed Mohamed`: the name is what follows the last lowercase word.
    let last = -1;
    for (let i = from; i < to; i++) {
      const t = tokens[i] as Token;
      const w = word(text, t);
      if ((t.kind === "word" && w === w.toLowerCase()) || w === ",") last = i;
    }
    if (last >= from && last + 1 < to) from = last + 1;
  }
  if (!nameLike(text, tokens, from, to)) return null;
  if (!ENTITY_LABELS.includes(type)) return null;
  return { from, to, type };
}

/** Normalised, non-overlapping mentions of a record: longer names win over nested ones. */
export function recordMentions(
  rec: SourceRecord,
  tokens: Token[],
  lex: Lexicons,
  opts: { requirePropnHead?: boolean; gumNames?: boolean } = {},
): NormalisedMention[] {
  const cands: NormalisedMention[] = [];
  // GUM's noun-phrase mentions read as names exactly as the evaluation reads them (possessors,
  // descriptions and post-modifiers apart, people named in apposition kept).
  const entities: SourceEntity[] = opts.gumNames
    ? goldOf(rec).map((s) => ({
        start: s.start,
        end: s.end,
        type: s.type ?? "",
        text: rec.text.slice(s.start, s.end),
      }))
    : rec.entities;
  for (const e of entities) {
    if (opts.requirePropnHead && e.propnHead === false) continue;
    const m = normaliseMention(rec.text, tokens, e, lex);
    if (m) cands.push(m);
  }
  // GMB tags `Indonesian Navy` as an adjective and an organisation; the demonym is part of the
  // organisation's name (`British Red Cross`, `Korean People's Army`), as GUM and UNER draw it.
  for (const a of cands) {
    if (a.type !== "NORP") continue;
    const b = cands.find((c) => c.type === "ORG" && c.from === a.to);
    if (!b) continue;
    const gap = rec.text.slice((tokens[a.to - 1] as Token).end, (tokens[b.from] as Token).start);
    if (gap !== " ") continue;
    b.from = a.from;
    a.to = a.from; // emptied: dropped below
  }
  for (let i = cands.length - 1; i >= 0; i--)
    if ((cands[i] as NormalisedMention).to <= (cands[i] as NormalisedMention).from)
      cands.splice(i, 1);
  cands.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken = new Uint8Array(tokens.length);
  const out: NormalisedMention[] = [];
  for (const m of cands) {
    let free = true;
    for (let i = m.from; i < m.to; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = m.from; i < m.to; i++) taken[i] = 1;
    out.push(m);
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Turn a record into labelled sentences. */
export function recordSentences(
  rec: SourceRecord,
  opts: { split: boolean; requirePropnHead?: boolean; gumNames?: boolean },
): TrainSentence[] {
  const lex = loadLexicons();
  const tokens = tokenize(rec.text);
  const mentions = recordMentions(rec, tokens, lex, opts);
  const labels = new Int32Array(tokens.length);
  for (const m of mentions) {
    const type = ENTITY_LABELS.indexOf(m.type);
    if (m.to - m.from === 1) labels[m.from] = makeLabel(type, 3);
    else {
      labels[m.from] = makeLabel(type, 0);
      for (let i = m.from + 1; i < m.to - 1; i++) labels[i] = makeLabel(type, 1);
      labels[m.to - 1] = makeLabel(type, 2);
    }
  }
  const ranges: [number, number][] = opts.split
    ? segmentRanges(rec.text, tokens)
    : [[0, tokens.length]];
  // A sentence break inside a mention would cut it: merge such ranges.
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    const cut = mentions.some((m) => m.from < r[0] && m.to > r[0]);
    if (last && cut) last[1] = r[1];
    else merged.push([r[0], r[1]]);
  }
  return merged
    .filter(([a, b]) => b > a)
    .map(([from, to]) => ({ text: rec.text, tokens, from, to, labels: labels.subarray(from, to) }));
}

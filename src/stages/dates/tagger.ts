/**
 * Finds and resolves every time expression of a text: runs the rules, keeps the longest
 * non-overlapping matches, joins `from X to Y` into ranges, attaches bare clock times to
 * their sentence's day, and writes `DateMention`s. Pure: the reference day comes in, the
 * clock is never read.
 */
import type { DateMention } from "../../core/annotations.ts";
import { findSpanAt, type Span } from "../../core/span.ts";
import { type Day, isoDay, parseDay, ymd } from "./calendar.ts";
import { buildGrammar } from "./grammar.ts";
import { type CalendarLexicon, loadCalendarLexicon } from "./lexicon.ts";
import { dayForWeekday, inMonth, inYear } from "./resolve.ts";
import { buildRules } from "./rules/index.ts";
import { fallbackSentence, TenseReader } from "./tense.ts";
import type { Env, Found, Rule } from "./types.ts";

export interface TagInput {
  text: string;
  /** Publication date `YYYY-MM-DD`, or null. */
  referenceDate: string | null;
  /** Sentences from segment, ordered; empty means "find them roughly". */
  sentences: readonly Span[];
}

export interface Tagger {
  tag(input: TagInput): { dates: DateMention[]; unresolved: DateMention[] };
}

/**
 * Range connectors: `X-Y`, `X through Y`, `from X to Y`, `between X and Y`. `to` and `and`
 * need the opening word, or `moved from Monday to Wednesday` would be fine but `Monday and
 * Wednesday` (two days) would become a range.
 */
const BETWEEN_DASH = /^\s*(?:-|–|—|through|thru)\s*$/i;
const BETWEEN_WORD = /^\s*(?:to|until|till|and)\s*$/i;

export function createTagger(lex: CalendarLexicon = loadCalendarLexicon()): Tagger {
  const grammar = buildGrammar(lex);
  const rules = buildRules(grammar);
  return {
    tag({ text, referenceDate, sentences }) {
      const ref = parseDay(referenceDate);
      const tenses = new TenseReader(text, sentences, lex);
      const env: Env = { text, ref, lex, tense: (s, e) => tenses.tense(s, e) };
      const chosen = select(collect(rules, env));
      const merged = mergeRanges(chosen, env);
      // Anaphora first: `at 2:30 the next day` attaches the time to the day it names.
      anchorAnaphora(merged, ref);
      attachTimes(merged, text, sentences);
      const dates = merged.map((f) => toMention(f, text));
      return { dates, unresolved: dates.filter((_d, i) => merged[i]?.unresolved) };
    },
  };
}

interface Candidate {
  found: Found;
  order: number;
}

function collect(rules: readonly Rule[], env: Env): Candidate[] {
  const out: Candidate[] = [];
  rules.forEach((rule, order) => {
    if (rule.gate && !rule.gate.test(env.text)) return;
    const re = rule.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(env.text); m !== null; m = re.exec(env.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const found = rule.resolve(rule.prefix ? withPrefix(m, rule.prefix, env.text) : m, env);
      if (found !== null && found.end > found.start) out.push({ found, order });
    }
  });
  return out;
}

/** How far before a match its prefix words may start, in code units. */
const PREFIX_REACH = 40;

/** The match grown over the prefix words just before it, with their named groups. */
function withPrefix(m: RegExpExecArray, prefix: RegExp, text: string): RegExpExecArray {
  const from = Math.max(0, m.index - PREFIX_REACH);
  const p = prefix.exec(text.slice(from, m.index));
  if (p === null || p[0].length === 0) return m;
  const grown = [p[0] + m[0], ...m.slice(1)] as unknown as RegExpExecArray;
  const groups: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) groups[k] = v;
  for (const [k, v] of Object.entries(p.groups ?? {})) if (v !== undefined) groups[k] = v;
  grown.index = m.index - p[0].length;
  grown.input = text;
  grown.groups = groups;
  if (m.indices) grown.indices = m.indices;
  return grown;
}

/**
 * Longest first, then rule order; keep what does not overlap anything kept. Candidates are
 * split into clusters of mutually reachable overlaps first, which never interact, so a page
 * with thousands of expressions costs n log n, not n².
 */
function select(candidates: Candidate[]): Found[] {
  candidates.sort((a, b) => a.found.start - b.found.start || b.found.end - a.found.end);
  const out: Found[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  for (const c of candidates) {
    if (cluster.length > 0 && c.found.start >= clusterEnd) {
      out.push(...longestFirst(cluster));
      cluster = [];
    }
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.found.end);
  }
  if (cluster.length > 0) out.push(...longestFirst(cluster));
  return out;
}

function longestFirst(cluster: Candidate[]): Found[] {
  if (cluster.length === 1) return [(cluster[0] as Candidate).found];
  cluster.sort(
    (a, b) =>
      b.found.end - b.found.start - (a.found.end - a.found.start) ||
      a.order - b.order ||
      a.found.start - b.found.start,
  );
  const kept: Found[] = [];
  for (const { found } of cluster) {
    if (kept.every((k) => found.end <= k.start || k.end <= found.start)) kept.push(found);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function mergeRanges(list: Found[], env: Env): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as Found;
    const b = list[i + 1];
    if (b && a.kind === "point" && b.kind === "point" && a.type === "DATE" && b.type === "DATE") {
      const gap = env.text.slice(a.end, b.start);
      const opener = env.text.slice(Math.max(0, a.start - 9), a.start).toLowerCase();
      const word = BETWEEN_WORD.exec(gap)?.[0].trim().toLowerCase();
      // A spaced dash between different grains is a parenthesis (`February 6 - this year`).
      const joined =
        (BETWEEN_DASH.test(gap) && (a.grain === b.grain || !/\s/.test(gap))) ||
        (word !== undefined && word !== "and" && /\bfrom\s+$/.test(opener)) ||
        (word === "and" && /\bbetween\s+$/.test(opener));
      if (joined && a.earliest !== null && b.latest !== null && a.grain !== "vague") {
        const second = followOn(a, b, env);
        if (second.latest !== null && second.latest >= a.earliest) {
          out.push({
            ...a,
            kind: "range",
            value: `${a.value}/${second.value}`,
            grain: a.grain === second.grain ? a.grain : "vague",
            latest: second.latest,
            end: second.end,
            rule: "dates/range",
            stated: [...new Set([...a.stated, ...second.stated])],
            inferred: [...new Set([...a.inferred, ...second.inferred])],
            parts: [a, second],
          });
          i++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}

/** `from Friday to Monday`: the end weekday is the first such day on or after the start. */
function followOn(a: Found, b: Found, env: Env): Found {
  if (b.weekday === undefined || a.earliest === null || b.earliest === null || env.ref === null)
    return b;
  if (b.earliest >= a.earliest) return b;
  const day = dayForWeekday(a.earliest, b.weekday, null, "future");
  return { ...b, value: isoDay(day), earliest: day, latest: day };
}

/** A clock time with no day stated takes the nearest day named in its sentence. */
function attachTimes(list: Found[], text: string, sentences: readonly Span[]): void {
  list.forEach((f, i) => {
    if (f.timeOfDay === undefined) return;
    const at = findSpanAt(sentences, f.start);
    const s = at >= 0 ? (sentences[at] as Span) : fallbackSentence(text, f.start);
    const isDay = (o: Found | undefined): o is Found =>
      o !== undefined &&
      o.grain === "day" &&
      o.kind === "point" &&
      o.earliest !== null &&
      o.timeOfDay === undefined;
    // `list` is ordered by start: walk out from the time, within its sentence.
    let best: Found | null = null;
    for (let k = i - 1; k >= 0 && (list[k] as Found).start >= s.start; k--) {
      if (isDay(list[k])) {
        best = list[k] as Found;
        break;
      }
    }
    for (let k = i + 1; k < list.length && (list[k] as Found).start < s.end; k++) {
      const o = list[k];
      if (isDay(o)) {
        if (best === null || o.start - f.start < f.start - best.start) best = o;
        break;
      }
    }
    if (best?.earliest != null) {
      const day: Day = best.earliest;
      f.value = `${isoDay(day)}${f.timeOfDay}`;
      f.earliest = day;
      f.latest = day;
      f.inferred = ["day (from the sentence)"];
      f.unresolved = false;
    }
  });
}

/** `the next day`: a day from the last day named before it (else from publication). */
function anchorAnaphora(list: Found[], ref: Day | null): void {
  let last: Found | null = null;
  for (const f of list) {
    if (f.anaphor !== undefined) {
      const anchor = last?.earliest ?? null;
      if (f.anaphor === "that-year" || f.anaphor === "that-month") {
        if (anchor !== null && last !== null && last.grain !== "week") {
          const { year, month } = ymd(anchor);
          const res =
            f.anaphor === "that-year" || last.grain === "year"
              ? inYear(year, [], ["year (from the last date named)"])
              : inMonth(year, month, [], ["month (from the last date named)"]);
          Object.assign(f, res);
        }
      } else if (f.anaphor === "year") {
        if (anchor !== null) {
          f.value = `${isoDay(anchor).slice(0, 4)}-XX-XX`;
          f.inferred = ["year (from the last date named)"];
        }
      } else {
        const base = last !== null && last.grain === "day" ? anchor : ref;
        if (base !== null) {
          const day = base + f.anaphor;
          f.value = isoDay(day);
          f.grain = "day";
          f.earliest = day;
          f.latest = day;
          f.inferred = [
            last !== null && last.grain === "day"
              ? "day (from the last day named)"
              : "day (from publication)",
          ];
        }
      }
    }
    if (f.kind === "point" && f.type !== "DURATION" && f.earliest !== null && f.grain !== "vague")
      last = f;
    if (f.anaphor !== undefined && f.grain === "day") last = f;
  }
}

function toMention(f: Found, text: string): DateMention {
  const mention: DateMention = {
    start: f.start,
    end: f.end,
    text: text.slice(f.start, f.end),
    value: f.value,
    grain: f.grain,
    earliest: f.earliest === null ? "" : isoDay(f.earliest),
    latest: f.latest === null ? "" : isoDay(f.latest),
    kind: f.kind,
    stated: f.stated,
    inferred: f.inferred,
    rule: f.rule,
    timexType: f.type,
  };
  if (f.mod !== undefined) mention.mod = f.mod;
  if (f.parts) mention.parts = f.parts.map((p) => toMention(p, text));
  return mention;
}

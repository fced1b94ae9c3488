/**
 * Reading GUM's mentions as names, the way flat news NER (CoNLL-2003, OntoNotes, and our own
 * entities stage, issue 5) draws their boundaries:
 * - a title or role before a person's name is not part of it: `U.S. President Donald Trump` →
 *   `Donald Trump`, `Major general Fuad Basya` → `Fuad Basya`; a mention that is only a title
 *   (`The President`, `Malaysia's Prime Minister`, `Secretary of State`) is no name at all;
 * - a comma-joined place is two names: `Irving, Texas` → `Irving` (GUM marks `Texas` inside it).
 * Hand-written and small on purpose: these are boundary conventions, not a model.
 */
import type { ScoredSpan } from "../metrics/spans.ts";

/** Capitalised words that are titles or offices when they stand before a name (lower case). */
const TITLES = new Set(
  (
    "president vice prime minister ambassador secretary senator sen. representative rep. " +
    "congressman congresswoman governor gov. mayor general gen. major maj. colonel col. " +
    "lieutenant lt. captain capt. sergeant sgt. corporal private commander cmdr. admiral adm. " +
    "marshal chief king queen prince princess emperor pope chancellor judge justice director " +
    "chairman chairwoman chair ceo professor prof. dr. doctor mr. mrs. ms. miss sir dame lord " +
    "lady speaker premier sheikh ayatollah imam rabbi reverend rev. father bishop archbishop " +
    "cardinal emir sultan crown deputy attorney officer detective inspector constable agent " +
    "councillor councilman councilwoman spokesman spokeswoman spokesperson coach president-elect " +
    "first former acting interim foreign defense defence interior finance state"
  ).split(" "),
);

/** Words that tie a title to its complement: `Secretary of State`, `Ambassador to the US`. */
const CONNECTORS = new Set(["of", "to", "for", "on", "at", "and", "the"]);

interface Token {
  start: number;
  end: number;
  word: string;
}

function tokens(text: string, span: ScoredSpan): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  const slice = text.slice(span.start, span.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, word: m[0] });
  }
  return out;
}

const isTitle = (word: string) => TITLES.has(word.toLowerCase());
const capitalised = (word: string) => /^[\p{Lu}\p{Lt}]/u.test(word);

/**
 * The name inside a PERSON mention: the run of capitalised words at its end that is neither a
 * title nor inside a mention nested in it (`the United States` in `Ambassador to the United
 * States Hamdullah Mohib`). Only when a title stands before that run is anything stripped.
 * Returns the span unchanged, a shorter span, or null for a title with no name.
 */
export function personName(
  text: string,
  span: ScoredSpan,
  nested: readonly ScoredSpan[] = [],
): ScoredSpan | null {
  const words = tokens(text, span);
  let first = words.length;
  while (first > 0) {
    const w = words[first - 1] as Token;
    const inside = nested.some((n) => n.start <= w.start && w.end <= n.end);
    if (!capitalised(w.word) || isTitle(w.word) || inside) break;
    first--;
  }
  const before = words.slice(0, first);
  if (!before.some((w) => isTitle(w.word))) return span;
  const name = words.slice(first);
  const previous = before[before.length - 1];
  if (name.length === 0 || (previous && CONNECTORS.has(previous.word.toLowerCase()))) return null;
  return { ...span, start: (name[0] as Token).start, end: (name[name.length - 1] as Token).end };
}

/** `Irving, Texas` → `Irving` when the part after the comma is itself a gold place. */
export function firstPlace(
  text: string,
  span: ScoredSpan,
  nested: readonly ScoredSpan[],
): ScoredSpan {
  const comma = text.indexOf(",", span.start);
  if (comma < 0 || comma >= span.end) return span;
  const after = nested.some((n) => n.type === "LOC" && n.start > comma && n.end === span.end);
  return after ? { ...span, end: comma } : span;
}

/**
 * Gold mentions as names. `nested` are the other gold mentions of the document; predictions
 * go through `personName` only (with no nesting), and keep their span when it is all title.
 */
export function goldNames(text: string, mentions: readonly ScoredSpan[]): ScoredSpan[] {
  const out: ScoredSpan[] = [];
  for (const m of mentions) {
    const inner = mentions.filter(
      (n) => n !== m && m.start <= n.start && n.end <= m.end && n.end - n.start < m.end - m.start,
    );
    if (m.type === "PERSON") {
      const name = personName(text, m, inner);
      if (name) out.push(name);
    } else if (m.type === "LOC") out.push(firstPlace(text, m, inner));
    else out.push(m);
  }
  return out;
}

export function predictedNames(text: string, spans: readonly ScoredSpan[]): ScoredSpan[] {
  return spans.map((s) => (s.type === "PERSON" ? (personName(text, s) ?? s) : s));
}

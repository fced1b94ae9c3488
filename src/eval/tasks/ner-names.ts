/**
 * Reading GUM's mentions as names, the way flat news NER (CoNLL-2003, OntoNotes, and our own
 * entities stage, issue 5) draws their boundaries. GUM annotates every mention as a whole noun
 * phrase, with its modifiers; a name is only the proper-noun part of it:
 * - a title or role before a person's name is not part of it: `U.S. President Donald Trump` →
 *   `Donald Trump`, `Major general Fuad Basya` → `Fuad Basya`; a mention that is only a title
 *   (`The President`, `Malaysia's Prime Minister`, `Secretary of State`) is no name at all;
 * - nor is a possessor (`DAB's Elizabeth Quat` → `Elizabeth Quat`, `Mecca's Grand Mosque` →
 *   `Grand Mosque`, the possessor being a mention of its own), a lowercase description before
 *   the name (`team member Rodaba Noori`, `mainland Australia`), a post-modifier after it
 *   (`Lee Cheuk-yan of the Labour Party`, `Mark Tedeschi, QC`, `India, where …`,
 *   `Duke University, located in …`, `the Fisht Stadium in Sochi` whose `Sochi` is a mention of
 *   its own) or a parenthesis (`Movimento 5 Stelle (M5S)`);
 * - a person mention whose head is a common noun with the name in apposition (`musician
 *   Tiziano Lugli`, `English captain Harry Kane`; GUM's head is `musician`, so `propnHead` is
 *   false) still names that person: the name is kept; so does an organisation or place phrase
 *   whose common noun only classifies the name (`the Scientology organization`, `the Lombardy
 *   region`, `journal Nature Climate Change`); other common-noun mentions are not names;
 * - a comma-joined place is two names: `Irving, Texas` → `Irving` (GUM marks `Texas` inside it).
 * Hand-written and small on purpose: these are boundary conventions, not a model. Predictions
 * only lose a title before a person's name (`predictedNames`).
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
    "first former acting interim foreign defense defence interior finance state mr mrs ms dr sheriff undersecretary commissioner secretary-general"
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

/** A gold mention as the scorer reads it; `propnHead` false: its head is a common noun. */
export interface GoldMention extends ScoredSpan {
  propnHead?: boolean;
}

/** Words of a mention with their punctuation apart (`Tedeschi,` → `Tedeschi` `,`). */
function words(text: string, span: ScoredSpan): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}](?:[\p{L}\p{N}.&'’-]*[\p{L}\p{N}.])?(?:['’]s?)?|[^\s\p{L}\p{N}]/gu;
  const slice = text.slice(span.start, span.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, word: m[0] });
  }
  return out;
}

/** Lowercase name particles that continue a person's name (`Suleiman al-Amr`, `De Bruyne`). */
const PARTICLES = new Set(
  "de del della da di du des van von der den la le bin ibn al el dos das do y".split(" "),
);
/** Words before a name that make it the object of a modifier (`the voice of Batman`). */
const PREPOSITIONS = new Set(
  "of to for from at in on with by like near about including as than between against via".split(
    " ",
  ),
);
/** Lowercase words that may follow a name and start its post-modifier. */
const POSTMODIFIERS = new Set([
  ...PREPOSITIONS,
  ..."and or but who whom whose which that where when said says".split(" "),
]);
const DETERMINERS = new Set(["the", "a", "an"]);
/** Words that make a common-noun mention more than a description before a name. */
const APPOSITION_BREAKERS = new Set(
  "a an every each all any some those these who whom whose which that".split(" "),
);

const isPossessive = (word: string) => /[\p{L}\p{N}.]['’]s?$/u.test(word) && /['’]/.test(word);
const isLowerWord = (word: string) => /^\p{Ll}/u.test(word);
const stripPossessive = (t: Token): Token => {
  const m = /['’]s?$/.exec(t.word);
  return m ? { ...t, end: t.end - m[0].length, word: t.word.slice(0, -m[0].length) } : t;
};

/**
 * The person's name inside a PERSON mention: the first run of capitalised words (with name
 * particles) that is not a title, not a possessor, not inside another gold mention, not the
 * object of a preposition (`critics of Donald Trump`) and not a premodifier (`Scientology
 * defector`). With `apposition` (a common-noun head, `propnHead` false) the run must follow a
 * description (`musician Tiziano Lugli`), never open the mention. Null when there is none.
 */
export function personNameIn(
  text: string,
  span: ScoredSpan,
  nested: readonly ScoredSpan[],
  apposition: boolean,
): ScoredSpan | null {
  const ws = words(text, span);
  const inside = ws.map((w) => nested.some((n) => n.start <= w.start && w.end <= n.end));
  const capital = (i: number) => {
    const w = ws[i]?.word ?? "";
    return !inside[i] && capitalised(w) && !DETERMINERS.has(w.toLowerCase());
  };
  let i = 0;
  while (i < ws.length) {
    if (!capital(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < ws.length &&
      !isPossessive(ws[j - 1]?.word ?? "") &&
      (capital(j) ||
        (!inside[j] &&
          (PARTICLES.has((ws[j]?.word ?? "").toLowerCase()) ||
            /^(?:al|el)-/.test(ws[j]?.word ?? "")) &&
          capital(j + 1)))
    )
      j++;
    const runStart = i;
    i = j;
    const last = ws[j - 1] as Token;
    if (isPossessive(last.word)) continue;
    // Titles in the run are not the name (`General Suleiman al-Amr`, `Afghan Ambassador`).
    let first = runStart;
    for (let k = runStart; k < j; k++) if (isTitle((ws[k] as Token).word)) first = k + 1;
    if (first === j) continue;
    const before = ws[runStart - 1]?.word.toLowerCase();
    const beforeThat = ws[runStart - 2]?.word.toLowerCase();
    if (before !== undefined && PREPOSITIONS.has(before)) continue;
    if (
      before !== undefined &&
      DETERMINERS.has(before) &&
      beforeThat &&
      PREPOSITIONS.has(beforeThat)
    )
      continue;
    const next = ws[j];
    if (next && !inside[j] && isLowerWord(next.word) && !POSTMODIFIERS.has(next.word)) continue;
    if (apposition) {
      // A plain description only: no clause, quantifier, preposition or quote before the name
      // (`those who speak English`, `the boy wearing a NASA T-shirt`), none of `and`/`or` after.
      const clause = ws
        .slice(0, runStart)
        .some(
          (w, k) =>
            !inside[k] &&
            (APPOSITION_BREAKERS.has(w.word.toLowerCase()) ||
              PREPOSITIONS.has(w.word) ||
              /^["“”]/.test(w.word)),
        );
      if (clause || (next && (next.word === "and" || next.word === "or"))) continue;
      // After a description or a title: `team member X`, `Swedish captain X`, `CEO of the
      // Refugee Council X` (the council being a mention of its own).
      const prev = runStart - 1;
      const describes =
        first > runStart ||
        (prev >= 0 &&
          (inside[prev] ||
            (isLowerWord((ws[prev] as Token).word) && !DETERMINERS.has((ws[prev] as Token).word))));
      if (!describes) continue;
    }
    return { ...span, start: (ws[first] as Token).start, end: last.end };
  }
  return null;
}

/**
 * The name inside an ORG or LOC mention: without a parenthesis, a clause after a comma, a
 * place after a comma or a locative preposition when it is a gold mention of its own
 * (`Irving, Texas`, `the Fisht Stadium in Sochi`), lowercase words before it and a possessor
 * that is a mention of its own.
 */
export function placeOrOrgName(
  text: string,
  span: ScoredSpan,
  nested: readonly ScoredSpan[],
): ScoredSpan {
  let { start, end } = span;
  const paren = text.indexOf(" (", start);
  if (paren > start && paren < end) end = paren;
  for (let k = text.indexOf(",", start); k >= 0 && k < end; k = text.indexOf(",", k + 1)) {
    const rest = text.slice(k + 1, end).trimStart();
    const nestedAfter = nested.some((n) => n.start > k && n.end === end);
    if (/^\p{Ll}/u.test(rest) || nestedAfter) {
      end = k;
      break;
    }
  }
  const prep = / (?:in|near|on) /g;
  const slice = text.slice(start, end);
  for (let m = prep.exec(slice); m; m = prep.exec(slice)) {
    const at = start + m.index;
    if (nested.some((n) => n.start > at && n.start < end && n.end >= end)) {
      end = at;
      break;
    }
  }
  let ws = words(text, { start, end });
  while (ws.length > 1) {
    const w = (ws[0] as Token).word;
    if (/^[a-z]+$/.test(w) && !PARTICLES.has(w) && !DETERMINERS.has(w)) ws = ws.slice(1);
    else break;
  }
  // `Mecca's Grand Mosque`: the possessor is a gold mention of its own.
  for (let k = 0; k < ws.length - 1; k++) {
    const w = ws[k] as Token;
    if (!isPossessive(w.word)) continue;
    const owner = stripPossessive(w);
    const rest = ws.slice(k + 1);
    if (nested.some((n) => n.end === owner.end) && capitalised((rest[0] as Token).word)) ws = rest;
    break;
  }
  if (ws.length === 0) return span;
  return { ...span, start: (ws[0] as Token).start, end: (ws[ws.length - 1] as Token).end };
}

/** Common nouns that only classify the name before them: `the Scientology organization`. */
const CLASSIFIERS: Readonly<Record<string, ReadonlySet<string>>> = {
  ORG: new Set(
    "organization organisation group party movement agency network band firm company".split(" "),
  ),
  LOC: new Set("region province district constituency county".split(" ")),
};

/**
 * The name inside an organisation's or place's common-noun phrase when it names the same
 * thing: before a classifying noun (`the Scientology organization`, `Yonhap news agency`, `the
 * Lombardy region`, `the Kowloon West geographical constituency`) or in apposition after one
 * (`journal Nature Climate Change`, `debutants Panama`). Null otherwise (`the New Zealand
 * government`, `the US team`, `Google headquarters`: the name is another thing's).
 */
export function classifiedName(
  text: string,
  span: ScoredSpan,
  nested: readonly ScoredSpan[],
): ScoredSpan | null {
  const type = span.type ?? "";
  const classifiers = CLASSIFIERS[type];
  const ws = words(text, span);
  let k = 0;
  if (ws[0] && DETERMINERS.has(ws[0].word.toLowerCase())) k++;
  const first = k;
  while (
    k < ws.length &&
    capitalised((ws[k] as Token).word) &&
    !isPossessive((ws[k] as Token).word)
  )
    k++;
  if (classifiers && k > first && k < ws.length) {
    // `the X (lowercase modifiers) classifier`, nothing after.
    let j = k;
    while (j < ws.length - 1 && isLowerWord((ws[j] as Token).word) && j - k < 2) j++;
    const head = (ws[ws.length - 1] as Token).word.toLowerCase();
    if (j === ws.length - 1 && classifiers.has(head))
      return { ...span, start: (ws[first] as Token).start, end: (ws[k - 1] as Token).end };
  }
  if (first === 0 && ws[0] && isLowerWord(ws[0].word)) {
    const name = personNameIn(text, span, nested, true);
    if (name && name.end === span.end) return name;
  }
  return null;
}

/**
 * Gold mentions as names. Mentions marked `propnHead: false` are common-noun phrases: a name
 * is taken from them only when it names the same person, organisation or place (`actor Dennis
 * Hopper`, `the Scientology organization`).
 */
export function goldNames(text: string, mentions: readonly GoldMention[]): ScoredSpan[] {
  const out: ScoredSpan[] = [];
  for (const m of mentions) {
    const inner = mentions.filter(
      (n) => n !== m && m.start <= n.start && n.end <= m.end && n.end - n.start < m.end - m.start,
    );
    const span: ScoredSpan =
      m.type === undefined
        ? { start: m.start, end: m.end }
        : { start: m.start, end: m.end, type: m.type };
    if (m.propnHead === false) {
      const name =
        m.type === "PERSON"
          ? personNameIn(text, span, inner, true)
          : classifiedName(text, span, inner);
      if (name) out.push(name);
    } else if (m.type === "PERSON") {
      const name = personNameIn(text, span, inner, false) ?? personName(text, span, inner);
      if (name) out.push(name);
    } else if (m.type === "LOC" || m.type === "ORG") out.push(placeOrOrgName(text, span, inner));
    else out.push(span);
  }
  return out;
}

export function predictedNames(text: string, spans: readonly ScoredSpan[]): ScoredSpan[] {
  return spans.map((s) => (s.type === "PERSON" ? (personName(text, s) ?? s) : s));
}

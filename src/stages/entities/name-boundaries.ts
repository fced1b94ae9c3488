/**
 * Where names begin and end, beyond what the tagger decides (steps of recognise.ts): events
 * are no names, a possessor or an organisation run on into a person is split off the person,
 * a word of a title is no name, an organisation runs on into its `for`/`on`/`of` complement,
 * names joined by `and` are two, and a currency's country prefix is no mention of the place.
 */
import type { Token } from "../../core/annotations.ts";
import { hasLowercaseWord, inAnyPhraseList, inPhraseList, PHRASE, phraseSet } from "./features.ts";
import { hashLowerSlice } from "./hash.ts";
import { capitalAt, isCapitalised, phraseCategory, tokensKey, tokenText } from "./mention-text.ts";
import type { Mention, Resources } from "./recognise.ts";

/** Gazetteer phrases that are places. */
const PLACES = phraseSet(PHRASE.city, PHRASE.state, PHRASE.region, PHRASE.country);
/** What an organisation's run-on does not swallow: a place or a person's name. */
const PLACE_OR_PERSON = phraseSet(PHRASE.country, PHRASE.city, PHRASE.state, PHRASE.person);
/** Words that are no part of a person's name (a place, a nationality, a title). */
const NOT_NAME_PARTS = phraseSet(
  PHRASE.country,
  PHRASE.demonym,
  PHRASE.state,
  PHRASE.region,
  PHRASE.title,
);

/**
 * Step 1c: events are not people, organisations or places (OntoNotes gives them a type of
 * their own, GUM does not count them): a name ending in an event word (`Google Science Fair`,
 * `Lantern Festival`, `Northern Arena Esports Championship`) goes; its first word stays, as an
 * organisation, when the gazetteer knows it as one (`Google`).
 */
export function dropEvents(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const last = tokenText(text, tokens, m.to - 1).toLowerCase();
    if (m.to - m.from < 2 || !res.lex.eventWords.has(last)) {
      out.push(m);
      continue;
    }
    const cat = phraseCategory(res.model, text, tokens, m.from, m.from + 1);
    if (inPhraseList(cat, PHRASE.org) || inPhraseList(cat, PHRASE.actor)) {
      const t = tokens[m.from] as Token;
      out.push({ ...m, to: m.from + 1, end: t.end, type: "ORG" });
    }
  }
  return out;
}

/**
 * Step 3a: `New People Party's Regina Ip` read as one name is two: the possessor, and the
 * person after the `'s` when that part opens with a known first name.
 */
export function splitPossessors(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    let cut = -1;
    if (m.type !== "PERSON" && m.type !== "NORP") {
      for (let i = m.from + 1; i < m.to - 1; i++) {
        const w = tokenText(text, tokens, i);
        if (w !== "'s" && w !== "’s") continue;
        const cat = phraseCategory(res.model, text, tokens, i + 1, i + 2);
        if (inPhraseList(cat, PHRASE.firstName) && isCapitalised(tokenText(text, tokens, i + 1)))
          cut = i;
        break;
      }
    }
    // `Refugee Council Enver Solomon`: an organisation run on into a person named after it
    // (a known first name and one more capitalised word closing the mention).
    let gap = 1;
    if (cut < 0 && m.type === "ORG" && m.to - m.from >= 3) {
      const first = m.to - 2;
      const cat = phraseCategory(res.model, text, tokens, first, first + 1);
      const whole = phraseCategory(res.model, text, tokens, m.from, m.to);
      if (
        inPhraseList(cat, PHRASE.firstName) &&
        !inPhraseList(whole, PHRASE.org) &&
        !inPhraseList(whole, PHRASE.actor) &&
        isCapitalised(tokenText(text, tokens, first)) &&
        isCapitalised(tokenText(text, tokens, first - 1)) &&
        isCapitalised(tokenText(text, tokens, m.to - 1))
      ) {
        cut = first;
        gap = 0;
      }
    }
    if (cut < 0) {
      out.push(m);
      continue;
    }
    const owner: Mention = { ...m, to: cut, end: (tokens[cut - 1] as Token).end };
    delete owner.entry;
    const person: Mention = {
      from: cut + gap,
      to: m.to,
      start: (tokens[cut + gap] as Token).start,
      end: m.end,
      type: "PERSON",
      confidence: m.confidence,
      source: "model",
    };
    out.push(owner, person);
  }
  return out;
}

/**
 * Step 3b: a word of a title the tagger took for a name of its own (`Prime` in `Prime
 * Minister Rishi Sunak`) goes; a country in a title (`U.S. President`) stays.
 */
export function dropTitleWords(mentions: Mention[]): Mention[] {
  const titles = mentions.flatMap((m) => (m.title ? [m.title] : []));
  if (titles.length === 0) return mentions;
  return mentions.filter(
    (x) =>
      (x.type !== "PERSON" && x.type !== "ORG") ||
      !titles.some((t) => t.start <= x.start && x.end <= t.end),
  );
}

/**
 * Step 4d': an organisation's name runs on through `for`, `on` or `of` (and `the`) into the
 * capitalised words after it: `Andy Warhol Foundation` + `for the` + `Visual Arts`, `Joint
 * Council for the Welfare of Immigrants`, when the part before ends in an organisation word
 * and the part after is not a place, a date or a person (`the Council on Monday`, `the
 * Foundation for Syria`).
 */
export function joinOrgComplements(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): Mention[] {
  const starts = new Map<number, Mention>();
  for (const m of mentions) starts.set(m.from, m);
  const dropped = new Set<Mention>();
  for (const m of mentions) {
    if (m.type !== "ORG" || dropped.has(m)) continue;
    if (!res.lex.orgWords.has(tokenText(text, tokens, m.to - 1).toLowerCase())) continue;
    let j = m.to;
    const link = tokens[j] ? tokenText(text, tokens, j) : "";
    if (link !== "for" && link !== "on" && link !== "of") continue;
    j++;
    if (tokens[j] && tokenText(text, tokens, j) === "the") j++;
    const next = starts.get(j);
    if (next && next.type !== "ORG") continue;
    let end = j;
    while (end < tokens.length) {
      const t = tokens[end] as Token;
      const w = text.slice(t.start, t.end);
      const gap = text.slice((tokens[end - 1] as Token).end, t.start);
      if (gap.includes("\n")) break;
      if (t.kind === "word" && isCapitalised(w)) end++;
      else if ((w === "of" || w === "and" || w === "&") && end > j) {
        const after = tokens[end + 1];
        if (after && after.kind === "word" && capitalAt(text, after.start)) end++;
        else break;
      } else break;
    }
    if (next) end = Math.max(end, next.to);
    if (end === j) continue;
    const key = tokensKey(text, tokens, j, end);
    if (res.lex.notNames.has(key) || res.lex.countryByName.has(key)) continue;
    const cat = phraseCategory(res.model, text, tokens, j, end);
    if (inAnyPhraseList(cat, PLACE_OR_PERSON)) continue;
    // Other mentions inside the span are swallowed.
    for (const o of mentions) if (o !== m && o.from >= m.to && o.from < end) dropped.add(o);
    m.to = end;
    m.end = (tokens[end - 1] as Token).end;
    delete m.entry;
  }
  return dropped.size > 0 ? mentions.filter((m) => !dropped.has(m)) : mentions;
}

/**
 * Step 4d'': two names joined by `and` read as one (`the United Nations and United States`,
 * `Massachusetts Institute of Technology and Colorado State University`) are two: when the
 * part after `and` is a country, or both parts carry an organisation word, and the whole is
 * no known name (`Bosnia and Herzegovina`, `Procter and Gamble` stay whole).
 */
export function splitCoordinations(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): Mention[] {
  const out: Mention[] = [];
  const hasOrgWord = (from: number, to: number) => {
    for (let i = from; i < to; i++)
      if (res.lex.orgWords.has(tokenText(text, tokens, i).toLowerCase())) return true;
    return false;
  };
  for (const m of mentions) {
    let and = -1;
    if (m.type !== "PERSON" && m.type !== "NORP" && !m.entry)
      for (let i = m.from + 1; i < m.to - 1; i++) if (tokenText(text, tokens, i) === "and") and = i;
    if (and < 0 || phraseCategory(res.model, text, tokens, m.from, m.to) !== 0) {
      out.push(m);
      continue;
    }
    const rightKey = tokensKey(text, tokens, and + 1, m.to);
    const country = res.lex.countryByName.has(rightKey);
    if (!country && !(hasOrgWord(m.from, and) && hasOrgWord(and + 1, m.to))) {
      out.push(m);
      continue;
    }
    out.push(
      { ...m, to: and, end: (tokens[and - 1] as Token).end },
      {
        ...m,
        from: and + 1,
        start: (tokens[and + 1] as Token).start,
        type: country ? "GPE" : m.type,
      },
    );
  }
  return out;
}

/** Step 4e: `US$ 20,000`, `HK $5`: a currency's country prefix is no mention of the place. */
export function dropCurrencies(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
): Mention[] {
  return mentions.filter((m) => {
    if (m.type !== "GPE") return true;
    const next = tokens[m.to];
    if (!next || text.slice(next.start, next.end) !== "$") return true;
    return next.start - m.end > 1;
  });
}

const COMPASS = new Set(["north", "south", "east", "west", "central"]);

/**
 * `Kowloon West`, `New Territories East`: a place with a compass point after it is a part of
 * that place, a place too, whatever the tagger made of it (a district, a constituency).
 */
export function compassPlaces(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): void {
  for (const m of mentions) {
    if (m.type !== "ORG" || m.entry || m.to - m.from < 2) continue;
    if (!COMPASS.has(tokenText(text, tokens, m.to - 1).toLowerCase())) continue;
    if (isKnownPlace(text, tokens, m.from, m.to - 1, res)) m.type = "GPE";
  }
}

/**
 * `Team Estonia`, `Team GB`: a team named by its country is one organisation's name; `the
 * Monti government`, `the Abe administration`: a one-word name the gazetteer does not know as
 * a place, before `government` or `administration`, is the person the government is named
 * after.
 */
export function teamsAndEponyms(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): void {
  for (const m of mentions) {
    if (m.type !== "GPE" && m.type !== "LOC") continue;
    const before = tokens[m.from - 1];
    if (
      before &&
      text.slice(before.start, before.end) === "Team" &&
      text.slice(before.end, (tokens[m.from] as Token).start) === " " &&
      res.lex.countryByName.has(tokensKey(text, tokens, m.from, m.to))
    ) {
      m.from--;
      m.start = before.start;
      m.type = "ORG";
      delete m.entry;
      continue;
    }
    const after = m.to < tokens.length ? tokenText(text, tokens, m.to) : "";
    if (m.to - m.from !== 1 || (after !== "government" && after !== "administration")) continue;
    // A demonym names its country's government too (`the Iraqi government`).
    const key = tokensKey(text, tokens, m.from, m.to);
    if (!res.lex.countryByDemonym.has(key) && !isKnownPlace(text, tokens, m.from, m.to, res)) {
      m.type = "PERSON";
    }
  }
}

/**
 * Whether tokens `[from, to)` name a place the lexicons or the gazetteer know: a country,
 * region or state by name, or a city, state, region or country of the gazetteer.
 */
export function isKnownPlace(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  res: Resources,
): boolean {
  const key = tokensKey(text, tokens, from, to);
  if (res.lex.countryByName.has(key) || res.lex.regions.has(key) || res.lex.states.has(key)) {
    return true;
  }
  return inAnyPhraseList(phraseCategory(res.model, text, tokens, from, to), PLACES);
}

/**
 * Step 4c': a person's name the tagger stopped one word short of (`L. Ron` | `Hubbard for
 * multiple lifetimes`, `Mohamed Talaat` after `Mostafa`) takes the capitalised word right
 * beside it when the gazetteer knows that word as a name of that place in a name: a last
 * name after it, a first name before it. The word must be no common word (never seen in
 * lowercase), no title, honorific, party label, place or nationality (`Mr`, `Dr`, `Judge`,
 * `Republican`, `Texas-based` stay apart, as DESIGN.md keeps titles apart from names), belong
 * to no other mention, and not be the edge of a longer run of capitalised words.
 */
export function completePersons(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): void {
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.from; i < m.to; i++) covered[i] = 1;
  const capitalWord = (i: number) => {
    const t = tokens[i];
    return t !== undefined && t.kind === "word" && capitalAt(text, t.start);
  };
  const spaced = (a: number, b: number) =>
    text.slice((tokens[a] as Token).end, (tokens[b] as Token).start) === " ";
  const nameWord = (i: number, part: number) => {
    if (covered[i] || !capitalWord(i)) return false;
    const t = tokens[i] as Token;
    if (hasLowercaseWord(res.model.lex, hashLowerSlice(text, t.start, t.end))) return false;
    const key = text.slice(t.start, t.end).toLowerCase();
    if (key.includes("-") || res.lex.cues.honorific.includes(key)) return false;
    if (res.lex.titles.has(key) || res.lex.countryByName.has(key) || res.lex.notNames.has(key))
      return false;
    if (res.lex.countryByDemonym.has(key) || res.lex.states.has(key) || res.lex.regions.has(key))
      return false;
    const cat = phraseCategory(res.model, text, tokens, i, i + 1);
    if (!inPhraseList(cat, part)) return false;
    return !inAnyPhraseList(cat, NOT_NAME_PARTS);
  };
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const r = m.to;
    if (r < tokens.length && spaced(r - 1, r) && nameWord(r, PHRASE.lastName)) {
      if (!(r + 1 < tokens.length && capitalWord(r + 1) && spaced(r, r + 1))) {
        m.to = r + 1;
        m.end = (tokens[r] as Token).end;
        covered[r] = 1;
      }
    }
    const l = m.from - 1;
    if (l >= 0 && spaced(l, l + 1) && nameWord(l, PHRASE.firstName)) {
      if (!(l > 0 && capitalWord(l - 1) && spaced(l - 1, l))) {
        m.from = l;
        m.start = (tokens[l] as Token).start;
        covered[l] = 1;
      }
    }
  }
}

/** An acronym: two or more capitals, with digits (`M5S`, `CEI`, `NCLAN`). */
function isAcronym(w: string): boolean {
  let caps = 0;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 65 && c <= 90) caps++;
    else if (c < 48 || c > 57) return false;
  }
  return caps >= 2;
}

/**
 * The initials of tokens `[from, to)` read as a name (capitalised words give their first
 * letter, numbers their digits, connectors nothing), uppercase; null when a token cannot be in
 * a name.
 */
function initials(text: string, tokens: readonly Token[], from: number, to: number): string | null {
  let out = "";
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    const w = text.slice(t.start, t.end);
    if (t.kind === "number") out += w;
    else if (t.kind === "word" && isCapitalised(w)) out += w.charAt(0).toUpperCase();
    else if (!(t.kind === "word" && CONNECTORS.has(w)) && w !== "&" && w !== "-") return null;
  }
  return out;
}

/** The same letters, maybe in another order (`CEI` = `Italian Episcopal Conference`). */
function sameLetters(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length || a.length < 3) return false;
  return [...a].sort().join("") === [...b].sort().join("");
}

const CONNECTORS = new Set(["of", "the", "and", "for", "de", "del", "della", "di", "du", "la"]);

/** Heads of acronym-defined things that are no person, organisation or place. */
const NOT_NAME_HEADS = new Set([
  "act",
  "agreement",
  "treaty",
  "accord",
  "pact",
  "partnership",
  "charter",
  "law",
  "bill",
  "scheme",
  "course",
  "plan",
  "system",
  "disclosure",
  "index",
  "report",
  "survey",
  "study",
  "award",
  "prize",
  "initiative",
]);

/**
 * Step 4d''': an acronym defined in the text is a name, and so is what it stands for:
 * `Movimento 5 Stelle (M5S)`, `CEI (Italian Episcopal Conference)`, `FIRST … (For
 * Inspiration and Recognition of Science and Technology)` — the long form's initials spell
 * the acronym (Schwartz & Hearst 2003; a translated name's may come in another order). Both
 * get the type the tagger gave the whole long form or the acronym, else ORG when the long
 * form holds an organisation word; else they are left alone (laws, treaties, schemes,
 * systems: `Affordable Care Act (ACA)`). Mentions the tagger cut inside them give way. A
 * long form ending in a number is a product's model (`Internet Explorer 9 (IE9)`).
 */
export function acronymDefinitions(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): Mention[] {
  const found: { long: [number, number]; short: number }[] = [];
  for (let p = 1; p + 2 < tokens.length; p++) {
    // Every token passes here: test for `(` in place, without a string.
    const open = tokens[p] as Token;
    if (open.end - open.start !== 1 || text.charCodeAt(open.start) !== 40) continue;
    const inner = tokens[p + 1] as Token;
    const innerText = text.slice(inner.start, inner.end);
    if (isAcronym(innerText) && tokenText(text, tokens, p + 2) === ")") {
      // Long form before the bracket: the shortest run of name tokens spelling the acronym.
      for (let s = p - 1; s >= 0 && p - s <= 12; s--) {
        const first = tokens[s] as Token;
        if (first.kind !== "number" && !capitalAt(text, first.start)) continue;
        const ini = initials(text, tokens, s, p);
        if (ini === null) break;
        if (ini.length > innerText.length) break;
        if (sameLetters(ini, innerText)) {
          found.push({ long: [s, p], short: p + 1 });
          break;
        }
      }
      continue;
    }
    // Acronym before the bracket, long form inside it.
    const before = tokens[p - 1] as Token;
    const acr = text.slice(before.start, before.end);
    if (!isAcronym(acr)) continue;
    let q = p + 1;
    while (q < tokens.length && q - p <= 12 && tokenText(text, tokens, q) !== ")") q++;
    if (q >= tokens.length || tokenText(text, tokens, q) !== ")" || q === p + 1) continue;
    const ini = initials(text, tokens, p + 1, q);
    if (ini !== null && sameLetters(ini, acr)) found.push({ long: [p + 1, q], short: p - 1 });
  }
  if (found.length === 0) return mentions;
  let out = mentions;
  for (const f of found) {
    const [a, b] = f.long;
    // A model number (`Internet Explorer 9 (IE9)`) names a product, not an organisation;
    // laws, treaties, schemes and events are no names of ours either (OntoNotes' LAW, EVENT).
    if ((tokens[b - 1] as Token).kind === "number") continue;
    const head = tokenText(text, tokens, b - 1).toLowerCase();
    if (NOT_NAME_HEADS.has(head) || res.lex.eventWords.has(head)) continue;
    const touching = out.filter(
      (m) => (m.from < b && a < m.to) || (m.from <= f.short && f.short < m.to),
    );
    // The type the tagger gave the whole long form or the acronym; a piece inside the long
    // form says nothing of the whole (`Iran` of `Trade Promotion Organization of Iran`).
    let type = touching.find(
      (m) =>
        m.type !== "NORP" &&
        ((m.from === a && m.to === b) || (m.from === f.short && m.to === f.short + 1)),
    )?.type;
    if (!type) {
      // Else an organisation by an organisation word in it; laws, treaties, schemes, systems
      // and events defined by acronyms (`Affordable Care Act (ACA)`) are no such names.
      let orgWord = false;
      for (let i = a; i < b; i++)
        if (res.lex.orgWords.has(tokenText(text, tokens, i).toLowerCase())) orgWord = true;
      if (!orgWord) continue;
      type = "ORG";
    }
    const entry = touching.find((m) => m.from === a && m.to === b)?.entry;
    const make = (from: number, to: number): Mention => {
      const m: Mention = {
        from,
        to,
        start: (tokens[from] as Token).start,
        end: (tokens[to - 1] as Token).end,
        type: type as Mention["type"],
        confidence: 1,
        source: "model",
      };
      if (entry && from === a) m.entry = entry;
      return m;
    };
    // A mention running past the pair (a longer name holding it) keeps its say.
    const lo = Math.min(a, f.short);
    const hi = Math.max(b, f.short + 1);
    if (touching.some((m) => m.from < lo || m.to > hi)) continue;
    out = out.filter((m) => !touching.includes(m));
    out.push(make(a, b), make(f.short, f.short + 1));
  }
  return out.sort((x, y) => x.from - y.from);
}

/**
 * Common nouns that classify an organisation named beside them (`the school X`); not those a
 * person may be too (`publishers Jann Wenner`, `broadcaster X`).
 */
const CLASSIFIERS = new Set(
  [
    "school",
    "college",
    "university",
    "academy",
    "company",
    "firm",
    "group",
    "party",
    "agency",
    "organization",
    "organisation",
    "foundation",
    "institute",
    "club",
    "team",
    "band",
    "bank",
    "network",
    "newspaper",
    "charity",
    "association",
    "union",
    "movement",
    "militia",
    "league",
    "federation",
    "society",
    "coalition",
    "alliance",
    "studio",
    "label",
  ].flatMap((w) => [w, w.endsWith("y") ? `${w.slice(0, -1)}ies` : `${w}s`]),
);

/** What may follow the noun heading an apposition (`X, a catholic school in Milan`). */
const HEAD_END = new Set([
  ",",
  ".",
  ";",
  ")",
  "in",
  "of",
  "for",
  "from",
  "at",
  "on",
  "with",
  "that",
  "which",
  "based",
]);

/**
 * Step 4d'''': a name a classifying noun puts in its class is an organisation, whatever the
 * tagger guessed from the name alone: `the religious schools Santo Spirito and Immacolata`,
 * `the group Anonymous`, `Instituto Gonzaga, a catholic school in Milan` — the noun right
 * before the name (and the names listed with it), or an apposition right after it.
 */
export function classifiedNames(text: string, tokens: readonly Token[], mentions: Mention[]): void {
  const lower = (i: number) => {
    const t = tokens[i];
    if (t?.kind !== "word") return "";
    const w = text.slice(t.start, t.end);
    return w === w.toLowerCase() ? w : "";
  };
  const spaced = (a: number, b: number) =>
    text.slice((tokens[a] as Token).end, (tokens[b] as Token).start) === " ";
  let listType = false;
  let listEnd = -1;
  for (const m of mentions) {
    if (m.entry || m.type === "NORP") {
      listType = false;
      continue;
    }
    let org = false;
    // Listed with a classified name before it: `X and Y`, `X, Y and Z`.
    const link = listEnd >= 0 && m.from - listEnd === 1 ? tokenText(text, tokens, listEnd) : "";
    if (listType && (link === "and" || link === ",")) org = true;
    // The classifying noun right before the name.
    if (!org && m.from > 0 && CLASSIFIERS.has(lower(m.from - 1)) && spaced(m.from - 1, m.from))
      org = true;
    // An apposition right after it: `, a catholic school`.
    if (!org && m.to < tokens.length && tokenText(text, tokens, m.to) === ",") {
      const det = lower(m.to + 1);
      if (det === "a" || det === "an" || det === "the") {
        for (let k = m.to + 2; k < m.to + 5 && k < tokens.length; k++) {
          const w = lower(k);
          if (!w) break;
          if (CLASSIFIERS.has(w)) {
            // The noun must head the apposition: a comma, full stop or preposition follows
            // (`a catholic school in Milan`), not a possessive or another noun (`the firm's
            // co-founder`, `a hotbed of union activism`).
            const next = tokenText(text, tokens, k + 1);
            org = !w.endsWith("s") && (HEAD_END.has(next) || next === "");
            break;
          }
        }
      }
    }
    if (org) m.type = "ORG";
    listType = org;
    listEnd = m.to;
  }
}

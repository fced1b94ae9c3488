/**
 * From tagger output to typed name mentions:
 *   1. the model tags PERSON / ORG / LOC / NORP over each sentence;
 *      events (`Lantern Festival`) are no names;
 *   2. names of the actor lexicon and country names the model missed are added (a longer
 *      lexicon name replaces the pieces the model found inside it);
 *   3. a possessor or an organisation run on into a person is split off the person; titles
 *      are cut off person names and kept (`Defense Secretary` | `Mark Esper`); a word of a
 *      title is no name, nor is a sentence's first word the article writes in lowercase;
 *   4. LOC is refined into GPE (countries, states, cities of the gazetteer), LOC (regions,
 *      rivers, mountains) and FAC (embassies, bases, airports); demonyms become NORP;
 *      an organisation runs on into its `for`/`on`/`of` complement; names joined by `and`
 *      are split;
 *   5. a country beside a match score is a national team (ORG), in the whole story; a
 *      currency's country prefix and a capitalised count noun are no names;
 *   6. a trailing possessive `'s` leaves the span.
 * Each step is a small function over the mention list, in this order because each reads
 * what the one before decided.
 */
import type { EntityType, Token } from "../../core/annotations.ts";
import type { ActorEntry, ActorLexicon } from "./actor-lexicon.ts";
import { hasLowercaseWord, inAnyPhraseList, inPhraseList, PHRASE, phraseSet } from "./features.ts";
import { hashLowerSlice, seqHash } from "./hash.ts";
import type { Country, Lexicons } from "./lexicon.ts";
import { capitalAt, isCapitalised, phraseCategory, tokensKey, tokenText } from "./mention-text.ts";
import type { NerModel } from "./model.ts";
import {
  acronymDefinitions,
  classifiedNames,
  compassPlaces,
  completePersons,
  dropCurrencies,
  dropEvents,
  dropTitleWords,
  joinOrgComplements,
  splitCoordinations,
  splitPossessors,
  teamsAndEponyms,
} from "./name-boundaries.ts";
import { dropCommonWords, dropCountNouns, sportsTeams } from "./story-context.ts";
import { matchTitle, titleOf } from "./titles.ts";

/** Gazetteer phrases that are countries, states or cities. */
const SETTLED_PLACES = phraseSet(PHRASE.city, PHRASE.country, PHRASE.state);
/** Gazetteer phrases that are people's names or parts of them. */
const PERSON_NAMES = phraseSet(PHRASE.firstName, PHRASE.lastName, PHRASE.person);

export interface Mention {
  /** Token range `[from, to)` into the document's tokens. */
  from: number;
  to: number;
  /** Character span into the document's text (may end before `tokens[to-1].end`: `'s`). */
  start: number;
  end: number;
  type: EntityType;
  confidence: number;
  /** Title before a person's name, if any. */
  title?: { start: number; end: number; sector: string | null; country: Country | null };
  /** Actor lexicon entry the name matched. */
  entry?: ActorEntry;
  /** How the mention was found. */
  source: "model" | "lexicon" | "gazetteer";
}

export interface Resources {
  model: NerModel;
  lex: Lexicons;
  actors: ActorLexicon;
}

/** Whether token `j`, next to token `k` with one space between, is a capitalised non-word. */
function namedNeighbour(
  text: string,
  tokens: readonly Token[],
  j: number,
  k: number,
  res: Resources,
): boolean {
  const t = tokens[j];
  const o = tokens[k];
  if (!t || !o || t.kind !== "word") return false;
  const gap = j < k ? text.slice(t.end, o.start) : text.slice(o.end, t.start);
  if (gap !== " ") return false;
  const w = text.slice(t.start, t.end);
  if (!isCapitalised(w)) return false;
  // `The Pentagon`, `Pentagon Says`: a capitalised common word is no part of a name.
  return !hasLowercaseWord(res.model.lex, hashLowerSlice(text, t.start, t.end));
}

/** A token a name may begin or end with: a word with a capital, or a number (`Group 7`). */
function nameEdge(text: string, t: Token): boolean {
  if (t.kind === "number") return true;
  if (t.kind !== "word") return false;
  const w = text.slice(t.start, t.end);
  return w !== w.toLowerCase() || /^(al|el|ad|as|ar|an)-/.test(w);
}

/**
 * Step 1b: greedy BILOU decoding, once it opened a mention, must run on to an L; when the
 * model was unsure, the mention swallows lowercase words (`Ron Hubbard for multiple
 * lifetimes`). Names neither start nor end with a lowercase word or a dash: trim them.
 * Religions, holidays and weekdays (lexicon `notNames`) are dropped.
 */
function trimEdges(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): Mention[] {
  for (const m of mentions) {
    while (m.to > m.from && !nameEdge(text, tokens[m.to - 1] as Token)) m.to--;
    while (m.from < m.to && !nameEdge(text, tokens[m.from] as Token)) m.from++;
    if (m.to > m.from) {
      m.start = (tokens[m.from] as Token).start;
      m.end = (tokens[m.to - 1] as Token).end;
    }
  }
  return mentions.filter(
    (m) => m.to > m.from && !res.lex.notNames.has(tokensKey(text, tokens, m.from, m.to)),
  );
}

/** Step 2: actor-lexicon names and country names, longest match, exact case on one name. */
function addLexiconNames(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): Mention[] {
  const found: Mention[] = [];
  const max = Math.max(res.actors.maxTokens, 4);
  const hashes = new Int32Array(max);
  for (let i = 0; i < tokens.length; i++) {
    if (!capitalAt(text, (tokens[i] as Token).start)) continue;
    // Sequence hashes of the phrases starting here, as far as some lexicon name goes on:
    // strings are built only for the lengths that may match.
    let h = 0;
    let len = 0;
    for (let k = 0; k < max && i + k < tokens.length; k++) {
      const t = tokens[i + k] as Token;
      h = seqHash(h, hashLowerSlice(text, t.start, t.end));
      hashes[k] = h;
      len = k + 1;
      if (!res.lex.phrasePrefixes.has(h >>> 0) && !res.actors.prefixes.has(h >>> 0)) break;
    }
    for (let k = len; k >= 1; k--) {
      const hk = (hashes[k - 1] as number) >>> 0;
      if (!res.actors.hashes.has(hk) && !res.lex.countryHashes.has(hk)) continue;
      const key = tokensKey(text, tokens, i, i + k);
      const entry = res.actors.byKey.get(key);
      const country = entry ? undefined : res.lex.countryByName.get(key);
      if (!entry && !country) continue;
      const start = (tokens[i] as Token).start;
      const end = (tokens[i + k - 1] as Token).end;
      const surface = text.slice(start, end);
      // Exact case, so `IS` the group is not `is` the verb, and `Wagner` the group needs the model.
      const names = entry ? entry.names : (country as Country).names;
      if (!names.some((n) => n === surface)) continue;
      // Part of a longer name (`National Security Council`, `Iraq Body Count`): leave it
      // to the model.
      if (
        namedNeighbour(text, tokens, i - 1, i, res) ||
        namedNeighbour(text, tokens, i + k, i + k - 1, res)
      )
        break;
      const m: Mention = {
        from: i,
        to: i + k,
        start,
        end,
        type: entry ? (entry.type ?? "ORG") : "GPE",
        confidence: 1,
        source: entry ? "lexicon" : "gazetteer",
      };
      if (entry) m.entry = entry;
      found.push(m);
      i += k - 1;
      break;
    }
  }
  if (found.length === 0) return mentions;
  const out: Mention[] = [];
  for (const m of mentions) {
    // A model mention that a lexicon name covers exactly or contains is replaced by it; a
    // model mention longer than the lexicon name stays (`U.S. Army Corps of Engineers`).
    const covered = found.some((f) => f.from <= m.from && m.to <= f.to);
    if (!covered) out.push(m);
  }
  for (const f of found) {
    const clash = out.some((m) => m.from < f.to && f.from < m.to);
    if (!clash) out.push(f);
    else {
      // Inside a longer model mention: keep the model's, remember the lexicon entry when equal.
      for (const m of out) if (m.from === f.from && m.to === f.to && f.entry) m.entry = f.entry;
    }
  }
  return out.sort((a, b) => a.from - b.from);
}

/**
 * The tagger sometimes calls a titled name an organisation (`Ambassador Hamdullah Mohib`):
 * a title followed by a person-like name (two or more capitalised words without an
 * organisation word, or a known first name) makes it a person.
 */
function titledPersonInOrg(
  text: string,
  tokens: readonly Token[],
  m: Mention,
  res: Resources,
): void {
  const words: string[] = [];
  for (let i = m.from; i < m.to; i++) words.push(tokenText(text, tokens, i).toLowerCase());
  const t = matchTitle(words, res.lex);
  if (t.length === 0) return;
  const from = m.from + t.length;
  let capitals = 0;
  for (let i = from; i < m.to; i++) {
    const w = tokenText(text, tokens, i);
    if (res.lex.orgWords.has(w.toLowerCase())) return;
    if (isCapitalised(w)) capitals++;
  }
  const first = phraseCategory(res.model, text, tokens, from, from + 1);
  if (capitals >= 2 || inPhraseList(first, PHRASE.firstName)) m.type = "PERSON";
}

/**
 * `Supreme Court Justice Antonin Scalia`, `Federal Reserve Chairman Ben Bernanke`: the tagger
 * runs an organisation, an office in it and its holder together. When an organisation word
 * ends the words before a title and two or more capitalised words, none an organisation
 * word, follow it to the mention's end, the holder is a person of their own with that title;
 * the organisation keeps the words before the title.
 */
export function officeHolderInOrg(
  text: string,
  tokens: readonly Token[],
  m: Mention,
  res: Resources,
): Mention | null {
  if (m.to - m.from < 4) return null;
  // The mention's words in lower case, made once: every start below reads them.
  const lower: string[] = [];
  for (let i = m.from; i < m.to; i++) lower.push(tokenText(text, tokens, i).toLowerCase());
  const word = (i: number) => lower[i - m.from] as string;
  for (let s = m.from + 1; s + 2 < m.to; s++) {
    if (!res.lex.orgWords.has(word(s - 1))) continue;
    const title = matchTitle(lower.slice(s - m.from), res.lex, 2);
    if (title.length === 0) continue;
    const from = s + title.length;
    // A holder's name opens with a name, not a common word (`… Justice Who Once Mocked`).
    const first = tokens[from] as Token;
    if (
      hasLowercaseWord(res.model.lex, hashLowerSlice(text, first.start, first.end)) &&
      !inPhraseList(phraseCategory(res.model, text, tokens, from, from + 1), PHRASE.firstName)
    )
      return null;
    for (let i = from; i < m.to; i++) {
      if (!capitalAt(text, (tokens[i] as Token).start) || res.lex.orgWords.has(word(i))) {
        return null;
      }
    }
    const person: Mention = {
      from,
      to: m.to,
      start: (tokens[from] as Token).start,
      end: m.end,
      type: "PERSON",
      confidence: m.confidence,
      source: m.source,
      title: titleOf(tokens, s, from, title),
    };
    m.to = s;
    m.end = (tokens[s - 1] as Token).end;
    return person;
  }
  return null;
}

/** Step 3: titles inside or right before person mentions. */
function splitTitles(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
  sentenceStart: Uint8Array,
): void {
  const holders: Mention[] = [];
  for (const m of mentions) {
    if (m.type === "ORG") {
      const holder = officeHolderInOrg(text, tokens, m, res);
      if (holder) holders.push(holder);
      else if (!m.entry) titledPersonInOrg(text, tokens, m, res);
    }
    if (m.type !== "PERSON") continue;
    const words: string[] = [];
    // Up to six tokens before the mention, in the same sentence and line, and the mention.
    let lo = m.from;
    while (lo > 0 && m.from - lo < 6 && !sentenceStart[lo]) {
      const prev = tokens[lo - 1] as Token;
      if (text.slice(prev.end, (tokens[lo] as Token).start).includes("\n")) break;
      // A country or demonym may lead a title (`Afghan Ambassador`); other names may not,
      // except a lone word the tagger took for a name (`Prime` of `Prime Minister`), which a
      // title then swallows (step 3b).
      const other = mentions.find((o) => o !== m && o.from <= lo - 1 && lo - 1 < o.to);
      if (other && other.type !== "NORP" && other.type !== "GPE" && other.to - other.from > 1)
        break;
      lo--;
    }
    for (let i = lo; i < m.to; i++) words.push(tokenText(text, tokens, i).toLowerCase());
    // The title may start at any of the preceding tokens: take the longest that ends at or
    // inside the mention and leaves a name.
    for (let s = lo; s <= m.from; s++) {
      const match = matchTitle(words.slice(s - lo), res.lex);
      if (match.length === 0) continue;
      const titleEnd = s + match.length;
      if (titleEnd < m.from) continue; // a title must touch the name
      m.title = titleOf(tokens, s, titleEnd, match);
      if (titleEnd > m.from) {
        m.from = titleEnd;
        m.start = (tokens[titleEnd] as Token).start;
      }
      break;
    }
  }
  if (holders.length > 0) {
    mentions.push(...holders);
    mentions.sort((a, b) => a.from - b.from);
  }
}

/** Step 4: GPE / LOC / FAC / NORP. */
function refineTypes(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): void {
  for (const m of mentions) {
    if (m.entry) continue;
    let from = m.from;
    if (tokenText(text, tokens, from).toLowerCase() === "the" && from + 1 < m.to) from++;
    const key = tokensKey(text, tokens, from, m.to).replace(/['’]s$/, "");
    const last = tokenText(text, tokens, m.to - 1).toLowerCase();
    const isCountry = res.lex.countryByName.has(key);
    const isDemonym = !isCountry && res.lex.countryByDemonym.has(key);
    if (
      isDemonym &&
      (m.type === "LOC" || m.type === "PERSON" || m.type === "NORP" || m.type === "ORG")
    ) {
      m.type = "NORP";
      continue;
    }
    // A lone word the tagger called a person but the gazetteer knows only as a place
    // (`Harwich`, not a first or last name): a place.
    if (m.type === "PERSON" && m.to - from === 1 && !m.title) {
      const cat = phraseCategory(res.model, text, tokens, from, m.to);
      if (inAnyPhraseList(cat, SETTLED_PLACES) && !inAnyPhraseList(cat, PERSON_NAMES)) {
        m.type = "GPE";
        continue;
      }
    }
    if (m.type === "NORP" && isCountry) {
      m.type = "GPE";
      continue;
    }
    if (m.type === "LOC") {
      const cat = phraseCategory(res.model, text, tokens, from, m.to);
      if (isCountry || res.lex.states.has(key) || inAnyPhraseList(cat, SETTLED_PLACES))
        m.type = "GPE";
      else if (
        res.lex.regions.has(key) ||
        inPhraseList(cat, PHRASE.region) ||
        res.lex.locWords.has(last)
      )
        m.type = "LOC";
      else if (res.lex.facWords.has(last)) m.type = "FAC";
      // Unknown places in news are mostly towns and villages.
      else m.type = "GPE";
    } else if (m.type === "ORG" && m.to - from > 1 && !res.lex.orgWords.has(last)) {
      // A facility word, or its plural (`Petronas Towers`).
      const single = last.endsWith("s") ? last.slice(0, -1) : "";
      if (res.lex.facWords.has(last) || (single && res.lex.facWords.has(single))) m.type = "FAC";
    }
  }
}

/**
 * Step 4b: a place or name followed by capitalised words ending in a facility word is one
 * facility: `Baghdad International Airport`, `Ain al-Asad Air Base`.
 */
function extendFacilities(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): Mention[] {
  const out: Mention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k] as Mention;
    out.push(m);
    if (m.type === "PERSON" || m.type === "NORP") continue;
    let j = m.to;
    let end = -1;
    while (j < tokens.length && j - m.to < 4) {
      const t = tokens[j] as Token;
      if (t.kind !== "word" || !capitalAt(text, t.start)) break;
      if (text.slice((tokens[j - 1] as Token).end, t.start) !== " ") break;
      j++;
      if (res.lex.facWords.has(text.slice(t.start, t.end).toLowerCase())) end = j;
    }
    if (end < 0) continue;
    // Swallow the pieces the model tagged inside the facility name.
    while (k + 1 < mentions.length && (mentions[k + 1] as Mention).from < end) k++;
    m.to = end;
    m.end = (tokens[end - 1] as Token).end;
    m.type = "FAC";
    delete m.entry;
  }
  return out;
}

/**
 * Step 4b': `the Iraqi government` names an actor as surely as `the Iraqi Ministry` does: a
 * demonym followed by `government` is one ORG (coded by its demonym, sector GOV).
 */
function demonymGovernments(text: string, tokens: readonly Token[], mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.type !== "NORP") continue;
    const next = tokens[m.to];
    if (!next || text.slice(next.start, next.end) !== "government") continue;
    if (text.slice(m.end, next.start) !== " ") continue;
    m.to++;
    m.end = next.end;
    m.type = "ORG";
  }
}

/** Step 4c: an all-capitals dateline (`NIAMEY`, `KYIV`) that is a known place is a GPE. */
function fixDatelines(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): void {
  for (const m of mentions) {
    if (m.type !== "PERSON" && m.type !== "ORG") continue;
    const s = text.slice(m.start, m.end);
    if (s !== s.toUpperCase() || s.length < 3 || m.entry) continue;
    const key = tokensKey(text, tokens, m.from, m.to);
    const cat = phraseCategory(res.model, text, tokens, m.from, m.to);
    if (
      res.lex.countryByName.has(key) ||
      inPhraseList(cat, PHRASE.city) ||
      inPhraseList(cat, PHRASE.country)
    )
      m.type = "GPE";
  }
}

/** Step 5: `Iraq's` → `Iraq`. */
function dropPossessives(text: string, mentions: Mention[]): void {
  for (const m of mentions) {
    const s = text.slice(m.start, m.end);
    if (/['’]s$/.test(s) && s.length > 3) m.end -= 2;
    else if (/s['’]$/.test(s) && s.length > 3) m.end -= 1;
  }
}

export function recognise(
  text: string,
  tokens: readonly Token[],
  sentenceRanges: readonly [number, number][],
  res: Resources,
): Mention[] {
  let mentions: Mention[] = res.model.tag(text, tokens, sentenceRanges).map((t) => ({
    from: t.from,
    to: t.to,
    start: (tokens[t.from] as Token).start,
    end: (tokens[t.to - 1] as Token).end,
    type: t.type,
    confidence: t.confidence,
    source: "model" as const,
  }));
  mentions = trimEdges(text, tokens, mentions, res);
  mentions = dropEvents(text, tokens, mentions, res);
  mentions = addLexiconNames(text, tokens, mentions, res);
  const sentenceStart = new Uint8Array(tokens.length + 1);
  for (const [from] of sentenceRanges) sentenceStart[from] = 1;
  mentions = splitPossessors(text, tokens, mentions, res);
  splitTitles(text, tokens, mentions, res, sentenceStart);
  mentions = dropTitleWords(mentions);
  mentions = dropCommonWords(text, tokens, mentions, res, sentenceStart);
  refineTypes(text, tokens, mentions, res);
  mentions = extendFacilities(text, tokens, mentions, res);
  demonymGovernments(text, tokens, mentions);
  fixDatelines(text, tokens, mentions, res);
  completePersons(text, tokens, mentions, res);
  mentions = joinOrgComplements(text, tokens, mentions, res);
  mentions = splitCoordinations(text, tokens, mentions, res);
  mentions = acronymDefinitions(text, tokens, mentions, res);
  classifiedNames(text, tokens, mentions);
  compassPlaces(text, tokens, mentions, res);
  teamsAndEponyms(text, tokens, mentions, res);
  sportsTeams(text, tokens, mentions, res);
  mentions = dropCurrencies(text, tokens, mentions);
  mentions = dropCountNouns(text, tokens, mentions);
  dropPossessives(text, mentions);
  return mentions.filter((m) => m.end > m.start);
}

/**
 * What the rest of the story says about a name (steps of recognise.ts): capitalisation in
 * context (`Iodine` opening a sentence beside `iodine`), national teams beside match scores,
 * and capitalised count nouns (`100 Polaroids`).
 */
import type { Token } from "../../core/annotations.ts";
import { hasLowercaseWord, inAnyPhraseList, PHRASE, phraseSet } from "./features.ts";
import { hashLowerSlice } from "./hash.ts";
import { phraseCategory, tokensKey, tokenText } from "./mention-text.ts";
import type { Mention, Resources } from "./recognise.ts";

/** Gazetteer phrases that make a lone capitalised word a known name. */
const KNOWN_NAMES = phraseSet(
  PHRASE.country,
  PHRASE.city,
  PHRASE.state,
  PHRASE.firstName,
  PHRASE.lastName,
  PHRASE.person,
  PHRASE.actor,
);

/**
 * Step 3c: capitalisation in context. A one-word name at the start of a sentence or quote that
 * the same article writes in lowercase elsewhere (`Iodine deficiency …` beside `iodine`) is a
 * common word capitalised by its position. Unless the gazetteer knows it as a place, a
 * person's name or an actor, or it is part of a person's longer name in the article
 * (`George Bush` … `Bush said`). A lone organisation word opening a sentence (`University
 * exhibits …`) is the common noun too. Inside a sentence a capital is left to mean a name.
 */
export function dropCommonWords(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
  sentenceStart: Uint8Array,
): Mention[] {
  const initial = (i: number) => {
    let k = i;
    while (k > 0 && !sentenceStart[k] && (tokens[k - 1] as Token).kind === "punct") k--;
    return k === 0 || sentenceStart[k] === 1;
  };
  // The candidates first, so the article is scanned only for words of their lengths (this
  // runs on every article: hashing every token would cost a tenth of the stage).
  const candidates: Mention[] = [];
  const want = new Set<number>();
  const lengths = new Set<number>();
  for (const m of mentions) {
    if (m.to - m.from !== 1 || m.source !== "model" || !initial(m.from)) continue;
    const t = tokens[m.from] as Token;
    candidates.push(m);
    want.add(hashLowerSlice(text, t.start, t.end));
    lengths.add(t.end - t.start);
  }
  if (candidates.length === 0) return mentions;
  const lower = new Set<number>();
  for (const o of tokens) {
    if (o.kind !== "word" || !lengths.has(o.end - o.start)) continue;
    const c = text.charCodeAt(o.start);
    if (c < 97 || c > 122) continue;
    const h = hashLowerSlice(text, o.start, o.end);
    if (want.has(h)) lower.add(h);
  }
  const drop = new Set<Mention>();
  for (const m of candidates) {
    const t = tokens[m.from] as Token;
    const h = hashLowerSlice(text, t.start, t.end);
    // A lone organisation word opening a sentence (`University exhibits can …`, `Police said`)
    // is the common noun; a lexicon name (`Congress`) is not the model's and stays.
    const lw = text.slice(t.start, t.end).toLowerCase();
    if (res.lex.orgWords.has(lw) && hasLowercaseWord(res.model.lex, h)) {
      drop.add(m);
      continue;
    }
    if (!lower.has(h)) continue;
    // Part of a person's longer name in the article (`George Bush` … `Bush said`): a name.
    let partOfPerson = false;
    for (const o of mentions) {
      if (o.to - o.from < 2 || o.type !== "PERSON") continue;
      for (let i = o.from; i < o.to && !partOfPerson; i++) {
        const w = tokens[i] as Token;
        if (w.end - w.start === t.end - t.start && hashLowerSlice(text, w.start, w.end) === h)
          partOfPerson = true;
      }
    }
    if (partOfPerson) continue;
    const cat = phraseCategory(res.model, text, tokens, m.from, m.to);
    if (!inAnyPhraseList(cat, KNOWN_NAMES)) drop.add(m);
  }
  return drop.size === 0 ? mentions : mentions.filter((m) => !drop.has(m));
}

/** `1 – 0`, `3-0` at token `i`: a match score (one- or two-digit numbers). */
export function scoreAt(text: string, tokens: readonly Token[], i: number): boolean {
  const a = tokens[i];
  const dash = tokens[i + 1];
  const b = tokens[i + 2];
  if (!a || !dash || !b || a.kind !== "number" || b.kind !== "number") return false;
  if (a.end - a.start > 2 || b.end - b.start > 2) return false;
  const d = text.slice(dash.start, dash.end);
  return d === "–" || d === "-" || d === "—";
}

/**
 * Step 4d: a country beside a match score (`Sweden 1 – 0 Korea Republic`, `Belgium 3 – 0
 * Panama`) is a national team, an organisation (OntoNotes and GUM type sports teams ORG);
 * so, in that story, is every mention of the same country that is not a place something
 * happens in (`in Russia`), and its people in the plural (`the Belgians` took the lead).
 */
export function sportsTeams(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  res: Resources,
): void {
  const countryOf = (m: Mention) =>
    res.lex.countryByName.get(tokensKey(text, tokens, m.from, m.to).replace(/['’]s$/, ""))?.iso3;
  const teams = new Set<string>();
  for (const m of mentions) {
    if (m.type !== "GPE") continue;
    if (!scoreAt(text, tokens, m.to) && !(m.from >= 3 && scoreAt(text, tokens, m.from - 3)))
      continue;
    const c = countryOf(m);
    if (c) teams.add(c);
  }
  if (teams.size === 0) return;
  for (const m of mentions) {
    if (m.type !== "GPE") continue;
    const c = countryOf(m);
    if (!c || !teams.has(c)) continue;
    const before = m.from > 0 ? tokenText(text, tokens, m.from - 1).toLowerCase() : "";
    if (before === "in" || before === "at") continue;
    m.type = "ORG";
  }
  // `putting the Belgians in the lead`: the team's people, in the plural, are the team.
  for (const m of mentions) {
    if (m.type !== "NORP" || m.to - m.from !== 1) continue;
    const w = tokenText(text, tokens, m.from);
    if (!w.endsWith("s")) continue;
    const c = res.lex.countryByDemonym.get(w.toLowerCase())?.iso3;
    if (c && teams.has(c)) m.type = "ORG";
  }
}

/**
 * Step 4g: a capitalised word the story uses as a count noun, in the plural and the singular
 * (`100 Polaroids`, `the Polaroids were …`, `their own Polaroid`), names a kind of thing, not an
 * organisation or a person: its one-word mentions go (lexicon names such as `Houthis` stay).
 */
export function dropCountNouns(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
): Mention[] {
  // Plurals the tagger called organisations; groups of people (`Arabs`, `Libertarians`) it
  // calls people or NORP are groups, not kinds of things.
  const words = new Set<string>();
  for (const m of mentions)
    if (m.type === "ORG" && m.to - m.from === 1 && !m.entry)
      words.add(tokenText(text, tokens, m.from));
  const kinds = new Set<string>();
  for (const w of words) {
    if (!/[^s]s$/.test(w) || w.length < 4) continue;
    const singular = w.slice(0, -1);
    for (const t of tokens)
      if (t.end - t.start === singular.length && text.slice(t.start, t.end) === singular) {
        kinds.add(w).add(singular);
        break;
      }
  }
  if (kinds.size === 0) return mentions;
  return mentions.filter(
    (m) =>
      m.to - m.from !== 1 || m.entry !== undefined || !kinds.has(tokenText(text, tokens, m.from)),
  );
}

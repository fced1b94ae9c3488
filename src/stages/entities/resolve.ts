/**
 * Within-document name resolution and consistency. A story names a person in full once
 * (`Mark Esper`) and then by surname (`Esper`); the tagger sees one sentence at a time and
 * may miss or mistype the short form. So, over the whole document:
 *   0. a two- or three-word "organisation" without an organisation word whose last word the
 *      story uses alone for a person is that person (`Dries Mertens` … `Mertens`);
 *   1. a mention (or an untagged capitalised token) equal to the surname, or the first name,
 *      of a full PERSON name becomes PERSON and refers to it (`refersTo`);
 *   2. every other name keeps one type: the type most of its mentions got, and untagged
 *      repeats of a name the tagger found elsewhere are added (`Twitter` tagged once, found
 *      everywhere), unless the name is also a common lowercase word;
 *   3. `the Church` after `the Church of Scientology`, `the Council` after `the Legislative
 *      Council`, is that organisation, named by its head noun (`refersTo`).
 */
import type { EntityType, Token } from "../../core/annotations.ts";
import { hasLowercaseWord } from "./features.ts";
import { hashLowerSlice } from "./hash.ts";
import { capitalAt, tokensKey } from "./mention-text.ts";
import { isKnownPlace } from "./name-boundaries.ts";
import type { Mention, Resources } from "./recognise.ts";
import { takeLeadingTitle } from "./titles.ts";

export interface ResolvedMention extends Mention {
  /** Index (into the sorted output) of the full mention this one refers to. */
  refersTo?: number;
}

function surface(text: string, m: Mention): string {
  return text.slice(m.start, m.end);
}

function isCapitalisedWord(text: string, t: Token): boolean {
  // Read in place: this runs over every token of the story, several times.
  return t.kind === "word" && capitalAt(text, t.start);
}

/** Resolve and make consistent; returns mentions sorted by start, `refersTo` set. */
export function resolveMentions(
  text: string,
  tokens: readonly Token[],
  input: readonly Mention[],
  res: Resources,
): ResolvedMention[] {
  const mentions: ResolvedMention[] = input.map((m) => ({ ...m }));
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.from; i < m.to; i++) covered[i] = 1;

  // 0. A two- or three-word "organisation" with no organisation word whose last word the story
  // uses for a person, alone or as a full name's last word (`Dries Mertens` … `Mertens`
  // PERSON; `the Tom Cruise video` … `Scientologist Tom Cruise`), is that person; a longer
  // organisation or place that runs on into two such words (`University of Texas Arlington
  // Amneh Jafari` … `Jafari`, `United States Hamdullah Mohib` … `Mohib`) is two names.
  // Last word → the person names ending in it (a name the tagger typed both ways is no
  // evidence for itself).
  const surnames = new Map<string, Set<string>>();
  for (const m of mentions) {
    // A person's name: up to four tokens, no lowercase word (`X and Y of Z` is none).
    if (m.type !== "PERSON" || m.to - m.from > 4) continue;
    let lower = false;
    for (let i = m.from; i < m.to; i++) {
      const t = tokens[i] as Token;
      if (t.kind === "word" && !isCapitalisedWord(text, t)) lower = true;
    }
    if (lower) continue;
    const last = tokens[m.to - 1] as Token;
    if (last.kind !== "word" || !isCapitalisedWord(text, last)) continue;
    const w = text.slice(last.start, last.end);
    const names = surnames.get(w) ?? new Set<string>();
    names.add(surface(text, m));
    surnames.set(w, names);
  }
  const plainName = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const t = tokens[i] as Token;
      const lw = text.slice(t.start, t.end).toLowerCase();
      if (!isCapitalisedWord(text, t) || res.lex.orgWords.has(lw) || res.lex.facWords.has(lw))
        return false;
    }
    return true;
  };
  // `Affairs` of `Office of Immigrant Affairs Clinton`, `Endorse` of `… Who Endorse Trump`: a
  // common word starts no person's name.
  const commonWord = (i: number) => {
    const t = tokens[i] as Token;
    return hasLowercaseWord(res.model.lex, hashLowerSlice(text, t.start, t.end));
  };
  // The part left must end as a name of its own does: in an organisation word or a known place
  // (`University of Texas Arlington`, `United States`), not in another name's word (`Communist
  // Party of Vietnam Nguyen` | `Phu Trong`, `Aung San` | `Suu Kyi`).
  const ownNameEnd = (from: number, to: number) => {
    const last = tokens[to - 1] as Token;
    if (res.lex.orgWords.has(text.slice(last.start, last.end).toLowerCase())) return true;
    for (let k = Math.max(from, to - 3); k < to; k++) {
      if (!isKnownPlace(text, tokens, k, to, res)) continue;
      const key = tokensKey(text, tokens, k, to);
      if (res.lex.countryByName.has(key) || res.lex.states.has(key)) return true;
      // The city gazetteer holds common words too (`Central`, `Federal`).
      if (to - k > 1 || !commonWord(k)) return true;
    }
    return false;
  };
  if (surnames.size > 0) {
    const split: ResolvedMention[] = [];
    for (const m of mentions) {
      if (m.type === "PERSON" || m.type === "NORP" || m.entry || m.to - m.from < 2) continue;
      const last = tokens[m.to - 1] as Token;
      const lastWord = text.slice(last.start, last.end);
      // An acronym (`Ready PAC`, `Eurosceptic SVP`) is an organisation's.
      if (lastWord === lastWord.toUpperCase()) continue;
      const names = surnames.get(lastWord);
      if (!names || (names.size === 1 && names.has(surface(text, m)))) continue;
      if (m.to - m.from <= 3) {
        if (m.type === "ORG" && plainName(m.from, m.to)) {
          m.type = "PERSON";
          // The title step ran while it was an organisation: `Justice Scalia` → `Scalia`.
          takeLeadingTitle(text, tokens, m, res.lex);
        }
      } else if (
        plainName(m.to - 2, m.to) &&
        !commonWord(m.to - 2) &&
        isCapitalisedWord(text, tokens[m.to - 3] as Token) &&
        ownNameEnd(m.from, m.to - 2)
      ) {
        const cut = m.to - 2;
        split.push({
          from: cut,
          to: m.to,
          start: (tokens[cut] as Token).start,
          end: m.end,
          type: "PERSON",
          confidence: m.confidence,
          source: "model",
        });
        m.to = cut;
        m.end = (tokens[cut - 1] as Token).end;
      }
    }
    mentions.push(...split);
  }
  // 1. Person short forms. Full names: PERSON mentions of two or more words.
  const fullBySurname = new Map<string, ResolvedMention>();
  const fullByFirst = new Map<string, ResolvedMention>();
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const words: string[] = [];
    for (let i = m.from; i < m.to; i++)
      if ((tokens[i] as Token).kind === "word")
        words.push(text.slice((tokens[i] as Token).start, (tokens[i] as Token).end));
    if (words.length < 2) continue;
    const last = words[words.length - 1] as string;
    if (last === "'s" || last === "’s") continue;
    if (!fullBySurname.has(last)) fullBySurname.set(last, m);
    const first = words[0] as string;
    if (!fullByFirst.has(first)) fullByFirst.set(first, m);
  }
  // Untagged capitalised tokens equal to a known surname become mentions.
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const t = tokens[i] as Token;
    if (!isCapitalisedWord(text, t)) continue;
    const w = text.slice(t.start, t.end);
    if (!fullBySurname.has(w)) continue;
    const next = tokens[i + 1];
    // Part of a longer capitalised run (another person sharing the surname): leave it.
    if (next && isCapitalisedWord(text, next) && text.slice(t.end, next.start) === " ") continue;
    const prev = tokens[i - 1];
    if (
      prev &&
      isCapitalisedWord(text, prev) &&
      text.slice(prev.end, t.start) === " " &&
      i > 0 &&
      covered[i - 1] === 0
    )
      continue;
    mentions.push({
      from: i,
      to: i + 1,
      start: t.start,
      end: t.end,
      type: "PERSON",
      confidence: 0.5,
      source: "model",
    });
    covered[i] = 1;
  }
  mentions.sort((a, b) => a.start - b.start);
  for (const m of mentions) {
    if (m.to - m.from !== 1) continue;
    const w = surface(text, m);
    const full = fullBySurname.get(w) ?? (m.type === "PERSON" ? fullByFirst.get(w) : undefined);
    if (!full || full === m) continue;
    if (m.entry && m.type !== "PERSON") continue; // a lexicon name (`Hamas`) stays what it is
    m.type = "PERSON";
    // The full name written out again, the tagger having taken only its last word
    // (`Dries` | `Mertens's attempt`, `Dries` read as the verb): the mention is the full name.
    const fullText = surface(text, full);
    const start = m.end - fullText.length;
    if (fullBySurname.get(w) === full && start >= 0 && text.slice(start, m.end) === fullText) {
      let from = m.from;
      while (from > 0 && (tokens[from - 1] as Token).start >= start) from--;
      let free = (tokens[from] as Token).start === start;
      // Only a name's words: a full name the tagger ran on over a title or an honorific
      // (`Judge Berman`, `Mr Berman`) does not lend it to the short form.
      for (let i = from; i < m.from; i++) {
        const t = tokens[i] as Token;
        const key = text.slice(t.start, t.end).toLowerCase();
        if (covered[i] || res.lex.titles.has(key) || res.lex.cues.honorific.includes(key))
          free = false;
      }
      if (free) {
        for (let i = from; i < m.from; i++) covered[i] = 1;
        m.from = from;
        m.start = start;
        continue;
      }
    }
    (m as ResolvedMention & { full?: ResolvedMention }).full = full;
  }

  // 2. One type per name, and repeats of found names.
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    if (m.type === "PERSON" && (m as { full?: unknown }).full) continue;
    const key = surface(text, m);
    let v = votes.get(key);
    if (!v) {
      v = new Map();
      votes.set(key, v);
    }
    // Lexicon and gazetteer mentions vote with more weight: they were not guessed.
    v.set(m.type, (v.get(m.type) ?? 0) + (m.source === "model" ? 1 : 3));
  }
  const majority = new Map<string, EntityType>();
  for (const [key, v] of votes) {
    let best: EntityType | null = null;
    let n = -1;
    for (const [t, c] of v) if (c > n) [best, n] = [t, c];
    if (best) majority.set(key, best);
  }
  for (const m of mentions) {
    if (m.entry) continue;
    const t = majority.get(surface(text, m));
    if (t && !(m.type === "PERSON" && (m as { full?: unknown }).full)) m.type = t;
  }
  // Untagged repeats: match token sequences of known names (up to 6 tokens) at capitalised starts.
  const byFirstToken = new Map<string, string[]>();
  for (const key of majority.keys()) {
    const first = key.split(/\s+/)[0] ?? key;
    const list = byFirstToken.get(first) ?? [];
    list.push(key);
    byFirstToken.set(first, list);
  }
  // One-word names the article writes in lowercase at least as often as capitalised
  // (`Iodine` … `iodine` throughout): their capital marks a sentence start or emphasis, so
  // they are not repeated either. (`Scientology` capitalised throughout and `the scientology
  // website` once stays a name.)
  const oneWord = new Map<string, number>();
  for (const key of majority.keys()) if (!/\s/.test(key)) oneWord.set(key.toLowerCase(), 0);
  const lowerUsed = new Set<string>();
  if (oneWord.size > 0) {
    const lengths = new Set<number>();
    for (const k of oneWord.keys()) lengths.add(k.length);
    for (const o of tokens) {
      if (o.kind !== "word" || !lengths.has(o.end - o.start)) continue;
      const w = text.slice(o.start, o.end).toLowerCase();
      const n = oneWord.get(w);
      if (n === undefined) continue;
      const c = text.charCodeAt(o.start);
      // Net count: lowercase uses up, capitalised ones down.
      oneWord.set(w, n + (c >= 97 && c <= 122 ? 1 : -1));
    }
    for (const [w, n] of oneWord) if (n >= 0) lowerUsed.add(w);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const t = tokens[i] as Token;
    if (!isCapitalisedWord(text, t)) continue;
    const cands = byFirstToken.get(text.slice(t.start, t.end));
    if (!cands) continue;
    for (const key of cands.sort((a, b) => b.length - a.length)) {
      const end = t.start + key.length;
      if (text.slice(t.start, end) !== key) continue;
      let j = i;
      while (j < tokens.length && (tokens[j] as Token).end <= end) j++;
      if ((tokens[j - 1] as Token).end !== end) continue;
      let free = true;
      for (let k = i; k < j; k++) if (covered[k]) free = false;
      if (!free) continue;
      // A one-word name that is also a common lowercase word (`State`, `General`) is not
      // repeated: its capital may only mark a sentence start or a title.
      if (
        j - i === 1 &&
        (hasLowercaseWord(res.model.lex, hashLowerSlice(text, t.start, t.end)) ||
          lowerUsed.has(key.toLowerCase()))
      )
        continue;
      const type = majority.get(key) as EntityType;
      mentions.push({
        from: i,
        to: j,
        start: t.start,
        end,
        type,
        confidence: 0.5,
        source: "model",
      });
      for (let k = i; k < j; k++) covered[k] = 1;
      break;
    }
  }
  // 3. `the Church` after `the Church of Scientology`, `the Council` after `the Legislative
  // Council`: an untagged capitalised word after `the` that is the head noun of an
  // organisation the story named in full is that organisation.
  // The head noun is the last word, or the word before `of` (`Church of Scientology`); a
  // modifier (`Republican` of `Republican Party`) is not a short form.
  const orgByHead = new Map<string, ResolvedMention>();
  for (const m of mentions) {
    if (m.type !== "ORG" || m.to - m.from < 2) continue;
    let head = m.to - 1;
    for (let i = m.from + 1; i < m.to - 1; i++)
      if (text.slice((tokens[i] as Token).start, (tokens[i] as Token).end) === "of") {
        head = i - 1;
        break;
      }
    const t = tokens[head] as Token;
    const w = text.slice(t.start, t.end);
    if (t.kind === "word" && isCapitalisedWord(text, t) && !orgByHead.has(w)) orgByHead.set(w, m);
  }
  if (orgByHead.size > 0) {
    for (let i = 1; i < tokens.length; i++) {
      if (covered[i]) continue;
      const t = tokens[i] as Token;
      const prev = tokens[i - 1] as Token;
      if (text.slice(prev.start, prev.end).toLowerCase() !== "the") continue;
      if (text.slice(prev.end, t.start) !== " " || !isCapitalisedWord(text, t)) continue;
      const full = orgByHead.get(text.slice(t.start, t.end));
      if (!full) continue;
      const next = tokens[i + 1];
      if (
        next &&
        text.slice(t.end, next.start) === " " &&
        (isCapitalisedWord(text, next) || text.slice(next.start, next.end) === "of")
      )
        continue;
      const m: ResolvedMention & { full?: Mention } = {
        from: i,
        to: i + 1,
        start: t.start,
        end: t.end,
        type: "ORG",
        confidence: 0.5,
        source: "model",
      };
      m.full = full;
      mentions.push(m);
      covered[i] = 1;
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  const index = new Map<Mention, number>();
  mentions.forEach((m, i) => {
    index.set(m, i);
  });
  for (const m of mentions) {
    const full = (m as { full?: Mention }).full;
    if (full) {
      const j = index.get(full);
      if (j !== undefined) m.refersTo = j;
      delete (m as { full?: Mention }).full;
    }
  }
  return mentions;
}

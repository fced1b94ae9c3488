/**
 * The actor lexicon: named organisations with a country and PLOVER sector. The curated file
 * is `lexicon/actors.json`; users add their own with `--lexicon FILE` (same JSON format:
 * `{ "actors": [{ "names": [...], "type": "ORG", "country": "IRQ", "sector": "REB" }] }`).
 * User entries override curated ones with the same name.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EntityType } from "../../core/annotations.ts";
import { classifyLexicon } from "../../core/lexicon-files.ts";
import { addPhraseHashes, LEXICON_DIR, phraseKey } from "./lexicon.ts";

export interface ActorEntry {
  names: string[];
  /** Entity type a mention of the name gets; ORG when absent. */
  type?: EntityType;
  /** ISO 3166-1 alpha-3, or null for international or context-dependent actors. */
  country: string | null;
  sector: string | null;
  /** The country comes from the story when the name does not carry it (`Foreign Ministry`). */
  contextCountry?: boolean;
  /** Sponsoring state, ISO alpha-3. */
  backedBy?: string;
  /** Set when the entry came from a user file. */
  user?: boolean;
}

export interface ActorLexicon {
  entries: ActorEntry[];
  /** Lowercase token key → entry. */
  byKey: Map<string, ActorEntry>;
  /** Longest name, in tokens. */
  maxTokens: number;
  /** Sequence hashes of every name (as `phraseHashes` builds them), and of their prefixes. */
  hashes: Set<number>;
  prefixes: Set<number>;
}

function parseFile(path: string, user: boolean): ActorEntry[] {
  // `--lexicon` files go to every stage: one the shared classifier does not call an actor
  // list is another stage's lexicon and is left alone.
  if (user) {
    const kind = classifyLexicon(path);
    if (!kind.ok || !kind.kinds.includes("actors")) return [];
  }
  const data = JSON.parse(readFileSync(path, "utf8")) as { actors?: unknown };
  if (!Array.isArray(data.actors)) {
    throw new Error(`${path}: an actor lexicon is a JSON object with an "actors" array`);
  }
  return data.actors.map((raw, i) => {
    const e = raw as Partial<ActorEntry>;
    if (!Array.isArray(e.names) || e.names.length === 0) {
      throw new Error(`${path}: actors[${i}] needs a non-empty "names" array`);
    }
    const entry: ActorEntry = {
      names: e.names.map(String),
      country: e.country ?? null,
      sector: e.sector ?? null,
    };
    if (e.type) entry.type = e.type;
    if (e.contextCountry) entry.contextCountry = true;
    if (e.backedBy) entry.backedBy = e.backedBy;
    if (user) entry.user = true;
    return entry;
  });
}

/** The curated lexicon plus the user files given (`ctx.options.lexicons`). */
export function loadActorLexicon(userFiles: readonly string[]): ActorLexicon {
  const entries = parseFile(join(LEXICON_DIR, "actors.json"), false);
  for (const f of userFiles) entries.push(...parseFile(f, true));
  const byKey = new Map<string, ActorEntry>();
  const hashes = new Set<number>();
  const prefixes = new Set<number>();
  let maxTokens = 1;
  for (const e of entries) {
    for (const n of e.names) {
      addPhraseHashes(n, hashes, prefixes);
      const key = phraseKey(n);
      // Later entries (user files) override earlier ones.
      byKey.set(key, e);
      maxTokens = Math.max(maxTokens, key.split(" ").length);
    }
  }
  return { entries, byKey, maxTokens, hashes, prefixes };
}

/**
 * The trigger lexicon: `lexicon/triggers.tsv` (curated) plus users' files given with
 * `--lexicon`. Loaded and indexed once per process: every inflected form of every trigger's
 * head word maps to the rows it may start, so matching a token is one Map lookup.
 *
 * User files: JSON `{ "events": [{ "lemma", "pos", "type", "mode", "recipient", "flags",
 * "rule", "cameo" }] }` (the same fields as the TSV columns; `recipient` and `flags` may be
 * arrays; `cameo` is optional),
 * which may share a file with the entities stage's `"actors"` array; or a TSV file with the
 * curated file's columns. Files without an `"events"` array are left to other stages.
 */
import { readFileSync } from "node:fs";
import { EVENT_TYPES, type EventType } from "../../core/annotations.ts";
import { classifyLexicon } from "../../core/lexicon-files.ts";
import { isCameoCode } from "./cameo.ts";
import { nounForms, verbForms } from "./morphology.ts";

export type TriggerPos = "v" | "n" | "a";

export interface TriggerEntry {
  /** Words of the trigger; each position a set of alternatives; `~` marks a gap. */
  words: string[][];
  /** Index in `words` of the inflected head. */
  head: number;
  pos: TriggerPos;
  /** null: the row blocks a reading without making an event. */
  type: EventType | null;
  mode: string | null;
  recipient: string[];
  flags: Set<string>;
  /** `obj=CLASS` / `subj=CLASS` / `pp=PREP` conditions. */
  objClass: string | null;
  subjClass: string | null;
  pp: string | null;
  rule: string;
  /** The CAMEO code the trigger corresponds to (`0841`), or null: by type and mode. */
  cameo: string | null;
  /** Whether the row came from a user file (user rows are tried first). */
  user: boolean;
  /** Order in which rows were read: earlier rows of the same head win ties. */
  order: number;
}

export interface EventLexicon {
  /** Lowercased word form of a head → rows it may start. */
  byForm: Map<string, TriggerEntry[]>;
  /** Word class name → lemmas (and lowercased forms) in it. */
  classes: Map<string, Set<string>>;
  entries: TriggerEntry[];
}

const LEXICON_DIR = new URL("./lexicon/", import.meta.url);

interface RawRow {
  lemma: string;
  pos: string;
  type: string;
  mode: string;
  recipient: string | string[];
  flags: string | string[];
  rule: string;
  cameo?: string;
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : value.split(",");
  return items.map((s) => s.trim()).filter((s) => s !== "" && s !== "-");
}

function parseRow(raw: RawRow, where: string, user: boolean, order: number): TriggerEntry {
  const pos = raw.pos.trim();
  if (pos !== "v" && pos !== "n" && pos !== "a") {
    throw new Error(`${where}: pos must be v, n or a, not "${raw.pos}"`);
  }
  const typeName = raw.type.trim();
  let type: EventType | null = null;
  if (typeName !== "-") {
    if (!EVENT_TYPES.includes(typeName as EventType)) {
      throw new Error(`${where}: "${typeName}" is not a PLOVER event type`);
    }
    type = typeName as EventType;
  }
  const words = raw.lemma
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.split("|"));
  if (words.length === 0 || words[0]?.[0] === "") throw new Error(`${where}: empty lemma`);
  // Verbs inflect their first word (`called on`), nouns their last (`air strikes`).
  let head = 0;
  if (pos === "n") {
    head = words.length - 1;
    while (head > 0 && words[head]?.[0] === "~") head--;
  }
  const flags = new Set<string>();
  let objClass: string | null = null;
  let subjClass: string | null = null;
  let pp: string | null = null;
  for (const flag of list(raw.flags)) {
    const [key, value] = flag.split("=");
    if (value !== undefined && key === "obj") objClass = value;
    else if (value !== undefined && key === "subj") subjClass = value;
    else if (value !== undefined && key === "pp") pp = value;
    else flags.add(flag);
  }
  const mode = raw.mode.trim();
  const cameo = (raw.cameo ?? "").trim();
  if (cameo !== "" && cameo !== "-" && !isCameoCode(cameo)) {
    throw new Error(`${where}: "${cameo}" is not a CAMEO event code (2-4 digits, root 01-20)`);
  }
  return {
    words,
    head,
    pos,
    type,
    mode: mode === "-" || mode === "" ? null : mode,
    recipient: list(raw.recipient),
    flags,
    objClass,
    subjClass,
    pp,
    rule:
      raw.rule.trim() ||
      `${(typeName === "-" ? "none" : typeName).toLowerCase()}/${words.map((w) => w[0]).join("-")}`,
    cameo: cameo === "" || cameo === "-" ? null : cameo,
    user,
    order,
  };
}

function parseTsv(text: string, where: string, user: boolean, start: number): TriggerEntry[] {
  const rows: TriggerEntry[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, "");
    if (line.trim() === "" || line.startsWith("#")) continue;
    const cells = line.split("\t");
    if (cells.length < 6) {
      throw new Error(`${where}:${i + 1}: a trigger row has 7 or 8 tab-separated columns`);
    }
    const [lemma, pos, type, mode, recipient, flags, rule, cameo] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string | undefined,
      string | undefined,
    ];
    rows.push(
      parseRow(
        { lemma, pos, type, mode, recipient, flags, rule: rule ?? "", cameo: cameo ?? "" },
        `${where}:${i + 1}`,
        user,
        start + rows.length,
      ),
    );
  }
  return rows;
}

/** Rows of a user file, or [] when the file is meant for another stage. */
export function parseUserLexicon(path: string, text: string, start = 100000): TriggerEntry[] {
  // `--lexicon` files reach every stage: take only the ones the shared classifier calls ours.
  const kind = classifyLexicon(path, text);
  if (!kind.ok || !kind.kinds.includes("events")) return [];
  if (/^[{[]/.test(text.trimStart())) {
    const data = JSON.parse(text) as { events: unknown[] };
    return data.events.map((raw, i) => {
      const r = raw as Partial<RawRow>;
      if (typeof r.lemma !== "string" || typeof r.type !== "string") {
        throw new Error(`${path}: events[${i}] needs "lemma" and "type"`);
      }
      return parseRow(
        {
          lemma: r.lemma,
          pos: r.pos ?? "v",
          type: r.type,
          mode: r.mode ?? "-",
          recipient: r.recipient ?? "obj",
          flags: r.flags ?? [],
          rule: r.rule ?? "",
          cameo: r.cameo ?? "",
        },
        `${path}: events[${i}]`,
        true,
        start + i,
      );
    });
  }
  return parseTsv(text, path, true, start);
}

function parseClasses(text: string): Map<string, Set<string>> {
  const classes = new Map<string, Set<string>>();
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [name, words] = line.split("\t");
    if (!name || !words) continue;
    const set = new Set<string>();
    for (const w of words.split(",")) {
      const word = w.trim().toLowerCase();
      if (!word) continue;
      for (const form of nounForms(word)) set.add(form);
    }
    classes.set(name, set);
  }
  return classes;
}

function index(entries: TriggerEntry[]): Map<string, TriggerEntry[]> {
  const byForm = new Map<string, TriggerEntry[]>();
  for (const entry of entries) {
    const heads = entry.words[entry.head] as string[];
    for (const head of heads) {
      const forms =
        entry.pos === "v" ? verbForms(head) : entry.pos === "n" ? nounForms(head) : [head];
      for (const form of forms) {
        const rows = byForm.get(form) ?? [];
        if (rows.length === 0) byForm.set(form, rows);
        if (!rows.includes(entry)) rows.push(entry);
      }
    }
  }
  // User rows first, then longer triggers (`air strike` before `strike`), then file order.
  for (const rows of byForm.values()) {
    rows.sort(
      (a, b) =>
        Number(b.user) - Number(a.user) || b.words.length - a.words.length || a.order - b.order,
    );
  }
  return byForm;
}

/** The curated lexicon plus users' files (`ctx.options.lexicons`). */
export function loadEventLexicon(userFiles: readonly string[] = []): EventLexicon {
  const curated = parseTsv(
    readFileSync(new URL("triggers.tsv", LEXICON_DIR), "utf8"),
    "triggers.tsv",
    false,
    0,
  );
  const entries = [...curated];
  let start = 100000;
  for (const path of userFiles) {
    const rows = parseUserLexicon(path, readFileSync(path, "utf8"), start);
    entries.push(...rows);
    start += rows.length + 1;
  }
  const classes = parseClasses(readFileSync(new URL("classes.tsv", LEXICON_DIR), "utf8"));
  return { byForm: index(entries), classes, entries };
}

/** Whether `word` (lowercased) is in word class `name`. */
export function inClass(lexicon: EventLexicon, name: string, word: string): boolean {
  return lexicon.classes.get(name)?.has(word) ?? false;
}

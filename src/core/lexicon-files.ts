/**
 * Which stage a user's lexicon file (`--lexicon FILE`) is for, decided in one place.
 *
 * Every `--lexicon` file reaches every stage; each stage takes the files of its kind. Deciding
 * the kind here, once, lets the command line refuse a file that no stage would read (a typo
 * in a file name, a YAML file, a TSV with the wrong header) instead of silently ignoring it.
 *
 * | kind      | stage    | the file                                                      |
 * |-----------|----------|---------------------------------------------------------------|
 * | places    | places   | a name ending in `.places.tsv`                                 |
 * | actors    | entities | JSON, an object with an `actors` array                         |
 * | events    | events   | JSON, an object with an `events` array; or TSV whose header    |
 * |           |          | line starts `lemma<TAB>pos<TAB>type`                           |
 */
import { readFileSync } from "node:fs";

export type LexiconKind = "places" | "actors" | "events";

export type LexiconClass =
  | { ok: true; kinds: LexiconKind[]; path: string }
  | { ok: false; path: string; reason: string };

/** What the command line says a lexicon must look like, for error messages and --help. */
export const LEXICON_FORMATS =
  'NAME.places.tsv (places), JSON with an "actors" array (entities), JSON with an "events" array or a TSV headed lemma<TAB>pos<TAB>type (events)';

const EVENTS_TSV_HEADER = /^#?\s*lemma\tpos\ttype\b/m;

/** The kinds of the lexicon at `path`, from its name and content; never throws. */
export function classifyLexicon(path: string, text?: string): LexiconClass {
  if (path.toLowerCase().endsWith(".places.tsv")) return { ok: true, kinds: ["places"], path };
  let content: string;
  try {
    content = text ?? readFileSync(path, "utf8");
  } catch (err) {
    return { ok: false, path, reason: `cannot be read (${(err as Error).message})` };
  }
  const trimmed = content.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch (err) {
      return { ok: false, path, reason: `is not valid JSON (${(err as Error).message})` };
    }
    const record = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
    // One JSON file may carry both an actor list and event triggers.
    const kinds: LexiconKind[] = [];
    if (Array.isArray(record.actors)) kinds.push("actors");
    if (Array.isArray(record.events)) kinds.push("events");
    if (kinds.length > 0) return { ok: true, kinds, path };
    return {
      ok: false,
      path,
      reason: 'is JSON without an "actors" or "events" array, so no stage would read it',
    };
  }
  if (EVENTS_TSV_HEADER.test(content)) return { ok: true, kinds: ["events"], path };
  return {
    ok: false,
    path,
    reason: `is not a lexicon any stage reads; expected ${LEXICON_FORMATS}`,
  };
}

/** The paths among `paths` of the given kind (files that do not classify are left out). */
export function lexiconsOfKind(paths: readonly string[], kind: LexiconKind): string[] {
  return paths.filter((path) => {
    const c = classifyLexicon(path);
    return c.ok && c.kinds.includes(kind);
  });
}

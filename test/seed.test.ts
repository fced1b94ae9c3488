/**
 * The seed check: the facts a careful analyst finds in the seed article
 * (../shared/seed/expected.json), asserted for every stage the pipeline has. A stage not in the
 * pipeline yet is skipped with a note; a `must` fact of a stage that exists and is missing fails
 * the test, and the message names every missing fact. `should` facts are reported, not asserted.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { DateMention, Entity, Event, Place, Quote } from "../src/core/annotations.ts";
import { createExtractor } from "../src/core/extract.ts";
import type { AnnotatedDocument } from "../src/core/output.ts";
import { readInputs } from "../src/read/index.ts";

type Fact = Record<string, unknown>;
interface Section {
  must?: Fact[] | string[];
  should?: Fact[] | string[];
}

const expected = JSON.parse(readFileSync("../shared/seed/expected.json", "utf8")) as Record<
  string,
  Section | string
>;
const extractor = createExtractor();

async function extractSeed(): Promise<AnnotatedDocument> {
  for await (const result of readInputs(["examples/000_c1e55ffcabdf0152.txt"])) {
    if (!result.ok) throw new Error(`${result.failure.origin}: ${result.failure.reason}`);
    return extractor.extract(result.doc);
  }
  throw new Error("the seed article gave no document");
}
const doc = await extractSeed();

/** Scraped and cleaned text may use typographic apostrophes; compare them as one. */
const fold = (s: string) => s.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"');
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const obj = (v: unknown) => (v && typeof v === "object" ? (v as Fact) : undefined);

/** A fact checker: true when the document states the fact. */
type Check = (fact: Fact | string) => boolean;

function cleanFact(fact: Fact | string): boolean {
  const f = String(fact);
  if (f.includes("Loading")) return !doc.text.includes("Loading...");
  if (f.includes("Kata'ib"))
    return /Kata['’]ib Hezbollah/.test(doc.text) && !doc.text.includes("& #");
  if (f.includes("published")) return doc.published === expected.published;
  throw new Error(`seed test does not know how to check the clean fact: ${f}`);
}

function entityFact(fact: Fact | string): boolean {
  const f = fact as Fact;
  return doc.entities.some(
    (e: Entity) =>
      fold(e.text) === fold(String(f.text)) &&
      e.type === f.type &&
      (f.country === undefined || e.actor?.country === f.country) &&
      (f.sector === undefined || e.actor?.sector === f.sector),
  );
}

function placeFact(fact: Fact | string): boolean {
  const f = fact as Fact;
  return doc.places.some(
    (p: Place) =>
      fold(p.text) === fold(String(f.text)) &&
      (f.geonameId === undefined || p.geonameId === f.geonameId) &&
      (f.countryCode === undefined || p.countryCode === f.countryCode) &&
      (f.precision === undefined || p.precision === f.precision),
  );
}

function dateFact(fact: Fact | string): boolean {
  const f = fact as Fact;
  const same = doc.dates.filter((d: DateMention) => fold(d.text) === fold(String(f.text)));
  // "every 'on Tuesday' is the publication day": all mentions must agree, and one must exist.
  return (
    same.length > 0 &&
    same.every(
      (d) =>
        (f.value === undefined || d.value === f.value) &&
        (f.grain === undefined || d.grain === f.grain) &&
        (f.latest === undefined || d.latest <= String(f.latest)),
    )
  );
}

function argumentFits(arg: Event["actor"], want: Fact | undefined): boolean {
  if (!want) return true;
  if (!arg) return false;
  return (
    (want.country === undefined || arg.country === want.country) &&
    (want.sector === undefined || arg.sector === want.sector) &&
    (want.text_contains === undefined || fold(arg.text).includes(fold(String(want.text_contains))))
  );
}

function eventFact(fact: Fact | string): boolean {
  const f = fact as Fact;
  // Two `should` facts are prose: the links between events, and who vouches for MOBILIZE.
  if (typeof f.links === "string") {
    const relations = new Set(doc.events.flatMap((e) => e.links.map((l) => l.relation)));
    return relations.has("retaliation-for") && relations.has("after");
  }
  if (typeof f.attribution === "string") {
    return doc.events.some((e) => e.type === "MOBILIZE" && e.attribution !== null);
  }
  const types = [str(f.type), ...((f.alt_types as string[] | undefined) ?? [])];
  return doc.events.some((e: Event) => {
    const sentence = fold(doc.text.slice(e.evidence.start, e.evidence.end));
    const location = obj(f.location);
    return (
      types.includes(e.type) &&
      (f.evidence_contains === undefined || sentence.includes(fold(String(f.evidence_contains)))) &&
      argumentFits(e.actor, obj(f.actor)) &&
      argumentFits(e.recipient, obj(f.recipient)) &&
      (location === undefined || e.location?.geonameId === location.geonameId) &&
      (f.date === undefined || e.date?.value === f.date) &&
      (f.date_before === undefined ||
        (e.date !== null && e.date.latest <= String(f.date_before))) &&
      (num(f.size) === undefined || e.size === f.size) &&
      (num(f.dead) === undefined || e.dead === f.dead)
    );
  });
}

/** The names a quote's speaker goes by: its own text and the entity it resolves to. */
function speakerNames(q: Quote): string[] {
  if (!q.speaker) return [];
  const names = [q.speaker.text];
  let index = q.speaker.entity;
  for (let hops = 0; index !== undefined && hops < 3; hops++) {
    const entity: Entity | undefined = doc.entities[index];
    if (!entity) break;
    names.push(entity.text, entity.actor?.name ?? "");
    index = entity.refersTo;
  }
  return names.map(fold);
}

function quoteFact(fact: Fact | string): boolean {
  const f = fact as Fact;
  return doc.quotes.some((q: Quote) => {
    const content = fold(q.text).replace(/^["'\s]+/, "");
    return (
      (f.direct === undefined || q.direct === f.direct) &&
      (f.speaker === undefined ||
        speakerNames(q).some((n) => n.includes(fold(String(f.speaker))))) &&
      (f.content_starts === undefined || content.startsWith(fold(String(f.content_starts)))) &&
      (f.cue === undefined || (q.cue !== null && fold(q.cue.text).includes(String(f.cue)))) &&
      (f.anonymous === undefined || q.anonymous === f.anonymous)
    );
  });
}

function describeFact(fact: Fact | string): string {
  if (typeof fact === "string") return fact;
  const { note: _note, ...rest } = fact;
  return JSON.stringify(rest);
}

/** Facts whose shape the checker understands (the events `should` list is prose). */
const checkable = (facts: Array<Fact | string>, section: string) =>
  section === "clean" ? facts : facts.filter((f) => typeof f === "object");

const checks: Array<[string, Check]> = [
  ["clean", cleanFact],
  ["entities", entityFact],
  ["dates", dateFact],
  ["places", placeFact],
  ["events", eventFact],
  ["quotes", quoteFact],
];

describe("seed article: what a careful analyst finds", () => {
  for (const [stage, check] of checks) {
    it(`${stage}: every must fact`, (t) => {
      if (!extractor.stageNames.includes(stage)) {
        t.skip(`stage ${stage} is not in the pipeline yet`);
        return;
      }
      const section = expected[stage] as Section;
      const must = (section.must ?? []) as Array<Fact | string>;
      const missing = must.filter((fact) => !check(fact)).map(describeFact);
      const should = checkable((section.should ?? []) as Array<Fact | string>, stage);
      const shouldMissing = should.filter((fact) => !check(fact)).map(describeFact);
      t.diagnostic(
        `${stage}: must ${must.length - missing.length}/${must.length}, should ${should.length - shouldMissing.length}/${should.length}` +
          (shouldMissing.length > 0 ? `; should still missing: ${shouldMissing.join(" | ")}` : ""),
      );
      assert.deepEqual(
        missing,
        [],
        `${stage}: ${missing.length} of ${must.length} must facts missing:\n  ${missing.join("\n  ")}`,
      );
    });
  }
});

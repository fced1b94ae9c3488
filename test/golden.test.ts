/**
 * Golden per-stage fixtures: the specification by example.
 *
 * Each `test/fixtures/<slug>/` holds one `input.*` (txt, html, jsonl, json, xml) and
 * `expected/<stage>.json` for every stage of the default pipeline. The input goes through
 * `readInputs` and `createExtractor` (the same code path as `dateline extract`), each stage's
 * output is projected to what that stage decides, with span texts so a diff reads, and
 * compared with the golden.
 *
 * - A mismatch writes `expected/<stage>.changed.json` beside the golden: diff the two.
 * - `UPDATE_GOLDEN=1 npm test` rewrites every golden; `UPDATE_GOLDEN=segment,dates` only
 *   those stages'. Read the diff before committing, and update only your stage's.
 * - `GOLDEN_FIXTURES=quotes-speech,seed` runs (or, with UPDATE_GOLDEN, writes) only those
 *   fixtures: the way to create a new fixture's goldens without touching the others'.
 * - A stage in the pipeline without a golden fails with the command that creates it; a
 *   golden for a stage not in the pipeline fails too, so none is silently ignored.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { SourceDocument } from "../src/core/document.ts";
import { createExtractor } from "../src/core/extract.ts";
import type { Message } from "../src/core/message.ts";
import type { AnnotatedDocument } from "../src/core/output.ts";
import { readInputs } from "../src/read/index.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** `UPDATE_GOLDEN=1` (or `all`, `true`): every stage; `UPDATE_GOLDEN=a,b`: those stages. */
function stagesToUpdate(value: string | undefined): (stage: string) => boolean {
  if (!value || value === "0" || value === "false") return () => false;
  if (value === "1" || value === "true" || value === "all") return () => true;
  const names = new Set(value.split(",").map((s) => s.trim()));
  return (stage) => names.has(stage);
}
const shouldUpdate = stagesToUpdate(process.env.UPDATE_GOLDEN);

type Projection = (doc: AnnotatedDocument, stage: string) => Record<string, unknown>;

function withText(text: string, span: { start: number; end: number } | undefined) {
  return span
    ? { start: span.start, end: span.end, text: text.slice(span.start, span.end) }
    : undefined;
}

function messagesOf(doc: AnnotatedDocument, stages: string[]) {
  return doc.messages
    .filter((m: Message) => stages.includes(m.stage))
    .map((m) => {
      const span = withText(doc.text, m.span);
      return span
        ? { severity: m.severity, stage: m.stage, rule: m.rule, reason: m.reason, span }
        : { severity: m.severity, stage: m.stage, rule: m.rule, reason: m.reason };
    });
}

/** What each stage decides; the golden holds exactly this, so one stage's change touches one file. */
const PROJECTIONS: Record<string, Projection> = {
  // The reader's messages go with clean's: both decide what the text is.
  clean: (doc) => ({
    published: doc.published,
    title: doc.title,
    url: doc.url,
    source: doc.source,
    text: doc.text,
    messages: messagesOf(doc, ["read", "clean"]),
  }),
  segment: (doc) => ({
    sentences: doc.sentences.map((s) => withText(doc.text, s)),
    messages: messagesOf(doc, ["segment"]),
  }),
};

/** Stages whose output is an array of the annotated document under their own name. */
function projectionFor(stage: string): Projection | undefined {
  const own = PROJECTIONS[stage];
  if (own) return own;
  return (doc, name) => {
    const value = (doc as unknown as Record<string, unknown>)[name];
    if (!Array.isArray(value)) {
      throw new Error(
        `stage "${name}" has no golden projection: add one to PROJECTIONS in test/golden.test.ts`,
      );
    }
    return { [name]: value, messages: messagesOf(doc, [name]) };
  };
}

function serialise(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

interface Fixture {
  slug: string;
  dir: string;
  input: string;
  sources: SourceDocument[];
  failures: string[];
}

async function loadFixture(slug: string): Promise<Fixture> {
  const dir = join(FIXTURES, slug);
  const input = readdirSync(dir).find((f) => f.startsWith("input."));
  const fixture: Fixture = { slug, dir, input: input ?? "", sources: [], failures: [] };
  if (!input) return fixture;
  for await (const result of readInputs([join(dir, input)])) {
    // Origins relative to the fixture, so goldens do not depend on where the repo lives.
    if (result.ok)
      fixture.sources.push({ ...result.doc, origin: relative(dir, result.doc.origin) });
    else
      fixture.failures.push(
        `${result.failure.origin}: ${result.failure.rule} ${result.failure.reason}`,
      );
  }
  return fixture;
}

const onlyFixtures = process.env.GOLDEN_FIXTURES
  ? new Set(process.env.GOLDEN_FIXTURES.split(",").map((s) => s.trim()))
  : undefined;
const slugs = existsSync(FIXTURES)
  ? readdirSync(FIXTURES, { withFileTypes: true })
      .filter((e) => e.isDirectory() && (!onlyFixtures || onlyFixtures.has(e.name)))
      .map((e) => e.name)
      .sort()
  : [];
if (onlyFixtures) {
  const unknown = [...onlyFixtures].filter((slug) => !slugs.includes(slug));
  if (unknown.length) throw new Error(`GOLDEN_FIXTURES names no fixture: ${unknown.join(", ")}`);
}
const fixtures = await Promise.all(slugs.map(loadFixture));
const extractor = createExtractor();
const stageNames = extractor.stageNames;

for (const fixture of fixtures) {
  describe(`golden: ${fixture.slug}`, () => {
    it("has one input that reads", () => {
      assert.ok(fixture.input, `test/fixtures/${fixture.slug}/ has no input.* file`);
      assert.deepEqual(fixture.failures, [], "the fixture's input must read");
      assert.ok(fixture.sources.length > 0);
    });

    const docs = fixture.sources.map((source) => ({
      origin: source.origin,
      doc: extractor.extract(source),
    }));
    const expectedDir = join(fixture.dir, "expected");

    for (const stage of stageNames) {
      it(stage, () => {
        const project = projectionFor(stage) as Projection;
        const actual = serialise({
          documents: docs.map(({ origin, doc }) => ({ origin, ...project(doc, stage) })),
        });
        const goldenPath = join(expectedDir, `${stage}.json`);
        const changedPath = join(expectedDir, `${stage}.changed.json`);
        const shown = relative(ROOT, goldenPath);
        if (shouldUpdate(stage)) {
          mkdirSync(expectedDir, { recursive: true });
          writeFileSync(goldenPath, actual);
          rmSync(changedPath, { force: true });
          return;
        }
        if (!existsSync(goldenPath)) {
          assert.fail(
            `no golden ${shown} for stage "${stage}": create it with UPDATE_GOLDEN=${stage} npm test, read it, and commit it`,
          );
        }
        const expected = readFileSync(goldenPath, "utf8");
        if (expected === actual) {
          rmSync(changedPath, { force: true });
          return;
        }
        writeFileSync(changedPath, actual);
        assert.equal(
          actual,
          expected,
          `${shown} differs from the output: diff ${relative(ROOT, changedPath)} against it; if the change is right, UPDATE_GOLDEN=${stage} npm test`,
        );
      });
    }

    it("has no golden for a stage outside the pipeline", () => {
      if (!existsSync(expectedDir)) return;
      const stale = readdirSync(expectedDir)
        .filter((f) => f.endsWith(".json") && !f.endsWith(".changed.json"))
        .map((f) => f.slice(0, -".json".length))
        .filter((stage) => !stageNames.includes(stage));
      assert.deepEqual(
        stale,
        [],
        `goldens for stages not in the pipeline (${stageNames.join(", ")})`,
      );
    });
  });
}

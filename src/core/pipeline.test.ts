import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OffsetMap } from "./offset-map.ts";
import { createPipeline, PipelineError } from "./pipeline.ts";
import type { Stage } from "./stage.ts";

const setText: Stage = {
  name: "clean",
  needs: [],
  run(doc) {
    doc.setText(doc.raw.trim(), OffsetMap.identity(doc.raw.trim().length));
  },
};
const reader: Stage = {
  name: "reader",
  needs: ["clean"],
  run(doc, ctx) {
    ctx.report({ severity: "info", rule: "reader/saw", reason: `${doc.text.length} chars` });
  },
};

describe("createPipeline", () => {
  it("rejects a stage whose needs come later", () => {
    assert.throws(() => createPipeline([reader, setText]), PipelineError);
    assert.throws(() => createPipeline([reader]), /needs "clean", which comes nowhere/);
  });

  it("rejects a stage listed twice", () => {
    assert.throws(() => createPipeline([setText, setText]), /appears twice/);
  });

  it("runs stages in order and collects their messages with the stage name", () => {
    const doc = createPipeline([setText, reader]).run({
      raw: " hello ",
      format: "text",
      origin: "t",
    });
    assert.equal(doc.text, "hello");
    assert.deepEqual(doc.messages, [
      { severity: "info", stage: "reader", rule: "reader/saw", reason: "5 chars" },
    ]);
    assert.match(doc.id, /^[0-9a-f]{16}$/);
  });

  it("passes the publication date as the reference date", () => {
    let seen: string | null = "unset";
    const probe: Stage = {
      name: "probe",
      needs: [],
      run: (_d, ctx) => {
        seen = ctx.referenceDate;
      },
    };
    createPipeline([probe]).run({ raw: "x", format: "text", origin: "t", published: "2019-12-31" });
    assert.equal(seen, "2019-12-31");
  });

  it("reports a stage that throws and keeps the document", () => {
    const broken: Stage = {
      name: "broken",
      needs: [],
      run() {
        throw new Error("boom");
      },
    };
    const doc = createPipeline([broken]).run({ raw: "x", format: "text", origin: "t" });
    assert.equal(doc.messages[0]?.rule, "broken/crashed");
    assert.equal(doc.messages[0]?.reason, "boom");
  });

  it("sets text only once", () => {
    const doc = createPipeline([setText]).run({ raw: "a", format: "text", origin: "t" });
    assert.throws(() => doc.setText("b", OffsetMap.identity(1)), /set once/);
  });
});

describe("OffsetMap", () => {
  it("maps clean offsets back through kept, replaced and dropped pieces", () => {
    // raw: "a &amp; b  XX c" -> clean: "a & b c" (entity decoded, spaces folded, XX dropped)
    const map = new OffsetMap();
    map.keep(0, 2); // "a "
    map.replace(2, 7, 1); // "&amp;" -> "&"
    map.keep(7, 10); // " b "
    map.replace(10, 14, 0); // " XX " dropped
    map.keep(14, 15); // "c"
    assert.equal(map.length, 7);
    assert.equal(map.toRaw(0), 0);
    assert.equal(map.toRaw(2), 2);
    assert.equal(map.toRaw(3), 7);
    assert.equal(map.toRaw(4), 8);
    assert.equal(map.toRaw(6), 14);
    assert.equal(map.toRaw(7), 15);
  });
});

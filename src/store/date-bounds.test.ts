import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lastDayOf } from "./date-bounds.ts";

describe("lastDayOf", () => {
  const cases: [string, string][] = [
    ["2019", "2019-12-31"],
    ["2019-12", "2019-12-31"],
    ["2019-04", "2019-04-30"],
    ["2019-02", "2019-02-28"],
    ["2020-02", "2020-02-29"],
    ["1900-02", "1900-02-28"],
    ["2000-02", "2000-02-29"],
    ["2019-12-15", "2019-12-15"],
  ];
  for (const [bound, day] of cases) {
    it(`reads ${bound} as ${day}`, () => assert.equal(lastDayOf(bound), day));
  }
});

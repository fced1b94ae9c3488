/**
 * A titled person's country from the story's context yields to the office's own countries
 * (titles.json `national`): an office the story's country does not have is not that
 * country's. Through the whole default pipeline.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createExtractor } from "../../core/extract.ts";

const extractor = createExtractor();

function countryOf(text: string, name: string): string | null | undefined {
  const doc = extractor.extract({
    raw: text,
    format: "text",
    origin: "test",
    published: "2021-03-02",
  });
  return doc.entities.find((e) => e.text === name)?.actor?.country;
}

const NORTH_KOREA_STORY =
  "North Korea fired two missiles on Sunday. North Korea said the launches were a warning. " +
  "Pyongyang has ignored every appeal. North Korean state media praised the test. " +
  "Secretary of State Mary Hollis said she urged North Korea to return to talks.";

test("a Secretary of State in a story about North Korea is American", () => {
  assert.equal(countryOf(NORTH_KOREA_STORY, "Mary Hollis"), "USA");
});

test("an office the story's country has keeps the story's country", () => {
  const text =
    "Philippine police raided a market in Manila on Monday. The Philippines said the raid " +
    "was lawful. Philippine officials defended it. Senator Ana Cruz criticised the raid.";
  assert.equal(countryOf(text, "Ana Cruz"), "PHL");
});

test("a title that is no national office still takes the story's country", () => {
  const text =
    "North Korea fired two missiles on Sunday. North Korea said the launches were a warning. " +
    "Pyongyang has ignored every appeal. North Korean state media praised the test. " +
    "Foreign Minister Ri Chol said the tests would go on.";
  assert.equal(countryOf(text, "Ri Chol"), "PRK");
});

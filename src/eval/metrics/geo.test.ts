import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { haversineKm, median } from "./geo.ts";

describe("haversineKm", () => {
  it("is 0 for the same point and symmetric", () => {
    assert.equal(haversineKm(33.34, 44.4, 33.34, 44.4), 0);
    assert.equal(haversineKm(1, 2, 3, 4), haversineKm(3, 4, 1, 2));
  });

  it("gives a quarter meridian and a degree of the equator their known lengths", () => {
    // Pole to equator = πR/2; one degree of longitude on the equator = πR/180.
    assert.ok(Math.abs(haversineKm(0, 0, 90, 0) - (Math.PI * 6371.0088) / 2) < 1e-6);
    assert.ok(Math.abs(haversineKm(0, 0, 0, 1) - 111.195) < 0.001);
  });

  it("puts Baghdad and Kirkuk about 240 km apart", () => {
    const km = haversineKm(33.3406, 44.4009, 35.4681, 44.3922);
    assert.ok(km > 230 && km < 245, `${km}`);
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });
});

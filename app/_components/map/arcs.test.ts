import { describe, expect, it } from "vitest";
import { ARC_WEIGHT, arcPath, arcWeight, arcsFromParis } from "./arcs";
import type { ShadedCountry } from "./choropleth";

describe("arcWeight", () => {
  it("runs from a hairline for no events to the maximum for the busiest dyad", () => {
    expect(arcWeight(0, 40)).toBe(ARC_WEIGHT.min);
    expect(arcWeight(40, 40)).toBe(ARC_WEIGHT.max);
    expect(arcWeight(5, 0)).toBe(ARC_WEIGHT.min);
  });

  it("grows with the square root: a quarter of the events, half the extra width", () => {
    expect(arcWeight(10, 40)).toBeCloseTo(ARC_WEIGHT.min + (ARC_WEIGHT.max - ARC_WEIGHT.min) / 2, 1);
    expect(arcWeight(1, 40)).toBeLessThan(arcWeight(2, 40));
  });
});

describe("arcPath", () => {
  const paris = [48.8566, 2.3522] as const;
  const rabat = [34.0209, -6.8416] as const;

  it("starts in Paris and ends at the capital", () => {
    const path = arcPath(paris, rabat);
    expect(path[0]).toEqual([paris[0], paris[1]]);
    expect(path.at(-1)?.[0]).toBeCloseTo(rabat[0], 9);
    expect(path.at(-1)?.[1]).toBeCloseTo(rabat[1], 9);
    expect(path).toHaveLength(25);
  });

  it("bows away from the straight line, and not at all with no bend", () => {
    const middle = arcPath(paris, rabat)[12] ?? [0, 0];
    const straight = arcPath(paris, rabat, 0)[12] ?? [0, 0];
    expect(straight[0]).toBeCloseTo((paris[0] + rabat[0]) / 2, 9);
    expect(straight[1]).toBeCloseTo((paris[1] + rabat[1]) / 2, 9);
    expect(Math.hypot(middle[0] - straight[0], middle[1] - straight[1])).toBeGreaterThan(1);
  });
});

describe("arcsFromParis", () => {
  const shaded = (code: string, key: string): ShadedCountry => ({
    code,
    name: code,
    key,
    label: key,
    value: 10,
    band: "mixed",
    bandLabel: "mixed",
    colour: "#ddd6c3",
  });
  const countries = [
    { code: "FRA", capitalName: "Paris", capitalLat: 48.8566, capitalLon: 2.3522 },
    { code: "MAR", capitalName: "Rabat", capitalLat: 34.0209, capitalLon: -6.8416 },
    { code: "DZA", capitalName: "Algiers", capitalLat: 36.7538, capitalLon: 3.0588 },
    { code: "XXX", capitalName: null, capitalLat: null, capitalLon: null },
  ];
  const partners = [shaded("MAR", "FRA-MAR"), shaded("DZA", "DZA-FRA"), shaded("XXX", "FRA-XXX")];
  const volumes = [
    { key: "FRA-MAR", eventCount: 16 },
    { key: "DZA-FRA", eventCount: 4 },
  ];

  it("draws one arc per partner with a capital, weighted against the busiest", () => {
    const arcs = arcsFromParis({ shaded: partners, countries, volumes, selected: [] });
    expect(arcs.map((a) => [a.key, a.capitalName, a.eventCount, a.weight])).toEqual([
      ["FRA-MAR", "Rabat", 16, ARC_WEIGHT.max],
      ["DZA-FRA", "Algiers", 4, arcWeight(4, 16)],
    ]);
  });

  it("draws only the selected dyads, weighted among themselves", () => {
    const arcs = arcsFromParis({ shaded: partners, countries, volumes, selected: ["DZA-FRA"] });
    expect(arcs.map((a) => [a.key, a.weight])).toEqual([["DZA-FRA", ARC_WEIGHT.max]]);
  });

  it("draws nothing without Paris", () => {
    expect(arcsFromParis({ shaded: partners, countries: countries.slice(1), volumes, selected: [] })).toEqual([]);
  });
});

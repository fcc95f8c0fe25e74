import { describe, expect, it } from "vitest";
import { packPoints, unpackPoints } from "./chart-points";

describe("packPoints", () => {
  it("keeps the day, the value and its range, each to a tenth, and nothing else", () => {
    const series = [
      { day: "2026-11-01", index: -98.07933129391586, pulse: -34.769956527971374, ledger: 0, low: -99.9278319088044, high: -75.04999 },
      { day: "2026-11-02", index: -97.96, pulse: -34.7, ledger: 0, low: -99.91, high: -74.96 },
      { day: "2026-11-08", index: -90.04, pulse: -30, ledger: 0, low: -95, high: -70.01 },
    ];
    const packed = packPoints(series);
    expect(JSON.stringify(packed)).not.toMatch(/pulse|ledger|day/);
    expect(unpackPoints(packed)).toEqual([
      { day: "2026-11-01", index: -98.1, low: -99.9, high: -75 },
      { day: "2026-11-02", index: -98, low: -99.9, high: -75 },
      { day: "2026-11-08", index: -90, low: -95, high: -70 },
    ]);
  });

  it("gives no range to points without one (another method version's line)", () => {
    const packed = packPoints([{ day: "2026-11-02", index: 12.349 }, { day: "2026-11-09", index: -3.06 }]);
    expect(packed).not.toHaveProperty("low");
    expect(unpackPoints(packed)).toEqual([{ day: "2026-11-02", index: 12.3 }, { day: "2026-11-09", index: -3.1 }]);
  });

  it("packs three years of daily points into about a third of their size as objects", () => {
    const points = Array.from({ length: 1095 }, (_, i) => ({ day: `2024-01-01`, index: -98.1 + (i % 50), low: -99.9, high: -75.5 })).map((p, i) => ({ ...p, day: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10) }));
    const asObjects = JSON.stringify(points).length;
    const packed = packPoints(points);
    expect(JSON.stringify(packed).length).toBeLessThan(asObjects / 2.5);
    expect(unpackPoints(packed).map((p) => p.day)).toEqual(points.map((p) => p.day));
  });
});

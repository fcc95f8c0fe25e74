import { describe, expect, it } from "vitest";
import { chartPoints } from "./chart-points";

describe("chartPoints", () => {
  it("keeps the day, the value and its range, each to a tenth, and nothing else", () => {
    const series = [{ day: "2026-11-01", index: -98.07933129391586, pulse: -34.769956527971374, ledger: 0, low: -99.9278319088044, high: -75.04999 }];
    expect(chartPoints(series)).toEqual([{ day: "2026-11-01", index: -98.1, low: -99.9, high: -75 }]);
  });

  it("gives no range to a point without one (another method version's line)", () => {
    expect(chartPoints([{ day: "2026-11-02", index: 12.349 }])).toEqual([{ day: "2026-11-02", index: 12.3 }]);
  });
});

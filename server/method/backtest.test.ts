import { describe, expect, it } from "vitest";
import { agreementOf, directionOf, goldsteinDirection, monthDays, monthlyChange, type Direction } from "./backtest";
import { toDay } from "./day";
import { METHOD } from "./params";

describe("monthly direction", () => {
  it("reads a month from the previous month's last day to its own", () => {
    expect(monthDays("2024-02")).toEqual({ first: toDay("2024-02-01"), last: toDay("2024-02-29") });
    expect(monthDays("2025-12")).toEqual({ first: toDay("2025-12-01"), last: toDay("2025-12-31") });
    const indexOn = (day: number) => (day === toDay("2025-03-31") ? 10 : day === toDay("2025-02-28") ? 4 : NaN);
    expect(monthlyChange(indexOn, "2025-03")).toBe(6);
    expect(() => monthDays("2025-13")).toThrow(/YYYY-MM/);
  });

  it('calls a move under the method\'s threshold "unchanged", either sign', () => {
    const t = METHOD.direction.unchangedBelow;
    expect(directionOf(t, METHOD)).toBe("improved");
    expect(directionOf(-t, METHOD)).toBe("deteriorated");
    expect(directionOf(t - 0.01, METHOD)).toBe("unchanged");
    expect(directionOf(-(t - 0.01), METHOD)).toBe("unchanged");
    expect(directionOf(0.5, { ...METHOD, direction: { unchangedBelow: 0.1 } })).toBe("improved");
  });

  it("gives the baseline the sign of the summed Goldstein values", () => {
    expect([goldsteinDirection(3.4), goldsteinDirection(-0.2), goldsteinDirection(0)]).toEqual(["improved", "deteriorated", "unchanged"]);
  });
});

describe("agreement and Cohen's kappa", () => {
  const pairs = (list: [Direction, Direction][]) => list.map(([reference, computed]) => ({ reference, computed }));

  it("is 1 for perfect agreement over more than one category", () => {
    expect(agreementOf(pairs([["improved", "improved"], ["deteriorated", "deteriorated"]]))).toEqual({ n: 2, agreed: 2, agreement: 1, kappa: 1 });
  });

  it("matches a worked example: pₒ = 0.7, pₑ = 0.5 → κ = 0.4", () => {
    // reference 5 improved / 5 deteriorated; computed agrees on 7 of 10 with the same marginals.
    const list: [Direction, Direction][] = [
      ...Array.from({ length: 4 }, (): [Direction, Direction] => ["improved", "improved"]),
      ["improved", "deteriorated"],
      ...Array.from({ length: 3 }, (): [Direction, Direction] => ["deteriorated", "deteriorated"]),
      ["deteriorated", "improved"],
      ["deteriorated", "improved"],
    ];
    const s = agreementOf(pairs(list));
    expect(s.agreement).toBeCloseTo(0.7, 12);
    // pₑ = 0.5·0.6 + 0.5·0.4 = 0.5
    expect(s.kappa).toBeCloseTo(0.4, 12);
  });

  it("is null where it is undefined: no months, or one shared category for every month", () => {
    expect(agreementOf([])).toEqual({ n: 0, agreed: 0, agreement: null, kappa: null });
    expect(agreementOf(pairs([["unchanged", "unchanged"]])).kappa).toBeNull();
  });

  it("is negative when the reading does worse than chance", () => {
    expect(agreementOf(pairs([["improved", "deteriorated"], ["deteriorated", "improved"]])).kappa).toBe(-1);
  });
});

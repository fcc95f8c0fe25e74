import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IndexCondition } from "./index-math";
import { CONDITION_KINDS, LEVELS, METHOD, PARAM_RANGES, VERIFICATIONS, type MethodRanges } from "./params";
import {
  contributionRange,
  halfLivesTried,
  indexUnder,
  plausibleEventsFrom,
  plausibleMeaning,
  plausibleRanges,
  sensitivityOf,
  type CellTotal,
} from "./plausible";
import { EMPTY_CARRY, rollForward, type DayTotals } from "./rollup-math";

const fromDay = 20_000;
const toDay = fromDay + 500;
// Every block of days from fromDay to toDay sees every event from here on (nothing cut at the horizon).
const firstDay = plausibleEventsFrom(toDay);
const NO_RANGES: MethodRanges = {
  halfLifeDays: { min: METHOD.halfLifeDays, max: METHOD.halfLifeDays, samples: 1 },
  levelWeights: 0,
  verificationWeights: 0,
  conditionPoints: 0,
  sensitivityStep: 0,
};

const cellArb = fc.record({
  day: fc.integer({ min: firstDay, max: toDay }),
  level: fc.constantFrom(...LEVELS),
  verification: fc.constantFrom(...VERIFICATIONS),
  sum: fc.double({ min: -15, max: 15, noNaN: true }),
});
const conditionArb = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom(...CONDITION_KINDS),
  points: fc.double({ min: -30, max: 30, noNaN: true }),
  startDay: fc.integer({ min: firstDay, max: toDay }),
  endDay: fc.option(fc.integer({ min: firstDay, max: toDay + 10 }), { nil: null }),
});
const historyArb = fc.record({ cells: fc.array(cellArb, { maxLength: 60 }), conditions: fc.array(conditionArb, { maxLength: 5 }) });

/** The index the rollup stores, over the same history from its first day. */
function rollupIndex(cells: readonly CellTotal[], conditions: readonly IndexCondition[]): Map<number, number> {
  const totals = new Map<number, DayTotals>();
  for (const c of cells) {
    const t = totals.get(c.day) ?? { sum: 0, count: 0 };
    totals.set(c.day, { sum: t.sum + c.sum, count: t.count + 1 });
  }
  const rows = rollForward({ carry: EMPTY_CARRY, totals, conditions, dataStartDay: firstDay, fromDay: firstDay, toDay });
  return new Map(rows.map((r) => [r.day, r.index]));
}

const EPS = 1e-9;
/** Each property recomputes 500 days of ranges per run: allow for a machine shared with a whole suite. */
const HEAVY = { timeout: 60_000 };

describe("plausible range", () => {
  it("holds the value the rollup computes, on every day", HEAVY, () => {
    fc.assert(
      fc.property(historyArb, ({ cells, conditions }) => {
        const index = rollupIndex(cells, conditions);
        const outside = plausibleRanges({ cells, conditions, fromDay, toDay }).flatMap((r, i) => {
          const value = index.get(fromDay + i) ?? 0;
          return r.low <= value + EPS && r.high >= value - EPS ? [] : [{ day: fromDay + i, value, ...r }];
        });
        expect(outside).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("holds the value under any parameters within the ranges (at a half-life tried)", () => {
    const factor = (x: number) => fc.double({ min: 1 - x, max: 1 + x, noNaN: true });
    const factorsArb = fc.record({
      halfLifeDays: fc.constantFrom(...halfLivesTried().map((h) => h / METHOD.halfLifeDays)),
      levelWeights: fc.record(Object.fromEntries(LEVELS.map((l) => [l, factor(PARAM_RANGES.levelWeights)]))),
      verificationWeights: fc.record(Object.fromEntries(VERIFICATIONS.map((v) => [v, factor(PARAM_RANGES.verificationWeights)]))),
      conditionPoints: fc.record(Object.fromEntries(CONDITION_KINDS.map((k) => [k, factor(PARAM_RANGES.conditionPoints)]))),
    });
    fc.assert(
      fc.property(historyArb, factorsArb, fc.integer({ min: fromDay, max: toDay }), ({ cells, conditions }, factors, day) => {
        const [range] = plausibleRanges({ cells, conditions, fromDay: day, toDay: day });
        const value = indexUnder({ cells, conditions, today: day, factors });
        expect(range?.low).toBeLessThanOrEqual(value + EPS);
        expect(range?.high).toBeGreaterThanOrEqual(value - EPS);
      }),
      { numRuns: 150 },
    );
  });

  it("collapses to the value when the ranges are zero", HEAVY, () => {
    fc.assert(
      fc.property(historyArb, ({ cells: all, conditions }) => {
        // No range on the half-life: its horizon is shorter, so keep the events every block sees.
        const cells = all.filter((c) => c.day >= plausibleEventsFrom(toDay, METHOD, NO_RANGES));
        const index = rollupIndex(cells, conditions);
        const apart = plausibleRanges({ cells, conditions, fromDay, toDay, ranges: NO_RANGES }).flatMap((r, i) => {
          const value = index.get(fromDay + i) ?? 0;
          return Math.abs(r.low - value) < EPS && Math.abs(r.high - value) < EPS ? [] : [{ day: fromDay + i, value, ...r }];
        });
        expect(apart).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("gives the same numbers from any starting day, so a refresh equals a rebuild", HEAVY, () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: fromDay, max: toDay }), ({ cells, conditions }, start) => {
        const whole = plausibleRanges({ cells, conditions, fromDay, toDay });
        // Equal to the last few bits: sums taken from another first day may round differently
        // (a counterexample with points near 1e-306 differed in the 17th digit).
        const part = plausibleRanges({ cells, conditions, fromDay: start, toDay });
        const expected = whole.slice(start - fromDay);
        expect(part).toHaveLength(expected.length);
        part.forEach((range, i) => {
          expect(range.low).toBeCloseTo(expected[i]?.low ?? NaN, 9);
          expect(range.high).toBeCloseTo(expected[i]?.high ?? NaN, 9);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("widens with a standing condition's points and with both signs of events", () => {
    const severed: IndexCondition = { id: "c", kind: "RELATIONS_SEVERED", points: -30, startDay: fromDay - 10, endDay: null };
    const [range] = plausibleRanges({ cells: [], conditions: [severed], fromDay, toDay: fromDay });
    expect(range?.low).toBeCloseTo(100 * Math.tanh((METHOD.conditionWeight * -37.5) / 15), 9);
    expect(range?.high).toBeCloseTo(100 * Math.tanh((METHOD.conditionWeight * -22.5) / 15), 9);

    // +10 and −10 at the same level offset exactly whatever that level's weight: the range stays at 0.
    const offsetting: CellTotal[] = [
      { day: fromDay, level: "MINISTER", verification: "CONFIRMED", sum: 10 },
      { day: fromDay, level: "MINISTER", verification: "CONFIRMED", sum: -10 },
    ];
    const [flat] = plausibleRanges({ cells: offsetting, conditions: [], fromDay, toDay: fromDay });
    expect(flat?.low).toBeCloseTo(0, 9);
    expect(flat?.high).toBeCloseTo(0, 9);
    // The same at two levels: each level's weight may move apart, so the range opens (and the
    // shared verification weight scales the difference).
    const [apart] = plausibleRanges({ cells: [offsetting[0] as CellTotal, { ...(offsetting[1] as CellTotal), level: "AMBASSADOR" }], conditions: [], fromDay, toDay: fromDay });
    expect(apart?.high).toBeCloseTo(100 * Math.tanh(((10 * 1.25 - 10 * 0.75) * 1.25) / 15), 9);
    expect(apart?.low).toBeCloseTo(-(apart?.high ?? 0), 9);
  });

  it("tries the method's own half-life and the ends of the range", () => {
    const tried = halfLivesTried();
    expect(tried[0]).toBeCloseTo(30, 9);
    expect(tried.at(-1)).toBeCloseTo(90, 9);
    expect(tried).toContain(METHOD.halfLifeDays);
  });
});

describe("a driver's range", () => {
  it("holds its weight today under any parameters within the ranges", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 900 }),
        fc.double({ min: 0.75 * 0.75, max: 1.25 * 1.25, noNaN: true }),
        fc.double({ min: 30, max: 90, noNaN: true }),
        (score, age, f, h) => {
          const range = contributionRange(score, age);
          const weight = score * f * Math.pow(2, -age / h);
          expect(range.low).toBeLessThanOrEqual(weight + EPS);
          expect(range.high).toBeGreaterThanOrEqual(weight - EPS);
        },
      ),
    );
  });

  it("is the score itself on the event's own day, within the weights' ±25 %", () => {
    expect(contributionRange(4, 0)).toEqual({ low: 4 * 0.5625, high: 4 * 1.5625 });
    expect(contributionRange(-4, 0)).toEqual({ low: -4 * 1.5625, high: -4 * 0.5625 });
  });
});

describe("sensitivity", () => {
  const cells: CellTotal[] = [
    { day: fromDay - 30, level: "HEAD_OF_STATE", verification: "CONFIRMED", sum: 6 },
    { day: fromDay - 200, level: "MINISTER", verification: "REPORTED", sum: -4 },
  ];
  const conditions: IndexCondition[] = [{ id: "w", kind: "AMBASSADOR_WITHDRAWN", points: -10, startDay: fromDay - 100, endDay: null }];
  const { value, bars } = sensitivityOf({ cells, conditions, today: fromDay });

  it("moves each parameter alone by ±25 % and sorts the bars by swing", () => {
    expect(value).toBeCloseTo(indexUnder({ cells, conditions, today: fromDay }), 12);
    expect(bars).toHaveLength(3 + LEVELS.length + VERIFICATIONS.length + CONDITION_KINDS.length);
    const halfLife = bars.find((b) => b.parameter.kind === "halfLifeDays");
    expect(halfLife?.atLower).toBeCloseTo(indexUnder({ cells, conditions, today: fromDay, factors: { halfLifeDays: 0.75 } }), 12);
    const withdrawn = bars.find((b) => b.parameter.kind === "conditionPoints" && b.parameter.key === "AMBASSADOR_WITHDRAWN");
    expect(withdrawn?.atHigher).toBeLessThan(value); // −10 × 1.25 lowers it
    for (let i = 1; i < bars.length; i++) expect(bars[i - 1]?.swing).toBeGreaterThanOrEqual(bars[i]?.swing ?? 0);
  });

  it("gives no swing to a parameter nothing today depends on", () => {
    const airspace = bars.find((b) => b.parameter.kind === "conditionPoints" && b.parameter.key === "AIRSPACE_CLOSED");
    expect(airspace?.swing).toBe(0);
    const legislature = bars.find((b) => b.parameter.kind === "levelWeights" && b.parameter.key === "LEGISLATURE");
    expect(legislature?.swing).toBe(0);
  });
});

describe("the range in words", () => {
  it("names the ranges in force", () => {
    expect(plausibleMeaning()).toBe(
      "the values the method gives with its half-life anywhere from 30 to 90 days and its level and verification weights and condition points within ±25 %",
    );
  });
});

// The rollup must say exactly what the index maths says from raw events, however it was built:
// in one pass, or piecewise as writes arrive out of order.
import { describe, expect, it } from "vitest";
import { computeSeries, summarize } from "../../test/support/index-reference";
import type { IndexCondition, IndexEvent } from "./index-math";
import { EMPTY_CARRY, carryFrom, rollForward, summaryDays, summaryFromRollup, type DayTotals, type RollupRow } from "./rollup-math";

const totalsOf = (events: IndexEvent[]) => {
  const totals = new Map<number, DayTotals>();
  for (const e of events) {
    if (e.archived) continue;
    const t = totals.get(e.day) ?? { sum: 0, count: 0 };
    totals.set(e.day, { sum: t.sum + e.score, count: t.count + 1 });
  }
  return totals;
};

/** A deterministic pseudo-random generator, so a failure replays. */
function rng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function randomHistory(seed: number): { events: IndexEvent[]; conditions: IndexCondition[] } {
  const r = rng(seed);
  const events = Array.from({ length: 120 }, (_, i) => ({
    id: `e${i}`,
    day: Math.floor(r() * 900),
    score: Math.round((r() * 20 - 10) * 100) / 100,
    archived: r() < 0.1,
  }));
  const conditions: IndexCondition[] = [
    { id: "c1", kind: "RELATIONS_SEVERED", points: -30, startDay: 200, endDay: null },
    { id: "c2", kind: "VISA_REGIME", points: -5, startDay: 50, endDay: 400 },
    { id: "c3", kind: "PARTNERSHIP_DECLARATION", points: 10, startDay: 600, endDay: 700, archived: true },
  ];
  return { events, conditions };
}

describe("rollForward", () => {
  it("matches computeSeries day by day", () => {
    const { events, conditions } = randomHistory(7);
    const rows = rollForward({ carry: EMPTY_CARRY, totals: totalsOf(events), conditions, dataStartDay: 0, fromDay: 0, toDay: 1000 });
    const series = computeSeries({ events, conditions, fromDay: 0, toDay: 1000 });
    for (const [i, point] of series.entries()) {
      expect(rows[i]?.pulse).toBeCloseTo(point.pulse, 9);
      expect(rows[i]?.ledger).toBe(point.ledger);
      expect(rows[i]?.index).toBeCloseTo(point.index, 9);
    }
    expect(rows[600]?.eventCount).toBe(events.filter((e) => e.day === 600 && !e.archived).length);
  });

  it("rolled forward from any day, equals the single pass", () => {
    const { events, conditions } = randomHistory(11);
    const totals = totalsOf(events);
    const whole = rollForward({ carry: EMPTY_CARRY, totals, conditions, dataStartDay: 0, fromDay: 0, toDay: 1000 });
    for (const from of [1, 29, 30, 31, 457, 999]) {
      const tail = rollForward({ carry: carryFrom(whole.slice(0, from), from), totals, conditions, dataStartDay: 0, fromDay: from, toDay: 1000 });
      expect(tail.at(-1)?.index).toBeCloseTo(whole.at(-1)?.index ?? NaN, 9);
      expect(tail.at(-1)?.c30Count).toBe(whole.at(-1)?.c30Count);
      expect(tail.at(-1)?.c30SumSq).toBeCloseTo(whole.at(-1)?.c30SumSq ?? NaN, 6);
    }
  });

  it("leaves change30 undefined for the first 30 days of data", () => {
    const rows = rollForward({ carry: EMPTY_CARRY, totals: new Map([[10, { sum: 5, count: 1 }]]), conditions: [], dataStartDay: 10, fromDay: 10, toDay: 45 });
    expect(rows[29]?.change30).toBeNull(); // day 39
    expect(rows[30]?.change30).toBeCloseTo((rows[30]?.index ?? 0) - (rows[0]?.index ?? 0), 12); // day 40
    expect(rows.at(-1)?.c30Count).toBe(6);
  });
});

describe("summaryFromRollup", () => {
  it("gives summarize()'s numbers from the rows of three days", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { events, conditions } = randomHistory(seed);
      const totals = totalsOf(events);
      const dataStartDay = Math.min(...totals.keys(), ...conditions.filter((c) => !c.archived).map((c) => c.startDay));
      const rows = rollForward({ carry: EMPTY_CARRY, totals, conditions, dataStartDay, fromDay: dataStartDay, toDay: 1200 });
      for (const today of [dataStartDay, dataStartDay + 40, 500, 1200]) {
        const wanted = summaryDays(today);
        const recent: RollupRow[] = rows.filter((r) => wanted.includes(r.day));
        const lastEventDay = Math.max(...[...totals.keys()].filter((d) => d <= today));
        const fromRollup = summaryFromRollup({ rows: recent, today, lastEventDay });
        const fromEvents = summarize({ events, conditions, today });
        expect(fromRollup.value).toBeCloseTo(fromEvents.value, 9);
        expect(fromRollup.change30).toBeCloseTo(fromEvents.change30, 9);
        expect(fromRollup.change90).toBeCloseTo(fromEvents.change90, 9);
        expect(fromRollup.trend.pointsPer30Days).toBeCloseTo(fromEvents.trend.pointsPer30Days, 9);
        expect(fromRollup.unusualChange).toBe(fromEvents.unusualChange);
        expect(fromRollup.band).toBe(fromEvents.band);
        expect(fromRollup.lastEventDay).toBe(fromEvents.lastEventDay);
      }
    }
  });

  it("is neutral for a dyad with no data", () => {
    const summary = summaryFromRollup({ rows: [], today: 20000, lastEventDay: null });
    expect(summary).toMatchObject({ value: 0, band: "mixed", change30: 0, change90: 0, unusualChange: false, lastEventDay: null });
  });
});

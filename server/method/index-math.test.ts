import { describe, expect, it } from "vitest";
import { changeOver, changeStats, computeSeries, dailySums, isUnusualChange, summarize, trendPer30Days } from "../../test/support/index-reference";
import { bandOf, changeBreakdown, topDrivers, weightedLedger, type IndexCondition, type IndexEvent, type SeriesPoint } from "./index-math";
import { METHOD } from "./params";

const ev = (id: string, day: number, score: number, archived = false): IndexEvent => ({ id, day, score, archived });
const cond = (id: string, points: number, startDay: number, endDay: number | null = null): IndexCondition => ({
  id,
  kind: points > 0 ? "PARTNERSHIP_DECLARATION" : "RELATIONS_SEVERED",
  points,
  startDay,
  endDay,
});
const at = (series: SeriesPoint[], day: number) => {
  const p = series.find((x) => x.day === day);
  if (!p) throw new Error(`day ${day} not in series`);
  return p;
};
const first = <T>(xs: readonly T[]): T => {
  const x = xs[0];
  if (x === undefined) throw new Error("empty");
  return x;
};
/** A hand-made series with the given index per day, days 0..n−1. */
const seriesOf = (index: (day: number) => number, n: number): SeriesPoint[] =>
  Array.from({ length: n }, (_, day) => ({ day, pulse: 0, ledger: 0, index: index(day) }));

describe("computeSeries", () => {
  it("one event of s = 8 halves every 45 days", () => {
    const s = computeSeries({ events: [ev("a", 0, 8)], conditions: [], fromDay: -1, toDay: 90 });
    expect(s).toHaveLength(92);
    expect(at(s, -1).pulse).toBe(0); // nothing before the first event
    expect(at(s, 0).pulse).toBeCloseTo(8, 12);
    expect(at(s, 45).pulse).toBeCloseTo(4, 12); // 8 · 2^(−45/45)
    expect(at(s, 90).pulse).toBeCloseTo(2, 12); // 8 · 2^(−2)
    // I(45) = 100·tanh(4/15) = 100·tanh(0.26667) = 26.052
    expect(at(s, 45).index).toBeCloseTo(26.052, 3);
  });

  it("counts events before fromDay", () => {
    const only = first(computeSeries({ events: [ev("a", 0, 8), ev("b", 10, 0)], conditions: [], fromDay: 45, toDay: 45 }));
    expect(only.pulse).toBeCloseTo(4, 12);
  });

  it("adds same-day scores and gives the same result from the rollup", () => {
    const events = [ev("a", 0, 5), ev("b", 0, 3), ev("c", 30, -2)];
    expect(dailySums(events)).toEqual(new Map([[0, 8], [30, -2]]));
    const fromEvents = computeSeries({ events, conditions: [], fromDay: 0, toDay: 60 });
    const fromSums = computeSeries({ sums: dailySums(events), conditions: [], fromDay: 0, toDay: 60 });
    expect(fromSums).toEqual(fromEvents);
    // P(60) = 8·2^(−60/45) − 2·2^(−30/45) = 3.17480 − 1.25992 = 1.91488
    expect(at(fromEvents, 60).pulse).toBeCloseTo(1.91488, 5);
  });

  it("ignores archived events and conditions", () => {
    const s = computeSeries({
      events: [ev("a", 0, 8, true)],
      conditions: [{ ...cond("x", -30, 0), archived: true }],
      fromDay: 0,
      toDay: 10,
    });
    expect(s.every((p) => p.pulse === 0 && p.ledger === 0 && p.index === 0)).toBe(true);
  });

  it("a −30 condition alone gives 100·tanh(0.5·−30/15) = 100·tanh(−1) = −76.159", () => {
    const p = first(computeSeries({ events: [], conditions: [cond("sev", -30, 0)], fromDay: 500, toDay: 500 }));
    expect(p.ledger).toBe(-30);
    expect(p.index).toBeCloseTo(-76.1594, 4);
  });

  it("a condition weighs on startDay..endDay−1 and stops as a step on endDay", () => {
    const s = computeSeries({ events: [], conditions: [cond("amb", -10, 10, 20)], fromDay: 0, toDay: 30 });
    expect(at(s, 9).ledger).toBe(0);
    expect(at(s, 10).ledger).toBe(-10);
    expect(at(s, 19).ledger).toBe(-10);
    expect(at(s, 19).index).toBeCloseTo(-32.1513, 4); // 100·tanh(0.5·−10/15)
    expect(at(s, 20).ledger).toBe(0);
    expect(at(s, 20).index).toBe(0);
  });

  it("stays exact and fast over 20 years of daily values", () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ev(`e${i}`, (i * 7919) % 7300, ((i % 21) - 10) / 2));
    const t0 = performance.now();
    const s = computeSeries({ events, conditions: [cond("c", -5, 100, 5000)], fromDay: 0, toDay: 7299 });
    const ms = performance.now() - t0;
    const direct = events.reduce((a, e) => a + e.score * Math.pow(2, -(7299 - e.day) / 45), 0);
    expect(s).toHaveLength(7300);
    expect(at(s, 7299).pulse).toBeCloseTo(direct, 9);
    expect(ms).toBeLessThan(1000);
  });
});

describe("bandOf", () => {
  it("puts each boundary in the band farther from zero", () => {
    expect(bandOf(-100)).toBe("crisis");
    expect(bandOf(-60)).toBe("crisis");
    expect(bandOf(-59.999)).toBe("tense");
    expect(bandOf(-20)).toBe("tense");
    expect(bandOf(-19.999)).toBe("mixed");
    expect(bandOf(0)).toBe("mixed");
    expect(bandOf(19.999)).toBe("mixed");
    expect(bandOf(20)).toBe("cordial");
    expect(bandOf(59.999)).toBe("cordial");
    expect(bandOf(60)).toBe("strong_partnership");
    expect(bandOf(100)).toBe("strong_partnership");
  });
});

describe("changeOver and trend", () => {
  it("changeOver reads I(t) − I(t − d)", () => {
    const s = seriesOf((d) => d * 0.5, 100);
    expect(changeOver(s, 30)).toBeCloseTo(15, 12);
    expect(changeOver(s, 99)).toBeCloseTo(49.5, 12);
    expect(changeOver(s, 100)).toBeNull();
  });

  it("recovers the slope of a linear series, in points per 30 days", () => {
    // I = 2 + 0.5·t → 0.5/day × 30 = 15, rising
    expect(trendPer30Days(seriesOf((d) => 2 + 0.5 * d, 200))).toEqual({ pointsPer30Days: expect.closeTo(15, 9), stable: false, direction: "rising" });
    // 0.1/day → 3 per 30 days: under 5, stable
    expect(trendPer30Days(seriesOf((d) => 0.1 * d, 200)).stable).toBe(true);
  });

  it("only looks at the last 90 days", () => {
    // flat until day 109, then −0.3/day on days 110..199 (the last 90) → −9 per 30 days
    const t = trendPer30Days(seriesOf((d) => (d < 110 ? 0 : -0.3 * (d - 110)), 200));
    expect(t.pointsPer30Days).toBeCloseTo(-9, 9);
    expect(t.direction).toBe("falling");
  });
});

describe("isUnusualChange", () => {
  // Square wave: +1 on days with d mod 60 < 30, else −1, so every earlier 30-day change is ±2.
  // n = 180: earlier changes are days 30..149, 60 of +2 and 60 of −2 → mean 0, σ = 2, threshold 4.
  // The current change is I(179) − I(149) = X − 1.
  const wave = (d: number) => (d % 60 < 30 ? 1 : -1);
  const withLast = (x: number, n = 180) => seriesOf((d) => (d === n - 1 ? x : wave(d)), n);

  it("flags a change above 2σ, either sign", () => {
    expect(changeStats(withLast(6))).toEqual({ change: 5, sigma: 2, samples: 120, unusual: true });
    expect(isUnusualChange(withLast(-4))).toBe(true); // change −5
  });

  it("does not flag a change within 2σ", () => {
    expect(isUnusualChange(withLast(4))).toBe(false); // change 3 < 4
    expect(isUnusualChange(withLast(5))).toBe(false); // change 4 is not larger than 4
  });

  it("needs enough history, and a change of at least 1 point over a flat history", () => {
    expect(isUnusualChange(withLast(100, 100))).toBe(false); // 40 samples < 90
    expect(isUnusualChange(seriesOf((d) => (d === 199 ? 0.5 : 0), 200))).toBe(false); // σ = 0, change 0.5
    expect(isUnusualChange(seriesOf((d) => (d === 199 ? 1.5 : 0), 200))).toBe(true);
  });
});

describe("topDrivers", () => {
  // today = 90; contributions s·2^(−(90 − t)/45):
  // a 8@0 → 2 · b −6@30 → −2.38110 · c 4@60 → 2.51984 · d 2@90 → 2 · e −1@90 → −1 · f 1@80 → 0.85724
  // P = 3.99598; g (after today) and h (archived) do not count.
  const events = [ev("a", 0, 8), ev("b", 30, -6), ev("c", 60, 4), ev("d", 90, 2), ev("e", 90, -1), ev("f", 80, 1), ev("g", 91, 50), ev("h", 85, 9, true)];
  // In force today: sev −30, air −5, and "starts" (+10, from today); "ends" stops on day 90 itself.
  const conditions = [cond("old", -10, 0, 50), cond("sev", -30, 10), cond("air", -5, 20), cond("ends", -7, 10, 90), cond("starts", 10, 90)];
  const r = topDrivers({ events, conditions, today: 90 });

  it("sums the pulse and the ledger in force today", () => {
    expect(r.pulse).toBeCloseTo(3.99598, 5);
    expect(r.ledger).toBe(-25); // −30 − 5 + 10
    expect(r.conditionsInForce.map((c) => c.id)).toEqual(["sev", "starts", "air"]);
  });

  it("orders the three largest each way, ties to the more recent event", () => {
    expect(r.positive.map((d) => d.id)).toEqual(["c", "d", "a"]);
    expect(r.negative.map((d) => d.id)).toEqual(["b", "e"]);
  });

  it("gives contributions and shares of |P|", () => {
    expect(first(r.positive).contribution).toBeCloseTo(2.51984, 5);
    expect(first(r.positive).share).toBeCloseTo(0.63059, 5); // 2.51984 / 3.99598
    expect(first(r.negative).contribution).toBeCloseTo(-2.3811, 4);
    expect(first(r.negative).share).toBeCloseTo(-0.59587, 5);
  });
});

describe("changeBreakdown", () => {
  // today 90, window 30 → start 60.
  // new events: 5@80 → 5·2^(−10/45) = 4.28622
  // older: 10@0 → P(60) = 10·2^(−60/45) = 3.96850; decay = 3.96850·(2^(−30/45) − 1) = −1.46850
  // conditions, weighing k = 0.5 a point: −5 from day 70 began (−2.5); −10 on days 0..74 ended (+5);
  // +10 throughout unchanged. Total Δ(k·B+P) = 4.28622 − 1.46850 − 2.5 + 5 = 5.31772
  const events = [ev("old", 0, 10), ev("new", 80, 5), ev("future", 95, -8)];
  const conditions = [cond("air", -5, 70), cond("amb", -10, 0, 75), cond("decl", 10, 0)];
  const b = changeBreakdown({ events, conditions, today: 90 });

  it("splits the change in k·B+P space", () => {
    expect(b.fromDay).toBe(60);
    expect(b.raw.newEvents).toBeCloseTo(4.28622, 5);
    expect(b.raw.olderDecay).toBeCloseTo(-1.4685, 4);
    expect(b.raw.conditionsBegan).toBe(-2.5);
    expect(b.raw.conditionsEnded).toBe(5);
    expect(b.raw.total).toBeCloseTo(5.31772, 5);
  });

  it("adds up exactly to the series' change, in both spaces", () => {
    const s = computeSeries({ events, conditions, fromDay: 60, toDay: 90 });
    const x = (p: SeriesPoint) => weightedLedger(p.ledger) + p.pulse;
    const r = b.raw;
    expect(r.newEvents + r.olderDecay + r.conditionsBegan + r.conditionsEnded).toBeCloseTo(x(at(s, 90)) - x(at(s, 60)), 10);
    // I(60) = 100·tanh((0.5·0 + 3.96850)/15) = 25.856; I(90) = 100·tanh((0.5·5 + 6.78622)/15) = 55.049; ΔI = 29.193
    const i = b.index;
    expect(i.total).toBeCloseTo(29.193, 3);
    expect(i.total).toBeCloseTo(at(s, 90).index - at(s, 60).index, 10);
    expect(i.newEvents + i.olderDecay + i.conditionsBegan + i.conditionsEnded).toBeCloseTo(i.total, 10);
    // each part × ΔI/Δx = 29.193 / 5.31772 = 5.48968
    expect(i.conditionsEnded).toBeCloseTo(27.448, 2);
  });
});

describe("changeBreakdown at the window's edges", () => {
  it("treats day today − 30 as before the window", () => {
    // today 90, start 60. Event 3@60 is older: decay = 3·(2^(−30/45) − 1) = 3·(0.629961 − 1) = −1.110118.
    // At k = 0.5 a point: ends on 90 → ended (+5); starts on 60 → in force at both ends (0); starts on 90 →
    // began (−2.5); ends on 60 → in force at neither (0). Total = −1.110118 + 5 − 2.5 = 1.389882.
    const events = [ev("edge", 60, 3)];
    const conditions = [cond("endsToday", -10, 0, 90), cond("atStart", -5, 60), cond("startsToday", -5, 90), cond("endsAtStart", -10, 0, 60)];
    const b = changeBreakdown({ events, conditions, today: 90 });
    expect(b.raw).toEqual({
      newEvents: 0,
      olderDecay: expect.closeTo(-1.110118, 6),
      conditionsBegan: -2.5,
      conditionsEnded: 5,
      total: expect.closeTo(1.389882, 6),
    });
    const s = computeSeries({ events, conditions, fromDay: 60, toDay: 90 });
    expect(b.index.total).toBeCloseTo(at(s, 90).index - at(s, 60).index, 10);
  });
});

describe("summarize", () => {
  it("a dyad with nothing is 0, mixed, with no last event", () => {
    expect(summarize({ events: [], conditions: [], today: 20000 })).toEqual({
      methodVersion: "2.0.0",
      value: 0,
      band: "mixed",
      ledger: 0,
      pulse: 0,
      change30: 0,
      change90: 0,
      trend: { pointsPer30Days: 0, stable: true, direction: "stable" },
      unusualChange: false,
      lastEventDay: null,
    });
  });

  it("one event of s = 8, 45 days on", () => {
    const r = summarize({ events: [ev("a", 0, 8), ev("z", 40, 99, true)], conditions: [], today: 45 });
    expect(r.pulse).toBeCloseTo(4, 12);
    expect(r.value).toBeCloseTo(26.052, 3);
    expect(r.band).toBe("cordial");
    // I(15) = 100·tanh(8·2^(−1/3)/15) = 100·tanh(0.42331) = 39.971 → change30 = 26.052 − 39.971
    expect(r.change30).toBeCloseTo(-13.919, 3);
    expect(r.change90).toBeCloseTo(26.052, 3); // I(−45) = 0, before the event
    expect(r.lastEventDay).toBe(0);
  });

  it("DZA–MAR-like ledger: −30 −5 −5 = −40 → 100·tanh(0.5·−40/15) = −87.006, crisis", () => {
    const conditions = [cond("sev", -30, 0), cond("air", -5, 29), cond("gas", -5, 68)];
    const r = summarize({ sums: new Map(), conditions, today: 1000 });
    expect(r.ledger).toBe(-40);
    expect(r.value).toBeCloseTo(-87.006, 3);
    expect(r.band).toBe("crisis");
    expect(r.change30).toBe(0);
    expect(r.trend.stable).toBe(true);
    expect(r.unusualChange).toBe(false);
    expect(METHOD.version).toBe(r.methodVersion);
  });
});

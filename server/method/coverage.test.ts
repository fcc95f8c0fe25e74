import { describe, expect, it } from "vitest";
import { COVERAGE_WINDOW_DAYS, coverageOf, coverageSentence, coverageWindowStart } from "./coverage";

const today = 20_000;

describe("coverage", () => {
  it("splits today's weight between conditions (k·B, as they weigh inside tanh) and events by magnitude", () => {
    // |0.5·−30| = 15 against |10|
    const c = coverageOf({ today, ledger: -30, pulse: 10, lastEventDay: today - 5, eventsInWindow: 3 });
    expect(c.conditionsShare).toBeCloseTo(0.6);
    expect(c.eventsShare).toBeCloseTo(0.4);
    expect(c).toMatchObject({ windowDays: 90, eventsInWindow: 3, daysSinceLastEvent: 5, stale: false });
  });

  it("is stale only after more than the window without an event", () => {
    const on = (lastEventDay: number | null) => coverageOf({ today, ledger: -10, pulse: 0, lastEventDay, eventsInWindow: 0 }).stale;
    expect(on(today - COVERAGE_WINDOW_DAYS)).toBe(false);
    expect(on(today - COVERAGE_WINDOW_DAYS - 1)).toBe(true);
    expect(on(null)).toBe(true);
    // The window counts the boundary day, so "no event in it" and "stale" agree.
    expect(coverageWindowStart(today)).toBe(today - COVERAGE_WINDOW_DAYS);
  });

  it("has no shares when nothing weighs", () => {
    const c = coverageOf({ today, ledger: 0, pulse: 0, lastEventDay: null, eventsInWindow: 0 });
    expect(c).toMatchObject({ conditionsShare: null, eventsShare: null, daysSinceLastEvent: null });
    expect(coverageSentence(c)).toBe("0 events in the last 90 days · no event recorded · nothing weighs on today's value");
  });

  it("says the numbers in words, never rounding a faded pulse to nothing", () => {
    const faded = coverageOf({ today, ledger: -40, pulse: 0.045, lastEventDay: today - 285, eventsInWindow: 0 });
    expect(coverageSentence(faded)).toBe(
      "0 events in the last 90 days · 285 days since the last event · today's value is over 99 % standing conditions, under 1 % events",
    );
    const one = coverageOf({ today, ledger: 10, pulse: 10, lastEventDay: today - 1, eventsInWindow: 1 });
    // |0.5·10| = 5 against |10|
    expect(coverageSentence(one)).toBe("1 event in the last 90 days · 1 day since the last event · today's value is 33 % standing conditions, 67 % events");
  });
});

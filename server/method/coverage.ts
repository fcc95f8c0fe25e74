// How much a dyad's value today rests on recent events, and how much on standing conditions
// alone. With a 45-day half-life an event keeps a quarter of its weight after 90 days, so a value
// with no event in that window is, in effect, its conditions: the screen says so in words.
// Pure, from what the summary already holds plus one count of the rollup's daily events.
import { weightedLedger } from "./index-math";
import { METHOD, type Method } from "./params";

/** The window counted on screen: an event older than this has lost over three quarters of its weight (h = 45). */
export const COVERAGE_WINDOW_DAYS = 90;

export const STALE_NOTE = "No recent events — value is the standing conditions only";

export interface Coverage {
  windowDays: number;
  /** Events placed on days today − windowDays … today. */
  eventsInWindow: number;
  /** null when the dyad has no event up to today. */
  daysSinceLastEvent: number | null;
  /**
   * Shares of |k·B| + |P| (the magnitudes inside I = 100·tanh((k·B+P)/c)) carried by standing
   * conditions and by events; magnitudes, so that opposite signs do not give shares over 1.
   * Both null when nothing weighs today.
   */
  conditionsShare: number | null;
  eventsShare: number | null;
  /** No event for over windowDays: the value is the standing conditions only. */
  stale: boolean;
}

/** The first day of the window whose events are counted for `today`. */
export const coverageWindowStart = (today: number, windowDays = COVERAGE_WINDOW_DAYS) => today - windowDays;

export function coverageOf(input: {
  today: number;
  ledger: number;
  pulse: number;
  lastEventDay: number | null;
  eventsInWindow: number;
  windowDays?: number;
  method?: Method;
}): Coverage {
  const { today, pulse, lastEventDay, eventsInWindow, windowDays = COVERAGE_WINDOW_DAYS, method = METHOD } = input;
  const daysSinceLastEvent = lastEventDay === null ? null : Math.max(0, today - lastEventDay);
  const conditions = Math.abs(weightedLedger(input.ledger, method));
  const weight = conditions + Math.abs(pulse);
  return {
    windowDays,
    eventsInWindow,
    daysSinceLastEvent,
    conditionsShare: weight === 0 ? null : conditions / weight,
    eventsShare: weight === 0 ? null : Math.abs(pulse) / weight,
    stale: daysSinceLastEvent === null || daysSinceLastEvent > windowDays,
  };
}

/** The coverage in one sentence with its numbers, for cards, pages and screen readers alike. */
export function coverageSentence(c: Coverage): string {
  const events = `${c.eventsInWindow} ${c.eventsInWindow === 1 ? "event" : "events"} in the last ${c.windowDays} days`;
  const since =
    c.daysSinceLastEvent === null
      ? "no event recorded"
      : `${c.daysSinceLastEvent} ${c.daysSinceLastEvent === 1 ? "day" : "days"} since the last event`;
  const shares =
    c.conditionsShare === null || c.eventsShare === null
      ? "nothing weighs on today's value"
      : `today's value is ${percent(c.conditionsShare)} standing conditions, ${percent(c.eventsShare)} events`;
  return `${events} · ${since} · ${shares}`;
}

/** Whole percent, but never a rounded 0 % or 100 % for a share that is not exactly that. */
function percent(share: number): string {
  const rounded = Math.round(share * 100);
  if (share > 0 && rounded === 0) return "under 1 %";
  if (share < 1 && rounded === 100) return "over 99 %";
  return `${rounded} %`;
}

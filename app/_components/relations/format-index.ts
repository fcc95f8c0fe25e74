// How index numbers read on screen: one decimal, a sign in text (not only in colour), in the
// reader's number format when a formatter is given (1,5 in French); the words around them come
// from the `relations` messages, passed in by server and client components alike.
import type { Formatters } from "@/server/i18n/format";
import { PARAM_RANGES, type MethodRanges } from "@/server/method/params";
import type { Coverage } from "@/server/method/coverage";

type NumberFormat = Pick<Formatters, "number">;
type Say<K extends string> = (key: K, values?: Record<string, string | number>) => string;

const tenth = (value: number) => {
  const rounded = Math.round(value * 10) / 10;
  // Never "-0.0".
  return rounded === 0 ? 0 : rounded;
};

export function formatIndex(value: number, format?: NumberFormat): string {
  const rounded = tenth(value);
  return format ? format.number(rounded, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : rounded.toFixed(1);
}

/** A plausible range in words, low first: "plausible −55.0 to −30.0". */
export function formatPlausible(say: Say<"plausible.range">, format: NumberFormat, range: { low: number; high: number }): string {
  return say("plausible.range", { low: formatIndex(range.low, format), high: formatIndex(range.high, format) });
}

export function formatChange(say: Say<"change.up" | "change.down" | "change.none">, format: NumberFormat, change: number): { text: string; direction: "up" | "down" | "flat" } {
  const rounded = tenth(change);
  if (rounded === 0) return { text: say("change.none"), direction: "flat" };
  const points = formatIndex(Math.abs(rounded), format);
  return rounded > 0 ? { text: say("change.up", { points }), direction: "up" } : { text: say("change.down", { points }), direction: "down" };
}

/** What a plausible range means, with the ranges in force (cards, dyad page, chart). */
export function plausibleMeaning(say: Say<"plausible.meaningSame" | "plausible.meaningEach">, ranges: MethodRanges = PARAM_RANGES): string {
  const percent = (x: number) => Math.round(x * 100);
  const { min, max } = ranges.halfLifeDays;
  const same = ranges.levelWeights === ranges.verificationWeights && ranges.levelWeights === ranges.conditionPoints;
  return same
    ? say("plausible.meaningSame", { min, max, percent: percent(ranges.levelWeights) })
    : say("plausible.meaningEach", { min, max, level: percent(ranges.levelWeights), verification: percent(ranges.verificationWeights), points: percent(ranges.conditionPoints) });
}

type CoverageKey = "coverage.events" | "coverage.since" | "coverage.noEvent" | "coverage.shares" | "coverage.nothing" | "coverage.percent" | "coverage.underOne" | "coverage.overAlmostAll";

/** The coverage in one sentence with its numbers, for cards, pages and screen readers alike. */
export function coverageSentence(say: Say<CoverageKey>, c: Coverage): string {
  // Whole percent, but never a rounded 0 % or 100 % for a share that is not exactly that.
  const percent = (share: number) => {
    const rounded = Math.round(share * 100);
    if (share > 0 && rounded === 0) return say("coverage.underOne");
    if (share < 1 && rounded === 100) return say("coverage.overAlmostAll");
    return say("coverage.percent", { value: rounded });
  };
  const events = say("coverage.events", { count: c.eventsInWindow, days: c.windowDays });
  const since = c.daysSinceLastEvent === null ? say("coverage.noEvent") : say("coverage.since", { count: c.daysSinceLastEvent });
  const shares =
    c.conditionsShare === null || c.eventsShare === null
      ? say("coverage.nothing")
      : say("coverage.shares", { conditions: percent(c.conditionsShare), events: percent(c.eventsShare) });
  return `${events} · ${since} · ${shares}`;
}

export const BAND_CLASS: Record<string, string> = {
  crisis: "band-crisis",
  tense: "band-tense",
  mixed: "band-mixed",
  cordial: "band-cordial",
  strong_partnership: "band-strong",
};

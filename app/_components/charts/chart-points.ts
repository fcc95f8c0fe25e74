// What the index chart draws of a series, as it draws it: the day, the value and its plausible
// range, each to a tenth. Pure, so a page hands the chart only that, and packed: three years of
// daily points as objects, {"day":"2023-12-01","index":-98.1,"low":-99.9,"high":-75.5}, were 68 KB
// of the dyad page's payload, and as columns of numbers they are about a third of it.
import { fromDay, toDay } from "@/server/method/day";

export interface ChartPoint {
  day: string;
  index: number;
  low?: number;
  high?: number;
}

/** A series' points as columns: each day as its distance from the one before (the first from day 0), the values to a tenth. */
export interface PackedPoints {
  gaps: number[];
  index: number[];
  /** The plausible range, on every point or none (another method version's line has none). */
  low?: number[];
  high?: number[];
}

/** The chart's precision: a tenth of an index point. */
export const tenth = (x: number) => Math.round(x * 10) / 10;

export function packPoints(points: readonly { day: string; index: number; low?: number; high?: number }[]): PackedPoints {
  const days = points.map((p) => toDay(p.day));
  const gaps = days.map((day, i) => day - (days[i - 1] ?? 0));
  const index = points.map((p) => tenth(p.index));
  const ranged = points.length > 0 && points.every((p) => p.low !== undefined && p.high !== undefined);
  return ranged ? { gaps, index, low: points.map((p) => tenth(p.low ?? p.index)), high: points.map((p) => tenth(p.high ?? p.index)) } : { gaps, index };
}

export function unpackPoints(packed: PackedPoints): ChartPoint[] {
  let day = 0;
  return packed.gaps.map((gap, i) => {
    day += gap;
    const index = packed.index[i] ?? 0;
    const low = packed.low?.[i];
    const high = packed.high?.[i];
    return low === undefined || high === undefined ? { day: fromDay(day), index } : { day: fromDay(day), index, low, high };
  });
}

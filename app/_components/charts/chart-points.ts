// What the index chart draws of a series, as it draws it: the day, the value and its plausible
// range, each to a tenth. Pure, so a page hands the chart only that: a dyad page's three years of
// daily points, with the pulse and the ledger and every digit, were 159 KB of its payload.
export interface ChartPoint {
  day: string;
  index: number;
  low?: number;
  high?: number;
}

/** The chart's precision: a tenth of an index point. */
export const tenth = (x: number) => Math.round(x * 10) / 10;

export function chartPoints(points: readonly { day: string; index: number; low?: number; high?: number }[]): ChartPoint[] {
  return points.map(({ day, index, low, high }) => (low === undefined || high === undefined ? { day, index: tenth(index) } : { day, index: tenth(index), low: tenth(low), high: tenth(high) }));
}

// The published index method written out directly, from raw events and every day of the
// series: the reference the production rollup (server/method/rollup-math.ts) is checked
// against in tests, and the baseline the relations benchmark measures it against.
import {
  bandOf,
  decay,
  indexValue,
  judgeChange,
  ledgerSteps,
  trendOf,
  type ChangeStats,
  type DyadSummary,
  type IndexCondition,
  type IndexEvent,
  type SeriesPoint,
  type Trend,
} from "../../server/method/index-math";
import { METHOD, type Method } from "../../server/method/params";

/** Either raw events or the per-day rollup the database keeps (day → S(t)). */
export type PulseSource = { sums: ReadonlyMap<number, number> } | { events: readonly IndexEvent[] };

/** S(t) per day: what the database rollup stores per dyad per day. Archived events are ignored. */
export function dailySums(events: readonly IndexEvent[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const e of events) {
    if (e.archived) continue;
    sums.set(e.day, (sums.get(e.day) ?? 0) + e.score);
  }
  return sums;
}

function sumsOf(source: PulseSource): ReadonlyMap<number, number> {
  return "sums" in source ? source.sums : dailySums(source.events);
}

/**
 * I(t) for every day fromDay..toDay inclusive. O(days + event days + conditions).
 * P(t) = P(t−1)·2^(−1/h) + S(t), from 0 before the first event day: event days before fromDay
 * are folded in by jumping from one event day to the next. Between event days P is computed
 * as P(anchor)·2^(−Δ/h), which equals the recurrence but does not accumulate rounding.
 */
export function computeSeries(
  input: PulseSource & {
    conditions: readonly IndexCondition[];
    fromDay: number;
    toDay: number;
    method?: Method;
  },
): SeriesPoint[] {
  const { conditions, fromDay, toDay, method = METHOD } = input;
  if (toDay < fromDay) return [];
  const sums = sumsOf(input);

  let anchorDay: number | null = null;
  let anchorPulse = 0;
  const earlier = [...sums.keys()].filter((d) => d < fromDay).sort((a, b) => a - b);
  for (const d of earlier) {
    const carried = anchorDay === null ? 0 : anchorPulse * decay(d - anchorDay, method);
    anchorPulse = carried + (sums.get(d) ?? 0);
    anchorDay = d;
  }

  const length = toDay - fromDay + 1;
  const steps = ledgerSteps(conditions, fromDay, toDay);

  const series: SeriesPoint[] = new Array<SeriesPoint>(length);
  let ledger = 0;
  for (let i = 0; i < length; i++) {
    const day = fromDay + i;
    ledger += steps[i] ?? 0;
    let pulse = anchorDay === null ? 0 : anchorPulse * decay(day - anchorDay, method);
    const s = sums.get(day);
    if (s !== undefined) {
      pulse += s;
      anchorDay = day;
      anchorPulse = pulse;
    }
    series[i] = { day, pulse, ledger, index: indexValue(ledger, pulse, method) };
  }
  return series;
}

/** I(last) − I(last − days); null when the series does not reach back that far. */
export function changeOver(series: readonly SeriesPoint[], days: number): number | null {
  const last = series[series.length - 1];
  const then = series[series.length - 1 - days];
  // Series from computeSeries are contiguous; guard against a caller's gapped series.
  if (days < 0 || !last || !then || then.day !== last.day - days) return null;
  return last.index - then.index;
}

/** Least-squares slope of I over the last `window` days of the series, × trend.perDays. */
export function trendPer30Days(
  series: readonly SeriesPoint[],
  window: number = METHOD.trend.windowDays,
  method: Method = METHOD,
): Trend {
  const pts = series.slice(Math.max(0, series.length - window));
  let slope = 0;
  if (pts.length >= 2) {
    const meanX = pts.reduce((a, p) => a + p.day, 0) / pts.length;
    const meanY = pts.reduce((a, p) => a + p.index, 0) / pts.length;
    let sxy = 0;
    let sxx = 0;
    for (const p of pts) {
      sxy += (p.day - meanX) * (p.index - meanY);
      sxx += (p.day - meanX) ** 2;
    }
    slope = sxy / sxx;
  }
  return trendOf(slope, method);
}

/**
 * Current change I(T) − I(T−w) against the changes I(t) − I(t−w) of every earlier day t ≤ T − w
 * (w = unusualChange.windowDays) whose both ends lie within the dyad's data (t − w ≥
 * `dataStartDay`, default the series' first day): days before any data are neutral padding and
 * would only dilute σ. Null when the series is shorter than w + 1 days.
 */
export function changeStats(
  series: readonly SeriesPoint[],
  method: Method = METHOD,
  dataStartDay: number = series[0]?.day ?? 0,
): ChangeStats | null {
  const w = method.unusualChange.windowDays;
  const index = series.map((p) => p.index);
  const changeAt = (k: number) => (index[k] ?? 0) - (index[k - w] ?? 0);
  const n = index.length;
  if (n <= w) return null;
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  for (let k = w; k <= n - 1 - w; k++) {
    if ((series[k - w]?.day ?? -Infinity) < dataStartDay) continue;
    const x = changeAt(k);
    count++;
    sum += x;
    sumSq += x * x;
  }
  return judgeChange({ change: changeAt(n - 1), count, sum, sumSq }, method);
}

export function isUnusualChange(series: readonly SeriesPoint[], method: Method = METHOD): boolean {
  return changeStats(series, method)?.unusual ?? false;
}

/**
 * The headline numbers for one dyad on `today`. Before its first data (event or condition) a
 * dyad's index is neutral, 0: the series starts 90 days before that, so changes and the trend
 * window are defined from day one, while σ only counts changes within the data.
 */
export function summarize(
  input: PulseSource & { conditions: readonly IndexCondition[]; today: number; method?: Method },
): DyadSummary {
  const { conditions, today, method = METHOD } = input;
  const sums = sumsOf(input);
  const { dataStartDay, lastEventDay } = dataExtent({ sums, conditions, today });
  const padding = Math.max(method.changeWindowsDays.long, method.changeWindowsDays.short, method.trend.windowDays);
  const fromDay = Math.min(dataStartDay ?? today, today) - padding;

  const series = computeSeries({ sums, conditions, fromDay, toDay: today, method });
  // fromDay ≤ today, so the series has at least one point.
  const now = series[series.length - 1] ?? { day: today, pulse: 0, ledger: 0, index: 0 };
  const { short, long } = method.changeWindowsDays;
  return {
    methodVersion: method.version,
    value: now.index,
    band: bandOf(now.index, method),
    ledger: now.ledger,
    pulse: now.pulse,
    change30: changeOver(series, short) ?? 0,
    change90: changeOver(series, long) ?? 0,
    trend: trendPer30Days(series, method.trend.windowDays, method),
    unusualChange: changeStats(series, method, dataStartDay ?? today)?.unusual ?? false,
    lastEventDay,
  };
}

/** First day with data (an event day or a condition start) and the last event day, up to today. */
export function dataExtent(input: {
  sums: ReadonlyMap<number, number>;
  conditions: readonly IndexCondition[];
  today: number;
}): { dataStartDay: number | null; lastEventDay: number | null } {
  let dataStartDay: number | null = null;
  let lastEventDay: number | null = null;
  for (const d of input.sums.keys()) {
    if (d > input.today) continue;
    dataStartDay = dataStartDay === null ? d : Math.min(dataStartDay, d);
    lastEventDay = lastEventDay === null ? d : Math.max(lastEventDay, d);
  }
  for (const c of input.conditions) {
    if (c.archived || c.startDay > input.today) continue;
    dataStartDay = dataStartDay === null ? c.startDay : Math.min(dataStartDay, c.startDay);
  }
  return { dataStartDay, lastEventDay };
}

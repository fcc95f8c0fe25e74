// The relations index (methodology §3–4): pulse P from decaying event scores, ledger B from
// standing conditions, headline I = 100·tanh((B+P)/c). Pure: "today" is always a parameter.
import { METHOD, type Band, type ConditionKind, type Method } from "./params";

export interface IndexEvent {
  id: string;
  /** Placement day (see day.ts placementDay). */
  day: number;
  /** s = G × L × V */
  score: number;
  archived?: boolean;
}

/**
 * A standing condition is in force on days startDay ≤ t < endDay: it ends ON endDay, i.e.
 * endDay is the first day it no longer holds (a visa regime lifted on 18 Dec weighs until
 * 17 Dec). endDay null = still in force. endDay ≤ startDay means it never weighs.
 */
export interface IndexCondition {
  id: string;
  kind: ConditionKind;
  points: number;
  startDay: number;
  endDay: number | null;
  archived?: boolean;
}

/** Either raw events or the per-day rollup the database keeps (day → S(t)). */
export type PulseSource = { sums: ReadonlyMap<number, number> } | { events: readonly IndexEvent[] };

export interface SeriesPoint {
  day: number;
  pulse: number;
  ledger: number;
  index: number;
}

const decay = (days: number, method: Method) => Math.pow(2, -days / method.halfLifeDays);

export function indexValue(ledger: number, pulse: number, method: Method = METHOD): number {
  return 100 * Math.tanh((ledger + pulse) / method.c);
}

export function isInForce(condition: IndexCondition, day: number): boolean {
  return (
    !condition.archived &&
    condition.startDay <= day &&
    (condition.endDay === null || day < condition.endDay)
  );
}

export function ledgerOn(conditions: readonly IndexCondition[], day: number): number {
  let sum = 0;
  for (const c of conditions) if (isInForce(c, day)) sum += c.points;
  return sum;
}

/**
 * The ledger as a difference array over fromDay..toDay: +points on the first day a condition
 * is in force within the range, −points on the day it ends. A running sum gives B(t).
 */
export function ledgerSteps(conditions: readonly IndexCondition[], fromDay: number, toDay: number): Float64Array {
  const steps = new Float64Array(Math.max(0, toDay - fromDay + 2));
  for (const c of conditions) {
    if (c.archived) continue;
    const start = Math.max(c.startDay, fromDay);
    const end = Math.min(c.endDay ?? toDay + 1, toDay + 1);
    if (start >= end) continue;
    steps[start - fromDay] = (steps[start - fromDay] ?? 0) + c.points;
    steps[end - fromDay] = (steps[end - fromDay] ?? 0) - c.points;
  }
  return steps;
}

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

/** Boundaries belong to the band farther from zero (see params `bands`). */
export function bandOf(index: number, method: Method = METHOD): Band {
  const b = method.bands;
  if (index <= b.crisisAtOrBelow) return "crisis";
  if (index <= b.tenseAtOrBelow) return "tense";
  if (index >= b.strongAtOrAbove) return "strong_partnership";
  if (index >= b.cordialAtOrAbove) return "cordial";
  return "mixed";
}

/** I(last) − I(last − days); null when the series does not reach back that far. */
export function changeOver(series: readonly SeriesPoint[], days: number): number | null {
  const last = series[series.length - 1];
  const then = series[series.length - 1 - days];
  // Series from computeSeries are contiguous; guard against a caller's gapped series.
  if (days < 0 || !last || !then || then.day !== last.day - days) return null;
  return last.index - then.index;
}

export interface Trend {
  pointsPer30Days: number;
  stable: boolean;
  direction: "rising" | "falling" | "stable";
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

/** A slope in points per day, as the screen states it: per 30 days, "stable" when small. */
export function trendOf(slopePerDay: number, method: Method = METHOD): Trend {
  const pointsPer30Days = slopePerDay * method.trend.perDays;
  const stable = Math.abs(pointsPer30Days) < method.trend.stableBelow;
  return { pointsPer30Days, stable, direction: stable ? "stable" : pointsPer30Days > 0 ? "rising" : "falling" };
}

export interface ChangeStats {
  change: number;
  /** Population σ of the earlier changes. */
  sigma: number;
  samples: number;
  unusual: boolean;
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

/**
 * The unusual-change verdict from running sums of the earlier changes (count, Σx, Σx²), the
 * form the database rollup keeps so that reading it needs no history scan.
 */
export function judgeChange(
  input: { change: number; count: number; sum: number; sumSq: number },
  method: Method = METHOD,
): ChangeStats {
  const { sigmas, minSamples, minPoints } = method.unusualChange;
  const { change, count, sum, sumSq } = input;
  const mean = count > 0 ? sum / count : 0;
  const sigma = count > 0 ? Math.sqrt(Math.max(0, sumSq / count - mean * mean)) : 0;
  const unusual = count >= minSamples && Math.abs(change) >= minPoints && Math.abs(change) > sigmas * sigma;
  return { change, sigma, samples: count, unusual };
}

export function isUnusualChange(series: readonly SeriesPoint[], method: Method = METHOD): boolean {
  return changeStats(series, method)?.unusual ?? false;
}

export interface Driver {
  id: string;
  day: number;
  score: number;
  /** s · 2^(−(today − day)/h), in pulse units. */
  contribution: number;
  /** contribution / |P|, signed; can exceed 1 when drivers offset. Null when P = 0. */
  share: number | null;
}

export interface TopDrivers {
  pulse: number;
  ledger: number;
  /** Largest first. */
  positive: Driver[];
  /** Most negative first. */
  negative: Driver[];
  conditionsInForce: IndexCondition[];
}

/** What drives P and B today. Events after today are not yet part of the index. */
export function topDrivers(input: {
  events: readonly IndexEvent[];
  conditions: readonly IndexCondition[];
  today: number;
  method?: Method;
  n?: number;
}): TopDrivers {
  const { events, conditions, today, method = METHOD, n = 3 } = input;
  const live = events.filter((e) => !e.archived && e.day <= today);
  const contributions = live.map((e) => ({ e, contribution: e.score * decay(today - e.day, method) }));
  const pulse = contributions.reduce((a, x) => a + x.contribution, 0);
  const drivers: Driver[] = contributions.map(({ e, contribution }) => ({
    id: e.id,
    day: e.day,
    score: e.score,
    contribution,
    share: pulse === 0 ? null : contribution / Math.abs(pulse),
  }));
  // Ties: the more recent event first, then by id, so the list is stable between requests.
  const bySize = (a: Driver, b: Driver) =>
    Math.abs(b.contribution) - Math.abs(a.contribution) || b.day - a.day || a.id.localeCompare(b.id);
  const conditionsInForce = conditions
    .filter((c) => isInForce(c, today))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.startDay - b.startDay);
  return {
    pulse,
    ledger: ledgerOn(conditions, today),
    positive: drivers.filter((d) => d.contribution > 0).sort(bySize).slice(0, n),
    negative: drivers.filter((d) => d.contribution < 0).sort(bySize).slice(0, n),
    conditionsInForce,
  };
}

export interface ChangeParts {
  /** Today's weight of events placed in (today − days, today]. */
  newEvents: number;
  /** How much the pulse standing at today − days has faded since: P(today−days)·(2^(−days/h) − 1). */
  olderDecay: number;
  /** Points of conditions in force today but not at today − days. */
  conditionsBegan: number;
  /** Minus the points of conditions in force at today − days but not today. */
  conditionsEnded: number;
  total: number;
}

export interface ChangeBreakdown {
  fromDay: number;
  toDay: number;
  /** Split of Δ(B + P), pulse units, where contributions add: parts sum to total exactly. */
  raw: ChangeParts;
  /**
   * The same split in index points: each raw part × ΔI/Δ(B+P), the average slope of
   * 100·tanh(x/c) over the period (its derivative when Δ(B+P) = 0), so parts sum to ΔI.
   */
  index: ChangeParts;
}

/**
 * Splits the change since today − days. tanh is not additive, so the split is made in B+P
 * space and carried to index points proportionally. A condition that both began and ended
 * inside the window leaves B unchanged and appears in neither part.
 */
export function changeBreakdown(input: {
  events: readonly IndexEvent[];
  conditions: readonly IndexCondition[];
  today: number;
  days?: number;
  method?: Method;
}): ChangeBreakdown {
  const { events, conditions, today, days = METHOD.changeWindowsDays.short, method = METHOD } = input;
  const start = today - days;
  let newEvents = 0;
  let pulseAtStart = 0;
  for (const e of events) {
    if (e.archived || e.day > today) continue;
    if (e.day > start) newEvents += e.score * decay(today - e.day, method);
    else pulseAtStart += e.score * decay(start - e.day, method);
  }
  const olderDecay = pulseAtStart * (decay(days, method) - 1);
  let conditionsBegan = 0;
  let conditionsEnded = 0;
  for (const c of conditions) {
    const before = isInForce(c, start);
    const now = isInForce(c, today);
    if (now && !before) conditionsBegan += c.points;
    if (before && !now) conditionsEnded -= c.points;
  }
  const rawTotal = newEvents + olderDecay + conditionsBegan + conditionsEnded;
  const raw: ChangeParts = { newEvents, olderDecay, conditionsBegan, conditionsEnded, total: rawTotal };

  const x0 = ledgerOn(conditions, start) + pulseAtStart;
  const indexTotal = indexValue(0, x0 + rawTotal, method) - indexValue(0, x0, method);
  const rate =
    Math.abs(rawTotal) > 1e-9 ? indexTotal / rawTotal : (100 / method.c) / Math.cosh(x0 / method.c) ** 2;
  const index: ChangeParts = {
    newEvents: newEvents * rate,
    olderDecay: olderDecay * rate,
    conditionsBegan: conditionsBegan * rate,
    conditionsEnded: conditionsEnded * rate,
    total: indexTotal,
  };
  return { fromDay: start, toDay: today, raw, index };
}

export interface DyadSummary {
  methodVersion: string;
  value: number;
  band: Band;
  ledger: number;
  pulse: number;
  change30: number;
  change90: number;
  trend: Trend;
  unusualChange: boolean;
  lastEventDay: number | null;
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

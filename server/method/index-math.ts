// The relations index (methodology §3–4): pulse P from decaying event scores, ledger B from
// standing conditions, headline I = 100·tanh((k·B+P)/c). Pure: "today" is always a parameter.
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

export interface SeriesPoint {
  day: number;
  pulse: number;
  ledger: number;
  index: number;
}

export const decay = (days: number, method: Method) => Math.pow(2, -days / method.halfLifeDays);

/** k·B: the ledger in pulse units, as it weighs inside tanh. */
export const weightedLedger = (ledger: number, method: Method = METHOD) => ledger * method.conditionWeight;

export function indexValue(ledger: number, pulse: number, method: Method = METHOD): number {
  return 100 * Math.tanh((weightedLedger(ledger, method) + pulse) / method.c);
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

/** Boundaries belong to the band farther from zero (see params `bands`). */
export function bandOf(index: number, method: Method = METHOD): Band {
  const b = method.bands;
  if (index <= b.crisisAtOrBelow) return "crisis";
  if (index <= b.tenseAtOrBelow) return "tense";
  if (index >= b.strongAtOrAbove) return "strong_partnership";
  if (index >= b.cordialAtOrAbove) return "cordial";
  return "mixed";
}

export interface Trend {
  pointsPer30Days: number;
  stable: boolean;
  direction: "rising" | "falling" | "stable";
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
  /** Weighted points (k × points) of conditions in force today but not at today − days. */
  conditionsBegan: number;
  /** Minus the weighted points of conditions in force at today − days but not today. */
  conditionsEnded: number;
  total: number;
}

export interface ChangeBreakdown {
  fromDay: number;
  toDay: number;
  /** Split of Δ(k·B + P), pulse units, where contributions add: parts sum to total exactly. */
  raw: ChangeParts;
  /**
   * The same split in index points: each raw part × ΔI/Δ(k·B+P), the average slope of
   * 100·tanh(x/c) over the period (its derivative when Δ(B+P) = 0), so parts sum to ΔI.
   */
  index: ChangeParts;
}

/**
 * Splits the change since today − days. tanh is not additive, so the split is made in k·B+P
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
    if (now && !before) conditionsBegan += weightedLedger(c.points, method);
    if (before && !now) conditionsEnded -= weightedLedger(c.points, method);
  }
  const rawTotal = newEvents + olderDecay + conditionsBegan + conditionsEnded;
  const raw: ChangeParts = { newEvents, olderDecay, conditionsBegan, conditionsEnded, total: rawTotal };

  const x0 = weightedLedger(ledgerOn(conditions, start), method) + pulseAtStart;
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

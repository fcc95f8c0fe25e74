// The per-dyad, per-day rollup the database keeps (table DyadDay): the index series itself,
// with running sums that let a reader answer "today's value, its changes, trend and whether
// the change is unusual" from ~90 rows, never from raw events. Pure: the service reads the
// rows before a changed day, calls rollForward, and writes the rows it returns.
import {
  bandOf,
  indexValue,
  judgeChange,
  ledgerSteps,
  trendOf,
  type DyadSummary,
  type IndexCondition,
  type SeriesPoint,
  type Trend,
} from "./index-math";
import { METHOD, type Method } from "./params";

export interface DayTotals {
  /** S(t): the sum of the scores of the live events placed on the day. */
  sum: number;
  count: number;
}

export interface RollupRow extends SeriesPoint {
  eventSum: number;
  eventCount: number;
  /** I(t) − I(t − 30); null while t − 30 is before the dyad's first data. */
  change30: number | null;
  /** Running count, Σ and Σ² of the defined change30 over every day ≤ t. */
  c30Count: number;
  c30Sum: number;
  c30SumSq: number;
  /** Running Σ I(t) and Σ t·I(t) over every day ≤ t: a trend window's sums are differences. */
  iSum: number;
  tiSum: number;
}

/** What rolling forward from `fromDay` needs to know of the days before it. */
export interface RollupCarry {
  pulse: number;
  c30Count: number;
  c30Sum: number;
  c30SumSq: number;
  iSum: number;
  tiSum: number;
  /** I on a day before fromDay (0 before the dyad's data). */
  indexOn(day: number): number;
}

export const EMPTY_CARRY: RollupCarry = { pulse: 0, c30Count: 0, c30Sum: 0, c30SumSq: 0, iSum: 0, tiSum: 0, indexOn: () => 0 };

/** Carry from the stored rows just before fromDay (at least the last 30 days, sorted or not). */
export function carryFrom(rowsBefore: readonly RollupRow[], fromDay: number): RollupCarry {
  const previous = rowsBefore.find((r) => r.day === fromDay - 1);
  if (!previous) return EMPTY_CARRY;
  const indexByDay = new Map(rowsBefore.map((r) => [r.day, r.index]));
  return {
    pulse: previous.pulse,
    c30Count: previous.c30Count,
    c30Sum: previous.c30Sum,
    c30SumSq: previous.c30SumSq,
    iSum: previous.iSum,
    tiSum: previous.tiSum,
    indexOn: (day) => indexByDay.get(day) ?? 0,
  };
}

/**
 * Rows for fromDay..toDay. `totals` holds S(t) for days ≥ fromDay; `dataStartDay` is the dyad's
 * first event or condition day (the rollup starts there: before it the index is 0).
 */
export function rollForward(input: {
  carry: RollupCarry;
  totals: ReadonlyMap<number, DayTotals>;
  conditions: readonly IndexCondition[];
  dataStartDay: number;
  fromDay: number;
  toDay: number;
  method?: Method;
}): RollupRow[] {
  const { carry, totals, conditions, dataStartDay, fromDay, toDay, method = METHOD } = input;
  if (toDay < fromDay) return [];
  const length = toDay - fromDay + 1;
  const w = method.unusualChange.windowDays;
  const dailyDecay = Math.pow(2, -1 / method.halfLifeDays);

  const steps = ledgerSteps(conditions, fromDay, toDay);
  let ledger = 0;

  const rows: RollupRow[] = new Array<RollupRow>(length);
  let { pulse, c30Count, c30Sum, c30SumSq, iSum, tiSum } = carry;
  for (let i = 0; i < length; i++) {
    const day = fromDay + i;
    const today = totals.get(day);
    pulse = pulse * dailyDecay + (today?.sum ?? 0);
    ledger += steps[i] ?? 0;
    const index = indexValue(ledger, pulse, method);
    let change30: number | null = null;
    if (day - w >= dataStartDay) {
      change30 = index - (day - w >= fromDay ? (rows[i - w]?.index ?? 0) : carry.indexOn(day - w));
      c30Count++;
      c30Sum += change30;
      c30SumSq += change30 * change30;
    }
    iSum += index;
    tiSum += day * index;
    rows[i] = {
      day,
      eventSum: today?.sum ?? 0,
      eventCount: today?.count ?? 0,
      pulse,
      ledger,
      index,
      change30,
      c30Count,
      c30Sum,
      c30SumSq,
      iSum,
      tiSum,
    };
  }
  return rows;
}

/** The rollup days summaryFromRollup reads for `today`: itself, 30 and 90 days before. */
export function summaryDays(today: number, method: Method = METHOD): number[] {
  const { short, long } = method.changeWindowsDays;
  return [...new Set([today, today - short, today - long, today - method.unusualChange.windowDays, today - method.trend.windowDays])];
}

/**
 * The same headline numbers as index-math's summarize(), from the rollup rows of the days
 * summaryDays(today) names (a day before the dyad's data has no row: it counts as 0).
 */
export function summaryFromRollup(input: {
  rows: readonly RollupRow[];
  today: number;
  lastEventDay: number | null;
  method?: Method;
}): DyadSummary {
  const { rows, today, lastEventDay, method = METHOD } = input;
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const indexOn = (day: number) => byDay.get(day)?.index ?? 0;
  const now = byDay.get(today);
  const { short, long } = method.changeWindowsDays;
  const value = now?.index ?? 0;
  const earlier = byDay.get(today - method.unusualChange.windowDays);
  const verdict = judgeChange(
    {
      change: value - indexOn(today - method.unusualChange.windowDays),
      count: earlier?.c30Count ?? 0,
      sum: earlier?.c30Sum ?? 0,
      sumSq: earlier?.c30SumSq ?? 0,
    },
    method,
  );
  return {
    methodVersion: method.version,
    value,
    band: bandOf(value, method),
    ledger: now?.ledger ?? 0,
    pulse: now?.pulse ?? 0,
    change30: value - indexOn(today - short),
    change90: value - indexOn(today - long),
    trend: trendFromRunningSums(byDay, today, method),
    unusualChange: verdict.unusual,
    lastEventDay,
  };
}

/**
 * Least-squares slope of I over the n days today−n+1…today from running sums: with x = t − today,
 * Σy and Σt·y over the window are differences of two rows, and Σx, Σx² are closed forms.
 */
function trendFromRunningSums(byDay: ReadonlyMap<number, RollupRow>, today: number, method: Method): Trend {
  const n = method.trend.windowDays;
  const end = byDay.get(today);
  const before = byDay.get(today - n);
  const sumY = (end?.iSum ?? 0) - (before?.iSum ?? 0);
  const sumTY = (end?.tiSum ?? 0) - (before?.tiSum ?? 0);
  const sumXY = sumTY - today * sumY;
  const sumX = -((n - 1) * n) / 2;
  const sumXX = ((n - 1) * n * (2 * n - 1)) / 6;
  const slope = n >= 2 ? (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX) : 0;
  return trendOf(slope, method);
}

// The backtest's arithmetic: a dyad's direction over a calendar month (improved, deteriorated,
// unchanged), the naive baseline it is compared with, and how well two lists of directions
// agree (share agreeing and Cohen's kappa). Pure: the runner (scripts/backtest/) feeds it the
// seeded record's series and a reference list read by analysts.
import { fromDay, toDay } from "./day";
import { METHOD, type Method } from "./params";

export const DIRECTIONS = ["improved", "deteriorated", "unchanged"] as const;
export type Direction = (typeof DIRECTIONS)[number];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** "2025-04" → its first and last day. */
export function monthDays(month: string): { first: number; last: number } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`"${month}" is not a YYYY-MM month`);
  const [year, monthNumber] = [Number(m[1]), Number(m[2])];
  const first = toDay(`${month}-01`);
  const next = monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}-01`;
  return { first, last: toDay(next) - 1 };
}

export const monthOf = (day: number): string => fromDay(day).slice(0, 7);

/** The month's change: I on its last day minus I on the previous month's last day. */
export function monthlyChange(indexOn: (day: number) => number, month: string): number {
  const { first, last } = monthDays(month);
  return indexOn(last) - indexOn(first - 1);
}

/** A change in index points read as a direction; small moves are "unchanged" (method.direction). */
export function directionOf(change: number, method: Method = METHOD): Direction {
  if (Math.abs(change) < method.direction.unchangedBelow) return "unchanged";
  return change > 0 ? "improved" : "deteriorated";
}

/** The naive baseline: the sign of the month's summed Goldstein values (no events: unchanged). */
export function goldsteinDirection(sum: number): Direction {
  if (sum === 0) return "unchanged";
  return sum > 0 ? "improved" : "deteriorated";
}

export interface AgreementStats {
  /** Months compared. */
  n: number;
  agreed: number;
  /** agreed / n; null when n = 0. */
  agreement: number | null;
  /**
   * Cohen's kappa: (pₒ − pₑ) / (1 − pₑ), pₑ from each side's own category shares. Null when
   * undefined (no months, or both sides put every month in one and the same category).
   */
  kappa: number | null;
}

export function agreementOf(pairs: readonly { reference: Direction; computed: Direction }[]): AgreementStats {
  const n = pairs.length;
  const agreed = pairs.filter((p) => p.reference === p.computed).length;
  if (n === 0) return { n, agreed, agreement: null, kappa: null };
  const observed = agreed / n;
  const share = (side: "reference" | "computed", d: Direction) => pairs.filter((p) => p[side] === d).length / n;
  const expected = DIRECTIONS.reduce((sum, d) => sum + share("reference", d) * share("computed", d), 0);
  return { n, agreed, agreement: observed, kappa: expected === 1 ? null : (observed - expected) / (1 - expected) };
}

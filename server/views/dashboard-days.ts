// Which days the dashboard shows, from its state and today: the one place its ISO days become
// day numbers and back (the page and the procedures it calls speak ISO days).
import { fromDay, toDay } from "../method/day";
import type { ViewState } from "./state";

/** A sparkline spans two years, or from the chosen start (at most 20 years back). */
const SPARKLINE_DAYS = 730;
const SPARKLINE_MAX_DAYS = 7300;
/** Beyond this many days a sparkline draws weekly points. */
const DAILY_UP_TO = 400;

export interface DashboardDays {
  /** The indicators stand as of the end of the chosen range, or today when it is open or ahead. */
  asOf: string;
  /** Whether asOf is before today (the page says "as of"). */
  past: boolean;
  sparklines: { from: string; to: string; granularity: "daily" | "weekly" };
}

export function dashboardDays(state: Pick<ViewState, "from" | "to">, today: string): DashboardDays {
  const now = toDay(today);
  const asOf = state.to && toDay(state.to) < now ? toDay(state.to) : now;
  const from = state.from ? Math.max(toDay(state.from), asOf - SPARKLINE_MAX_DAYS) : asOf - (SPARKLINE_DAYS - 1);
  const start = Math.min(from, asOf);
  return {
    asOf: fromDay(asOf),
    past: asOf < now,
    sparklines: { from: fromDay(start), to: fromDay(asOf), granularity: asOf - from > DAILY_UP_TO ? "weekly" : "daily" },
  };
}

// The dashboard filter as Prisma conditions, shared by the domains it filters.
import type { Prisma } from "../generated/prisma/client";
import type { DashboardFilter } from "./state";

/** A filter's date range as a condition on a `@db.Date` column; undefined filters nothing. */
export function dateRangeWhere({ from, to }: Pick<DashboardFilter, "from" | "to">): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return { ...(from && { gte: new Date(`${from}T00:00:00Z`) }), ...(to && { lte: new Date(`${to}T00:00:00Z`) }) };
}

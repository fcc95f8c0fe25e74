// Database reads for agreements.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { dateRangeWhere } from "../views/filter-where";
import type { DashboardFilter } from "../views/state";

export const agreementListSelect = {
  id: true,
  title: true,
  kind: true,
  status: true,
  date: true,
  datePrecision: true,
  sectors: true,
  parties: { select: { name: true, kind: true, countryCode: true }, orderBy: { position: "asc" } },
  amounts: { select: { amount: true, currency: true, label: true, approximate: true } },
  sources: { select: { publisher: true, title: true, url: true }, take: 1 },
} satisfies Prisma.AgreementSelect;

/**
 * Newest first; agreements with no date yet (anticipated ones) come after dated ones, and drop
 * out once the filter has a date range.
 */
export function latestAgreements({ db, limit, filter }: { db: Db; limit: number; filter: DashboardFilter }) {
  return db.agreement.findMany({
    where: {
      archivedAt: null,
      ...(filter.dyads.length > 0 && { dyad: { key: { in: filter.dyads } } }),
      date: dateRangeWhere(filter),
    },
    select: agreementListSelect,
    orderBy: [{ date: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: limit,
  });
}

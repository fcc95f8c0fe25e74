// Database reads for the relations domain; the index maths stays in index-math.ts.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { dateRangeWhere } from "../views/filter-where";
import type { DashboardFilter } from "../views/state";

const countrySelect = { code: true, name: true, status: true } satisfies Prisma.CountrySelect;

/**
 * Tracked dyads (those the filter names, or all) with their two countries, how many live events
 * they hold in the filter's date range and the latest of those.
 */
export async function listTrackedDyads({ db, filter }: { db: Db; filter: DashboardFilter }) {
  const dyads = await db.dyad.findMany({
    where: { tracked: true, ...(filter.dyads.length > 0 && { key: { in: filter.dyads } }) },
    select: { id: true, key: true, a: { select: countrySelect }, b: { select: countrySelect } },
    orderBy: { key: "asc" },
  });
  const dyadIds = dyads.map((d) => d.id);
  const live = { archivedAt: null, dyadId: { in: dyadIds }, date: dateRangeWhere(filter) };
  const [counts, latest] = await Promise.all([
    db.event.groupBy({ by: ["dyadId"], where: live, _count: { _all: true } }),
    // One latest event per dyad (DISTINCT ON), with the precision its date is known to.
    db.event.findMany({
      where: live,
      distinct: ["dyadId"],
      orderBy: [{ dyadId: "asc" }, { date: "desc" }],
      select: { dyadId: true, date: true, datePrecision: true },
    }),
  ]);
  const countOf = new Map(counts.map((c) => [c.dyadId, c._count._all]));
  const latestOf = new Map(latest.map(({ dyadId, ...event }) => [dyadId, event]));
  return dyads.map(({ id, ...dyad }) => ({
    ...dyad,
    eventCount: countOf.get(id) ?? 0,
    lastEvent: latestOf.get(id) ?? null,
  }));
}

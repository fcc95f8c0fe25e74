// Pending GDELT clusters with what the review needs to judge them, in SQL: each cluster's report
// count, independent sources (distinct link hosts), mean tone, most reported CAMEO code and that
// code's Goldstein value. The filters (dyad, least |score|, least sources) apply to those
// aggregates, and the page is a keyset over (lastSeenAt, id) newest first: PostgreSQL walks the
// (status, lastSeenAt) index and aggregates cluster by cluster until the page is full.
// The same query picks the clusters an auto-accept rule publishes (auto-accept.ts).
import type { DbOrTx } from "../db-client";
import { Prisma } from "../generated/prisma/client";
import { CAMEO_TABLE } from "../method/cameo-table";
import type { QueuePosition } from "./cursor";

const sql = Prisma.sql;

export interface PendingRow {
  id: string;
  dyadId: string;
  day: Date;
  actorCode: string;
  targetCode: string;
  lastSeenAt: Date;
  reports: number;
  sources: number;
  tone: number;
  /** The most reported CAMEO code; equally reported codes go to the lowest. */
  code: string;
  /** G of that code (its base's or root's when it is not listed); null outside the codebook. */
  goldstein: number | null;
}

export interface PendingWhere {
  dyadIds?: readonly string[];
  clusterIds?: readonly string[];
  minSources?: number;
  /** Keeps clusters whose |G| × `weight` is at least `min` (|s| with weight L × V, |G| with 1). */
  magnitude?: { min: number; weight: number };
}

const CODES = CAMEO_TABLE.map(([code]) => code);
const GOLDSTEINS = CAMEO_TABLE.map(([, g]) => g);
/** A threshold typed as the score shows it (2.10) must keep a score computed as 2.0999999999999996. */
const ROUNDING = 1e-9;

/** The link's host, lowercased, without "www.": what makes two reports one source or two. */
const HOST = sql`regexp_replace(substring(lower(r."sourceUrl") from '^https?://(?:[^@/?#]*@)?([^:/?#]+)'), '^www\\.', '')`;

function conditions(where: PendingWhere, after: QueuePosition | null): Prisma.Sql {
  const parts = [sql`c.status = 'PENDING'`, sql`a.reports > 0`];
  if (where.dyadIds) parts.push(sql`c."dyadId" = ANY(${[...where.dyadIds]}::text[])`);
  if (where.clusterIds) parts.push(sql`c.id = ANY(${[...where.clusterIds]}::text[])`);
  if (where.minSources) parts.push(sql`a.sources >= ${where.minSources}`);
  if (where.magnitude && where.magnitude.min > 0) parts.push(sql`abs(g.goldstein) * ${where.magnitude.weight}::float8 >= ${where.magnitude.min - ROUNDING}::float8`);
  if (after) parts.push(sql`(c."lastSeenAt", c.id) < (${after.lastSeenAt}::timestamp, ${after.id})`);
  return Prisma.join(parts, " AND ");
}

/** Up to `take` pending clusters matching `where`, newest first, after `after`. */
export function pendingClusters(db: DbOrTx, where: PendingWhere, after: QueuePosition | null, take: number): Promise<PendingRow[]> {
  return db.$queryRaw<PendingRow[]>`
    SELECT c.id, c."dyadId", c.day, c."actorCode", c."targetCode", c."lastSeenAt", a.reports, a.sources, a.tone, a.code, g.goldstein
    FROM "CandidateCluster" c
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS reports, count(DISTINCT ${HOST})::int AS sources, coalesce(avg(r."avgTone"), 0)::float8 AS tone,
             mode() WITHIN GROUP (ORDER BY r."cameoCode") AS code
      FROM "CandidateReport" r WHERE r."clusterId" = c.id
    ) a
    LEFT JOIN LATERAL (
      SELECT t.g AS goldstein FROM unnest(${CODES}::text[], ${GOLDSTEINS}::float8[]) AS t(code, g)
      WHERE t.code IN (a.code, left(a.code, 3), left(a.code, 2)) ORDER BY length(t.code) DESC LIMIT 1
    ) g ON TRUE
    WHERE ${conditions(where, after)}
    ORDER BY c."lastSeenAt" DESC, c.id DESC
    LIMIT ${take}`;
}

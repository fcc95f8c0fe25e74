// Which agreements make up one page of the feed, in SQL: Prisma's query builder cannot speak
// full-text search, so the filters, the order and the keyset live here, and service.ts loads
// the rows' fields with an ordinary `select`.
//
// Order without a search: date desc (undated last), id desc. A b-tree on (date, id) read
// backwards gives "date desc nulls FIRST", so dated and undated rows are two index range
// scans glued together; the keyset `(date, id) < (…)` starts each scan right at the cursor,
// so the 1000th page costs what the first does (the exports walk every page).
// Order with a search: title matches first, then ts_rank, then date and id.
import type { Db, DbOrTx } from "../db-client";
import { Prisma } from "../generated/prisma/client";
import type { FeedPosition } from "./cursor";
import type { AgreementFilters } from "./schemas";

export interface PageRow {
  id: string;
  date: Date | null;
  /** Relevance, only when the filters hold a search. */
  rank: number | null;
}

const sql = Prisma.sql;

/** ILIKE treats % and _ as wildcards; a party name is matched literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterConditions(filters: AgreementFilters): Prisma.Sql {
  const where = [sql`a."archivedAt" IS NULL`];
  if (filters.dyads?.length) {
    where.push(sql`a."dyadId" IN (SELECT d.id FROM "Dyad" d WHERE d.key = ANY(${filters.dyads}::text[]))`);
  }
  if (filters.party) {
    where.push(sql`EXISTS (
      SELECT 1 FROM "AgreementParty" p
      WHERE p."agreementId" = a.id AND (p.name ILIKE ${containsPattern(filters.party)} OR p."countryCode" = ${filters.party.toUpperCase()}))`);
  }
  if (filters.sectors?.length) where.push(sql`a.sectors && ${filters.sectors}::text[]`);
  if (filters.statuses?.length) where.push(sql`a.status = ANY(${filters.statuses}::"AgreementStatus"[])`);
  if (filters.kinds?.length) where.push(sql`a.kind = ANY(${filters.kinds}::"AgreementKind"[])`);
  if (filters.from) where.push(sql`a.date >= ${filters.from}::date`);
  if (filters.to) where.push(sql`a.date <= ${filters.to}::date`);
  return Prisma.join(where, " AND ");
}

function byDate(filters: AgreementFilters, after: FeedPosition | null, take: number): Prisma.Sql {
  const where = filterConditions(filters);
  // Past the cursor: dated rows only while the cursor is among them; undated ones below it.
  const dated =
    after === null
      ? sql`TRUE`
      : after.date === null
        ? sql`FALSE`
        : sql`(a.date, a.id) < (${after.date}::date, ${after.id})`;
  const undated = after === null || after.date !== null ? sql`TRUE` : sql`a.id < ${after.id}`;
  return sql`
    SELECT page.id, page.date, NULL::float8 AS rank FROM (
      (SELECT a.id, a.date FROM "Agreement" a
        WHERE ${where} AND a.date IS NOT NULL AND ${dated}
        ORDER BY a.date DESC, a.id DESC LIMIT ${take})
      UNION ALL
      (SELECT a.id, a.date FROM "Agreement" a
        WHERE ${where} AND a.date IS NULL AND ${undated}
        ORDER BY a.id DESC LIMIT ${take})
    ) page
    ORDER BY page.date DESC NULLS LAST, page.id DESC
    LIMIT ${take}`;
}

type RankedPosition = FeedPosition & { rank: number };

function byRelevance(filters: AgreementFilters & { q: string }, after: RankedPosition | null, take: number): Prisma.Sql {
  // Normalisation 32 maps ts_rank into [0, 1), so the +1 of a title match always wins.
  const rank = sql`((ts_filter(a."searchVector", '{a}') @@ query)::int + ts_rank(a."searchVector", query, 32))::float8`;
  const keyset =
    after === null
      ? sql`TRUE`
      : sql`(m.rank, m.sort_date, m.id) < (${after.rank}::float8, ${after.date ?? "-infinity"}::date, ${after.id})`;
  return sql`
    SELECT m.id, m.date, m.rank FROM (
      SELECT a.id, a.date, coalesce(a.date, '-infinity'::date) AS sort_date, ${rank} AS rank
      FROM "Agreement" a CROSS JOIN websearch_to_tsquery('english', ${filters.q}) AS query
      WHERE a."searchVector" @@ query AND ${filterConditions(filters)}
    ) m
    WHERE ${keyset}
    ORDER BY m.rank DESC, m.sort_date DESC, m.id DESC
    LIMIT ${take}`;
}

function isRanked(position: FeedPosition): position is RankedPosition {
  return position.rank !== undefined;
}

/**
 * Up to `take` rows after `after` in feed order: by relevance when the filters hold a search
 * (which should have searchable words, see searchableWords), else by date.
 */
export function agreementPageRows({
  db,
  filters,
  after,
  take,
}: {
  db: Db;
  filters: AgreementFilters;
  after: FeedPosition | null;
  take: number;
}): Promise<PageRow[]> {
  const { q } = filters;
  if (!q) return db.$queryRaw<PageRow[]>(byDate(filters, after, take));
  if (after && !isRanked(after)) throw new RangeError("A search's next page needs a cursor from that search");
  return db.$queryRaw<PageRow[]>(byRelevance({ ...filters, q }, after, take));
}

/**
 * The agreement at this version when the feed's filters would list it (archived ones never), else
 * null: what an AGREEMENT_FILTER alert rule asks of a written agreement. A version that has moved
 * on is judged by its own change instead.
 */
export async function agreementMatching({ db, id, version, filters }: { db: DbOrTx; id: string; version: number; filters: AgreementFilters }): Promise<{ title: string } | null> {
  const search = filters.q ? sql`a."searchVector" @@ websearch_to_tsquery('english', ${filters.q})` : sql`TRUE`;
  const [row] = await db.$queryRaw<{ title: string }[]>`
    SELECT a.title FROM "Agreement" a WHERE a.id = ${id} AND a.version = ${version} AND ${search} AND ${filterConditions(filters)}`;
  return row ?? null;
}

/** Whether a search has words to look for: "!!!" or "the" give PostgreSQL an empty query. */
export async function searchableWords({ db, q }: { db: Db; q: string }): Promise<boolean> {
  const [row] = await db.$queryRaw<{ nodes: number }[]>`SELECT numnode(websearch_to_tsquery('english', ${q}))::int AS nodes`;
  return (row?.nodes ?? 0) > 0;
}

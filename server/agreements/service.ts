// Database reads for agreements: the feed's pages, one agreement's page, the exports' batches.
import { databaseUrlOf, type Db } from "../db-client";
import { primaryOf } from "../db-replica";
import type { Prisma } from "../generated/prisma/client";
import { readableRecords } from "../records/archived";
import { isoDayOf } from "../scope/day";
import { changeFeedOf } from "../shared/change-feed";
import { instanceCache, type InstanceCache } from "../shared/instance-cache";
import { feedAnswers } from "./answers";
import { encodeCursor, StaleCursorError, type FeedPosition } from "./cursor";
import { agreementPageRows, searchableWords, type PageRow } from "./page-query";
import type { AgreementFilters } from "./schemas";

export const agreementListSelect = {
  id: true,
  title: true,
  kind: true,
  status: true,
  date: true,
  datePrecision: true,
  sectors: true,
  parties: { select: { name: true, kind: true, countryCode: true }, orderBy: { position: "asc" } },
  amounts: { select: { amount: true, currency: true, label: true, approximate: true }, orderBy: { id: "asc" } },
  sources: { select: { publisher: true, title: true, url: true }, orderBy: { id: "asc" }, take: 1 },
} satisfies Prisma.AgreementSelect;

/** What the Atom feed and the CSV/JSON downloads carry for each agreement. */
export const agreementExportSelect = {
  ...agreementListSelect,
  summary: true,
  placeName: true,
  createdAt: true,
  updatedAt: true,
  dyad: { select: { key: true } },
  signatories: { select: { name: true, role: true, onBehalfOf: true }, orderBy: { position: "asc" } },
  sources: { select: { publisher: true, title: true, url: true, publishedOn: true }, orderBy: { id: "asc" } },
} satisfies Prisma.AgreementSelect;

const countryNameSelect = { code: true, name: true } satisfies Prisma.CountrySelect;

/** What an agreement's page shows; its linked events as readable to the reader (readableRecords). */
export const agreementDetailSelect = (withArchived: boolean) => ({
  ...agreementExportSelect,
  version: true,
  archivedAt: true,
  placeLat: true,
  placeLon: true,
  provenance: true,
  dyad: { select: { key: true, a: { select: countryNameSelect }, b: { select: countryNameSelect } } },
  statusHistory: {
    select: { id: true, status: true, date: true, datePrecision: true, note: true },
    orderBy: [{ recordedAt: "asc" }, { date: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  },
  sources: { select: { id: true, publisher: true, title: true, url: true, publishedOn: true }, orderBy: { id: "asc" } },
  events: {
    where: { event: readableRecords(withArchived) },
    select: { event: { select: { id: true, title: true, date: true, datePrecision: true, archivedAt: true } } },
    orderBy: { event: { date: "asc" } },
  },
}) satisfies Prisma.AgreementSelect;

export type AgreementListItem = Prisma.AgreementGetPayload<{ select: typeof agreementListSelect }>;
export type AgreementExportRow = Prisma.AgreementGetPayload<{ select: typeof agreementExportSelect }>;


function positionOf(row: PageRow): FeedPosition {
  const date = row.date ? isoDayOf(row.date) : null;
  return row.rank === null ? { date, id: row.id } : { date, id: row.id, rank: row.rank };
}

/** `rows` in the order of `ids`: findMany's `in` does not keep it. */
function inOrderOf<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Drops a search that PostgreSQL would turn into an empty query ("!!!", "the"), which would
 * match nothing, and says why: the other filters still apply.
 */
async function effectiveFilters(db: Db, filters: AgreementFilters): Promise<EffectiveFilters> {
  return filtersSearching(filters, !filters.q || (await searchableWords({ db, q: filters.q })));
}

type EffectiveFilters = { filters: AgreementFilters; notice: string | null; searchLeftOut: string | null };

function filtersSearching(filters: AgreementFilters, searchable: boolean): EffectiveFilters {
  if (!filters.q || searchable) return { filters, notice: null, searchLeftOut: null };
  const { q, ...rest } = filters;
  return {
    filters: rest,
    // The API's reason in English; screens say it in the reader's language from `searchLeftOut`.
    notice: `“${q}” has no words to search for (only punctuation or very common words), so the search was left out.`,
    searchLeftOut: q,
  };
}

type AgreementsPage = { items: AgreementListItem[]; next: FeedPosition | null; notice: string | null; searchLeftOut: string | null };

/**
 * A page of the feed as the API sends it, kept per instance until agreements change
 * (server/agreements/answers.ts). The next page's cursor is encoded in the read, so the page is
 * the one shared answer every caller gets: serialized and compressed once, not per call.
 */
export function listAgreements(input: { db: Db; filters: AgreementFilters; after: FeedPosition | null; limit: number }, answers = feedAnswers) {
  return answers.answer("agreementsPage", input, async (asked) => {
    const { items, next, notice, searchLeftOut } = await readAgreementsPage(asked);
    return { items, nextCursor: next && encodeCursor(next), notice, searchLeftOut };
  });
}

async function readAgreementsPage({
  db,
  filters,
  after,
  limit,
}: {
  db: Db;
  filters: AgreementFilters;
  after: FeedPosition | null;
  limit: number;
}): Promise<AgreementsPage> {
  const take = limit + 1;
  const fits = (asked: AgreementFilters) => !after || (after.rank !== undefined) === Boolean(asked.q);
  // The search's words are checked beside the page's query, not before it: one round trip, and a
  // second only for a search with no words to look for, asked again without it.
  const [searchable, searched] = await Promise.all([!filters.q || searchableWords({ db, q: filters.q }), fits(filters) ? agreementPageRows({ db, filters, after, take }) : null]);
  const effective = filtersSearching(filters, searchable);
  if (!fits(effective.filters)) throw new StaleCursorError();
  const rows = searchable && searched ? searched : await agreementPageRows({ db, filters: effective.filters, after, take });
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const last = page.at(-1);
  return {
    items: inOrderOf(ids, await db.agreement.findMany({ where: { id: { in: ids } }, select: agreementListSelect })),
    next: rows.length > limit && last ? positionOf(last) : null,
    notice: effective.notice,
    searchLeftOut: effective.searchLeftOut,
  };
}

/** One agreement with everything its page shows; null when unknown, or archived and not `withArchived` (canReadArchived). */
export function agreementDetail({ db, id, withArchived }: { db: Db; id: string; withArchived: boolean }) {
  return db.agreement.findFirst({ where: { id, ...readableRecords(withArchived) }, select: agreementDetailSelect(withArchived) });
}

/**
 * The sectors list reads every agreement (≈ 0.1 s at 100k, BENCHMARKS.md) and every page with
 * a filter bar asks for it, while it changes only when an agreement brings a new sector: each
 * app instance keeps it until a write to agreements is announced (server/shared/instance-cache.ts),
 * and for a minute at most.
 */
const SECTORS_TTL_MS = 60_000;

/** One instance's sectors cache, hearing changes through `feedFor` (tests make one per simulated instance). */
export const sectorsCacheWith = (feedFor: typeof changeFeedOf) => instanceCache<string[]>({ topic: "sectors", ttlMs: SECTORS_TTL_MS, feedFor });
const sectorsCache = sectorsCacheWith(changeFeedOf);

export function sectorsInUse({ db }: { db: Db }): Promise<string[]> {
  return db.$queryRaw<{ sector: string }[]>`
    SELECT DISTINCT unnest(sectors) AS sector FROM "Agreement" WHERE "archivedAt" IS NULL ORDER BY sector`.then((rows) =>
    rows.map((r) => r.sector),
  );
}

/** Every sector in use, for the filter bar; from this instance's memory while no write has been announced, a minute at most. */
export function agreementSectors({ db, now = Date.now(), cache = sectorsCache }: { db: Db; now?: number; cache?: InstanceCache<string[]> }): Promise<string[]> {
  // Filled from the primary: the notice comes from there, and a replica may not have the write yet.
  const primary = primaryOf(db);
  return cache.get({ databaseUrl: databaseUrlOf(primary), load: () => sectorsInUse({ db: primary }), now });
}

/**
 * Every matching agreement, `batchSize` at a time, walking the same keyset as the feed: an
 * export of any size holds one batch in memory.
 */
export async function* agreementExportBatches({
  db,
  filters,
  batchSize = 1_000,
  max = Number.POSITIVE_INFINITY,
}: {
  db: Db;
  filters: AgreementFilters;
  batchSize?: number;
  max?: number;
}): AsyncGenerator<AgreementExportRow[]> {
  const effective = (await effectiveFilters(db, filters)).filters;
  let after: FeedPosition | null = null;
  let remaining = max;
  while (remaining > 0) {
    const rows = await agreementPageRows({ db, filters: effective, after, take: Math.min(batchSize, remaining) });
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    yield inOrderOf(ids, await db.agreement.findMany({ where: { id: { in: ids } }, select: agreementExportSelect }));
    remaining -= rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = positionOf(last);
  }
}

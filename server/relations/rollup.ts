// Keeps table DyadDay (the per-day index of each dyad) current. Writers reach refreshRollup
// through the record pipeline's dyadChanged (server/records/index-changes.ts), in the same
// transaction as the event or condition write; readers call ensureRollupsCurrent,
// which only extends rows to a new day (the index decays even when nothing happens).
import { primaryOf } from "../db-replica";
import type { Db, DbOrTx } from "../db-client";
import { allowLongStatements } from "../db-limits";
import { Prisma } from "../generated/prisma/client";
import { fromDay, placementDay, toDay } from "../method/day";
import type { IndexCondition } from "../method/index-math";
import { METHOD, type DatePrecision, type Level, type Method, type Verification } from "../method/params";
import { holding, plausibleEventsFrom, plausibleRanges, type CellTotal } from "../method/plausible";
import { carryFrom, rollForward, summaryDays, summaryFromRollup, type DayTotals, type RollupRow } from "../method/rollup-math";

/** A client or an interactive transaction: rollups are written inside the caller's transaction. */

const WINDOW = METHOD.unusualChange.windowDays;

/** A dyad's live conditions for the index; coarse dates sit mid-interval, as events' do. */
export async function liveConditions(db: DbOrTx, dyadId: string): Promise<IndexCondition[]> {
  const rows = await db.condition.findMany({
    where: { dyadId, archivedAt: null },
    select: { id: true, kind: true, points: true, startDate: true, startPrecision: true, endDate: true, endPrecision: true },
  });
  return rows.map(indexConditionOf);
}

/** A condition's columns as the index reads them (a draft's proposed condition too). */
export function indexConditionOf(c: {
  id: string;
  kind: IndexCondition["kind"];
  points: number;
  startDate: Date;
  startPrecision: DatePrecision;
  endDate: Date | null;
  endPrecision: DatePrecision | null;
}): IndexCondition {
  return {
    id: c.id,
    kind: c.kind,
    points: c.points,
    startDay: placementDay(c.startDate, c.startPrecision),
    endDay: c.endDate ? placementDay(c.endDate, c.endPrecision ?? "DAY") : null,
  };
}

/** A DyadDay row as raw SQL returns it: the pure row, with its day as a Date. */
export type RollupDbRow = Omit<RollupRow, "day"> & { day: Date };

/** The DyadDay columns a RollupDbRow holds, for raw SELECTs. */
export const ROLLUP_COLUMNS = Prisma.raw(
  `day, "eventSum", "eventCount", pulse, ledger, index, change30, "c30Count", "c30Sum", "c30SumSq", "iSum", "tiSum"`,
);

export function toRollupRow(r: RollupDbRow): RollupRow {
  return { ...r, day: toDay(r.day) };
}

/**
 * Recomputes the dyad's rows from `changedDay` (the earliest day a write touched) to today.
 * Takes a transaction-scoped lock on the dyad, so two writers never interleave their passes.
 */
export async function refreshRollup(input: {
  db: DbOrTx;
  dyadId: string;
  changedDay: number;
  today: number;
  method?: Method;
}): Promise<void> {
  const { db, dyadId, today, method = METHOD } = input;
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dyad-rollup:${dyadId}`}))`;

  const conditions = await liveConditions(db, dyadId);
  const [{ first } = { first: null }] = await db.$queryRaw<{ first: Date | null }[]>`
    SELECT min("placementDate") AS first FROM "Event" WHERE "dyadId" = ${dyadId} AND "archivedAt" IS NULL`;
  const starts = [...(first ? [toDay(first)] : []), ...conditions.map((c) => c.startDay)].filter((d) => d <= today);
  if (starts.length === 0) {
    await db.$executeRaw`DELETE FROM "DyadDay" WHERE "dyadId" = ${dyadId}`;
    return;
  }
  const dataStartDay = Math.min(...starts);
  const [{ stored } = { stored: null }] = await db.$queryRaw<{ stored: Date | null }[]>`
    SELECT min(day) AS stored FROM "DyadDay" WHERE "dyadId" = ${dyadId}`;
  // When the first day of data moved (an earlier event, or the first one archived), every row
  // after it depends on the change: recompute from the new start and drop rows before it.
  const startMoved = stored === null || toDay(stored) !== dataStartDay;
  const from = startMoved ? dataStartDay : Math.max(input.changedDay, dataStartDay);
  if (startMoved) await db.$executeRaw`DELETE FROM "DyadDay" WHERE "dyadId" = ${dyadId} AND day < ${fromDay(dataStartDay)}::date`;
  await db.$executeRaw`DELETE FROM "DyadDay" WHERE "dyadId" = ${dyadId} AND day > ${fromDay(today)}::date`;
  if (from > today) return;

  const before = await db.$queryRaw<RollupDbRow[]>`
    SELECT ${ROLLUP_COLUMNS}
    FROM "DyadDay" WHERE "dyadId" = ${dyadId} AND day >= ${fromDay(from - WINDOW)}::date AND day < ${fromDay(from)}::date`;
  const totalsRows = await db.$queryRaw<{ day: Date; sum: number; count: number }[]>`
    SELECT "placementDate" AS day, sum(score)::float8 AS sum, count(*)::int AS count
    FROM "Event"
    WHERE "dyadId" = ${dyadId} AND "archivedAt" IS NULL AND "placementDate" >= ${fromDay(from)}::date AND "placementDate" <= ${fromDay(today)}::date
    GROUP BY "placementDate"`;
  const totals = new Map<number, DayTotals>(totalsRows.map((t) => [toDay(t.day), { sum: t.sum, count: t.count }]));

  const rows = rollForward({
    carry: startMoved ? carryFrom([], from) : carryFrom(before.map(toRollupRow), from),
    totals,
    conditions,
    dataStartDay,
    fromDay: from,
    toDay: today,
    method,
  });
  const ranges = plausibleRanges({ cells: await dayCells(db, dyadId, plausibleEventsFrom(from, method), today), conditions, fromDay: from, toDay: today, method });
  await writeRows(
    db,
    dyadId,
    rows.map((r, i) => {
      const range = holding(ranges[i] ?? { low: r.index, high: r.index }, r.index);
      return { ...r, plausibleLow: range.low, plausibleHigh: range.high };
    }),
    method,
  );
}

/** Σ s per day, level and verification of a dyad's live events: what a value's plausible range needs. */
export async function dayCells(db: DbOrTx, dyadId: string, from: number, to: number): Promise<CellTotal[]> {
  const rows = await db.$queryRaw<{ day: Date; level: Level; verification: Verification; sum: number }[]>`
    SELECT "placementDate" AS day, level::text AS level, verification::text AS verification, sum(score)::float8 AS sum
    FROM "Event"
    WHERE "dyadId" = ${dyadId} AND "archivedAt" IS NULL AND "placementDate" >= ${fromDay(from)}::date AND "placementDate" <= ${fromDay(to)}::date
    GROUP BY "placementDate", level, verification`;
  return rows.map((r) => ({ ...r, day: toDay(r.day) }));
}

type StoredRow = RollupRow & { plausibleLow: number; plausibleHigh: number };

/** One statement per 5,000 rows: arrays unnested server-side, upserted on (dyadId, day). */
async function writeRows(db: DbOrTx, dyadId: string, rows: StoredRow[], method: Method): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await db.$executeRaw`
      INSERT INTO "DyadDay" ("dyadId", day, "eventSum", "eventCount", pulse, ledger, index, change30, "c30Count", "c30Sum", "c30SumSq", "iSum", "tiSum", "plausibleLow", "plausibleHigh", "methodVersion")
      SELECT ${dyadId}, t.day, t.es, t.ec, t.p, t.l, t.i, t.c30, t.n, t.s, t.ss, t.si, t.sti, t.lo, t.hi, ${method.version}
      FROM unnest(
        ${chunk.map((r) => fromDay(r.day))}::date[], ${chunk.map((r) => r.eventSum)}::float8[], ${chunk.map((r) => r.eventCount)}::int[],
        ${chunk.map((r) => r.pulse)}::float8[], ${chunk.map((r) => r.ledger)}::float8[], ${chunk.map((r) => r.index)}::float8[],
        ${chunk.map((r) => r.change30)}::float8[], ${chunk.map((r) => r.c30Count)}::int[], ${chunk.map((r) => r.c30Sum)}::float8[],
        ${chunk.map((r) => r.c30SumSq)}::float8[], ${chunk.map((r) => r.iSum)}::float8[], ${chunk.map((r) => r.tiSum)}::float8[],
        ${chunk.map((r) => r.plausibleLow)}::float8[], ${chunk.map((r) => r.plausibleHigh)}::float8[]
      ) AS t(day, es, ec, p, l, i, c30, n, s, ss, si, sti, lo, hi)
      ON CONFLICT ("dyadId", day) DO UPDATE SET
        "eventSum" = EXCLUDED."eventSum", "eventCount" = EXCLUDED."eventCount", pulse = EXCLUDED.pulse,
        ledger = EXCLUDED.ledger, index = EXCLUDED.index, change30 = EXCLUDED.change30,
        "c30Count" = EXCLUDED."c30Count", "c30Sum" = EXCLUDED."c30Sum", "c30SumSq" = EXCLUDED."c30SumSq",
        "iSum" = EXCLUDED."iSum", "tiSum" = EXCLUDED."tiSum",
        "plausibleLow" = EXCLUDED."plausibleLow", "plausibleHigh" = EXCLUDED."plausibleHigh",
        "methodVersion" = EXCLUDED."methodVersion"`;
  }
}

const REBUILD_TIMEOUT_MS = 120_000;

/** One dyad's rows recomputed from nothing, in one transaction: readers see the old rows or the new. */
async function rebuildDyad(db: Db, dyadId: string, today: number, method: Method = METHOD): Promise<void> {
  await db.$transaction(
    async (tx) => {
      // A dyad's whole history in one pass: longer than a request's statements may take.
      await allowLongStatements(tx, REBUILD_TIMEOUT_MS);
      await tx.$executeRaw`DELETE FROM "DyadDay" WHERE "dyadId" = ${dyadId}`;
      await refreshRollup({ db: tx, dyadId, changedDay: Number.MIN_SAFE_INTEGER, today, method });
    },
    { timeout: REBUILD_TIMEOUT_MS },
  );
}

/** Rebuilds every dyad's rows from raw events and conditions (after an import, a method change). */
export async function rebuildRollups(input: { db: Db; today: number; method?: Method }): Promise<{ dyads: number }> {
  const dyads = await input.db.dyad.findMany({ select: { id: true } });
  for (const { id } of dyads) await rebuildDyad(input.db, id, input.today, input.method);
  return { dyads: dyads.length };
}

let currentThrough: number | null = null;

/**
 * Extends every dyad's rows to `today` when the calendar has moved on since the last write:
 * the pulse decays and conditions hold on days when nothing is recorded. Rows computed under
 * another method version than the current one (a release since, or a rebuild under an older
 * version) are rebuilt whole: the table holds the current version only. A dyad whose latest row
 * has no plausible range (written before ranges existed) is recomputed from its start. Checked
 * once per process per day; two index probes and one scan of the version column per dyad.
 */
export async function ensureRollupsCurrent(input: { db: Db; today: number }): Promise<void> {
  if (currentThrough === input.today) return;
  // It writes: through the primary, also when the reader was handed a read replica.
  const db = primaryOf(input.db);
  const lagging = await db.$queryRaw<{ id: string; last: Date | null; ranged: boolean | null; otherVersion: boolean }[]>`
    SELECT d.id, last.day AS last, last."plausibleLow" IS NOT NULL AS ranged,
      EXISTS (SELECT 1 FROM "DyadDay" r WHERE r."dyadId" = d.id AND r."methodVersion" <> ${METHOD.version}) AS "otherVersion"
    FROM "Dyad" d LEFT JOIN LATERAL (
      SELECT day, "plausibleLow" FROM "DyadDay" r WHERE r."dyadId" = d.id ORDER BY day DESC LIMIT 1
    ) last ON true`;
  for (const { id, last, ranged, otherVersion } of lagging) {
    if (otherVersion) {
      await rebuildDyad(db, id, input.today);
      continue;
    }
    const lastDay = last ? toDay(last) : null;
    if (lastDay !== null && lastDay >= input.today && ranged) continue;
    const changedDay = lastDay === null || !ranged ? Number.MIN_SAFE_INTEGER : lastDay + 1;
    await db.$transaction((tx) => refreshRollup({ db: tx, dyadId: id, changedDay, today: input.today }));
  }
  currentThrough = input.today;
}

/** For tests that move "today" around within one process. */
export function forgetRollupCheck(): void {
  currentThrough = null;
}

/** The dyad's index on its latest stored day up to `onOrBefore` (null when it has no data then). */
/**
 * Whether the dyad's unusual-change flag is on today, as its card shows it: summaryFromRollup on
 * the rollup rows it reads (the judgement stays in method/index-math judgeChange).
 */
export async function unusualOn(input: { db: DbOrTx; dyadId: string; today: number }): Promise<boolean> {
  const rows = await input.db.$queryRaw<RollupDbRow[]>`
    SELECT ${ROLLUP_COLUMNS} FROM "DyadDay" WHERE "dyadId" = ${input.dyadId} AND day = ANY(${summaryDays(input.today).map(fromDay)}::date[])`;
  return summaryFromRollup({ rows: rows.map(toRollupRow), today: input.today, lastEventDay: null }).unusualChange;
}

export async function indexAsOf(input: { db: DbOrTx; dyadId: string; onOrBefore: number }): Promise<number | null> {
  return (await latestIndexAsOf(input))?.index ?? null;
}

/** The dyad's latest stored day up to `onOrBefore` and its index: what indexAsOf reads, with the day it was read on. */
export async function latestIndexAsOf(input: { db: DbOrTx; dyadId: string; onOrBefore: number }): Promise<{ day: number; index: number | null } | null> {
  const [row] = await input.db.$queryRaw<{ day: Date; index: number | null }[]>`
    SELECT day, index FROM "DyadDay" WHERE "dyadId" = ${input.dyadId} AND day <= ${fromDay(input.onOrBefore)}::date ORDER BY day DESC LIMIT 1`;
  return row ? { day: toDay(row.day), index: row.index } : null;
}

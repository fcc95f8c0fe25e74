// The transactional outbox between publishing and alerting: a write that refreshes the index
// records its moves here in its own transaction (IndexChanges.apply), and the `alerts` job takes
// them. A crash after the commit leaves the row for the next run; one before it leaves neither.
import { z } from "zod";
import type { Db, DbOrTx } from "../db-client";
import type { IndexMove } from "../records/index-changes";
import { mayFireRecordRule } from "./evaluate";

export type RecordAction = "CREATE" | "UPDATE" | "ARCHIVE" | "RESTORE";

/**
 * One record a change wrote, as it left it: what EVENT_SCORE and AGREEMENT_FILTER rules judge.
 * `goldstein`: an event's Goldstein value G (null for other records).
 */
export interface ChangedRecord {
  entity: string;
  id: string;
  version: number;
  action: RecordAction;
  dyadId: string | null;
  goldstein: number | null;
}

/**
 * The write a change came from: a record at the version it left (an import has no single record),
 * and every record it wrote: required, so a new publish path cannot leave rules blind to it.
 */
export interface ChangeRef {
  entity: string;
  id: string;
  version?: number;
  records: readonly ChangedRecord[];
}

/** The change's idempotency key: the same write, the same key. */
export const changeKey = (change: ChangeRef) => `${change.entity}:${change.id}${change.version === undefined ? "" : `:v${change.version}`}`;

// Rows written before the unusual flag was recorded read as "not unusual" both sides: no alert.
const storedMoves = z.array(
  z.object({ dyadId: z.string(), before: z.number().nullable(), after: z.number().nullable(), unusualBefore: z.boolean().nullable().default(false), unusualAfter: z.boolean().default(false) }),
);
const storedRecords = z.array(
  z.object({
    entity: z.string(),
    id: z.string(),
    version: z.number(),
    action: z.enum(["CREATE", "UPDATE", "ARCHIVE", "RESTORE"]),
    dyadId: z.string().nullable(),
    goldstein: z.number().nullable(),
  }),
);

/** One settled change as the job evaluates it. */
export interface OutboxChange {
  key: string;
  entity: string;
  recordId: string | null;
  moves: IndexMove[];
  records: ChangedRecord[];
}

/**
 * Writes the change's moves and the records rules may judge, inside the caller's transaction;
 * nothing when no dyad's index or flag moved and no record can fire a rule.
 */
export async function writeOutbox(db: DbOrTx, change: ChangeRef, moves: readonly IndexMove[]): Promise<void> {
  const moved = moves.filter((m) => m.before !== m.after || (m.unusualBefore !== null && m.unusualBefore !== m.unusualAfter));
  const records = change.records.filter(mayFireRecordRule);
  if (moved.length === 0 && records.length === 0) return;
  await db.alertOutbox.create({
    data: { key: changeKey(change), entity: change.entity, recordId: change.version === undefined ? null : change.id, moves: moved.map((m) => ({ ...m })), records: records.map((r) => ({ ...r })) },
    select: { id: true },
  });
}

/** Changes taken per transaction: each batch commits its causes with its settlement. */
const OUTBOX_BATCH = 100;
const KEEP_SETTLED_MS = 7 * 24 * 3600_000;

/**
 * Takes the unsettled changes in order, a batch per transaction, and hands each to `use` inside
 * it; settles them when `use` has written what it makes of them. `FOR UPDATE SKIP LOCKED`: two
 * runners take different rows, never the same one. Answers the changes settled.
 */
export async function settleOutbox({ db, now, use }: { db: Db; now: Date; use: (tx: DbOrTx, change: OutboxChange) => Promise<void> }): Promise<number> {
  let settled = 0;
  for (;;) {
    const taken = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: bigint; key: string; entity: string; recordId: string | null; moves: unknown; records: unknown }[]>`
        SELECT id, key, entity, "recordId", moves, records FROM "AlertOutbox" WHERE "settledAt" IS NULL ORDER BY id LIMIT ${OUTBOX_BATCH} FOR UPDATE SKIP LOCKED`;
      for (const row of rows) await use(tx, { key: row.key, entity: row.entity, recordId: row.recordId, moves: storedMoves.parse(row.moves), records: storedRecords.parse(row.records) });
      if (rows.length > 0) await tx.alertOutbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { settledAt: now } });
      return rows.length;
    });
    settled += taken;
    if (taken < OUTBOX_BATCH) break;
  }
  await db.alertOutbox.deleteMany({ where: { settledAt: { lt: new Date(now.getTime() - KEEP_SETTLED_MS) } } });
  return settled;
}

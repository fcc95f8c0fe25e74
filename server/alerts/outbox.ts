// The transactional outbox between publishing and alerting: a write that refreshes the index
// records its moves here in its own transaction (IndexChanges.apply), and the `alerts` job takes
// them. A crash after the commit leaves the row for the next run; one before it leaves neither.
import { z } from "zod";
import type { Db, DbOrTx } from "../db-client";
import type { IndexMove } from "../records/index-changes";

/** The write a change came from: a record at the version it left (an import has no single record). */
export interface ChangeRef {
  entity: string;
  id: string;
  version?: number;
}

/** The change's idempotency key: the same write, the same key. */
export const changeKey = (change: ChangeRef) => `${change.entity}:${change.id}${change.version === undefined ? "" : `:v${change.version}`}`;

const storedMoves = z.array(z.object({ dyadId: z.string(), before: z.number().nullable(), after: z.number().nullable() }));

/** One settled change as the job evaluates it. */
export interface OutboxChange {
  key: string;
  entity: string;
  recordId: string | null;
  moves: IndexMove[];
}

/** Writes the change's moves, inside the caller's transaction; nothing when no dyad's index moved. */
export async function writeOutbox(db: DbOrTx, change: ChangeRef, moves: readonly IndexMove[]): Promise<void> {
  const moved = moves.filter((m) => m.before !== m.after);
  if (moved.length === 0) return;
  await db.alertOutbox.create({ data: { key: changeKey(change), entity: change.entity, recordId: change.version === undefined ? null : change.id, moves: moved.map((m) => ({ ...m })) }, select: { id: true } });
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
      const rows = await tx.$queryRaw<{ id: bigint; key: string; entity: string; recordId: string | null; moves: unknown }[]>`
        SELECT id, key, entity, "recordId", moves FROM "AlertOutbox" WHERE "settledAt" IS NULL ORDER BY id LIMIT ${OUTBOX_BATCH} FOR UPDATE SKIP LOCKED`;
      for (const row of rows) await use(tx, { key: row.key, entity: row.entity, recordId: row.recordId, moves: storedMoves.parse(row.moves) });
      if (rows.length > 0) await tx.alertOutbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { settledAt: now } });
      return rows.length;
    });
    settled += taken;
    if (taken < OUTBOX_BATCH) break;
  }
  await db.alertOutbox.deleteMany({ where: { settledAt: { lt: new Date(now.getTime() - KEEP_SETTLED_MS) } } });
  return settled;
}

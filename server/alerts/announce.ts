// After a publish commits, one `alerts` job per dyad it moved: the job evaluates the dyad's rules.
import { z } from "zod";
import type { Db } from "../db-client";
import { queueInstalled, withQueue } from "../jobs/client";
import type { IndexMove } from "../records/index-changes";

export const ALERTS_QUEUE = "alerts";

/** What an `alerts` job carries: the move, and a key naming the change (the same change, the same key). */
export const alertCheck = z.object({
  dyadId: z.string(),
  entity: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  key: z.string(),
});
export type AlertCheck = z.infer<typeof alertCheck>;

/** The key of a record's write: its id and the version the write left it at. */
export const changeKey = (change: { entity: string; id: string; version: number }) => `${change.entity}:${change.id}:v${change.version}`;

/**
 * Sends the checks; never throws, since the publish has committed: a database without a runner
 * yet (no pg-boss schema) has no one to evaluate, and a failed send is logged.
 */
export async function announceMoves(input: { db: Db; entity: string; id: string; version: number; moves: readonly IndexMove[] }): Promise<void> {
  const { db, moves } = input;
  if (moves.length === 0) return;
  const key = changeKey(input);
  try {
    if (!(await queueInstalled(db))) return;
    await withQueue(db, async (boss) => {
      for (const move of moves) await boss.send(ALERTS_QUEUE, { ...move, entity: input.entity, key } satisfies AlertCheck);
    });
  } catch (error) {
    console.error(`[alerts] could not queue the check of ${key}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

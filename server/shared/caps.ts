// Ceilings on what one user keeps creating (saved views, notes, owned teams, active feed tokens) and on a
// team's pending invitations, so no account can fill the database or everyone's lists. The count
// and the insert share a transaction behind a lock on the holder and the kind: parallel requests
// cannot each see room for one more.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { fieldError } from "./errors";

export async function underCap<T>({
  db,
  kind,
  holderId,
  max,
  count,
  refusal,
  create,
}: {
  db: Db;
  /** Names the lock: one per holder and kind of thing capped. */
  kind: "views" | "notes" | "teams" | "feed-tokens" | "team-invitations";
  /** Whose things are counted: a user, or for invitations the team. */
  holderId: string;
  max: number;
  count: (tx: Prisma.TransactionClient) => Promise<number>;
  /** The form field the refusal is shown on, and what it says. */
  refusal: { field: string; message: string };
  create: (tx: Prisma.TransactionClient) => Promise<T>;
}): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`cap:${kind}:${holderId}`}))`;
    if ((await count(tx)) >= max) throw fieldError("BAD_REQUEST", refusal.field, refusal.message);
    return create(tx);
  });
}

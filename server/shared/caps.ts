// Ceilings on what one user keeps creating (saved views, owned teams, active feed tokens), so no
// account can fill the database or everyone's lists. The count and the insert share a transaction
// behind a lock on the user and the kind: parallel requests cannot each see room for one more.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { fieldError } from "./errors";

export async function underCap<T>({
  db,
  kind,
  userId,
  max,
  count,
  refusal,
  create,
}: {
  db: Db;
  /** Names the lock: one per user and kind of thing capped. */
  kind: "views" | "teams" | "feed-tokens";
  userId: string;
  max: number;
  count: (tx: Prisma.TransactionClient) => Promise<number>;
  /** The form field the refusal is shown on, and what it says. */
  refusal: { field: string; message: string };
  create: (tx: Prisma.TransactionClient) => Promise<T>;
}): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`cap:${kind}:${userId}`}))`;
    if ((await count(tx)) >= max) throw fieldError("BAD_REQUEST", refusal.field, refusal.message);
    return create(tx);
  });
}

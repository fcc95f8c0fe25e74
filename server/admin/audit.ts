// The audit trail: every create, edit, archive, restore and import, with before and after.
import type { Prisma } from "../generated/prisma/client";
import type { DbOrTx } from "../relations/rollup";

export type AuditEntity = "Event" | "Condition" | "Agreement";

export async function recordAudit(input: {
  db: DbOrTx;
  actorId: string | null;
  action: "CREATE" | "UPDATE" | "ARCHIVE" | "RESTORE" | "IMPORT";
  entityType: AuditEntity;
  entityId: string;
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue | null;
}): Promise<void> {
  const { db, before, after, ...entry } = input;
  await db.auditLog.create({
    data: { ...entry, before: before ?? undefined, after: after ?? undefined },
  });
}

// The audit trail: every create, edit, archive, restore, import and delete, with before and after,
// and every sign-in, sign-out and failed sign-in.
import type { AuditAction, Prisma } from "../generated/prisma/client";
import type { DbOrTx } from "../db-client";
import { insertUnnest } from "../records/bulk-insert";
import type { BulkPath } from "../records/pipeline";
import type { AUDITED_ENTITIES } from "./schemas";

export type AuditEntity = "Event" | "Condition" | "Agreement";
/** What the audit log names besides records: review decisions, the rules that make them, accounts, sessions, feed tokens, teams, saved views, analyst notes and manual job runs. */
export type AuditSubject = (typeof AUDITED_ENTITIES)[number];

export async function recordAudit(input: {
  db: DbOrTx;
  actorId: string | null;
  action: AuditAction;
  entityType: AuditSubject;
  entityId: string;
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue | null;
}): Promise<void> {
  const { db, before, after, ...entry } = input;
  await db.auditLog.create({
    data: { ...entry, before: before ?? undefined, after: after ?? undefined },
  });
}

const AUDIT_TABLE = {
  name: "AuditLog",
  types: { at: "timestamp(3)", actorId: "text", action: '"AuditAction"', entityType: "text", entityId: "text", before: "jsonb", after: "jsonb" },
} as const;

/**
 * Many entries in one statement, for the CSV import and other bulk writes: the same rows
 * recordAudit writes, by unnest (one array per column, the time made here) or, as the import's
 * baseline is measured, through Prisma's createMany.
 */
export async function recordAudits(input: { db: DbOrTx; entries: Omit<Parameters<typeof recordAudit>[0], "db">[]; path?: BulkPath }): Promise<void> {
  if (input.entries.length === 0) return;
  if (input.path === "createMany") {
    await input.db.auditLog.createMany({
      data: input.entries.map(({ before, after, ...entry }) => ({ ...entry, before: before ?? undefined, after: after ?? undefined })),
    });
    return;
  }
  const at = new Date();
  await insertUnnest(input.db, AUDIT_TABLE.name, AUDIT_TABLE.types, input.entries.map((entry) => ({ at, ...entry })));
}

// The audit trail, newest first, filterable by record and by who made the change.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import type { z } from "zod";
import type { auditListInput } from "./schemas";

const auditSelect = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditLogSelect;

export async function listAudit({ db, filter }: { db: Db; filter: z.output<typeof auditListInput> }) {
  const rows = await db.auditLog.findMany({
    where: {
      entityType: filter.entityType,
      entityId: filter.entityId || undefined,
      actorId: filter.actorId || undefined,
      id: filter.before ? { lt: BigInt(filter.before) } : undefined,
    },
    select: auditSelect,
    orderBy: { id: "desc" },
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((r) => ({ ...r, id: r.id.toString(), changes: changedFields(r.before, r.after) })),
    nextBefore: rows.length > filter.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/** The top-level fields whose value differs between before and after: the diff the page shows. */
export function changedFields(before: unknown, after: unknown): { field: string; before: unknown; after: unknown }[] {
  const asRecord = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const [b, a] = [asRecord(before), asRecord(after)];
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

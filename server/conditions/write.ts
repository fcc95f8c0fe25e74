// Creating, editing, archiving and restoring standing conditions: one transaction each, with
// the audit entry and the refresh of the dyad's daily index from the earliest day touched.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { recordAudit } from "../admin/audit";
import { fromDay, placementDay, toDay } from "../method/day";
import { refreshRollup, type DbOrTx } from "../relations/rollup";
import { sourcesCreate } from "../events/write";
import { fieldError, staleVersion } from "../shared/errors";
import type { ConditionInput } from "./schemas";

const dayDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const editableSelect = {
  id: true,
  version: true,
  dyadId: true,
  dyad: { select: { key: true } },
  kind: true,
  holderCode: true,
  points: true,
  title: true,
  summary: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  verification: true,
  archivedAt: true,
  updatedAt: true,
  sources: { select: { publisher: true, title: true, url: true, publishedOn: true }, orderBy: { id: "asc" } },
} satisfies Prisma.ConditionSelect;

type EditableCondition = Prisma.ConditionGetPayload<{ select: typeof editableSelect }>;

const iso = (d: Date) => fromDay(toDay(d));

export function conditionValues(c: EditableCondition): ConditionInput {
  return {
    dyad: c.dyad.key,
    kind: c.kind,
    holder: c.holderCode ?? undefined,
    points: c.points,
    title: c.title,
    summary: c.summary ?? undefined,
    startDate: iso(c.startDate),
    startPrecision: c.startPrecision,
    endDate: c.endDate ? iso(c.endDate) : undefined,
    endPrecision: c.endPrecision ?? undefined,
    verification: c.verification,
    sources: c.sources.map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn ? iso(s.publishedOn) : undefined })),
  };
}

const snapshot = (c: EditableCondition) => JSON.parse(JSON.stringify({ ...conditionValues(c), archived: c.archivedAt !== null })) as Prisma.InputJsonValue;

/** The earliest day the condition weighs on the index: where a refresh must start. */
const firstDay = (c: Pick<ConditionInput, "startDate" | "startPrecision">) => placementDay(c.startDate, c.startPrecision);

async function dyadIdOf(db: DbOrTx, input: ConditionInput, today: number): Promise<string> {
  const dyad = await db.dyad.findUnique({ where: { key: input.dyad }, select: { id: true } });
  if (!dyad) throw fieldError("BAD_REQUEST", "dyad", `no dyad ${input.dyad} is recorded: an admin must add it first`);
  if (firstDay(input) > today) throw fieldError("BAD_REQUEST", "startDate", "a condition cannot start in the future");
  return dyad.id;
}

/** The Condition columns an input stands for. */
export function conditionColumns(input: ConditionInput, dyadId: string) {
  return {
    dyadId,
    kind: input.kind,
    holderCode: input.holder ?? null,
    points: input.points,
    title: input.title,
    summary: input.summary ?? null,
    startDate: dayDate(input.startDate),
    startPrecision: input.startPrecision,
    endDate: input.endDate ? dayDate(input.endDate) : null,
    endPrecision: input.endDate ? (input.endPrecision ?? "DAY") : null,
    verification: input.verification,
  };
}

async function loadForWrite(tx: DbOrTx, id: string, version: number): Promise<EditableCondition> {
  const current = await tx.condition.findUnique({ where: { id }, select: editableSelect });
  if (!current) throw fieldError("NOT_FOUND", "id", "no such condition");
  if (current.version !== version) throw staleVersion({ version: current.version, values: conditionValues(current), updatedAt: current.updatedAt });
  return current;
}

export async function createCondition(input: { db: Db; actorId: string | null; data: ConditionInput; today: number }) {
  const { db, actorId, data, today } = input;
  return db.$transaction(async (tx) => {
    const dyadId = await dyadIdOf(tx, data, today);
    const created = await tx.condition.create({
      data: { ...conditionColumns(data, dyadId), provenance: "ENTERED", sources: { create: sourcesCreate(data) } },
      select: editableSelect,
    });
    await recordAudit({ db: tx, actorId, action: "CREATE", entityType: "Condition", entityId: created.id, before: null, after: snapshot(created) });
    await refreshRollup({ db: tx, dyadId, changedDay: firstDay(data), today });
    return { id: created.id, version: created.version };
  });
}

export async function updateCondition(input: { db: Db; actorId: string | null; id: string; version: number; data: ConditionInput; today: number }) {
  const { db, actorId, id, version, data, today } = input;
  return db.$transaction(async (tx) => {
    const before = await loadForWrite(tx, id, version);
    const dyadId = await dyadIdOf(tx, data, today);
    const { count } = await tx.condition.updateMany({ where: { id, version }, data: { ...conditionColumns(data, dyadId), version: { increment: 1 } } });
    if (count === 0) throw staleVersion({ version: before.version + 1, values: conditionValues(before), updatedAt: new Date() });
    await tx.source.deleteMany({ where: { conditionId: id } });
    await tx.source.createMany({ data: sourcesCreate(data).map((s) => ({ ...s, conditionId: id })) });
    const after = await tx.condition.findUniqueOrThrow({ where: { id }, select: editableSelect });
    await recordAudit({ db: tx, actorId, action: "UPDATE", entityType: "Condition", entityId: id, before: snapshot(before), after: snapshot(after) });
    const changedDay = Math.min(firstDay(conditionValues(before)), firstDay(data));
    await refreshRollup({ db: tx, dyadId, changedDay, today });
    if (before.dyadId !== dyadId) await refreshRollup({ db: tx, dyadId: before.dyadId, changedDay, today });
    return { id, version: after.version };
  });
}

export async function setConditionArchived(input: { db: Db; actorId: string | null; id: string; version: number; archived: boolean; today: number }) {
  const { db, actorId, id, version, archived, today } = input;
  return db.$transaction(async (tx) => {
    const before = await loadForWrite(tx, id, version);
    const { count } = await tx.condition.updateMany({ where: { id, version }, data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } } });
    if (count === 0) throw staleVersion({ version: before.version + 1, values: conditionValues(before), updatedAt: new Date() });
    const after = await tx.condition.findUniqueOrThrow({ where: { id }, select: editableSelect });
    await recordAudit({ db: tx, actorId, action: archived ? "ARCHIVE" : "RESTORE", entityType: "Condition", entityId: id, before: snapshot(before), after: snapshot(after) });
    await refreshRollup({ db: tx, dyadId: after.dyadId, changedDay: firstDay(conditionValues(after)), today });
    return { id, version: after.version };
  });
}

export async function conditionForEditing({ db, id }: { db: Db; id: string }) {
  const condition = await db.condition.findUnique({ where: { id }, select: editableSelect });
  return condition ? { id: condition.id, version: condition.version, archived: condition.archivedAt !== null, values: conditionValues(condition) } : null;
}

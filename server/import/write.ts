// The import itself: every write of a plan in one transaction (all or nothing), an IMPORT audit
// entry per created or changed event, then each touched dyad's index refreshed once from the
// earliest day the file touched.
import type { Db } from "../db-client";
import { Prisma } from "../generated/prisma/client";
import { recordAudits } from "../admin/audit";
import { auditSnapshot, eventColumns, eventValues, sourcesCreate } from "../events/write";
import { placementDay, toDay } from "../method/day";
import { refreshRollup } from "../relations/rollup";
import type { ImportPlan, PlannedWrite } from "./plan";
import { IMPORT_BATCH, type ImportProgress } from "./progress";

/** The events the result links to: enough to check a few, not a second copy of the file. */
const SHOWN_EVENTS = 20;

/** Someone else wrote one of the file's events while it was being imported. */
export class ImportConflictError extends Error {}

/** Long files take a while; nothing else waits on this transaction but writes to the same rows. */
const TRANSACTION = { timeout: 10 * 60_000, maxWait: 10_000 };

export async function runImport(input: {
  db: Db;
  actorId: string;
  plan: ImportPlan;
  today: number;
  onProgress?: (progress: ImportProgress) => void;
}): Promise<Extract<ImportProgress, { phase: "done" }>> {
  const { db, actorId, plan, today, onProgress } = input;
  const creates = plan.writes.filter((w) => w.kind === "create");
  const updates = plan.writes.flatMap((w) => (w.kind === "update" ? [w] : []));
  const fromDayOf = affectedDays(plan.writes);
  onProgress?.({ phase: "validated", writes: plan.writes.length, dyads: fromDayOf.size });
  const total = plan.writes.length;
  const events: Extract<ImportProgress, { phase: "done" }>["events"] = [];

  try {
    await db.$transaction(async (tx) => {
      let done = 0;
      for (let i = 0; i < creates.length; i += IMPORT_BATCH) {
        const batch = creates.slice(i, i + IMPORT_BATCH);
        const created = await tx.event.createManyAndReturn({
          data: batch.map((w) => ({ ...eventColumns(w.data, w.dyadId), externalId: w.externalId, provenance: "IMPORTED" as const })),
          select: { id: true, externalId: true },
        });
        const idOf = new Map(created.map((e) => [e.externalId, e.id]));
        const withIds = batch.map((w) => ({ w, id: idOf.get(w.externalId) ?? "" }));
        await tx.source.createMany({ data: withIds.flatMap(({ w, id }) => sourcesCreate(w.data).map((s) => ({ ...s, eventId: id }))) });
        await tx.eventAgreement.createMany({ data: withIds.flatMap(({ w, id }) => w.data.agreementIds.map((agreementId) => ({ eventId: id, agreementId }))) });
        await recordAudits({
          db: tx,
          entries: withIds.map(({ w, id }) => ({ actorId, action: "IMPORT", entityType: "Event", entityId: id, before: null, after: auditSnapshot(w.data, false) })),
        });
        events.push(...withIds.map(({ w, id }) => ({ id, title: w.data.title, status: "new" as const })));
        done += batch.length;
        onProgress?.({ phase: "writing", done, total });
      }
      for (const w of updates) {
        const id = w.before.id;
        // The version read by the dry run, checked in the statement that bumps it (as the form does).
        const { count } = await tx.event.updateMany({ where: { id, version: w.before.version }, data: { ...eventColumns(w.data, w.dyadId), version: { increment: 1 } } });
        if (count === 0) throw new ImportConflictError(`Event ${w.externalId} was changed by someone else during the import.`);
        await tx.source.deleteMany({ where: { eventId: id } });
        await tx.source.createMany({ data: sourcesCreate(w.data).map((s) => ({ ...s, eventId: id })) });
        await tx.eventAgreement.deleteMany({ where: { eventId: id } });
        await tx.eventAgreement.createMany({ data: w.data.agreementIds.map((agreementId) => ({ eventId: id, agreementId })) });
        const archived = w.before.archivedAt !== null;
        await recordAudits({
          db: tx,
          entries: [{ actorId, action: "IMPORT", entityType: "Event", entityId: id, before: auditSnapshot(eventValues(w.before), archived), after: auditSnapshot(w.data, archived) }],
        });
        events.push({ id, title: w.data.title, status: "changed" });
        done += 1;
        if (done % IMPORT_BATCH === 0 || done === total) onProgress?.({ phase: "writing", done, total });
      }
      let indexed = 0;
      for (const [dyadId, changedDay] of fromDayOf) {
        await refreshRollup({ db: tx, dyadId, changedDay, today });
        onProgress?.({ phase: "indexing", done: ++indexed, total: fromDayOf.size });
      }
    }, TRANSACTION);
  } catch (error) {
    // A unique external id taken meanwhile: another import of the same rows won the race.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ImportConflictError("Some of these events were imported by someone else during the import.");
    }
    throw error;
  }
  return { phase: "done", created: creates.length, updated: updates.length, unchanged: plan.counts.unchanged, events: events.slice(0, SHOWN_EVENTS) };
}

/** Per touched dyad, the earliest day a write moves: an update touches its old day and dyad too. */
function affectedDays(writes: PlannedWrite[]): Map<string, number> {
  const days = new Map<string, number>();
  const touch = (dyadId: string, day: number) => days.set(dyadId, Math.min(day, days.get(dyadId) ?? day));
  for (const w of writes) {
    const day = placementDay(w.data.date, w.data.datePrecision);
    touch(w.dyadId, day);
    if (w.kind === "update") {
      touch(w.before.dyadId, toDay(w.before.placementDate));
      touch(w.dyadId, toDay(w.before.placementDate));
    }
  }
  return days;
}

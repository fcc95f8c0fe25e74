// The import itself: every write of a plan in one transaction (all or nothing), an IMPORT audit
// entry per created or changed event, then each touched dyad's index refreshed once from the
// earliest day the file touched.
import { randomUUID } from "node:crypto";
import type { Db } from "../db-client";
import { allowLongStatements } from "../db-limits";
import { Prisma } from "../generated/prisma/client";
import { eventRecord } from "../events/write";
import { IndexChanges } from "../records/index-changes";
import { changedRecord, insertRecords, touchOf, updateRecordAt, type BulkPath } from "../records/pipeline";
import type { ChangedRecord } from "../alerts/outbox";
import type { ImportPlan } from "./plan";
import { IMPORT_BATCH, type ImportProgress } from "./progress";

/** The events the result links to: enough to check a few, not a second copy of the file. */
const SHOWN_EVENTS = 20;

/** A unique key taken: P2002 from Prisma's own writes, the adapter's classification from a raw (unnest) statement. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const adapterError = error.meta?.driverAdapterError;
  return typeof adapterError === "object" && adapterError !== null && "cause" in adapterError && typeof adapterError.cause === "object" && adapterError.cause !== null && "kind" in adapterError.cause && adapterError.cause.kind === "UniqueConstraintViolation";
}

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
  /** How new events are written: unnest (the default), or Prisma's createMany, the baseline `npm run bench:import` compares with. */
  path?: BulkPath;
}): Promise<Extract<ImportProgress, { phase: "done" }>> {
  const { db, actorId, plan, today, onProgress, path = "unnest" } = input;
  const creates = plan.writes.filter((w) => w.kind === "create");
  const updates = plan.writes.flatMap((w) => (w.kind === "update" ? [w] : []));
  // Per touched dyad, the earliest day a write moves: an update moves its old day and dyad too.
  const changes = new IndexChanges();
  for (const w of plan.writes) changes.add(touchOf(eventRecord, { data: w.data, refs: w.dyadId }), w.kind === "update" ? touchOf(eventRecord, { stored: w.before }) : null);
  onProgress?.({ phase: "validated", writes: plan.writes.length, dyads: changes.size });
  const total = plan.writes.length;
  const events: Extract<ImportProgress, { phase: "done" }>["events"] = [];
  const audit = { actorId, action: "IMPORT" } as const;
  // Every event written, for the alerts outbox (EVENT_SCORE rules judge the new ones).
  const written: ChangedRecord[] = [];

  try {
    await db.$transaction(async (tx) => {
      // Batches of 500 rows and whole-history index refreshes: past a request's statement limit.
      await allowLongStatements(tx, TRANSACTION.timeout);
      await changes.catchUp(tx, today);
      let done = 0;
      for (let i = 0; i < creates.length; i += IMPORT_BATCH) {
        const batch = creates.slice(i, i + IMPORT_BATCH);
        const items = batch.map((w) => ({ data: w.data, refs: w.dyadId, origin: { provenance: "IMPORTED", externalId: w.externalId } as const }));
        const ids = await insertRecords(tx, eventRecord, items, audit, path);
        events.push(...batch.map((w, k) => ({ id: ids[k] ?? "", title: w.data.title, status: "new" as const })));
        written.push(...batch.map((w, k) => changedRecord(eventRecord, eventRecord.columns(w.data, w.dyadId), { id: ids[k] ?? "", version: 1, action: "CREATE" })));
        done += batch.length;
        onProgress?.({ phase: "writing", done, total });
      }
      for (const w of updates) {
        // The version read by the dry run, checked in the statement that bumps it (as the form does).
        if (!(await updateRecordAt(tx, eventRecord, { before: w.before, data: w.data, refs: w.dyadId }, audit))) {
          throw new ImportConflictError(`Event ${w.externalId} was changed by someone else during the import.`);
        }
        events.push({ id: w.before.id, title: w.data.title, status: "changed" });
        written.push(changedRecord(eventRecord, eventRecord.columns(w.data, w.dyadId), { id: w.before.id, version: w.before.version + 1, action: "UPDATE" }));
        done += 1;
        if (done % IMPORT_BATCH === 0 || done === total) onProgress?.({ phase: "writing", done, total });
      }
      await changes.apply(tx, today, { entity: "Import", id: randomUUID(), records: written }, (indexed, dyads) => onProgress?.({ phase: "indexing", done: indexed, total: dyads }));
    }, TRANSACTION);
  } catch (error) {
    // A unique external id taken meanwhile: another import of the same rows won the race.
    if (isUniqueViolation(error)) {
      throw new ImportConflictError("Some of these events were imported by someone else during the import.");
    }
    throw error;
  }
  return { phase: "done", created: creates.length, updated: updates.length, unchanged: plan.counts.unchanged, events: events.slice(0, SHOWN_EVENTS) };
}

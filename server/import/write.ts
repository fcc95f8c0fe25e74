// The import itself: every write of a plan in one transaction (all or nothing), an IMPORT audit
// entry per created or changed event, then each touched dyad's index refreshed once from the
// earliest day the file touched.
import { randomUUID } from "node:crypto";
import type { Db } from "../db-client";
import { allowLongStatements } from "../db-limits";
import { eventRecord } from "../events/write";
import { IndexChanges } from "../records/index-changes";
import { changedRecord, insertRecords, touchOf, updateRecordAt, type BulkPath } from "../records/pipeline";
import type { ChangedRecord } from "../alerts/outbox";
import { submitDrafts, type DraftProposal } from "../drafts/submit";
import { said } from "../shared/said";
import { isUniqueViolation } from "../shared/unique-violation";
import type { ImportPlan } from "./plan";
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
          throw new ImportConflictError(said("importRowChanged", { id: w.externalId }));
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
      throw new ImportConflictError(said("importRaced"));
    }
    throw error;
  }
  return { phase: "done", created: creates.length, updated: updates.length, unchanged: plan.counts.unchanged, events: events.slice(0, SHOWN_EVENTS) };
}

/** The batch label the review queue filters an import's drafts by. */
export const importSource = (fileName: string, rows: number) => `import: ${fileName} (${rows} ${rows === 1 ? "row" : "rows"})`;

/**
 * The import while review is required (or asked for): one draft per new or changed row instead of
 * the events, in one transaction, batches of IMPORT_BATCH in two statements each (the drafts and
 * their DRAFT audit entries), tagged with the file. Nothing published moves: no index refresh, no
 * alert. A new row's draft keeps its external id, so the published event is the one a direct
 * import would have written; a changed row's draft is an edit against the version the plan read.
 */
export async function submitImport(input: {
  db: Db;
  actorId: string;
  plan: ImportPlan;
  source: string;
  onProgress?: (progress: ImportProgress) => void;
}): Promise<Extract<ImportProgress, { phase: "submitted" }>> {
  const { db, actorId, plan, source, onProgress } = input;
  const total = plan.writes.length;
  onProgress?.({ phase: "validated", writes: total, dyads: 0 });
  const proposals: DraftProposal[] = plan.writes.map((w) =>
    w.kind === "create"
      ? { recordType: "Event", values: w.data, title: w.data.title, provenance: "IMPORTED", externalId: w.externalId }
      : { recordType: "Event", values: w.data, title: w.data.title, target: { id: w.before.id, version: w.before.version } },
  );
  const shown: { id: string; title: string }[] = [];
  await db.$transaction(async (tx) => {
    await allowLongStatements(tx, TRANSACTION.timeout);
    for (let i = 0; i < total; i += IMPORT_BATCH) {
      const batch = proposals.slice(i, i + IMPORT_BATCH);
      const ids = await submitDrafts(tx, { authorId: actorId, source, drafts: batch });
      if (shown.length < SHOWN_EVENTS) shown.push(...batch.slice(0, SHOWN_EVENTS - shown.length).map((d, k) => ({ id: ids[k] ?? "", title: d.title })));
      onProgress?.({ phase: "writing", done: Math.min(i + IMPORT_BATCH, total), total });
    }
  }, TRANSACTION);
  return { phase: "submitted", drafts: total, unchanged: plan.counts.unchanged, source, shown };
}

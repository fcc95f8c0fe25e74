// The one way a record (event, condition, agreement, and any type to come) is written.
//
// A record type is declared once, beside its domain (events/write.ts, conditions/write.ts,
// agreements/write.ts), as a RecordType: how it is loaded (its select) and shown to the form
// (`values`), what its input refers to (`references`: looked up, refused with fieldError), its
// columns, its child relations, and the dyad and day it weighs on in the index (`touches`).
//
// Writers call, each in one transaction with its audit entry (before/after snapshots) and the
// refresh of the index from the earliest day touched (the touched dyads first caught up to today
// without the write, so the alerts outbox compares today with today):
//   recordForEditing · createRecord · updateRecord · setRecordArchived (archive and restore)
// or the same bound to a type: `export const { create: createEvent, … } = writersOf(eventRecord)`.
// A save carries the version the editor loaded: the UPDATE's WHERE checks it, and a stale save is
// refused with staleVersion and what the record holds now.
// Bulk writers (the CSV import, the seed) work inside their own transaction with
//   insertRecords (batched) · updateRecordAt (false when the version moved on) · touchOf
// and collect IndexChanges (index-changes.ts) to refresh each touched dyad once.
import type { Db, DbOrTx } from "../db-client";
import type { Prisma, Provenance } from "../generated/prisma/client";
import { recordAudit, recordAudits, type AuditEntity } from "../admin/audit";
import { toDay } from "../method/day";
import { fieldError, staleVersion } from "../shared/errors";
import { said } from "../shared/said";
import type { ChildRelation } from "./children";
import { insertUnnest, newId, type SqlTypes } from "./bulk-insert";
import { IndexChanges, type Touch } from "./index-changes";
import type { ChangedRecord, ChangeRef, RecordAction } from "../alerts/outbox";

/** What every versioned record row carries. */
export interface StoredRecord {
  id: string;
  version: number;
  archivedAt: Date | null;
  updatedAt: Date;
}

/** Where a record comes from: typed in, seeded or imported, with the source's stable id. */
export interface Origin {
  provenance: Provenance;
  externalId?: string;
}

/** What a row written in bulk carries besides its columns: made in the app (bulk-insert.ts). */
export interface BulkStamps {
  id: string;
  provenance: Provenance;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * How insertRecords writes a batch: `unnest`, one INSERT … SELECT FROM unnest(…) per table, for
 * types that declare their `table`; `createMany`, Prisma's per-row path (kept as the types
 * without a `table` use it, and as the baseline `npm run bench:import` measures against).
 */
export type BulkPath = "unnest" | "createMany";

type VersionedData<Columns> = (Columns | { archivedAt: Date | null }) & { version: { increment: 1 } };

/**
 * A record type: `Row` as loaded for editing, `Input` the form's values, `Refs` what `references`
 * looks up (a dyad id…), `Columns` the record's own columns.
 */
export interface RecordType<Row extends StoredRecord, Input extends object, Refs, Columns> {
  /** Its name in the audit log. */
  entity: AuditEntity;
  /** Its name in "no such …". */
  noun: string;
  /** The record as the editor, the audit log and a refused save see it (a findUnique with its select). */
  load(db: DbOrTx, id: string): Promise<Row | null>;
  /** The stored record in the form's shape: what the editor loads, the audit log keeps and a conflict shows. */
  values(row: Row): Input;
  /** Looks up what the input refers to; throws fieldError when it is missing or not allowed. */
  references(db: DbOrTx, input: Input, today: number): Promise<Refs>;
  columns(input: Input, refs: Refs): Columns;
  /** One INSERT of many rows (createManyAndReturn). */
  insert(db: DbOrTx, rows: (Columns & Origin)[]): Promise<{ id: string; externalId: string | null }[]>;
  /** Its table and column types: when present, insertRecords writes a batch with one unnest statement. */
  table?: { name: string; types: SqlTypes<Columns & BulkStamps> };
  /** One UPDATE of the rows `where` matches (updateMany): the pipeline puts the version in it. */
  update(db: DbOrTx, args: { where: { id: string; version: number }; data: VersionedData<Columns> }): Promise<{ count: number }>;
  /** Written after the record, in this order. */
  children: readonly ChildRelation<Input, Row>[];
  /** The dyad and first day a stored record (or the columns of one) weighs on; absent for types outside the index. */
  touches?(record: Row | Columns): Touch;
  /**
   * What publishing records of this type proposes besides, in the same transaction (an event: the
   * standing condition it opens or ends). Every audited create, update and import calls it; the
   * seed, which writes without audit, does not.
   */
  published?(db: DbOrTx, records: readonly { id: string; data: Input }[], publisherId: string | null): Promise<void>;
  /** A stored record's (or its columns') Goldstein value G, for EVENT_SCORE alert rules; absent for types without one. */
  goldstein?(record: Row | Columns): number;
}

/** The editor's starting point: the record's values, the version they are at, archived or not. */
export async function recordForEditing<R extends StoredRecord, I extends object, F, C>(input: { db: Db; type: RecordType<R, I, F, C>; id: string }) {
  const row = await input.type.load(input.db, input.id);
  return row ? { id: row.id, version: row.version, archived: row.archivedAt !== null, values: input.type.values(row) } : null;
}

/** What every single-record write takes; `today` (a day number) defaults to the current UTC day. */
interface WriteArgs {
  db: Db;
  actorId: string | null;
  today?: number;
}
export type CreateArgs<I> = WriteArgs & {
  data: I;
  origin?: Origin;
  /**
   * What else the record's transaction writes once the record is in or updated (a review decision
   * or a draft the write settles): it commits with the record, and a throw here undoes both.
   */
  alongside?: (tx: Prisma.TransactionClient, created: { id: string; version: number }) => Promise<void>;
};
export type UpdateArgs<I> = WriteArgs & { id: string; version: number; data: I; alongside?: CreateArgs<I>["alongside"] };
export type ArchiveArgs = WriteArgs & { id: string; version: number; archived: boolean; alongside?: CreateArgs<unknown>["alongside"] };

export async function createRecord<R extends StoredRecord, I extends object, F, C>(input: CreateArgs<I> & { type: RecordType<R, I, F, C> }): Promise<{ id: string; version: number }> {
  const { db, type, actorId, data, today = toDay(new Date()), origin = { provenance: "ENTERED" }, alongside } = input;
  return db.$transaction(async (tx) => {
    const refs = await type.references(tx, data, today);
    await new IndexChanges().add(touchOf(type, { data, refs })).catchUp(tx, today);
    // One row: Prisma's own insert, whose unique violation (P2002) callers recognise, e.g. a feed's
    // "Make event" finishing an interrupted save; unnest is for the import's thousands.
    const [id = ""] = await insertRecords(tx, type, [{ data, refs, origin }], undefined, "createMany");
    const after = await loadOrRefuse(tx, type, id);
    await audit(tx, type, { actorId, action: "CREATE", before: null, after });
    await type.published?.(tx, [{ id, data }], actorId);
    await alongside?.(tx, { id, version: after.version });
    await new IndexChanges().add(type.touches?.(after) ?? null).apply(tx, today, changeOf(type, after, "CREATE"));
    return { id, version: after.version };
  });
}

export async function updateRecord<R extends StoredRecord, I extends object, F, C>(input: UpdateArgs<I> & { type: RecordType<R, I, F, C> }): Promise<{ id: string; version: number }> {
  const { db, type, actorId, id, version, data, today = toDay(new Date()), alongside } = input;
  return db.$transaction(async (tx) => {
    const before = await loadForWrite(tx, type, id, version);
    const refs = await type.references(tx, data, today);
    await new IndexChanges().add(touchOf(type, { data, refs }), touchOf(type, { stored: before })).catchUp(tx, today);
    if (!(await updateRecordAt(tx, type, { before, data, refs }))) throw raced(type, before);
    const after = await loadOrRefuse(tx, type, id);
    await audit(tx, type, { actorId, action: "UPDATE", before, after });
    await type.published?.(tx, [{ id, data }], actorId);
    await alongside?.(tx, { id, version: after.version });
    await new IndexChanges().add(type.touches?.(after) ?? null, type.touches?.(before) ?? null).apply(tx, today, changeOf(type, after, "UPDATE"));
    return { id, version: after.version };
  });
}

/** Archive (archived: true) or restore: the record leaves or rejoins the index, the feeds and the exports. */
export async function setRecordArchived<R extends StoredRecord, I extends object, F, C>(input: ArchiveArgs & { type: RecordType<R, I, F, C> }): Promise<{ id: string; version: number }> {
  const { db, type, actorId, id, version, archived, today = toDay(new Date()), alongside } = input;
  return db.$transaction(async (tx) => {
    const before = await loadForWrite(tx, type, id, version);
    await new IndexChanges().add(touchOf(type, { stored: before })).catchUp(tx, today);
    const { count } = await type.update(tx, { where: { id, version }, data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } } });
    if (count === 0) throw raced(type, before);
    const after = await loadOrRefuse(tx, type, id);
    await audit(tx, type, { actorId, action: archived ? "ARCHIVE" : "RESTORE", before, after });
    await alongside?.(tx, { id, version: after.version });
    await new IndexChanges().add(type.touches?.(after) ?? null).apply(tx, today, changeOf(type, after, archived ? "ARCHIVE" : "RESTORE"));
    return { id, version: after.version };
  });
}

/** A single-record write as the alerts outbox keys and judges it. */
function changeOf<R extends StoredRecord, I extends object, F, C>(type: RecordType<R, I, F, C>, after: R, action: RecordAction): ChangeRef {
  return { entity: type.entity, id: after.id, version: after.version, records: [changedRecord(type, after, { id: after.id, version: after.version, action })] };
}

/** A record as written (stored, or the columns a bulk writer wrote), for the alerts outbox. */
export function changedRecord<R extends StoredRecord, I extends object, F, C>(
  type: RecordType<R, I, F, C>,
  record: R | C,
  written: { id: string; version: number; action: RecordAction },
): ChangedRecord {
  return { entity: type.entity, ...written, dyadId: type.touches?.(record).dyadId ?? null, goldstein: type.goldstein?.(record) ?? null };
}

/** The four writes of one record type, bound to it: what its domain module exports under its own names. */
export function writersOf<R extends StoredRecord, I extends object, F, C>(type: RecordType<R, I, F, C>) {
  return {
    forEditing: (input: { db: Db; id: string }) => recordForEditing({ ...input, type }),
    create: (input: CreateArgs<I>) => createRecord({ ...input, type }),
    update: (input: UpdateArgs<I>) => updateRecord({ ...input, type }),
    setArchived: (input: ArchiveArgs) => setRecordArchived({ ...input, type }),
  };
}

/** An audit entry a bulk write adds per record; its `after` is the input written (nothing is read back). */
interface BulkAudit {
  actorId: string | null;
  action: "CREATE" | "IMPORT";
}

/**
 * Inserts records (one statement, then one per child relation) inside the caller's transaction,
 * with an audit entry each when asked; returns their ids in order. The index is the caller's to
 * refresh (touchOf, IndexChanges). Several records at once need each its own externalId.
 */
export async function insertRecords<R extends StoredRecord, I extends object, F, C>(
  db: DbOrTx,
  type: RecordType<R, I, F, C>,
  items: readonly { data: I; refs: F; origin: Origin }[],
  bulkAudit?: BulkAudit,
  path: BulkPath = "unnest",
): Promise<string[]> {
  if (items.length === 0) return [];
  const ids = type.table && path === "unnest" ? await insertWithUnnest(db, type.table, type, items) : await insertWithCreateMany(db, type, items);
  const records = items.map((item, i) => ({ id: ids[i] ?? "", data: item.data }));
  for (const child of type.children) await child.create(db, records, path);
  if (bulkAudit) {
    const entries = records.map(({ id, data }) => ({ ...bulkAudit, entityType: type.entity, entityId: id, before: null, after: snapshot(data, false) }));
    await recordAudits({ db, entries, path });
    await type.published?.(db, records, bulkAudit.actorId);
  }
  return ids;
}

async function insertWithUnnest<R extends StoredRecord, I extends object, F, C>(
  db: DbOrTx,
  table: NonNullable<RecordType<R, I, F, C>["table"]>,
  type: RecordType<R, I, F, C>,
  items: readonly { data: I; refs: F; origin: Origin }[],
): Promise<string[]> {
  const now = new Date();
  const rows = items.map((item) => ({
    ...type.columns(item.data, item.refs),
    id: newId(),
    provenance: item.origin.provenance,
    externalId: item.origin.externalId ?? null,
    createdAt: now,
    updatedAt: now,
  }));
  await insertUnnest(db, table.name, table.types, rows);
  return rows.map((row) => row.id);
}

async function insertWithCreateMany<R extends StoredRecord, I extends object, F, C>(
  db: DbOrTx,
  type: RecordType<R, I, F, C>,
  items: readonly { data: I; refs: F; origin: Origin }[],
): Promise<string[]> {
  const inserted = await type.insert(db, items.map((item) => ({ ...type.columns(item.data, item.refs), ...item.origin })));
  const idOf = new Map(inserted.map((row) => [row.externalId, row.id]));
  const ids = items.length === 1 ? inserted.map((row) => row.id) : items.map((item) => idOf.get(item.origin.externalId ?? null) ?? "");
  if (ids.length !== items.length || ids.includes("")) throw new Error(`${type.entity} rows inserted together need distinct external ids`);
  return ids;
}

/**
 * The versioned UPDATE of a stored record's columns and children, inside the caller's
 * transaction: the version `before` was read at is checked in the statement that bumps it, so two
 * racing saves cannot both win. False, with nothing written, when the record moved on meanwhile.
 */
export async function updateRecordAt<R extends StoredRecord, I extends object, F, C>(
  db: DbOrTx,
  type: RecordType<R, I, F, C>,
  write: { before: R; data: I; refs: F },
  bulkAudit?: BulkAudit,
): Promise<boolean> {
  const { before, data, refs } = write;
  const { count } = await type.update(db, { where: { id: before.id, version: before.version }, data: { ...type.columns(data, refs), version: { increment: 1 } } });
  if (count === 0) return false;
  for (const child of type.children) await child.update(db, before.id, data, before);
  if (bulkAudit) {
    const archived = before.archivedAt !== null;
    await recordAudits({
      db,
      entries: [{ ...bulkAudit, entityType: type.entity, entityId: before.id, before: snapshot(type.values(before), archived), after: snapshot(data, archived) }],
    });
    await type.published?.(db, [{ id: before.id, data }], bulkAudit.actorId);
  }
  return true;
}

/** Where writing `data` weighs on the index, for a bulk writer's IndexChanges (null outside the index). */
export function touchOf<R extends StoredRecord, I extends object, F, C>(type: RecordType<R, I, F, C>, write: { data: I; refs: F } | { stored: R }): Touch | null {
  if (!type.touches) return null;
  return type.touches("stored" in write ? write.stored : type.columns(write.data, write.refs));
}

/** A record's values as the audit log keeps them: plain JSON, with whether it is archived. */
function snapshot(values: object, archived: boolean): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify({ ...values, archived })) as Prisma.InputJsonValue;
}

function audit<R extends StoredRecord, I extends object, F, C>(
  db: DbOrTx,
  type: RecordType<R, I, F, C>,
  entry: { actorId: string | null; action: "CREATE" | "UPDATE" | "ARCHIVE" | "RESTORE"; before: R | null; after: R },
): Promise<void> {
  const shot = (row: R) => snapshot(type.values(row), row.archivedAt !== null);
  return recordAudit({
    db,
    actorId: entry.actorId,
    action: entry.action,
    entityType: type.entity,
    entityId: entry.after.id,
    before: entry.before && shot(entry.before),
    after: shot(entry.after),
  });
}

async function loadOrRefuse<R extends StoredRecord, I extends object, F, C>(db: DbOrTx, type: RecordType<R, I, F, C>, id: string): Promise<R> {
  const row = await type.load(db, id);
  if (!row) throw fieldError("NOT_FOUND", "id", said("noSuchRecordOf", { noun: type.noun }));
  return row;
}

async function loadForWrite<R extends StoredRecord, I extends object, F, C>(db: DbOrTx, type: RecordType<R, I, F, C>, id: string, version: number): Promise<R> {
  const current = await loadOrRefuse(db, type, id);
  if (current.version !== version) throw staleVersion({ version: current.version, values: type.values(current), updatedAt: current.updatedAt });
  return current;
}

/** The version matched on reading but not on writing: another save won the race in between. */
function raced<R extends StoredRecord, I extends object, F, C>(type: RecordType<R, I, F, C>, before: R) {
  return staleVersion({ version: before.version + 1, values: type.values(before), updatedAt: new Date() });
}

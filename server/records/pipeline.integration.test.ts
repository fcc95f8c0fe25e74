// The record pipeline itself, through the event type (the one with children and an index):
// stale saves refused with what the record holds, audit before/after, the index refreshed from
// the earliest day a write touched, archive and restore, and the bulk calls the import uses.
import { describe, expect, it } from "vitest";
import { eventInputFixture } from "@/prisma/seed/factories";
import { useTestDatabase } from "@/scripts/test/database";
import { eventRecord } from "../events/write";
import { fromDay, toDay } from "../method/day";
import { rebuildRollups } from "../relations/rollup";
import { AppError, fieldMessagesOf, StaleVersionError } from "../shared/errors";
import { IndexChanges } from "./index-changes";
import { createRecord, insertRecords, recordForEditing, setRecordArchived, touchOf, updateRecord, updateRecordAt } from "./pipeline";

const today = toDay(new Date());
const type = eventRecord;
const talks = (overrides: Parameters<typeof eventInputFixture>[0] = {}) =>
  eventInputFixture({ title: "Talks in Algiers", cameoCode: "046", overrideKey: undefined, date: fromDay(today - 5), ...overrides });

describe("record pipeline", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const refused = (p: Promise<unknown>) => p.then(() => expect.fail("the write was not refused"), (e: unknown) => {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  });
  const rollup = async (key: string) => {
    const rows = await db.dyadDay.findMany({ where: { dyad: { key } }, orderBy: { day: "asc" }, omit: { methodVersion: true } });
    return rows.map((r) => ({ ...r, day: fromDay(toDay(r.day)) }));
  };
  /** The index as the pipeline left it, and as a rebuild from scratch makes it: equal when no day that needed a refresh was missed. */
  const indexAndRebuilt = async (keys: string[]) => {
    const index = await Promise.all(keys.map(rollup));
    await rebuildRollups({ db, today });
    return { index, rebuilt: await Promise.all(keys.map(rollup)) };
  };

  it("refuses a stale save with the version and values the record holds now, and writes nothing", async () => {
    const { id, version } = await createRecord({ db, type, actorId: null, data: talks(), today });
    const saved = await updateRecord({ db, type, actorId: null, id, version, data: talks({ title: "Talks in Algiers, day two" }), today });
    expect(saved.version).toBe(version + 1);

    const stale = await refused(updateRecord({ db, type, actorId: null, id, version, data: talks({ title: "My older edit" }), today }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale).toBeInstanceOf(StaleVersionError);
    expect((stale as StaleVersionError).current).toMatchObject({ version: saved.version, values: { title: "Talks in Algiers, day two" } });
    expect(await recordForEditing({ db, type, id })).toMatchObject({ version: saved.version, archived: false, values: { title: "Talks in Algiers, day two" } });

    const missing = await refused(updateRecord({ db, type, actorId: null, id: "no-such-event", version: 1, data: talks(), today }));
    expect(missing.code).toBe("NOT_FOUND");
    expect(fieldMessagesOf(missing)).toEqual({ id: ["no such event"] });
    expect(await recordForEditing({ db, type, id: "no-such-event" })).toBeNull();
  });

  it("audits a save with the record's values before and after, as the editor shows them", async () => {
    const { id, version } = await createRecord({ db, type, actorId: null, data: talks({ title: "Audited talks" }), today });
    const before = await recordForEditing({ db, type, id });
    await updateRecord({ db, type, actorId: null, id, version, data: talks({ title: "Audited talks, resumed", sources: [] }), today });
    const after = await recordForEditing({ db, type, id });
    const trail = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true, entityType: true, before: true, after: true } });
    expect(trail).toEqual([
      { action: "CREATE", entityType: "Event", before: null, after: { ...before?.values, archived: false } },
      { action: "UPDATE", entityType: "Event", before: { ...before?.values, archived: false }, after: { ...after?.values, archived: false } },
    ]);
    expect(after?.values.sources).toEqual([]);
  });

  it("refreshes the index from the earliest day a save touched, in the old dyad too", async () => {
    const { id, version } = await createRecord({ db, type, actorId: null, data: talks({ title: "Moving talks" }), today });
    // Moved 60 days earlier: the days between the new and the old date must change as well.
    const earlier = await updateRecord({ db, type, actorId: null, id, version, data: talks({ title: "Moving talks", date: fromDay(today - 65) }), today });
    const earlierDay = await indexAndRebuilt(["DZA-FRA"]);
    expect(earlierDay.index).toEqual(earlierDay.rebuilt);
    // Moved to another dyad: the old one loses the event, the new one gains it.
    const target = { dyad: "FRA-MAR", actor: "FRA", target: "MAR" };
    await updateRecord({ db, type, actorId: null, id, version: earlier.version, data: talks({ title: "Moving talks", date: fromDay(today - 90), ...target }), today });
    const otherDyad = await indexAndRebuilt(["DZA-FRA", "FRA-MAR"]);
    expect(otherDyad.index).toEqual(otherDyad.rebuilt);
  });

  it("archives and restores: the record leaves and rejoins the index, each step audited, a stale one refused", async () => {
    const { id, version } = await createRecord({ db, type, actorId: null, data: talks({ title: "Archived talks", date: fromDay(today - 30) }), today });
    const archived = await setRecordArchived({ db, type, actorId: null, id, version, archived: true, today });
    expect(await recordForEditing({ db, type, id })).toMatchObject({ version: version + 1, archived: true });
    const whileArchived = await indexAndRebuilt(["DZA-FRA"]);
    expect(whileArchived.index).toEqual(whileArchived.rebuilt);
    expect((await refused(setRecordArchived({ db, type, actorId: null, id, version, archived: false, today }))).code).toBe("CONFLICT");

    await setRecordArchived({ db, type, actorId: null, id, version: archived.version, archived: false, today });
    expect(await recordForEditing({ db, type, id })).toMatchObject({ version: version + 2, archived: false });
    const restored = await indexAndRebuilt(["DZA-FRA"]);
    expect(restored.index).toEqual(restored.rebuilt);
    const trail = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });
    expect(trail.map((t) => t.action)).toEqual(["CREATE", "ARCHIVE", "RESTORE"]);
    expect(trail[1]).toMatchObject({ before: { archived: false }, after: { archived: true, title: "Archived talks" } });
    expect(trail[2]).toMatchObject({ before: { archived: true }, after: { archived: false } });
  });

  it("bulk: inserts a batch matched by external id, and an update at a moved-on version writes nothing", async () => {
    const { id: dyadId } = await db.dyad.findUniqueOrThrow({ where: { key: "DZA-FRA" }, select: { id: true } });
    const items = ["bulk-1", "bulk-2"].map((externalId) => ({ data: talks({ title: `Bulk ${externalId}` }), refs: dyadId, origin: { provenance: "IMPORTED", externalId } as const }));
    const ids = await db.$transaction((tx) => insertRecords(tx, type, items, { actorId: null, action: "IMPORT" }));
    const stored = await db.event.findMany({ where: { id: { in: ids } }, select: { id: true, externalId: true, title: true, provenance: true, sources: { select: { url: true } } } });
    expect(ids.map((id) => stored.find((e) => e.id === id))).toMatchObject([
      { externalId: "bulk-1", title: "Bulk bulk-1", provenance: "IMPORTED", sources: [{ url: "https://example.org/recall" }] },
      { externalId: "bulk-2", title: "Bulk bulk-2", provenance: "IMPORTED", sources: [{ url: "https://example.org/recall" }] },
    ]);
    expect(await db.auditLog.findMany({ where: { entityId: { in: ids } }, select: { action: true, before: true } })).toEqual([
      { action: "IMPORT", before: null },
      { action: "IMPORT", before: null },
    ]);
    const changes = new IndexChanges();
    for (const item of items) changes.add(touchOf(type, item));
    expect([...changes]).toEqual([{ dyadId, fromDay: today - 5 }]);
    await db.$transaction((tx) => changes.apply(tx, today, { entity: "Test", id: "rollup", records: [] }));
    const bulk = await indexAndRebuilt(["DZA-FRA"]);
    expect(bulk.index).toEqual(bulk.rebuilt);

    const before = await type.load(db, ids[0] ?? "");
    if (!before) throw new Error("the inserted event is missing");
    await db.event.update({ where: { id: before.id }, data: { version: { increment: 1 } } });
    const written = await db.$transaction((tx) => updateRecordAt(tx, type, { before, data: talks({ title: "Lost edit", sources: [] }), refs: dyadId }));
    expect(written).toBe(false);
    expect(await recordForEditing({ db, type, id: before.id })).toMatchObject({ version: before.version + 1, values: { title: "Bulk bulk-1", sources: [{ publisher: "Example Wire" }] } });
  });
});

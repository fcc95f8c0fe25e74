// Admin writes of events: validation, version conflicts, archive/restore and the audit trail,
// with the index following every write.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { eventInputFixture } from "@/prisma/seed/factories";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { createCaller } from "../root";
import { AppError, StaleVersionError } from "../shared/errors";
import { createContextInner } from "../trpc";
import { toDay } from "../method/day";
import { indexValue } from "../method/index-math";
import { createEvent, eventForEditing, setEventArchived, updateEvent } from "./write";

const today = toDay(new Date());
const recall = eventInputFixture;

describe("event writes", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const api = createCaller(createContextInner({ db, user: TEST_READER }));
  const fraDzaSummary = async () => {
    const [summary] = await api.relations.summary({ dyads: ["DZA-FRA"] });
    if (!summary) throw new Error("France–Algeria has no summary");
    return summary;
  };
  const fraDza = async () => (await fraDzaSummary()).value;

  it("a recorded recall lowers France–Algeria at once, and archive/restore take it out and back", async () => {
    const { value: before, ledger, pulse } = await fraDzaSummary();
    const { id, version } = await createEvent({ db, actorId: null, data: recall(), today });
    const after = await fraDza();
    // −6 × 0.8 = −4.8 in the pulse at once. The seeded 2024–2026 conditions (−40 points, weighing
    // 0.5 each since method 2.0.0) hold France–Algeria near −87: the index falls by what the formula
    // gives, about 6 points (under 1.0.0, at −99, it was under one).
    expect(after).toBeCloseTo(indexValue(ledger, pulse - 4.8), 9);
    expect(after).toBeLessThan(before - 3);
    const archived = await setEventArchived({ db, actorId: null, id, version, archived: true, today });
    expect(await fraDza()).toBeCloseTo(before, 9);
    await setEventArchived({ db, actorId: null, id, version: archived.version, archived: false, today });
    expect(await fraDza()).toBeCloseTo(after, 9);

    const trail = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });
    expect(trail.map((t) => t.action)).toEqual(["CREATE", "ARCHIVE", "RESTORE"]);
    expect(trail[0]?.before).toBeNull();
    expect(trail[1]?.after).toMatchObject({ archived: true, title: "Algeria recalls its ambassador from Paris" });
  });

  it("refuses a future date and an unknown dyad with a message on the field", async () => {
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-15`;
    const future = await createEvent({ db, actorId: null, data: recall({ date: nextYear }), today }).catch((e: unknown) => e);
    expect(future).toBeInstanceOf(AppError);
    expect((future as AppError).code).toBe("BAD_REQUEST");
    const unknown = await createEvent({ db, actorId: null, data: recall({ dyad: "ESP-FRA", actor: "ESP", target: "FRA" }), today }).catch((e: unknown) => e);
    expect((unknown as AppError).message).toMatch(/no dyad ESP-FRA/);
    expect(await db.event.count({ where: { title: "Algeria recalls its ambassador from Paris", date: new Date(nextYear) } })).toBe(0);
  });

  it("refuses an agreement linked twice with a message on the field, not a 500 from the database", async () => {
    const admin = createCaller(createContextInner({ db, user: { ...TEST_READER, role: "admin" } }));
    const { id } = await db.agreement.findFirstOrThrow({ select: { id: true } });
    const twice = await admin.events.create({ ...recall(), agreementIds: [id, id] }).catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(TRPCError);
    expect((twice as TRPCError).code).toBe("BAD_REQUEST");
    expect((twice as TRPCError).message).toMatch(/link each agreement once/);
  });

  it("refuses a stale save and reports what the record holds now", async () => {
    const { id, version } = await createEvent({ db, actorId: null, data: recall({ title: "Talks in Algiers" , cameoCode: "046", overrideKey: undefined }), today });
    const first = await updateEvent({ db, actorId: null, id, version, data: recall({ title: "Talks in Algiers, day two", cameoCode: "046", overrideKey: undefined }), today });
    expect(first.version).toBe(version + 1);
    const stale = await updateEvent({ db, actorId: null, id, version, data: recall({ title: "My older edit", cameoCode: "046", overrideKey: undefined }), today }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleVersionError);
    expect((stale as StaleVersionError).code).toBe("CONFLICT");
    expect((stale as StaleVersionError).current).toMatchObject({ version: version + 1, values: { title: "Talks in Algiers, day two" } });
    expect((await eventForEditing({ db, id }))?.values.title).toBe("Talks in Algiers, day two");
  });

  it("keeps sources and links through an edit, and audits before and after", async () => {
    const agreement = await db.agreement.findFirstOrThrow({ select: { id: true } });
    const { id, version } = await createEvent({ db, actorId: null, data: recall({ cameoCode: "046", overrideKey: undefined, agreementIds: [agreement.id] }), today });
    const sources = [
      { publisher: "Wire A", title: "First report", url: "https://a.example/1" },
      { publisher: "Wire B", title: "Second report", url: "https://b.example/2", publishedOn: "2025-04-16" },
    ];
    await updateEvent({ db, actorId: null, id, version, data: recall({ cameoCode: "046", overrideKey: undefined, sources, agreementIds: [agreement.id] }), today });
    const edited = await eventForEditing({ db, id });
    expect(edited?.values.sources).toEqual(sources);
    expect(edited?.values.agreementIds).toEqual([agreement.id]);
    const update = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "UPDATE" } });
    expect(update.before).toMatchObject({ sources: [{ publisher: "Example Wire" }] });
    expect(update.after).toMatchObject({ sources: [{ publisher: "Wire A" }, { publisher: "Wire B" }] });
  });
});

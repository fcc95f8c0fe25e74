// Conditions proposed from events against a real PostgreSQL: publishing a recall proposes exactly
// one condition draft linked to the event (whichever path published it), an ending event proposes
// closing the open condition, nothing is proposed twice for one event, the seed proposes nothing,
// and only publishing the proposal moves the index.
import { describe, expect, it } from "vitest";
import { eventInputFixture } from "@/prisma/seed/factories";
import { useTestDatabase } from "@/scripts/test/database";
import { eventRecord } from "../events/write";
import { fromDay, toDay } from "../method/day";
import { insertRecords } from "../records/pipeline";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";
import { proposedFrom } from "./proposals";

const today = toDay(new Date());
const daysAgo = (n: number) => fromDay(today - n);

describe("conditions proposed from events", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const user = async (name: string, role: "admin" | "analyst", reviewRequired: boolean) => {
    const u = await db.user.create({ data: { name, email: `${name.toLowerCase().replace(/ /g, ".")}@example.com`, role }, select: { id: true, name: true, email: true, role: true } });
    return { id: u.id, api: createCaller(createContextInner({ db, user: u, reviewRequired })) };
  };
  const admin = await user("Solo Admin", "admin", false);
  const author = await user("Amal Author", "admin", true);
  const reviewer = await user("Rami Reviewer", "admin", true);
  const analyst = await user("Ana Analyst", "analyst", true);
  const fraMar = async () => (await analyst.api.relations.summary({ dyads: ["FRA-MAR"] }))[0]?.value ?? NaN;
  const proposalsOf = (eventId: string) => db.draft.findMany({ where: { fromEventId: eventId }, select: { id: true, version: true, recordType: true, recordId: true, baseVersion: true, authorId: true, status: true, values: true } });
  const recall = (title: string, date = daysAgo(10)) => eventInputFixture({ title, date, dyad: "FRA-MAR", actor: "MAR", target: "FRA" });

  it("the seed's events propose nothing: they come with their conditions", async () => {
    expect(await db.draft.count({ where: { fromEventId: { not: null } } })).toBe(0);
  });

  it("a published recall proposes exactly one condition, prefilled and linked, authored by nobody; publishing it moves the index and links the event", async () => {
    const conditions = await db.condition.count();
    const event = await admin.api.events.create(recall("Morocco recalls its ambassador from Paris"));
    const before = await fraMar();
    const [proposal, ...more] = await proposalsOf(event.id);
    expect(more).toEqual([]);
    expect(proposal).toMatchObject({ recordType: "Condition", recordId: null, authorId: null, status: "PENDING" });
    expect(proposal?.values).toMatchObject({ dyad: "FRA-MAR", kind: "AMBASSADOR_WITHDRAWN", holder: "MAR", points: -10, startDate: daysAgo(10), startPrecision: "DAY", verification: "CONFIRMED" });
    expect(await db.condition.count()).toBe(conditions);
    const trail = await db.auditLog.findMany({ where: { entityType: "Draft", entityId: proposal?.id ?? "" }, select: { action: true, actorId: true, after: true } });
    expect(trail).toEqual([{ action: "DRAFT", actorId: admin.id, after: expect.objectContaining({ fromEventId: event.id, note: proposedFrom(event.id) }) }]);

    const listed = (await reviewer.api.drafts.open()).find((d) => d.id === proposal?.id);
    expect(listed).toMatchObject({ author: "the system", mine: false, mayDecide: true, mayWithdraw: true, fromEvent: { id: event.id, title: "Morocco recalls its ambassador from Paris" } });

    // Any admin decides it, the event's own publisher included (no author: a one-admin deployment can accept it).
    const published = await admin.api.drafts.publish({ id: proposal?.id ?? "", version: proposal?.version ?? 0 });
    expect(await fraMar()).toBeLessThan(before);
    expect(await db.conditionEvent.findMany({ where: { conditionId: published.recordId }, select: { eventId: true } })).toEqual([{ eventId: event.id }]);
    expect(await db.auditLog.findFirst({ where: { entityType: "Draft", entityId: proposal?.id ?? "", action: "PUBLISH" }, select: { actorId: true, after: true } })).toMatchObject({
      actorId: admin.id,
      after: { linkedEventId: event.id, recordId: published.recordId },
    });

    // Published again (an edit), the event proposes nothing more.
    const current = await admin.api.events.forEdit({ id: event.id });
    await admin.api.events.update({ id: event.id, version: current.version, data: { ...recall("Morocco recalls its ambassador from Paris for consultations") } });
    expect(await proposalsOf(event.id)).toHaveLength(1);
  });

  it("an ending event proposes closing the dyad's open condition of that kind, as an edit; publishing it ends the condition", async () => {
    const open = await db.condition.findFirstOrThrow({ where: { dyad: { key: "FRA-MAR" }, kind: "AMBASSADOR_WITHDRAWN", endDate: null }, select: { id: true, version: true } });
    const event = await admin.api.events.create(eventInputFixture({ title: "Morocco's ambassador returns to Paris", date: daysAgo(2), dyad: "FRA-MAR", actor: "MAR", target: "FRA", cameoCode: "054", overrideKey: undefined }));
    const [proposal, ...more] = await proposalsOf(event.id);
    expect(more).toEqual([]);
    expect(proposal).toMatchObject({ recordType: "Condition", recordId: open.id, baseVersion: open.version, status: "PENDING" });
    expect(proposal?.values).toMatchObject({ kind: "AMBASSADOR_WITHDRAWN", startDate: daysAgo(10), endDate: daysAgo(2), endPrecision: "DAY" });

    // A second ending event while that edit waits proposes nothing (the condition is being closed).
    const again = await admin.api.events.create(eventInputFixture({ title: "Ambassador back at work in Paris", date: daysAgo(1), dyad: "FRA-MAR", actor: "MAR", target: "FRA", cameoCode: "054", overrideKey: undefined }));
    expect(await proposalsOf(again.id)).toEqual([]);

    const before = await fraMar();
    await reviewer.api.drafts.publish({ id: proposal?.id ?? "", version: proposal?.version ?? 0 });
    expect(await db.condition.findUniqueOrThrow({ where: { id: open.id }, select: { endDate: true } })).toEqual({ endDate: new Date(`${daysAgo(2)}T00:00:00Z`) });
    expect(await fraMar()).toBeGreaterThan(before);
    expect(await db.conditionEvent.count({ where: { conditionId: open.id } })).toBe(2);
  });

  it("an event published from a draft proposes in the reviewer's transaction; any admin may withdraw the proposal, an analyst may not", async () => {
    const draft = await author.api.drafts.save({ type: "Event", data: recall("Morocco recalls its ambassador again", daysAgo(1)) });
    expect(await db.draft.count({ where: { fromEventId: { not: null }, status: "PENDING" } })).toBe(0);
    const { recordId } = await reviewer.api.drafts.publish(draft);
    const [proposal] = await proposalsOf(recordId);
    expect(proposal).toMatchObject({ status: "PENDING", authorId: null });
    expect(await db.auditLog.findFirst({ where: { entityType: "Draft", entityId: proposal?.id ?? "" }, select: { actorId: true } })).toEqual({ actorId: reviewer.id });

    await expect(analyst.api.drafts.withdraw({ id: proposal?.id ?? "", version: proposal?.version ?? 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await author.api.drafts.withdraw({ id: proposal?.id ?? "", version: proposal?.version ?? 0 });
    expect(await db.draft.findUniqueOrThrow({ where: { id: proposal?.id ?? "" }, select: { status: true } })).toEqual({ status: "WITHDRAWN" });
  });

  it("the dyad page's drivers mark a condition in force over a year with no linked event since, and not one a recent event is linked to", async () => {
    const conditions = (await analyst.api.relations.drivers({ dyad: "DZA-FRA" })).conditionsInForce;
    // Seeded 2024-07-30, nothing linked since.
    expect(conditions.find((c) => c.title.startsWith("Algerian ambassador withdrawn from Paris"))).toMatchObject({ checkStillInForce: true });
    const old = conditions.find((c) => c.title.startsWith("Algerian ambassador withdrawn from Paris"));
    const event = await admin.api.events.create(eventInputFixture({ title: "Algeria keeps its ambassador away", date: daysAgo(5), dyad: "DZA-FRA", actor: "DZA", target: "FRA", cameoCode: "042", overrideKey: undefined }));
    await db.conditionEvent.create({ data: { conditionId: old?.id ?? "", eventId: event.id } });
    expect((await analyst.api.relations.drivers({ dyad: "DZA-FRA" })).conditionsInForce.find((c) => c.id === old?.id)).toMatchObject({ checkStillInForce: false });
  });

  it("a bulk write with its IMPORT audit entries proposes as a single publish does; the seed's unaudited one does not", async () => {
    const dyadId = (await db.dyad.findUniqueOrThrow({ where: { key: "FRA-MAR" }, select: { id: true } })).id;
    const item = (externalId: string, title: string) => ({ data: recall(title, daysAgo(4)), refs: dyadId, origin: { provenance: "IMPORTED" as const, externalId } });
    const [imported = ""] = await db.$transaction((tx) => insertRecords(tx, eventRecord, [item("proposal-import-1", "Imported: Morocco recalls its ambassador")], { actorId: admin.id, action: "IMPORT" }));
    expect(await proposalsOf(imported)).toHaveLength(1);
    const [seeded = ""] = await db.$transaction((tx) => insertRecords(tx, eventRecord, [item("proposal-seed-1", "Seeded: Morocco recalls its ambassador")]));
    expect(await proposalsOf(seeded)).toEqual([]);
  });

  it("events the method maps to nothing propose nothing", async () => {
    const event = await admin.api.events.create(eventInputFixture({ title: "France and Morocco sign a rail accord", date: daysAgo(1), dyad: "FRA-MAR", actor: "FRA", target: "MAR", cameoCode: "057", overrideKey: undefined }));
    expect(await proposalsOf(event.id)).toEqual([]);
  });
});

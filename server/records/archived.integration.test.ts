// One rule for archived events and agreements (canReadArchived): an admin opens one by id, with
// its archived links marked, to restore it; for an analyst it is not found, and no page links it.
// Lists leave archived records out for everyone, as before.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createAgreement, eventInputFixture } from "@/prisma/seed/factories";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { createEvent, setEventArchived } from "../events/write";
import { toDay } from "../method/day";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";

const TEST_ADMIN = { id: "u-admin", name: "Admin", email: "admin@example.com", role: "admin" } as const;
const today = toDay(new Date());

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  return error instanceof TRPCError ? error.code : undefined;
}

describe("archived events and agreements", async () => {
  const { db } = await useTestDatabase({ seed: true });
  await db.user.create({ data: TEST_ADMIN }); // the restore's audit entry names its actor
  const analyst = createCaller(createContextInner({ db, user: TEST_READER }));
  const admin = createCaller(createContextInner({ db, user: TEST_ADMIN }));

  const live = await createAgreement(db, { title: "Live water accord", sectors: ["archived-rule"] });
  const shelved = await createAgreement(db, { title: "Shelved water accord", sectors: ["archived-rule"] });
  const linkedBoth = await createEvent({ db, actorId: null, data: eventInputFixture({ title: "Talks on both accords", agreementIds: [live.id, shelved.id] }), today });
  const archivedEvent = await createEvent({ db, actorId: null, data: eventInputFixture({ title: "Withdrawn report", agreementIds: [live.id] }), today });
  // Linked while live, then archived: the state an admin's archive leaves behind.
  await db.agreement.update({ where: { id: shelved.id }, data: { archivedAt: new Date() } });
  await setEventArchived({ db, actorId: null, id: archivedEvent.id, version: archivedEvent.version, archived: true, today });

  const agreementIds = (event: { agreements: { agreement: { id: string } }[] }) => event.agreements.map((a) => a.agreement.id).sort();
  const eventIds = (agreement: { events: { event: { id: string } }[] }) => agreement.events.map((e) => e.event.id).sort();

  describe("as an analyst", () => {
    it("an archived event or agreement is not found by id", async () => {
      expect(await codeOf(analyst.events.byId({ id: archivedEvent.id }))).toBe("NOT_FOUND");
      expect(await codeOf(analyst.agreements.byId({ id: shelved.id }))).toBe("NOT_FOUND");
    });

    it("a live event's page lists only its live agreements, and a live agreement's only its live events", async () => {
      expect(agreementIds(await analyst.events.byId({ id: linkedBoth.id }))).toEqual([live.id]);
      expect(eventIds(await analyst.agreements.byId({ id: live.id }))).toEqual([linkedBoth.id]);
    });

    it("the feed leaves the archived agreement out", async () => {
      const { items } = await analyst.agreements.list({ filters: { sectors: ["archived-rule"] }, limit: 10 });
      expect(items.map((a) => a.title)).toEqual(["Live water accord"]);
    });
  });

  describe("as an admin", () => {
    it("an archived event opens by id, marked archived, with the version a restore needs", async () => {
      const event = await admin.events.byId({ id: archivedEvent.id });
      expect(event.archivedAt).toBeInstanceOf(Date);
      expect(event.version).toBe(archivedEvent.version + 1);
      expect(agreementIds(event)).toEqual([live.id]);
    });

    it("an archived agreement opens by id, marked archived, with the version a restore needs", async () => {
      const agreement = await admin.agreements.byId({ id: shelved.id });
      expect(agreement.archivedAt).toBeInstanceOf(Date);
      expect(agreement.version).toBe(1);
      expect(eventIds(agreement)).toEqual([linkedBoth.id]);
    });

    it("a live record's page lists its archived links too, each marked", async () => {
      const event = await admin.events.byId({ id: linkedBoth.id });
      expect(event.archivedAt).toBeNull();
      expect(event.agreements.map((a) => [a.agreement.id, a.agreement.archivedAt !== null]).sort()).toEqual(
        [
          [live.id, false],
          [shelved.id, true],
        ].sort(),
      );
      const agreement = await admin.agreements.byId({ id: live.id });
      expect(agreement.events.map((e) => [e.event.id, e.event.archivedAt !== null]).sort()).toEqual(
        [
          [linkedBoth.id, false],
          [archivedEvent.id, true],
        ].sort(),
      );
    });

    it("the feed leaves the archived agreement out for admins too; restoring brings it back for analysts", async () => {
      const { items } = await admin.agreements.list({ filters: { sectors: ["archived-rule"] }, limit: 10 });
      expect(items.map((a) => a.title)).toEqual(["Live water accord"]);
      const { version } = await admin.agreements.byId({ id: shelved.id });
      await admin.agreements.restore({ id: shelved.id, version });
      expect((await analyst.agreements.byId({ id: shelved.id })).archivedAt).toBeNull();
    });
  });
});

// Analyst notes between teams: the author writes, edits and deletes; teammates read a team note;
// everyone else (admins included) finds nothing, exactly as for a note that does not exist.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createAgreement, eventInputFixture } from "@/prisma/seed/factories";
import { protectedState, useAuthTestDatabase } from "@/scripts/test/auth";
import { fieldMessagesOf } from "../shared/errors";
import { MAX_NOTES_OWNED } from "./service";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : e);
const refusal = (promise: Promise<unknown>) => promise.then(() => "allowed", codeOf);
/** What the form gets on its fields: the API's own mapping, for a zod refusal and a service's alike. */
const fieldErrorsOf = (e: unknown) => (e instanceof TRPCError ? fieldMessagesOf(e.cause) : null);

describe("analyst notes", async () => {
  // Seeded: notes sit on the tracked dyads and their events.
  const t = await useAuthTestDatabase({ seed: true });
  const analyst = await t.callerAs("analyst@example.com");
  const analyst2 = await t.callerAs("analyst2@example.com");
  const outsider = await t.callerAs("outsider@example.com");
  const admin = await t.callerAs("admin@example.com");
  const northAfrica = (await analyst.teams.list()).find((team) => team.name === "North Africa desk");
  if (!northAfrica) throw new Error("seed lacks the North Africa desk");
  const event = await admin.events.create(eventInputFixture({ title: "Algiers recalls its envoy", date: "2025-03-10" }));
  const onEvent = { kind: "event", id: event.id } as const;
  const teamNote = await analyst.notes.create({ body: "Why this dip: the recall, not the trade figures.", teamId: northAfrica.id, on: onEvent });
  const privateNote = await analyst.notes.create({ body: "Check the date with the ministry.", teamId: null, on: onEvent });
  const lastAudit = () => t.db.auditLog.findFirstOrThrow({ where: { entityType: "AnalystNote" }, orderBy: { id: "desc" }, select: { action: true, entityId: true, before: true, after: true } });

  it("are placed on the event's dyad and day, and read by the author and, shared, by teammates only", async () => {
    expect(teamNote).toMatchObject({ dyad: "DZA-FRA", day: "2025-03-10", on: { kind: "event", id: event.id }, team: { name: "North Africa desk" }, canEdit: true });
    expect((await analyst.notes.on({ on: onEvent })).map((n) => n.id)).toEqual([teamNote.id, privateNote.id]);
    const seen = await analyst2.notes.on({ on: onEvent });
    expect(seen.map((n) => n.id)).toEqual([teamNote.id]);
    expect(seen[0]).toMatchObject({ canEdit: false, canDelete: false, owner: { name: expect.any(String) } });
    expect(await outsider.notes.on({ on: onEvent })).toEqual([]);
    expect(await admin.notes.on({ on: onEvent })).toEqual([]);
  });

  it("appear on the dyad's chart for the same readers, within the range asked", async () => {
    const markers = async (caller: typeof analyst, from = "2025-01-01") => (await caller.notes.onDyad({ dyad: "FRA-DZA", from, to: "2025-12-31" })).map((n) => n.id);
    expect(await markers(analyst)).toEqual([teamNote.id, privateNote.id]);
    expect(await markers(analyst2)).toEqual([teamNote.id]);
    expect(await markers(outsider)).toEqual([]);
    expect(await markers(analyst, "2025-03-11")).toEqual([]);
  });

  it("are NOT_FOUND by id for outsiders and admins, exactly like a note that does not exist, changing nothing", async () => {
    const before = await protectedState(t.db);
    for (const id of [teamNote.id, privateNote.id, "no-such-note"]) {
      for (const caller of [outsider, admin]) {
        expect(await refusal(caller.notes.get({ id }))).toBe("NOT_FOUND");
        expect(await refusal(caller.notes.update({ id, version: 1, body: "Taken over", teamId: null }))).toBe("NOT_FOUND");
        expect(await refusal(caller.notes.delete({ id }))).toBe("NOT_FOUND");
      }
    }
    expect(await refusal(analyst2.notes.get({ id: privateNote.id }))).toBe("NOT_FOUND");
    expect(await protectedState(t.db)).toEqual(before);
    const [real, madeUp] = await Promise.all([outsider.notes.get({ id: teamNote.id }).catch((e: unknown) => e), outsider.notes.get({ id: "x" }).catch((e: unknown) => e)]);
    expect(String(real)).toBe(String(madeUp));
  });

  it("are changed by their author only: a teammate's edit and delete are FORBIDDEN, changing nothing", async () => {
    const before = await protectedState(t.db);
    expect(await refusal(analyst2.notes.update({ id: teamNote.id, version: teamNote.version, body: "Mine now", teamId: northAfrica.id }))).toBe("FORBIDDEN");
    expect(await refusal(analyst2.notes.delete({ id: teamNote.id }))).toBe("FORBIDDEN");
    expect(await protectedState(t.db)).toEqual(before);
  });

  it("are created, edited and deleted by their author, each change audited with before and after", async () => {
    const note = await analyst.notes.create({ body: "  Draft   thought\nsecond line ", teamId: null, on: { kind: "day", dyad: "MAR-FRA", day: "2025-06-02" } });
    expect(note).toMatchObject({ body: "  Draft   thought\nsecond line ", dyad: "FRA-MAR", day: "2025-06-02", on: { kind: "day" } });
    expect(await lastAudit()).toMatchObject({ action: "CREATE", entityId: note.id, before: null, after: { body: note.body, teamId: null, subject: "DYAD_DAY", day: "2025-06-02" } });

    const edited = await analyst.notes.update({ id: note.id, version: note.version, body: "<b>not markup</b> كما هو", teamId: northAfrica.id });
    expect(edited).toMatchObject({ body: "<b>not markup</b> كما هو", version: note.version + 1, team: { id: northAfrica.id } });
    expect(await lastAudit()).toMatchObject({ action: "UPDATE", before: { body: note.body, teamId: null }, after: { body: edited.body, teamId: northAfrica.id } });
    expect((await analyst2.notes.on({ on: { kind: "day", dyad: "FRA-MAR", day: "2025-06-02" } })).map((n) => n.body)).toEqual([edited.body]);

    expect(await refusal(analyst.notes.update({ id: note.id, version: note.version, body: "Stale tab", teamId: null }))).toBe("CONFLICT");

    await analyst.notes.delete({ id: note.id });
    expect(await lastAudit()).toMatchObject({ action: "DELETE", entityId: note.id, before: { body: edited.body }, after: null });
    expect(await refusal(analyst.notes.get({ id: note.id }))).toBe("NOT_FOUND");
  });

  it("sit on an agreement, and on no chart when it has no pair", async () => {
    const paired = await createAgreement(t.db, { title: "Rail training MoU", dyad: "FRA-MAR", date: "2024-05-02" });
    const unpaired = await createAgreement(t.db, { title: "Regional water pact", date: null });
    expect(await analyst.notes.create({ body: "Signed in Rabat.", teamId: null, on: { kind: "agreement", id: paired.id } })).toMatchObject({ dyad: "FRA-MAR", day: "2024-05-02" });
    expect(await analyst.notes.create({ body: "Still unsigned.", teamId: null, on: { kind: "agreement", id: unpaired.id } })).toMatchObject({ dyad: null, day: null });
  });

  it("disappear with an event archived, for analysts", async () => {
    const archived = await admin.events.create(eventInputFixture({ title: "Misfiled visit", date: "2025-04-01" }));
    const note = await analyst.notes.create({ body: "Wrong country?", teamId: null, on: { kind: "event", id: archived.id } });
    await admin.events.archive(archived);
    expect(await refusal(analyst.notes.get({ id: note.id }))).toBe("NOT_FOUND");
    expect(await refusal(analyst.notes.on({ on: { kind: "event", id: archived.id } }))).toBe("NOT_FOUND");
    expect((await analyst.notes.onDyad({ dyad: "DZA-FRA", from: "2025-04-01", to: "2025-04-01" })).map((n) => n.id)).toEqual([]);
  });

  it("refuse bad input with field messages, never a server error, writing nothing", async () => {
    const count = await t.db.analystNote.count();
    const refused = async (input: Parameters<typeof analyst.notes.create>[0]) => {
      const error = await analyst.notes.create(input).catch((e: unknown) => e);
      expect(codeOf(error)).toBe("BAD_REQUEST");
      return fieldErrorsOf(error);
    };
    expect(await refused({ body: "   \n ", teamId: null, on: onEvent })).toEqual({ body: ["Write the note."] });
    expect(await refused({ body: "x".repeat(2_001), teamId: null, on: onEvent })).toEqual({ body: ["At most 2,000 characters."] });
    expect(await refused({ body: "Fine", teamId: null, on: { kind: "day", dyad: "france", day: "2025-02-30" } })).toMatchObject({ "on.dyad": [expect.any(String)], "on.day": [expect.any(String)] });
    expect(await refused({ body: "Fine", teamId: null, on: { kind: "day", dyad: "FRA-MAR", day: "2999-01-01" } })).toMatchObject({ "on.day": [expect.stringMatching(/^Pick a day up to today/)] });
    const sahel = await t.db.team.findUniqueOrThrow({ where: { name: "Sahel desk" }, select: { id: true } });
    expect(await refused({ body: "Sneaky", teamId: sahel.id, on: onEvent })).toEqual({ teamId: ["Share with yourself or one of your teams."] });
    expect(await refusal(analyst.notes.create({ body: "On nothing", teamId: null, on: { kind: "event", id: "no-such-event" } }))).toBe("NOT_FOUND");
    expect(await t.db.analystNote.count()).toBe(count);
  });

  it(`keeps ${MAX_NOTES_OWNED} notes per person at most, refused on the body, also when asked in parallel`, async () => {
    const ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "outsider@example.com" }, select: { id: true } })).id;
    await t.db.analystNote.createMany({ data: Array.from({ length: MAX_NOTES_OWNED - 2 }, (_, i) => ({ ownerId, subject: "EVENT" as const, eventId: event.id, body: `Filler ${i}` })) });
    const attempts = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => outsider.notes.create({ body: `Parallel ${i}`, teamId: null, on: onEvent })));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(2);
    expect(await t.db.analystNote.count({ where: { ownerId } })).toBe(MAX_NOTES_OWNED);
    const refused = await outsider.notes.create({ body: "One more", teamId: null, on: onEvent }).catch((e: unknown) => e);
    expect(fieldErrorsOf(refused)).toEqual({ body: [`You have 1,000 notes, the most one person can keep: delete one you no longer need first.`] });
    const one = await t.db.analystNote.findFirstOrThrow({ where: { ownerId }, select: { id: true } });
    await outsider.notes.delete({ id: one.id });
    expect((await outsider.notes.create({ body: "Room again", teamId: null, on: onEvent })).body).toBe("Room again");
  });
});

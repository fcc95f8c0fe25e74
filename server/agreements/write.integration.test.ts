// Admin writes of agreements: money needs a currency, only anticipated agreements lie in the
// future, a status change is added to the history, stale saves are refused, all audited.
import { describe, expect, it } from "vitest";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { createCaller } from "../root";
import { StaleVersionError } from "../shared/errors";
import { createContextInner } from "../trpc";
import { agreementFixture as base } from "../../test/fixtures/agreement";
import { agreementInput } from "./write-schemas";
import { createAgreement, setAgreementArchived, updateAgreement } from "./write";

describe("agreement writes", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const api = createCaller(createContextInner({ db, user: TEST_READER }));
  // Reads only: the admin need not exist as a user row.
  const admin = createCaller(createContextInner({ db, user: { ...TEST_READER, role: "admin" } }));
  const inFeed = async (title: string) => (await api.agreements.list({ filters: { q: title }, limit: 5 })).items.some((a) => a.title === title);

  it("creates, records status changes in the history, refuses a stale save, archives out of the feed", async () => {
    const data = agreementInput.parse({ ...base, title: `Rail training ${Date.now()}` });
    const { id, version } = await createAgreement({ db, actorId: null, data });
    expect(await inFeed(data.title)).toBe(true);

    const inForce = agreementInput.parse({ ...data, status: "IN_FORCE", statusDate: "2025-06-01", statusNote: "entered into force" });
    const updated = await updateAgreement({ db, actorId: null, id, version, data: inForce });
    const history = await db.agreementStatusChange.findMany({ where: { agreementId: id }, orderBy: { recordedAt: "asc" }, select: { status: true, note: true } });
    expect(history).toEqual([
      { status: "SIGNED", note: null },
      { status: "IN_FORCE", note: "entered into force" },
    ]);

    const stale = await updateAgreement({ db, actorId: null, id, version, data }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleVersionError);
    expect((stale as StaleVersionError).code).toBe("CONFLICT");
    expect((stale as StaleVersionError).current.values).toMatchObject({ status: "IN_FORCE" });

    await setAgreementArchived({ db, actorId: null, id, version: updated.version, archived: true });
    expect(await inFeed(data.title)).toBe(false);
    // The editor still opens an archived agreement, to restore it.
    const editing = await admin.agreements.forEdit({ id });
    expect(editing).toMatchObject({ id, version: updated.version + 1, archived: true });
    const trail = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(trail.map((t) => t.action)).toEqual(["CREATE", "UPDATE", "ARCHIVE"]);
  });

  it("keeps a corrected date or note of the current status, without adding a status to the history", async () => {
    const data = agreementInput.parse({ ...base, title: `Water protocol ${Date.now()}`, statusDate: "2025-05-12" });
    const { id, version } = await createAgreement({ db, actorId: null, data });
    const corrected = agreementInput.parse({ ...data, statusDate: "2025-05-14", statusNote: "signed in Rabat" });
    await updateAgreement({ db, actorId: null, id, version, data: corrected });
    const history = await db.agreementStatusChange.findMany({ where: { agreementId: id }, select: { status: true, date: true, note: true } });
    expect(history).toEqual([{ status: "SIGNED", date: new Date("2025-05-14"), note: "signed in Rabat" }]);
    expect((await admin.agreements.forEdit({ id })).values).toMatchObject({ statusDate: "2025-05-14", statusNote: "signed in Rabat" });
  });

  it("opens an agreement in the editor with the values the form saves back unchanged", async () => {
    const data = agreementInput.parse({ ...base, title: `Port concession ${Date.now()}`, statusDate: "2025-05-12", statusNote: "signed in Rabat" });
    const { id } = await createAgreement({ db, actorId: null, data });
    const editing = await admin.agreements.forEdit({ id });
    expect(editing.version).toBe(1);
    expect(editing.archived).toBe(false);
    // What the form receives parses back to what was saved: a save without edits changes nothing.
    expect(agreementInput.parse(editing.values)).toEqual(data);
    await expect(admin.agreements.forEdit({ id: "no-such-agreement" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("offers the form the tracked dyads, every country by name for the parties, and the capitals", async () => {
    const options = await admin.agreements.formOptions();
    expect(options.dyads.map((d) => d.key)).toContain("FRA-MAR");
    expect(options.countries.map((c) => c.name)).toEqual(options.countries.map((c) => c.name).toSorted((x, y) => x.localeCompare(y)));
    expect(options.countries).toContainEqual({ code: "ESH", name: expect.stringMatching(/Western Sahara/) });
    expect(options.places).toContainEqual(expect.objectContaining({ name: "Rabat", country: "Morocco" }));
  });
});

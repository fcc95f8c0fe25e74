// Admin writes of agreements: money needs a currency, only anticipated agreements lie in the
// future, a status change is added to the history, stale saves are refused, all audited.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { createCaller } from "../root";
import { StaleVersionError } from "../shared/errors";
import { createContextInner } from "../trpc";
import { agreementFixture as base } from "./fixtures";
import { agreementInput } from "./write-schemas";
import { createAgreement, setAgreementArchived, updateAgreement } from "./write";

describe("agreement writes", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const api = createCaller(createContextInner({ db, user: TEST_READER }));
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
    expect(stale).toBeInstanceOf(TRPCError);
    expect((stale as TRPCError).code).toBe("CONFLICT");
    expect(((stale as TRPCError).cause as StaleVersionError).current.values).toMatchObject({ status: "IN_FORCE" });

    await setAgreementArchived({ db, actorId: null, id, version: updated.version, archived: true });
    expect(await inFeed(data.title)).toBe(false);
    const trail = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(trail.map((t) => t.action)).toEqual(["CREATE", "UPDATE", "ARCHIVE"]);
  });
});

// Feed tokens end: they expire, they go with the password they were made under (reset or
// changed) and with a deactivated account, and admins see and revoke anyone's. Each creation and
// revocation is audited without the token or its hash; the exports say why a token is refused.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { protectedState, useAuthTestDatabase } from "@/scripts/test/auth";
import { exportAgreements } from "../agreements/exports";
import { createFeedToken, hashFeedToken, verifyFeedToken } from "./service";
import { FEED_TOKEN_DAYS } from "./state";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : e);
const refusal = (promise: Promise<unknown>) => promise.then(() => "allowed", codeOf);
const DAY_MS = 24 * 60 * 60_000;

describe("feed tokens that end", async () => {
  const t = await useAuthTestDatabase();
  const admin = await t.callerAs("admin@example.com");
  const adminId = (await admin.account.me()).id;

  async function newAnalyst(name: string) {
    const email = `${name}@example.com`;
    const password = `${name}-first-password`;
    const { id } = await admin.users.create({ name, email, role: "analyst", password });
    return { id, email, password, caller: await t.callerAs(email, password) };
  }

  const tokenAudit = (tokenId: string) => t.db.auditLog.findMany({ where: { entityType: "FeedToken", entityId: tokenId }, orderBy: { id: "asc" } });

  it("expires 90 days (FEED_TOKEN_DAYS) after it is made, and the export then says so with a 401", async () => {
    const user = await newAnalyst("expiring");
    const made = new Date(Date.now() - (FEED_TOKEN_DAYS + 1) * DAY_MS);
    const { token, id, expiresAt } = await createFeedToken({ db: t.db, userId: user.id, name: "Old reader", now: made });
    expect(expiresAt.getTime() - made.getTime()).toBe(FEED_TOKEN_DAYS * DAY_MS);
    expect((await verifyFeedToken({ db: t.db, token, now: new Date(expiresAt.getTime() - 1000) })).ok).toBe(true);
    expect(await verifyFeedToken({ db: t.db, token })).toEqual({ ok: false, reason: expect.stringMatching(/expired on \d{4}-\d{2}-\d{2}/) });
    for (const format of ["atom", "csv", "json"] as const) {
      const response = await exportAgreements({ db: t.db, format, request: new Request(`http://localhost/api/exports/agreements.${format}?token=${token}`) });
      expect(response.status).toBe(401);
      expect((await response.json()).reason).toMatch(/expired/);
    }
    // An expired token makes room under the cap, and the owner's list shows when it ended.
    const [listed] = await user.caller.feedTokens.list();
    expect(listed).toMatchObject({ id, expiresAt, revokedAt: null });
  });

  it("is revoked when an admin resets the password, and the reader is told why", async () => {
    const user = await newAnalyst("reset");
    const [a, b] = [await user.caller.feedTokens.create({ name: "Reader A" }), await user.caller.feedTokens.create({ name: "Reader B" })];
    await admin.users.resetPassword({ userId: user.id, password: "reset-new-password" });
    for (const { token } of [a, b]) expect(await verifyFeedToken({ db: t.db, token })).toEqual({ ok: false, reason: expect.stringMatching(/revoked .*password reset by an admin/) });
    const response = await exportAgreements({ db: t.db, format: "json", request: new Request("http://localhost/api/exports/agreements.json", { headers: { authorization: `Bearer ${a.token}` } }) });
    expect(response.status).toBe(401);
    expect((await response.json()).reason).toMatch(/revoked/);
    const [, revokedEntry] = await tokenAudit(a.id);
    expect(revokedEntry).toMatchObject({ actorId: adminId, action: "UPDATE", after: expect.objectContaining({ revokedReason: "password reset by an admin" }) });
  });

  it("is revoked when its owner changes the password", async () => {
    const user = await newAnalyst("changer");
    const { token, id } = await user.caller.feedTokens.create({ name: "Laptop" });
    await user.caller.account.changePassword({ currentPassword: user.password, newPassword: "changer-new-password" });
    expect(await verifyFeedToken({ db: t.db, token })).toEqual({ ok: false, reason: expect.stringMatching(/password changed/) });
    expect((await tokenAudit(id)).map((e) => [e.action, e.actorId])).toEqual([["CREATE", user.id], ["UPDATE", user.id]]);
  });

  it("is revoked when the account is deactivated, and stays revoked after reactivation", async () => {
    const user = await newAnalyst("leaver");
    const { token } = await user.caller.feedTokens.create({ name: "Script" });
    await admin.users.deactivate({ userId: user.id });
    await admin.users.reactivate({ userId: user.id });
    expect(await verifyFeedToken({ db: t.db, token })).toEqual({ ok: false, reason: expect.stringMatching(/account deactivated/) });
  });

  it("is listed to admins with its owner, times and state, and any can be revoked by them", async () => {
    const user = await newAnalyst("watched");
    const { token, id } = await user.caller.feedTokens.create({ name: "Feedly" });
    await verifyFeedToken({ db: t.db, token });
    const { tokens } = await admin.feedTokens.listAll();
    const row = tokens.find((each) => each.id === id);
    expect(row).toMatchObject({ name: "Feedly", user: { id: user.id, email: user.email }, revokedAt: null, lastUsedAt: expect.any(Date), expiresAt: expect.any(Date), createdAt: expect.any(Date) });
    expect(JSON.stringify(tokens)).not.toMatch(/tokenHash|mmf_/);

    expect(await admin.feedTokens.revokeAny({ tokenId: id })).toEqual({ revoked: true });
    expect(await refusal(admin.feedTokens.revokeAny({ tokenId: id }))).toBe("NOT_FOUND");
    expect(await verifyFeedToken({ db: t.db, token })).toEqual({ ok: false, reason: expect.stringMatching(/revoked by an admin/) });
    expect((await tokenAudit(id)).at(-1)).toMatchObject({ actorId: adminId, action: "UPDATE" });
  });

  it("is neither listed nor revoked for an analyst who does not own it (FORBIDDEN, nothing changed)", async () => {
    const owner = await newAnalyst("owner");
    const other = await newAnalyst("other");
    const { token, id } = await owner.caller.feedTokens.create({ name: "Private" });
    const before = await protectedState(t.db);
    expect(await refusal(other.caller.feedTokens.listAll())).toBe("FORBIDDEN");
    expect(await refusal(other.caller.feedTokens.revokeAny({ tokenId: id }))).toBe("FORBIDDEN");
    expect(await refusal(other.caller.feedTokens.revoke({ tokenId: id }))).toBe("NOT_FOUND");
    expect(await protectedState(t.db)).toEqual(before);
    expect((await verifyFeedToken({ db: t.db, token })).ok).toBe(true);
  });

  it("audits creation and revocation without the token or its hash", async () => {
    const user = await newAnalyst("audited");
    const { token, id } = await user.caller.feedTokens.create({ name: "Audited reader" });
    await user.caller.feedTokens.revoke({ tokenId: id });
    const entries = await tokenAudit(id);
    expect(entries.map((e) => e.action)).toEqual(["CREATE", "UPDATE"]);
    expect(entries[0]).toMatchObject({ actorId: user.id, after: expect.objectContaining({ userId: user.id, name: "Audited reader" }) });
    expect(entries[1]).toMatchObject({ after: expect.objectContaining({ revokedReason: "revoked by its owner" }) });
    const written = JSON.stringify(entries.map((e) => [e.before, e.after]));
    expect(written).not.toContain(token);
    expect(written).not.toContain(hashFeedToken(token));
  });
});

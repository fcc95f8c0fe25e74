import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { createFeedToken, hashFeedToken, listFeedTokens, revokeFeedToken, verifyFeedToken } from "./service";

describe("feed tokens", async () => {
  const { db } = await useTestDatabase();
  const newUser = (email: string) => db.user.create({ data: { name: email, email }, select: { id: true } });
  const owner = await newUser("owner@example.com");
  const stranger = await newUser("stranger@example.com");

  it("shows a new token once and stores only its hash", async () => {
    const created = await createFeedToken({ db, userId: owner.id, name: "Feed reader" });
    expect(created.token).toMatch(/^mmf_[A-Za-z0-9_-]{43}$/);
    const stored = await db.feedToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.tokenHash).toBe(hashFeedToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const listed = await listFeedTokens({ db, userId: owner.id });
    expect(listed.map((t) => t.name)).toContain("Feed reader");
    expect(Object.keys(listed[0] ?? {})).not.toContain("tokenHash");
  });

  it("verifies a live token, noting when it was last used, at most every few minutes", async () => {
    const { token, id } = await createFeedToken({ db, userId: owner.id, name: "Script" });
    const t0 = new Date("2026-01-01T10:00:00Z");
    expect(await verifyFeedToken({ db, token, now: t0 })).toEqual({ ok: true, userId: owner.id, tokenId: id });
    await verifyFeedToken({ db, token, now: new Date("2026-01-01T10:01:00Z") });
    expect((await db.feedToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(t0);
    const later = new Date("2026-01-01T10:30:00Z");
    await verifyFeedToken({ db, token, now: later });
    expect((await db.feedToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
  });

  it("lets only its owner revoke a token, after which it no longer opens anything", async () => {
    const { token, id } = await createFeedToken({ db, userId: owner.id, name: "Laptop" });
    expect(await revokeFeedToken({ db, userId: stranger.id, tokenId: id })).toBe(false);
    expect((await verifyFeedToken({ db, token })).ok).toBe(true);
    expect(await revokeFeedToken({ db, userId: owner.id, tokenId: id })).toBe(true);
    expect(await revokeFeedToken({ db, userId: owner.id, tokenId: id })).toBe(false);
    expect(await verifyFeedToken({ db, token })).toEqual({ ok: false, reason: expect.stringMatching(/revoked/) });
  });

  it("refuses the tokens of a deactivated account, and strings that are not tokens", async () => {
    const banned = await newUser("banned@example.com");
    const { token } = await createFeedToken({ db, userId: banned.id, name: "Old" });
    await db.user.update({ where: { id: banned.id }, data: { banned: true } });
    expect(await verifyFeedToken({ db, token })).toEqual({ ok: false, reason: expect.stringMatching(/deactivated/) });
    expect((await verifyFeedToken({ db, token: "hunter2" })).ok).toBe(false);
    expect((await verifyFeedToken({ db, token: `mmf_${"a".repeat(500)}` })).ok).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { deleteExpiredAuthRows } from "./maintenance";
import { SIGN_IN_LIMIT } from "./throttle";

describe("the maintenance job", async () => {
  const { db } = await useTestDatabase();

  it("deletes only expired sessions, verification tokens and closed sign-in windows", async () => {
    const now = new Date("2026-11-29T12:00:00Z");
    const [past, future] = [new Date(now.getTime() - 1000), new Date(now.getTime() + 3600_000)];
    const user = await db.user.create({ data: { name: "Someone", email: "someone@example.com" }, select: { id: true } });
    await db.session.createMany({
      data: [
        { token: "expired", userId: user.id, expiresAt: past },
        { token: "live", userId: user.id, expiresAt: future },
      ],
    });
    await db.verification.createMany({
      data: [
        { identifier: "old", value: "x", expiresAt: past },
        { identifier: "current", value: "y", expiresAt: future },
      ],
    });
    const windowMs = SIGN_IN_LIMIT.windowSeconds * 1000;
    await db.rateLimit.createMany({
      data: [
        { key: "sign-in:account:closed", count: 6, lastRequest: BigInt(now.getTime() - windowMs - 1) },
        { key: "sign-in:account:open", count: 6, lastRequest: BigInt(now.getTime() - windowMs + 60_000) },
      ],
    });

    expect(await deleteExpiredAuthRows({ db, now })).toEqual({ read: 6, kept: 3 });
    expect((await db.session.findMany({ select: { token: true } })).map((s) => s.token)).toEqual(["live"]);
    expect((await db.verification.findMany({ select: { identifier: true } })).map((v) => v.identifier)).toEqual(["current"]);
    expect((await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key)).toEqual(["sign-in:account:open"]);
    expect(await deleteExpiredAuthRows({ db, now })).toEqual({ read: 3, kept: 0 });
  });
});

// Saved views are saved against the version the editor loaded (two tabs no longer overwrite each
// other), listed a keyset page at a time, and capped per user, as teams owned and active feed
// tokens are.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { useAuthTestDatabase } from "@/scripts/test/auth";
import { hashFeedToken, MAX_ACTIVE_FEED_TOKENS } from "../feed-tokens/service";
import { StaleVersionError } from "../shared/errors";
import { MAX_TEAMS_OWNED } from "../teams/service";
import { MAX_VIEWS_OWNED } from "./service";
import { defaultViewState } from "./state";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : e);
const refusal = (promise: Promise<unknown>) => promise.then(() => "allowed", codeOf);
const fieldErrorsOf = (e: unknown) => (e instanceof TRPCError && e.cause && "fields" in e.cause ? e.cause.fields : null);

describe("saved views, teams and feed tokens", async () => {
  const t = await useAuthTestDatabase();
  const idOf = async (email: string) => (await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const state = { ...defaultViewState, dyads: ["DZA-FRA"] };

  describe("a view saved from two tabs", async () => {
    const headers = await t.signIn("analyst@example.com");
    const [tabA, tabB] = [await t.callerWith(headers), await t.callerWith(headers)];
    const view = await tabA.views.create({ name: "Two tabs", teamId: null, state });

    it("refuses the second tab's update against the version both loaded, answering what the view holds now", async () => {
      const renamed = await tabA.views.rename({ id: view.id, version: view.version, name: "Renamed in tab A" });
      expect(renamed.version).toBe(view.version + 1);
      const stale = await tabB.views.updateState({ id: view.id, version: view.version, state: { ...state, q: "gas" } }).catch((e: unknown) => e);
      expect(codeOf(stale)).toBe("CONFLICT");
      expect(stale instanceof TRPCError && stale.cause).toBeInstanceOf(StaleVersionError);
      const stored = await t.db.savedView.findUniqueOrThrow({ where: { id: view.id } });
      expect(stored).toMatchObject({ name: "Renamed in tab A", version: renamed.version, state });
      expect(await refusal(tabB.views.rename({ id: view.id, version: view.version, name: "Renamed in tab B" }))).toBe("CONFLICT");
    });

    it("sends the conflict over HTTP in the record forms' shape, and saves once the newer version is taken", async () => {
      const response = await t.api(t.trpcRequest("views.rename", { id: view.id, version: view.version, name: "Again" }, { headers }));
      expect(response.status).toBe(409);
      const { error } = await response.json();
      expect(error.json.data.code).toBe("CONFLICT");
      expect(error.json.data.conflict).toMatchObject({ version: view.version + 1, values: { name: "Renamed in tab A", state } });
      const saved = await tabB.views.updateState({ id: view.id, version: error.json.data.conflict.version, state: { ...state, q: "gas" } });
      expect(saved).toMatchObject({ name: "Renamed in tab A", version: view.version + 2, state: { q: "gas" } });
    });
  });

  describe("/views, a page at a time", async () => {
    const reader = await t.callerAs("outsider@example.com");
    const ownerId = await idOf("outsider@example.com");
    // 25 saved in the same millisecond (ties broken by id) and 20 at distinct times.
    const tied = new Date("2025-06-01T12:00:00.000Z");
    await t.db.savedView.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        name: `View ${i}`,
        ownerId,
        state,
        stateVersion: 1,
        updatedAt: i < 25 ? tied : new Date(tied.getTime() + (i - 24) * 60_000),
      })),
    });
    const expected = (await t.db.savedView.findMany({ where: { ownerId }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], select: { id: true } })).map((v) => v.id);
    const ids = (page: { items: { id: string }[] }) => page.items.map((v) => v.id);

    it("walks forward 20 at a time in the list's order, each view once, and back again", async () => {
      const first = await reader.views.list();
      expect(first.items).toHaveLength(20);
      expect(first.previousCursor).toBeNull();
      const second = await reader.views.list({ cursor: first.nextCursor });
      const third = await reader.views.list({ cursor: second.nextCursor });
      expect(third.nextCursor).toBeNull();
      expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(expected);

      const backToSecond = await reader.views.list({ cursor: third.previousCursor });
      expect(ids(backToSecond)).toEqual(ids(second));
      const backToFirst = await reader.views.list({ cursor: backToSecond.previousCursor });
      expect(ids(backToFirst)).toEqual(ids(first));
      expect(backToFirst.previousCursor).toBeNull();
    });

    it("neither repeats nor skips a view when one is saved between two pages", async () => {
      const first = await reader.views.list({ limit: 10 });
      await reader.views.create({ name: "Saved meanwhile", teamId: null, state });
      const second = await reader.views.list({ cursor: first.nextCursor, limit: 10 });
      expect(ids(second)).toEqual(expected.slice(10, 20));
    });

    it("refuses a page larger than 50 and a cursor it did not make, with 400", async () => {
      expect(await refusal(reader.views.list({ limit: 51 }))).toBe("BAD_REQUEST");
      for (const cursor of ["not-a-cursor", `o1-${"a".repeat(99)}`]) expect(await refusal(reader.views.list({ cursor }))).toBe("BAD_REQUEST");
    });
  });

  describe("caps per user", async () => {
    const admin = await t.callerAs("admin@example.com");
    const adminId = await idOf("admin@example.com");

    it(`keeps ${MAX_VIEWS_OWNED} saved views at most, refused on the name field, also when asked in parallel`, async () => {
      await t.db.savedView.createMany({ data: Array.from({ length: MAX_VIEWS_OWNED - 2 }, (_, i) => ({ name: `Filler ${i}`, ownerId: adminId, state, stateVersion: 1 })) });
      const attempts = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => admin.views.create({ name: `Parallel ${i}`, teamId: null, state })));
      expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(2);
      expect(await t.db.savedView.count({ where: { ownerId: adminId } })).toBe(MAX_VIEWS_OWNED);
      const refused = await admin.views.create({ name: "One more", teamId: null, state }).catch((e: unknown) => e);
      expect(codeOf(refused)).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(refused)).toEqual({ name: [`You have ${MAX_VIEWS_OWNED} saved views, the most one person can keep: delete one you no longer use first.`] });
      const one = await t.db.savedView.findFirstOrThrow({ where: { ownerId: adminId }, select: { id: true } });
      expect(await refusal(admin.views.duplicate({ id: one.id }))).toBe("BAD_REQUEST");
      await admin.views.delete({ id: one.id });
      expect((await admin.views.create({ name: "Room again", teamId: null, state })).name).toBe("Room again");
    });

    it(`lets one person own ${MAX_TEAMS_OWNED} teams at most`, async () => {
      const owned = await t.db.membership.count({ where: { userId: adminId, role: "OWNER" } });
      for (let i = owned; i < MAX_TEAMS_OWNED; i++) await t.db.team.create({ data: { name: `Desk ${i}`, memberships: { create: { userId: adminId, role: "OWNER" } } } });
      const refused = await admin.teams.create({ name: "One desk too many" }).catch((e: unknown) => e);
      expect(codeOf(refused)).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(refused)).toEqual({ name: [`You own ${MAX_TEAMS_OWNED} teams, the most one person can own.`] });
      expect(await t.db.team.count({ where: { name: "One desk too many" } })).toBe(0);
    });

    it(`keeps ${MAX_ACTIVE_FEED_TOKENS} active feed tokens at most; a revoked one makes room`, async () => {
      await t.db.feedToken.createMany({ data: Array.from({ length: MAX_ACTIVE_FEED_TOKENS }, (_, i) => ({ userId: adminId, name: `Reader ${i}`, tokenHash: hashFeedToken(`filler-${i}`), expiresAt: new Date(Date.now() + 86_400_000) })) });
      const refused = await admin.feedTokens.create({ name: "One reader too many" }).catch((e: unknown) => e);
      expect(codeOf(refused)).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(refused)).toEqual({ name: [`You have ${MAX_ACTIVE_FEED_TOKENS} active feed tokens, the most one person can: revoke one you no longer use first.`] });
      const [newest] = await admin.feedTokens.list();
      if (!newest) throw new Error("no token listed");
      await admin.feedTokens.revoke({ tokenId: newest.id });
      expect((await admin.feedTokens.create({ name: "Replacement" })).name).toBe("Replacement");
    });
  });
});

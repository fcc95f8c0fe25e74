// Saved views between teams: shared with teammates read-only, invisible to everyone else.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { protectedState, useAuthTestDatabase } from "@/scripts/test/auth";
import { defaultViewState } from "./state";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : e);
const refusal = (promise: Promise<unknown>) => promise.then(() => "allowed", codeOf);

describe("saved views", async () => {
  const t = await useAuthTestDatabase();
  const analyst = await t.callerAs("analyst@example.com");
  const analyst2 = await t.callerAs("analyst2@example.com");
  const outsider = await t.callerAs("outsider@example.com");
  const admin = await t.callerAs("admin@example.com");
  const northAfrica = (await analyst.teams.list()).find((team) => team.name === "North Africa desk");
  if (!northAfrica) throw new Error("seed lacks the North Africa desk");
  const state = { ...defaultViewState, dyads: ["FRA-MAR"], from: "2024-01-01", to: "2025-06-30" };
  const shared = await analyst.views.create({ name: "FR–MA, 2024 on", teamId: northAfrica.id, state });
  const privateView = await analyst.views.create({ name: "My scratch", teamId: null, state: defaultViewState });

  it("are opened by teammates exactly as saved, read-only", async () => {
    const opened = await analyst2.views.get({ id: shared.id });
    expect(opened.state).toEqual(state);
    expect(opened.canEdit).toBe(false);
    expect((await analyst2.views.list()).items.map((v) => v.name)).toEqual(["FR–MA, 2024 on"]);
    expect((await analyst.views.list()).items.map((v) => v.name).sort()).toEqual(["FR–MA, 2024 on", "My scratch"]);
    // Another team's member and an admin outside the team list neither.
    expect((await outsider.views.list()).items).toEqual([]);
    expect((await admin.views.list()).items).toEqual([]);
  });

  it("refuse a teammate's rename, update and delete with FORBIDDEN, changing nothing", async () => {
    const before = await protectedState(t.db);
    expect(await refusal(analyst2.views.rename({ id: shared.id, version: shared.version, name: "Mine now" }))).toBe("FORBIDDEN");
    expect(await refusal(analyst2.views.updateState({ id: shared.id, version: shared.version, state: defaultViewState }))).toBe("FORBIDDEN");
    expect(await refusal(analyst2.views.delete({ id: shared.id }))).toBe("FORBIDDEN");
    expect(await protectedState(t.db)).toEqual(before);
  });

  it("let a teammate duplicate one into a private view of their own", async () => {
    const copy = await analyst2.views.duplicate({ id: shared.id });
    expect(copy).toMatchObject({ name: "Copy of FR–MA, 2024 on", team: null, canEdit: true, state });
    expect(await refusal(analyst.views.get({ id: copy.id }))).toBe("NOT_FOUND");
  });

  it("are NOT_FOUND by id for another team and for admins, exactly like a view that does not exist, changing nothing", async () => {
    const before = await protectedState(t.db);
    for (const id of [shared.id, privateView.id, "no-such-view"]) {
      for (const caller of [outsider, admin]) {
        expect(await refusal(caller.views.get({ id }))).toBe("NOT_FOUND");
        expect(await refusal(caller.views.rename({ id, version: 1, name: "Taken over" }))).toBe("NOT_FOUND");
        expect(await refusal(caller.views.updateState({ id, version: 1, state: defaultViewState }))).toBe("NOT_FOUND");
        expect(await refusal(caller.views.delete({ id }))).toBe("NOT_FOUND");
        expect(await refusal(caller.views.duplicate({ id }))).toBe("NOT_FOUND");
      }
    }
    expect((await outsider.views.list()).items).toEqual([]);
    expect(await protectedState(t.db)).toEqual(before);
    // The error says nothing more for a real view than for a made-up id.
    const [real, made_up] = await Promise.all([outsider.views.get({ id: shared.id }).catch((e: unknown) => e), outsider.views.get({ id: "x" }).catch((e: unknown) => e)]);
    expect(String(real)).toBe(String(made_up));
  });

  it("are shared only with a team of one's own", async () => {
    const sahel = await t.db.team.findUniqueOrThrow({ where: { name: "Sahel desk" }, select: { id: true } });
    const error = await analyst.views.create({ name: "Sneaky", teamId: sahel.id, state }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("BAD_REQUEST");
    expect(await t.db.savedView.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("are renamed, updated and deleted by their owner", async () => {
    const renamed = await analyst.views.rename({ id: privateView.id, version: privateView.version, name: "Scratch" });
    expect(renamed.name).toBe("Scratch");
    const updated = await analyst.views.updateState({ id: privateView.id, version: renamed.version, state: { ...defaultViewState, q: "rail" } });
    expect(updated.state.q).toBe("rail");
    await analyst.views.delete({ id: privateView.id });
    expect(await refusal(analyst.views.get({ id: privateView.id }))).toBe("NOT_FOUND");
  });

  it("keep opening when stored under version 1 with fields missing", async () => {
    const owner = await t.db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" }, select: { id: true } });
    const old = await t.db.savedView.create({ data: { name: "Old", ownerId: owner.id, stateVersion: 1, state: { dyads: ["DZA-FRA"] } } });
    expect((await analyst.views.get({ id: old.id })).state).toEqual({ ...defaultViewState, dyads: ["DZA-FRA"] });
  });

  it("refuse bad input with a field message, not a server error", async () => {
    const error = await analyst.views.create({ name: "", teamId: null, state: { ...state, dyads: ["france"] } }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("BAD_REQUEST");
  });
});

// A member removed from a team stops changing the views they shared with it: the team keeps
// reading them, the former member keeps reading them read-only, and the team's owners may delete
// them. Outsiders still find nothing.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { protectedState, useAuthTestDatabase } from "@/scripts/test/auth";
import { defaultViewState } from "./state";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : e);
const refusal = (promise: Promise<unknown>) => promise.then(() => "allowed", codeOf);

describe("a view shared by a member who has left the team", async () => {
  const t = await useAuthTestDatabase();
  const teamOwner = await t.callerAs("analyst@example.com"); // owns the North Africa desk
  const member = await t.callerAs("analyst2@example.com");
  const outsider = await t.callerAs("outsider@example.com");
  const desk = (await teamOwner.teams.list()).find((team) => team.name === "North Africa desk");
  if (!desk) throw new Error("seed lacks the North Africa desk");
  const memberId = (await t.db.user.findUniqueOrThrow({ where: { email: "analyst2@example.com" }, select: { id: true } })).id;
  const state = { ...defaultViewState, dyads: ["FRA-MAR"], from: "2025-01-01" };
  const shared = await member.views.create({ name: "Sam's FR–MA", teamId: desk.id, state });
  const own = await member.views.create({ name: "Sam's scratch", teamId: null, state });

  it("cannot be deleted by the team's owners while its owner still belongs to the team", async () => {
    const opened = await teamOwner.views.get({ id: shared.id });
    expect(opened).toMatchObject({ canEdit: false, canDelete: false, ownerLeftTeam: false });
    expect(await refusal(teamOwner.views.delete({ id: shared.id }))).toBe("FORBIDDEN");
  });

  it("is read-only for the removed member: rename, update and delete are FORBIDDEN and change nothing", async () => {
    await teamOwner.teams.removeMember({ teamId: desk.id, userId: memberId });
    const before = await protectedState(t.db);
    expect(await refusal(member.views.rename({ id: shared.id, version: shared.version, name: "Still mine" }))).toBe("FORBIDDEN");
    expect(await refusal(member.views.updateState({ id: shared.id, version: shared.version, state: defaultViewState }))).toBe("FORBIDDEN");
    expect(await refusal(member.views.delete({ id: shared.id }))).toBe("FORBIDDEN");
    expect(await protectedState(t.db)).toEqual(before);
    expect(await member.views.get({ id: shared.id })).toMatchObject({ state, canEdit: false, canDelete: false, ownerLeftTeam: true });
  });

  it("leaves the removed member's private views theirs to change", async () => {
    const renamed = await member.views.rename({ id: own.id, version: own.version, name: "Sam's own" });
    expect(renamed).toMatchObject({ name: "Sam's own", canEdit: true });
  });

  it("stays readable by the team, marked as its owner's left, and still NOT_FOUND for an outsider", async () => {
    const listed = (await teamOwner.views.list()).items.find((view) => view.id === shared.id);
    expect(listed).toMatchObject({ name: "Sam's FR–MA", state, canEdit: false, canDelete: true, ownerLeftTeam: true });
    const before = await protectedState(t.db);
    expect(await refusal(outsider.views.get({ id: shared.id }))).toBe("NOT_FOUND");
    expect(await refusal(outsider.views.rename({ id: shared.id, version: shared.version, name: "Mine" }))).toBe("NOT_FOUND");
    expect(await refusal(outsider.views.delete({ id: shared.id }))).toBe("NOT_FOUND");
    expect(await protectedState(t.db)).toEqual(before);
  });

  it("is deleted by the team's owner, who cannot rename or update it", async () => {
    expect(await refusal(teamOwner.views.rename({ id: shared.id, version: shared.version, name: "Taken over" }))).toBe("FORBIDDEN");
    expect(await teamOwner.views.delete({ id: shared.id })).toEqual({ id: shared.id });
    expect(await t.db.savedView.count({ where: { id: shared.id } })).toBe(0);
    expect(await refusal(member.views.get({ id: shared.id }))).toBe("NOT_FOUND");
  });
});

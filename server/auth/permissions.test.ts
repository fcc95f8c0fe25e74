import { describe, expect, it } from "vitest";
import { canDeleteShared, canEditShared, canManageTeam, canReadArchived, canReadShared, canSeeTeam, canShareWith, isAdmin, roleOf } from "./permissions";

const analyst = { id: "u-analyst", role: "analyst" as const, teamIds: ["t-north"] };
const admin = { id: "u-admin", role: "admin" as const, teamIds: [] };

describe("isAdmin and roleOf", () => {
  it("grants admin to the admin role only, and to nobody signed out", () => {
    expect(isAdmin(admin)).toBe(true);
    expect(isAdmin(analyst)).toBe(false);
    expect(isAdmin(null)).toBe(false);
  });

  it("reads an unknown role as the least privileged one", () => {
    expect(roleOf("admin")).toBe("admin");
    expect(roleOf("analyst")).toBe("analyst");
    expect(roleOf("superuser")).toBe("analyst");
    expect(roleOf(undefined)).toBe("analyst");
  });
});

describe("archived records", () => {
  it("are read by admins only", () => {
    expect(canReadArchived(admin)).toBe(true);
    expect(canReadArchived(analyst)).toBe(false);
    expect(canReadArchived(null)).toBe(false);
  });
});

describe("saved views", () => {
  const mine = { ownerId: "u-analyst", teamId: null };
  const teams = { ownerId: "u-other", teamId: "t-north" };
  const otherTeams = { ownerId: "u-other", teamId: "t-sahel" };
  const someonesPrivate = { ownerId: "u-other", teamId: null };

  it("are read by their owner and their team, by nobody else, admins included", () => {
    expect(canReadShared(analyst, mine)).toBe(true);
    expect(canReadShared(analyst, teams)).toBe(true);
    expect(canReadShared(analyst, otherTeams)).toBe(false);
    expect(canReadShared(analyst, someonesPrivate)).toBe(false);
    expect(canReadShared(admin, teams)).toBe(false);
  });

  it("are changed by their owner only", () => {
    expect(canEditShared(analyst, mine)).toBe(true);
    expect(canEditShared(analyst, teams)).toBe(false);
    expect(canEditShared(admin, teams)).toBe(false);
  });

  it("are changed by an owner who has left the team they shared them with by nobody: read-only for the owner too", () => {
    const formerMember = { id: "u-other", teamIds: ["t-sahel"] };
    expect(canEditShared(formerMember, teams)).toBe(false);
    expect(canEditShared(formerMember, someonesPrivate)).toBe(true);
    expect(canReadShared(formerMember, teams)).toBe(true);
  });

  it("are deleted by their owner while they may edit, and by the team's owners once that owner has left", () => {
    const teamOwner = { ...analyst, ownedTeamIds: ["t-north"] };
    const teamMember = { ...analyst, ownedTeamIds: [] };
    const orphaned = { ...teams, ownerInTeam: false };
    expect(canDeleteShared(teamOwner, orphaned)).toBe(true);
    expect(canDeleteShared(teamOwner, { ...teams, ownerInTeam: true })).toBe(false);
    expect(canDeleteShared(teamMember, orphaned)).toBe(false);
    expect(canDeleteShared({ ...admin, ownedTeamIds: [] }, orphaned)).toBe(false);
    expect(canDeleteShared({ id: "u-other", teamIds: [], ownedTeamIds: [] }, orphaned)).toBe(false);
    expect(canDeleteShared(teamMember, { ...mine, ownerInTeam: false })).toBe(true);
    expect(canDeleteShared(teamOwner, { ...otherTeams, ownerInTeam: false })).toBe(false);
  });

  it("are shared only with a team one belongs to", () => {
    expect(canShareWith(analyst, null)).toBe(true);
    expect(canShareWith(analyst, "t-north")).toBe(true);
    expect(canShareWith(analyst, "t-sahel")).toBe(false);
  });
});

describe("teams", () => {
  it("are seen by members and admins", () => {
    expect(canSeeTeam(analyst, { role: "MEMBER" })).toBe(true);
    expect(canSeeTeam(analyst, null)).toBe(false);
    expect(canSeeTeam(admin, null)).toBe(true);
  });

  it("are managed by their owners and by admins", () => {
    expect(canManageTeam(analyst, { role: "OWNER" })).toBe(true);
    expect(canManageTeam(analyst, { role: "MEMBER" })).toBe(false);
    expect(canManageTeam(analyst, null)).toBe(false);
    expect(canManageTeam(admin, null)).toBe(true);
  });
});

// Teams: who shares saved views with whom. Owners and admins add and remove members.
import { canManageTeam, canSeeTeam, isAdmin, type SessionUser } from "../auth/permissions";
import type { Db } from "../db-client";
import { Prisma } from "../generated/prisma/client";
import { AppError, fieldError } from "../shared/errors";
import { underCap } from "../shared/caps";

/** The teams a user belongs to, and those of them they own: what the saved-view predicates ask. */
export async function teamsOf({ db, userId }: { db: Db; userId: string }): Promise<{ teamIds: string[]; ownedTeamIds: string[] }> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { teamId: true, role: true } });
  return { teamIds: memberships.map((m) => m.teamId), ownedTeamIds: memberships.filter((m) => m.role === "OWNER").map((m) => m.teamId) };
}

/** Teams one person may own: enough for every desk they run, few enough that nobody floods the "Share with" lists. */
export const MAX_TEAMS_OWNED = 20;

const teamSelect = {
  id: true,
  name: true,
  memberships: {
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  },
} satisfies Prisma.TeamSelect;

type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

function present(team: TeamRow, user: SessionUser) {
  const mine = team.memberships.find((m) => m.user.id === user.id) ?? null;
  return {
    id: team.id,
    name: team.name,
    myRole: mine?.role ?? null,
    canManage: canManageTeam(user, mine),
    members: team.memberships.map((m) => ({ ...m.user, role: m.role })),
  };
}

export type TeamSummary = ReturnType<typeof present>;

/** My teams; an admin, who manages them all, sees every team. */
export async function listTeams({ db, user }: { db: Db; user: SessionUser }): Promise<TeamSummary[]> {
  const teams = await db.team.findMany({
    where: isAdmin(user) ? {} : { memberships: { some: { userId: user.id } } },
    select: teamSelect,
    orderBy: { name: "asc" },
  });
  return teams.map((team) => present(team, user));
}

export async function createTeam({ db, user, name }: { db: Db; user: SessionUser; name: string }): Promise<TeamSummary> {
  try {
    const team = await underCap({
      db,
      kind: "teams",
      holderId: user.id,
      max: MAX_TEAMS_OWNED,
      count: (tx) => tx.membership.count({ where: { userId: user.id, role: "OWNER" } }),
      refusal: { field: "name", message: `You own ${MAX_TEAMS_OWNED} teams, the most one person can own.` },
      create: (tx) => tx.team.create({ data: { name, memberships: { create: { userId: user.id, role: "OWNER" } } }, select: teamSelect }),
    });
    return present(team, user);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw fieldError("CONFLICT", "name", "A team with this name exists.");
    throw e;
  }
}

/** A team the user may manage; one they cannot even see is NOT_FOUND, as if it did not exist. */
async function managedTeam({ db, user, teamId }: { db: Db; user: SessionUser; teamId: string }) {
  const [team, membership] = await Promise.all([
    db.team.findUnique({ where: { id: teamId }, select: { id: true } }),
    db.membership.findUnique({ where: { teamId_userId: { teamId, userId: user.id } }, select: { role: true } }),
  ]);
  if (!team || !canSeeTeam(user, membership)) throw new AppError("NOT_FOUND", "No such team.");
  if (!canManageTeam(user, membership)) throw new AppError("FORBIDDEN", "Only the team's owners and admins manage its members.");
}

async function teamFor(db: Db, user: SessionUser, teamId: string): Promise<TeamSummary> {
  return present(await db.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSelect }), user);
}

export async function addMember({ db, user, teamId, email }: { db: Db; user: SessionUser; teamId: string; email: string }): Promise<TeamSummary> {
  await managedTeam({ db, user, teamId });
  const member = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!member) throw fieldError("BAD_REQUEST", "email", "No account has this email. An admin can create it.");
  await db.membership.createMany({ data: { teamId, userId: member.id, role: "MEMBER" }, skipDuplicates: true });
  return teamFor(db, user, teamId);
}

export async function removeMember({ db, user, teamId, userId }: { db: Db; user: SessionUser; teamId: string; userId: string }): Promise<TeamSummary> {
  await managedTeam({ db, user, teamId });
  await db.$transaction(async (tx) => {
    const owners = await tx.membership.findMany({ where: { teamId, role: "OWNER" }, select: { userId: true } });
    // A team without an owner could only be managed by admins: keep one.
    if (owners.length === 1 && owners[0]?.userId === userId) {
      throw fieldError("BAD_REQUEST", "userId", "A team keeps at least one owner.");
    }
    await tx.membership.deleteMany({ where: { teamId, userId } });
  });
  return teamFor(db, user, teamId);
}

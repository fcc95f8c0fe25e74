// Teams: who shares saved views with whom. People join by accepting an invitation
// (./invitations.ts); owners and admins remove members. Every membership change is audited.
import { recordAudit } from "../admin/audit";
import { canManageTeam, canSeeTeam, isAdmin, type SessionUser } from "../auth/permissions";
import type { Db, DbOrTx } from "../db-client";
import { Prisma } from "../generated/prisma/client";
import { AppError, fieldError } from "../shared/errors";
import { underCap } from "../shared/caps";
import { said } from "../shared/said";

/** The teams a user belongs to, and those of them they own: what the saved-view predicates ask. */
export async function teamsOf({ db, userId }: { db: Db; userId: string }): Promise<{ teamIds: string[]; ownedTeamIds: string[] }> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { teamId: true, role: true } });
  return { teamIds: memberships.map((m) => m.teamId), ownedTeamIds: memberships.filter((m) => m.role === "OWNER").map((m) => m.teamId) };
}

/** Teams one person may own: enough for every desk they run, few enough that nobody floods the "Share with" lists. */
export const MAX_TEAMS_OWNED = 20;

/** Invitations still open at `now`: pending and not expired. */
export const openInvitationAt = (now: Date) => ({ status: "PENDING", expiresAt: { gt: now } }) satisfies Prisma.TeamInvitationWhereInput;

const teamSelectAt = (now: Date) =>
  ({
    id: true,
    name: true,
    memberships: {
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    },
    invitations: {
      where: openInvitationAt(now),
      select: { id: true, email: true, expiresAt: true, invitedBy: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    },
  }) satisfies Prisma.TeamSelect;

type TeamRow = Prisma.TeamGetPayload<{ select: ReturnType<typeof teamSelectAt> }>;

function present(team: TeamRow, user: SessionUser) {
  const mine = team.memberships.find((m) => m.user.id === user.id) ?? null;
  const canManage = canManageTeam(user, mine);
  return {
    id: team.id,
    name: team.name,
    myRole: mine?.role ?? null,
    canManage,
    members: team.memberships.map((m) => ({ ...m.user, role: m.role })),
    // Whom the team invited is its managers' business: members see who joined, not who was asked.
    invitations: canManage ? team.invitations : [],
  };
}

export type TeamSummary = ReturnType<typeof present>;

/** My teams; an admin, who manages them all, sees every team. */
export async function listTeams({ db, user }: { db: Db; user: SessionUser }): Promise<TeamSummary[]> {
  const teams = await db.team.findMany({
    where: isAdmin(user) ? {} : { memberships: { some: { userId: user.id } } },
    select: teamSelectAt(new Date()),
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
      refusal: { field: "name", message: said("teamsCap", { max: MAX_TEAMS_OWNED }) },
      create: async (tx) => {
        const created = await tx.team.create({ data: { name, memberships: { create: { userId: user.id, role: "OWNER" } } }, select: teamSelectAt(new Date()) });
        await recordAudit({ db: tx, actorId: user.id, action: "CREATE", entityType: "Team", entityId: created.id, before: null, after: { name, owner: user.email } });
        return created;
      },
    });
    return present(team, user);
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw fieldError("CONFLICT", "name", said("teamNameTaken"));
    throw e;
  }
}

/** A team the user may see, with their membership; one they cannot see is NOT_FOUND, as if it did not exist. */
export async function visibleTeam({ db, user, teamId }: { db: DbOrTx; user: SessionUser; teamId: string }) {
  const [team, membership] = await Promise.all([
    db.team.findUnique({ where: { id: teamId }, select: { id: true, name: true } }),
    db.membership.findUnique({ where: { teamId_userId: { teamId, userId: user.id } }, select: { role: true } }),
  ]);
  if (!team || !canSeeTeam(user, membership)) throw new AppError("NOT_FOUND", said("noSuchTeam"));
  return { team, membership };
}

/** A team the user may manage (owners, admins); members get FORBIDDEN. */
export async function managedTeam({ db, user, teamId }: { db: DbOrTx; user: SessionUser; teamId: string }) {
  const { team, membership } = await visibleTeam({ db, user, teamId });
  if (!canManageTeam(user, membership)) throw new AppError("FORBIDDEN", said("teamManagersOnly"));
  return team;
}

export async function teamFor(db: Db, user: SessionUser, teamId: string): Promise<TeamSummary> {
  return present(await db.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSelectAt(new Date()) }), user);
}

/** The audit entry of a membership made or ended: the team, the person and the role, by name. */
export function membershipAudit(m: { teamId: string; team: string; userId: string; email: string; role: string }) {
  return { entityType: "Membership" as const, entityId: `${m.teamId}:${m.userId}`, snapshot: m };
}

export async function removeMember({ db, user, teamId, userId }: { db: Db; user: SessionUser; teamId: string; userId: string }): Promise<TeamSummary> {
  const team = await managedTeam({ db, user, teamId });
  await db.$transaction(async (tx) => {
    const owners = await tx.membership.findMany({ where: { teamId, role: "OWNER" }, select: { userId: true } });
    // A team without an owner could only be managed by admins: keep one.
    if (owners.length === 1 && owners[0]?.userId === userId) {
      throw fieldError("BAD_REQUEST", "userId", said("teamKeepsOwner"));
    }
    const removed = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true, user: { select: { email: true } } } });
    // Counted, not assumed: a second Remove at the same moment finds nothing to delete or audit.
    const { count } = await tx.membership.deleteMany({ where: { teamId, userId } });
    if (!removed || count === 0) return;
    const { entityType, entityId, snapshot } = membershipAudit({ teamId, team: team.name, userId, email: removed.user.email, role: removed.role });
    await recordAudit({ db: tx, actorId: user.id, action: "DELETE", entityType, entityId, before: snapshot, after: null });
  });
  return teamFor(db, user, teamId);
}

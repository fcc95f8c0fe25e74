// Joining a team takes the invitee's consent: an owner (or an admin) invites an email, the person
// with that email accepts or declines. The inviter gets the same answer, and the database the same
// row, whether or not the address has an account: inviting is no way to learn who has one.
import { recordAudit } from "../admin/audit";
import type { SessionUser } from "../auth/permissions";
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { isoDayOf } from "../scope/day";
import { underCap } from "../shared/caps";
import { AppError, fieldError } from "../shared/errors";
import { managedTeam, membershipAudit, openInvitationAt, teamFor, type TeamSummary } from "./service";
import { said } from "../shared/said";

/** How long an invitation can be accepted. */
export const INVITATION_DAYS = 14;
/** Open invitations one team may have: a desk's worth, not a mailing list. */
export const MAX_OPEN_INVITATIONS_PER_TEAM = 50;
/** What the inviter is told, whoever the address belongs to. */
export const INVITED_NOTICE = said("invitedNotice");

const DAY_MS = 24 * 60 * 60_000;

export async function invite({ db, user, teamId, email, now = new Date() }: { db: Db; user: SessionUser; teamId: string; email: string; now?: Date }): Promise<{ notice: string; team: TeamSummary }> {
  const team = await managedTeam({ db, user, teamId });
  // Members are listed to whoever may invite, so refusing one says nothing new about accounts.
  const member = await db.membership.findFirst({ where: { teamId, user: { email } }, select: { userId: true } });
  if (member) throw fieldError("BAD_REQUEST", "email", said("alreadyMember"));
  await underCap({
    db,
    kind: "team-invitations",
    holderId: teamId,
    max: MAX_OPEN_INVITATIONS_PER_TEAM,
    count: (tx) => tx.teamInvitation.count({ where: { teamId, ...openInvitationAt(now) } }),
    refusal: { field: "email", message: said("invitationsCap", { team: team.name, max: MAX_OPEN_INVITATIONS_PER_TEAM }) },
    create: async (tx) => {
      // Inviting the same address again keeps the open invitation: one row, one entry.
      if (await tx.teamInvitation.findFirst({ where: { teamId, email, ...openInvitationAt(now) }, select: { id: true } })) return;
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
      const created = await tx.teamInvitation.create({ data: { teamId, email, invitedById: user.id, createdAt: now, expiresAt }, select: { id: true } });
      await recordAudit({ db: tx, actorId: user.id, action: "CREATE", entityType: "TeamInvitation", entityId: created.id, before: null, after: { teamId, team: team.name, email, expiresAt: expiresAt.toISOString() } });
    },
  });
  return { notice: INVITED_NOTICE, team: await teamFor(db, user, teamId) };
}

/** The open invitations addressed to me, with the team and who invited me. */
export function myInvitations({ db, user, now = new Date() }: { db: Db; user: SessionUser; now?: Date }) {
  return db.teamInvitation.findMany({
    where: { email: user.email, ...openInvitationAt(now) },
    select: { id: true, expiresAt: true, team: { select: { id: true, name: true } }, invitedBy: { select: { name: true, email: true } } },
    orderBy: { createdAt: "desc" },
  });
}

type Answer = "ACCEPTED" | "DECLINED" | "CANCELLED";

/**
 * Moves an open invitation to its answer in one conditional update, so an accept and a cancel at
 * the same moment cannot both succeed; refuses with why when it is no longer open.
 */
async function close(tx: Prisma.TransactionClient, { id, actorId, answer, now }: { id: string; actorId: string; answer: Answer; now: Date }) {
  const { count } = await tx.teamInvitation.updateMany({ where: { id, ...openInvitationAt(now) }, data: { status: answer, answeredAt: now } });
  const invitation = await tx.teamInvitation.findUniqueOrThrow({ where: { id }, select: { teamId: true, email: true, status: true, expiresAt: true, team: { select: { name: true } } } });
  if (count === 0) {
    const why = invitation.status === "PENDING" ? said("invitationExpired", { day: isoDayOf(invitation.expiresAt) }) : said("invitationAnswered", { status: invitation.status.toLowerCase() });
    throw fieldError("BAD_REQUEST", "invitationId", why);
  }
  const snapshot = { teamId: invitation.teamId, team: invitation.team.name, email: invitation.email };
  await recordAudit({ db: tx, actorId, action: "UPDATE", entityType: "TeamInvitation", entityId: id, before: { ...snapshot, status: "PENDING" }, after: { ...snapshot, status: answer } });
  return invitation;
}

/** An invitation addressed to this user; anyone else's is NOT_FOUND, as if it did not exist. */
async function addressedTo(db: Db, user: SessionUser, invitationId: string) {
  const found = await db.teamInvitation.findFirst({ where: { id: invitationId, email: user.email }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", said("noSuchInvitation"));
}

export async function acceptInvitation({ db, user, invitationId, now = new Date() }: { db: Db; user: SessionUser; invitationId: string; now?: Date }) {
  await addressedTo(db, user, invitationId);
  return db.$transaction(async (tx) => {
    const invitation = await close(tx, { id: invitationId, actorId: user.id, answer: "ACCEPTED", now });
    const { count } = await tx.membership.createMany({ data: { teamId: invitation.teamId, userId: user.id, role: "MEMBER" }, skipDuplicates: true });
    if (count === 1) {
      const { entityType, entityId, snapshot } = membershipAudit({ teamId: invitation.teamId, team: invitation.team.name, userId: user.id, email: user.email, role: "MEMBER" });
      await recordAudit({ db: tx, actorId: user.id, action: "CREATE", entityType, entityId, before: null, after: { ...snapshot, invitationId } });
    }
    return { teamId: invitation.teamId, team: invitation.team.name };
  });
}

export async function declineInvitation({ db, user, invitationId, now = new Date() }: { db: Db; user: SessionUser; invitationId: string; now?: Date }) {
  await addressedTo(db, user, invitationId);
  await db.$transaction((tx) => close(tx, { id: invitationId, actorId: user.id, answer: "DECLINED", now }));
  return { declined: true };
}

/** The inviter, or whoever manages the team, withdraws an open invitation. */
export async function cancelInvitation({ db, user, invitationId, now = new Date() }: { db: Db; user: SessionUser; invitationId: string; now?: Date }) {
  const found = await db.teamInvitation.findUnique({ where: { id: invitationId }, select: { teamId: true, invitedById: true } });
  if (!found) throw new AppError("NOT_FOUND", said("noSuchInvitation"));
  if (found.invitedById !== user.id) await managedTeam({ db, user, teamId: found.teamId });
  await db.$transaction((tx) => close(tx, { id: invitationId, actorId: user.id, answer: "CANCELLED", now }));
  return { cancelled: true };
}

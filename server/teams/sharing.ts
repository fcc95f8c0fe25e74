// What saved views and analyst notes share: each is its owner's, private or shared with one of
// their teams, read under canReadShared and changed under canEditShared / canDeleteShared
// (server/auth/permissions.ts). This is the one place those rules meet the database.
import type { SessionUser } from "../auth/permissions";
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { teamsOf } from "./service";

/** Who is asking, as the sharing predicates need them. */
export type Reader = { id: string; teamIds: string[]; ownedTeamIds: string[] };

export async function readerOf(db: Db, user: SessionUser): Promise<Reader> {
  return { id: user.id, ...(await teamsOf({ db, userId: user.id })) };
}

/**
 * The query form of canReadShared: mine, and those shared with my teams. My teams are read in the
 * same query, so a list asks for its rows beside readerOf (which its rows' edit rights need), not after it.
 */
export const readableBy = (userId: string) =>
  ({ OR: [{ ownerId: userId }, { team: { memberships: { some: { userId } } } }] }) satisfies Prisma.SavedViewWhereInput & Prisma.AnalystNoteWhereInput;

/** The write's own repeat of canEditShared's team half: private, or shared with a team the writer is still in. */
export const stillEditableBy = (userId: string) =>
  ({ OR: [{ teamId: null }, { team: { memberships: { some: { userId } } } }] }) satisfies Prisma.SavedViewWhereInput & Prisma.AnalystNoteWhereInput;

/** The owner's teams tell whether they still belong to the one a thing is shared with; never sent. */
export const ownerSelect = { select: { id: true, name: true, memberships: { select: { teamId: true } } } } as const;

/** A row's sharing, as canEditShared and canDeleteShared take it. */
export function sharedAccess(row: { ownerId: string; teamId: string | null; owner: { memberships: { teamId: string }[] } }) {
  const ownerInTeam = row.teamId !== null && row.owner.memberships.some((m) => m.teamId === row.teamId);
  return { ownerId: row.ownerId, teamId: row.teamId, ownerInTeam };
}

// Who may do what, as small predicates: procedures and pages ask these, never compare roles inline.
import type { Role, TeamRole } from "../generated/prisma/enums";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export function isAdmin(user: Pick<SessionUser, "role"> | null): boolean {
  return user?.role === "admin";
}

/**
 * An archived record (event, agreement) opens by id for admins, who restore it from there; for
 * anyone else it does not exist, and no list or link shows it.
 */
export function canReadArchived(user: Pick<SessionUser, "role"> | null): boolean {
  return isAdmin(user);
}

/** Four eyes: a draft is published or returned by an admin who did not write it. */
export function canReviewDraft(user: Pick<SessionUser, "id" | "role">, draft: { authorId: string | null }): boolean {
  return isAdmin(user) && draft.authorId !== user.id;
}

/** Unknown or missing roles get the least privilege. */
export function roleOf(value: unknown): Role {
  return value === "admin" ? "admin" : "analyst";
}

/**
 * Something a user owns, private to them or shared with one team: a saved view, an analyst note.
 * Both follow the rules below; the services answer NOT_FOUND to anyone who may not read one.
 */
export interface SharedAccess {
  ownerId: string;
  teamId: string | null;
}

/** Readable by its owner and, when shared, by the members of its team. Admins get no more. */
export function canReadShared(reader: { id: string; teamIds: readonly string[] }, view: SharedAccess): boolean {
  return view.ownerId === reader.id || (view.teamId !== null && reader.teamIds.includes(view.teamId));
}

/**
 * Only the owner changes or deletes a view or a note, and a shared one only while they still belong
 * to its team: one who left keeps reading it, read-only (they may duplicate a view, as teammates may).
 */
export function canEditShared(editor: { id: string; teamIds: readonly string[] }, view: SharedAccess): boolean {
  return view.ownerId === editor.id && (view.teamId === null || editor.teamIds.includes(view.teamId));
}

/**
 * A shared view or note whose owner has left its team is the team's to clear up: its owners may delete it.
 * Delete, not take over: the view keeps saying who made it, and a teammate who wants to keep it
 * duplicates it into a view of their own, as they could before.
 */
export function canDeleteShared(editor: { id: string; teamIds: readonly string[]; ownedTeamIds: readonly string[] }, view: SharedAccess & { ownerInTeam: boolean }): boolean {
  if (canEditShared(editor, view)) return true;
  return view.teamId !== null && !view.ownerInTeam && editor.ownedTeamIds.includes(view.teamId);
}

/** Sharing with a team needs membership of it; "only me" (null) is always allowed. */
export function canShareWith(reader: { teamIds: readonly string[] }, teamId: string | null): boolean {
  return teamId === null || reader.teamIds.includes(teamId);
}

/** Members see their team; admins see every team. */
export function canSeeTeam(user: Pick<SessionUser, "role">, membership: { role: TeamRole } | null): boolean {
  return isAdmin(user) || membership !== null;
}

/** Team owners and admins add and remove members. */
export function canManageTeam(user: Pick<SessionUser, "role">, membership: { role: TeamRole } | null): boolean {
  return isAdmin(user) || membership?.role === "OWNER";
}

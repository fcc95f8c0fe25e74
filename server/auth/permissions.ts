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

export interface ViewAccess {
  ownerId: string;
  teamId: string | null;
}

/** A view is readable by its owner and, when shared, by the members of its team. Admins get no more. */
export function canReadView(reader: { id: string; teamIds: readonly string[] }, view: ViewAccess): boolean {
  return view.ownerId === reader.id || (view.teamId !== null && reader.teamIds.includes(view.teamId));
}

/**
 * Only the owner renames, updates or deletes a view, and a shared one only while they still belong
 * to its team: one who left keeps reading it, read-only (they may duplicate it, as teammates may).
 */
export function canEditView(editor: { id: string; teamIds: readonly string[] }, view: ViewAccess): boolean {
  return view.ownerId === editor.id && (view.teamId === null || editor.teamIds.includes(view.teamId));
}

/**
 * A shared view whose owner has left its team is the team's to clear up: its owners may delete it.
 * Delete, not take over: the view keeps saying who made it, and a teammate who wants to keep it
 * duplicates it into a view of their own, as they could before.
 */
export function canDeleteView(editor: { id: string; teamIds: readonly string[]; ownedTeamIds: readonly string[] }, view: ViewAccess & { ownerInTeam: boolean }): boolean {
  if (canEditView(editor, view)) return true;
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

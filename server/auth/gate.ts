// Who may pass: the one rule behind tRPC's ladder (server/trpc.ts), the route handlers (import,
// exports, feeds) and the page guards. Signed out is UNAUTHORIZED (sign in, then come back);
// signed in without the role is FORBIDDEN, never UNAUTHORIZED, so no client asks to sign in again.
import type { Role } from "../generated/prisma/enums";
import { AppError } from "../shared/errors";
import { canReviewDraft, isAdmin } from "./permissions";
import { said } from "../shared/said";

export const SIGN_IN_MESSAGE = said("signIn");
export const ADMINS_ONLY_MESSAGE = said("adminsOnly");

/** What a refusal says, where a route words it for its own readers (feed readers, the import). */
export interface GateMessages {
  signIn?: string;
  forbidden?: string;
}

/** Every role includes an analyst's rights; only admins hold an admin's. */
function holds(user: { role: Role }, role: Role): boolean {
  return role === "analyst" || isAdmin(user);
}

/** Someone, signed in or holding a feed token: any identity passes, none is UNAUTHORIZED. */
export function requireSignedIn<U>(identity: U | null | undefined, messages: GateMessages = {}): U {
  if (identity === null || identity === undefined) throw new AppError("UNAUTHORIZED", messages.signIn ?? SIGN_IN_MESSAGE);
  return identity;
}

/** The user, when signed in and holding `role`; otherwise throws the refusal. */
export function requireRole<U extends { role: Role }>(user: U | null, role: Role, messages: GateMessages = {}): U {
  const signedIn = requireSignedIn(user, messages);
  if (!holds(signedIn, role)) throw new AppError("FORBIDDEN", messages.forbidden ?? ADMINS_ONLY_MESSAGE);
  return signedIn;
}

export const REVIEW_REQUIRED_MESSAGE = said("reviewRequired");
export const OWN_DRAFT_MESSAGE = said("ownDraft");

/** A direct save of a record, refused while the deployment requires review (REVIEW_REQUIRED). */
export function requireDirectPublishing(reviewRequired: boolean): void {
  if (reviewRequired) throw new AppError("FORBIDDEN", REVIEW_REQUIRED_MESSAGE);
}

/** A reviewer's decision on a draft: any admin but its author (four eyes). */
export function requireOtherReviewer(reviewer: { id: string; role: Role }, draft: { authorId: string | null }): void {
  if (!canReviewDraft(reviewer, draft)) throw new AppError("FORBIDDEN", isAdmin(reviewer) ? OWN_DRAFT_MESSAGE : ADMINS_ONLY_MESSAGE);
}

/** The same rule as a value, for callers that answer without throwing (pages redirect or show 403). */
export function refusalFor(user: { role: Role } | null, role: Role, messages: GateMessages = {}): AppError | null {
  try {
    requireRole(user, role, messages);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

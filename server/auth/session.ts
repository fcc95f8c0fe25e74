// The signed-in user behind a request's session cookie: tRPC's context, the route handlers and
// the exports all read it here, so "signed in" means one thing everywhere.
import { databaseUnavailable, isDatabaseUnavailable } from "../shared/unavailable";
import type { Auth } from "./auth";
import { roleOf, type SessionUser } from "./permissions";

export interface Session {
  user: SessionUser;
  sessionId: string;
}

/** Null when signed out, or when the session has expired, been revoked or its user deactivated. */
export async function sessionOf({ auth, headers }: { auth: Auth; headers: Headers }): Promise<Session | null> {
  const session = await auth.api.getSession({ headers }).catch((error: unknown) => {
    throw isDatabaseUnavailable(error) ? databaseUnavailable(error) : error;
  });
  if (!session || session.user.banned) return null;
  const { id, name, email, role } = session.user;
  return { user: { id, name, email, role: roleOf(role) }, sessionId: session.session.id };
}

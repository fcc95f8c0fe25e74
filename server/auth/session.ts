// The signed-in user behind a request's session cookie: tRPC's context, the route handlers and
// the exports all read it here, so "signed in" means one thing everywhere.
//
// Every request asks, so each instance keeps the sessions it has looked up, by cookie, until
// the database announces that a session ended or a user's name, email, role or standing changed
// (the change feed's topic "sessions": sign-out, deactivation, a password change), a minute at
// most, and never past the session's expiry. Without a listener (scripts, tests, a lost
// connection) every request asks Better Auth, as before. Only sessions are kept, never a refusal:
// a cookie that signs nobody in is checked again each time.
import { getSessionCookie } from "better-auth/cookies";
import { databaseUrlOf, type Db } from "../db-client";
import { primaryOf } from "../db-replica";
import { changeFeedOf } from "../shared/change-feed";
import { instanceCache } from "../shared/instance-cache";
import { databaseUnavailable, isDatabaseUnavailable } from "../shared/unavailable";
import type { Auth } from "./auth";
import { COOKIE_PREFIX } from "./cookie";
import { roleOf, type SessionUser } from "./permissions";

export interface Session {
  user: SessionUser;
  sessionId: string;
}

type KnownSession = Session & { expiresAt: number };

const TTL_MS = 60_000;
/** Sessions kept per instance: about a kilobyte each; past this, the oldest looked up go first. */
const MAX_SESSIONS = 5_000;

export type KnownSessions = ReturnType<typeof knownSessionsWith>;

/** One instance's sessions, hearing changes through `feedFor` (tests make one per simulated instance). */
export function knownSessionsWith(feedFor: typeof changeFeedOf) {
  return instanceCache<KnownSession | null>({ topic: "sessions", ttlMs: TTL_MS, maxEntries: MAX_SESSIONS, feedFor, withoutListener: "readThrough", keep: (session) => session !== null });
}

const knownSessions = knownSessionsWith(changeFeedOf);

async function lookUp(auth: Auth, headers: Headers): Promise<KnownSession | null> {
  const session = await auth.api.getSession({ headers }).catch((error: unknown) => {
    throw isDatabaseUnavailable(error) ? databaseUnavailable(error) : error;
  });
  if (!session || session.user.banned) return null;
  const { id, name, email, role } = session.user;
  return { user: { id, name, email, role: roleOf(role) }, sessionId: session.session.id, expiresAt: session.session.expiresAt.getTime() };
}

/**
 * Null when signed out, or when the session has expired, been revoked or its user deactivated.
 * `db` names the database whose notices keep this instance's sessions current.
 */
export async function sessionOf({ auth, headers, db, sessions = knownSessions }: { auth: Auth; headers: Headers; db: Db; sessions?: KnownSessions }): Promise<Session | null> {
  if (!getSessionCookie(headers, { cookiePrefix: COOKIE_PREFIX })) return null;
  // Kept by every cookie the request sent, exactly as Better Auth read them (a session token is
  // signed): only a request sending the same can be answered with what they found.
  const key = headers.get("cookie") ?? "";
  const now = Date.now();
  const known = await sessions.get({ databaseUrl: databaseUrlOf(primaryOf(db)), key, load: () => lookUp(auth, headers), now });
  // Kept past its end (at most the minute above): ask Better Auth, which refuses it.
  const current = known && known.expiresAt > now ? known : await lookUp(auth, headers);
  return current && { user: current.user, sessionId: current.sessionId };
}

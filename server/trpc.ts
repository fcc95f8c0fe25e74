// tRPC's one initialisation: context shape, error shape and the procedure ladder
// public → authed (signed in) → admin. Every procedure but a health check climbs it.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Auth } from "./auth/auth";
import { isAdmin, roleOf, type SessionUser } from "./auth/permissions";
import type { Db } from "./db-client";
import { fieldMessagesOf, StaleVersionError } from "./shared/errors";
import { pathOfUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "./shared/storable-text";
import { databaseUnavailable, isDatabaseUnavailable } from "./shared/unavailable";

export interface Context {
  db: Db;
  headers: Headers;
  /** Null when signed out, or when the session has expired, been revoked or its user deactivated. */
  user: SessionUser | null;
  /** The session the request came with, kept when a password change ends the user's others. */
  sessionId: string | null;
}

/** Builds a context from its parts: tests pass the user they act as. */
export function createContextInner(opts: { db: Db; headers?: Headers; user?: SessionUser | null; sessionId?: string | null }): Context {
  return { db: opts.db, headers: opts.headers ?? new Headers(), user: opts.user ?? null, sessionId: opts.sessionId ?? null };
}

/** The user behind a request's session cookie; the route handler and server components share this. */
export async function createContext(opts: { db: Db; auth: Auth; headers: Headers }): Promise<Context> {
  const session = await opts.auth.api.getSession({ headers: opts.headers }).catch((error: unknown) => {
    throw isDatabaseUnavailable(error) ? databaseUnavailable(error) : error;
  });
  if (!session || session.user.banned) return createContextInner({ db: opts.db, headers: opts.headers });
  const { id, name, email, role } = session.user;
  return createContextInner({ db: opts.db, headers: opts.headers, user: { id, name, email, role: roleOf(role) }, sessionId: session.session.id });
}

export { FieldErrors, fieldError } from "./shared/errors";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      // An unexpected failure's message is the driver's or Prisma's, with source paths and SQL:
      // logged on the server (api-handler.ts), never sent.
      message: error.code === "INTERNAL_SERVER_ERROR" ? INTERNAL_ERROR_MESSAGE : shape.message,
      data: {
        ...shape.data,
        // Field-level messages for forms; never a stack trace in a response.
        fieldErrors: fieldMessagesOf(error.cause),
        // On a version conflict, what the record holds now, so the editor can show the changes.
        conflict: error.cause instanceof StaleVersionError ? error.cause.current : null,
        stack: undefined,
      },
    };
  },
});

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side; it has been logged. Try again, or tell an admin if it persists.";

const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const path = pathOfUnstorableText(await getRawInput());
  // No field errors keyed by the path: a key is the client's, and may be "__proto__".
  if (path) throw new TRPCError({ code: "BAD_REQUEST", message: `Text ${UNSTORABLE_TEXT_MESSAGE} (at ${JSON.stringify(path.join("."))}).` });
  return next();
});

const signedIn = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { user: ctx.user } });
});

// One place for outages: any procedure that meets an unreachable database answers 503 with a
// reason the client can show, instead of a 500 that reads like a bug.
const outageAsUnavailable = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code !== "SERVICE_UNAVAILABLE" && isDatabaseUnavailable(result.error)) throw databaseUnavailable(result.error);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(outageAsUnavailable).use(refuseUnstorableText);
export const authedProcedure = publicProcedure.use(signedIn);
export const adminProcedure = authedProcedure.use(function adminOnly({ ctx, next }) {
  // Signed in without the role: FORBIDDEN, never UNAUTHORIZED, so the client does not ask to sign in again.
  if (!isAdmin(ctx.user)) throw new TRPCError({ code: "FORBIDDEN", message: "Only admins may do this." });
  return next({ ctx });
});

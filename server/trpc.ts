// tRPC's one initialisation: context shape, error shape and the procedure ladder
// public → authed (signed in) → admin. Every procedure but a health check climbs it.
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson, { deserialize } from "superjson";
import type { Auth } from "./auth/auth";
import { requireDirectPublishing, requireRole, requireSignedIn } from "./auth/gate";
import type { SessionUser } from "./auth/permissions";
import { sessionOf } from "./auth/session";
import type { Db } from "./db-client";
import { wroteCookie, wroteRecently } from "./db-replica";
import { env } from "./env";
import { localeOfRequest, speakerFor } from "./i18n/spoken";
import { AppError, type AppErrorCode, fieldMessagesOf, StaleVersionError } from "./shared/errors";
import { said } from "./shared/said";
import { serializedOnce } from "./shared/shared-answer";
import { toSuperjson } from "./shared/plain-json";
import { noteAnswer } from "./http/compressed-once";
import { pathOfUnstorableText, unstorableTextRefusal } from "./shared/storable-text";
import { databaseUnavailable, DatabaseRefusal, isDatabaseUnavailable, loggedAsOneLine } from "./shared/unavailable";

export interface Context {
  /** The primary; in a read-only procedure, the replica when there is one (readsOnReplica below). */
  db: Db;
  /** Where read-only procedures read: DATABASE_REPLICA_URL's client, or the primary itself. */
  replica: Db;
  /** The HTTP answer's headers; null for server components' calls. */
  resHeaders: Headers | null;
  headers: Headers;
  /** Null when signed out, or when the session has expired, been revoked or its user deactivated. */
  user: SessionUser | null;
  /** The session the request came with, kept when a password change ends the user's others. */
  sessionId: string | null;
  /** REVIEW_REQUIRED, read once at start: a setting of the deployment, never of a request. */
  reviewRequired: boolean;
}

/** Builds a context from its parts: tests pass the user they act as (and may turn review on or off). */
export function createContextInner(opts: { db: Db; replica?: Db; resHeaders?: Headers; headers?: Headers; user?: SessionUser | null; sessionId?: string | null; reviewRequired?: boolean }): Context {
  return {
    db: opts.db,
    replica: opts.replica ?? opts.db,
    resHeaders: opts.resHeaders ?? null,
    headers: opts.headers ?? new Headers(),
    user: opts.user ?? null,
    sessionId: opts.sessionId ?? null,
    reviewRequired: opts.reviewRequired ?? env.REVIEW_REQUIRED,
  };
}

/** The user behind a request's session cookie; the route handler and server components share this. */
export async function createContext(opts: { db: Db; replica?: Db; resHeaders?: Headers; auth: Auth; headers: Headers }): Promise<Context> {
  // Outside any procedure, so no middleware maps an outage here: map it on the spot.
  const session = await sessionOf(opts).catch((error: unknown) => {
    throw error instanceof AppError ? trpcErrorOf(error) : error;
  });
  return createContextInner({ ...opts, user: session?.user ?? null, sessionId: session?.sessionId ?? null });
}

export { FieldErrors, fieldError } from "./shared/errors";

/** The app's error codes as tRPC's: the one place a service's refusal becomes a tRPC status. */
const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNPROCESSABLE_CONTENT: "UNPROCESSABLE_CONTENT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** Keeps the app error as the cause: the formatter reads its fields and conflict from there. */
export function trpcErrorOf(error: AppError): TRPCError {
  const trpcError = new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
  // A page that fails on the database's refusal is logged by Next.js: one line, as the refusal.
  return error instanceof DatabaseRefusal ? loggedAsOneLine(trpcError) : trpcError;
}

const t = initTRPC.context<Context>().create({
  // The browser reads superjson; an answer many requests share is turned into it once (shared-answer.ts),
  // and plain JSON without superjson's walk (plain-json.ts).
  // Each value sent is noted for the request, so a shared one's compressed bytes are reused (server/http/compressed-once.ts).
  transformer: { input: superjson, output: { serialize: (value: unknown) => (noteAnswer(value), serializedOnce(value, toSuperjson)), deserialize } },
  errorFormatter({ shape, error, ctx }) {
    // In the language of the page that asked (English for a server component's call without headers).
    const speak = speakerFor(localeOfRequest(ctx?.headers));
    return {
      ...shape,
      // An unexpected failure's message is the driver's or Prisma's, with source paths and SQL:
      // logged on the server (api-handler.ts), never sent.
      message: speak(error.code === "INTERNAL_SERVER_ERROR" ? INTERNAL_ERROR_MESSAGE : shape.message),
      data: {
        ...shape.data,
        // Field-level messages for forms; never a stack trace in a response.
        fieldErrors: fieldMessagesOf(error.cause, speak),
        // On a version conflict, what the record holds now, so the editor can show the changes.
        conflict: error.cause instanceof StaleVersionError ? error.cause.current : null,
        stack: undefined,
      },
    };
  },
});

export const INTERNAL_ERROR_MESSAGE = said("internalError");

const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const path = pathOfUnstorableText(await getRawInput());
  // No field errors keyed by the path: a key is the client's, and may be "__proto__".
  if (path) throw new AppError("BAD_REQUEST", unstorableTextRefusal(path));
  return next();
});

/**
 * Outermost: whatever a procedure, a service or an inner middleware threw as an app error leaves
 * as the matching tRPC error. A database outage answers 503 with a reason the client can show,
 * instead of a 500 that reads like a bug.
 */
const appErrorsAsTrpc = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  if (error.code !== "SERVICE_UNAVAILABLE" && isDatabaseUnavailable(error)) throw trpcErrorOf(error.cause instanceof DatabaseRefusal ? error.cause : databaseUnavailable(error));
  if (error.cause instanceof AppError) throw trpcErrorOf(error.cause);
  return result;
});

/**
 * With a replica: queries read there, unless this browser wrote moments ago (its replica may
 * not have the write yet); mutations stay on the primary and start that moment.
 */
const readsOnReplica = t.middleware(async ({ ctx, type, next }) => {
  if (ctx.replica === ctx.db) return next();
  if (type === "query") return wroteRecently(ctx.headers) ? next() : next({ ctx: { db: ctx.replica } });
  const result = await next();
  ctx.resHeaders?.append("set-cookie", wroteCookie());
  return result;
});

const signedIn = t.middleware(({ ctx, next }) => next({ ctx: { user: requireSignedIn(ctx.user) } }));

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(appErrorsAsTrpc).use(refuseUnstorableText).use(readsOnReplica);
export const authedProcedure = publicProcedure.use(signedIn);
export const adminProcedure = authedProcedure.use(function adminOnly({ ctx, next }) {
  return next({ ctx: { user: requireRole(ctx.user, "admin") } });
});
/** A record's direct create or edit: admins, and only while REVIEW_REQUIRED is off (else it goes as a draft). */
export const publishingProcedure = adminProcedure.use(function directPublishing({ ctx, next }) {
  requireDirectPublishing(ctx.reviewRequired);
  return next();
});

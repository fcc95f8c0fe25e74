// Better Auth, configured once: email and password only, sessions in PostgreSQL, no sign-up
// (admins create accounts), and our own brute-force throttle in place of its request limiter.
import "server-only";
import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import type { CredentialsDb } from "../db-client";
import { databaseUnavailable, isDatabaseUnavailable, isPoolBusy, refusalLine, retryAfterOf } from "../shared/unavailable";
import { clientAddress } from "./client-address";
import { COOKIE_PREFIX } from "./cookie";
import { PASSWORD_LENGTH } from "./password-rules";
import type { AuthSettings } from "./settings";
import { localeOnSignIn } from "./locale-on-sign-in";
import { SIGN_IN_PATH, signInAudit, signOutAudit, typedEmail } from "./sign-in-audit";
import { accountKey, addressKey, countAttempt, forgiveAttempt, retryAfterSeconds, THROTTLED_MESSAGE } from "./throttle";
import { said } from "../shared/said";

/** A session lasts a working day from sign-in; it is not extended by use. */
export const SESSION_SECONDS = 12 * 60 * 60;
export const DEACTIVATED_MESSAGE = said("accountDeactivated");

/**
 * Runs before Better Auth's sign-in endpoint (a `before` hook), so both counts are taken and a
 * refusal answered before it looks the account up or hashes any password.
 */
function signInThrottle(db: CredentialsDb, trustedProxyHops: number) {
  const keysOf = (body: unknown, headers: Headers | undefined) => ({
    account: accountKey(typedEmail(body)),
    address: addressKey(clientAddress(headers ?? new Headers(), trustedProxyHops)),
  });
  return {
    id: "sign-in-throttle",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const keys = keysOf(ctx.body, ctx.request?.headers ?? ctx.headers);
            // The first database read of a sign-in: an outage here is a 503 with its reason, not Better Auth's bare 500.
            const counters = await countAttempt(db, [keys.account, keys.address], Date.now()).catch((error: unknown) => {
              if (!isDatabaseUnavailable(error)) throw error;
              const refusal = databaseUnavailable(error);
              const code = isPoolBusy(refusal) ? "SERVER_BUSY" : "DATABASE_UNAVAILABLE";
              throw new APIError("SERVICE_UNAVAILABLE", { message: refusal.message, code }, { "Retry-After": String(retryAfterOf(refusal)) });
            });
            const wait = retryAfterSeconds(counters, Date.now());
            if (wait !== null) {
              throw new APIError("TOO_MANY_REQUESTS", { message: THROTTLED_MESSAGE, code: "TOO_MANY_ATTEMPTS" }, { "Retry-After": String(wait) });
            }
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            if (isAPIError(ctx.context.returned)) return;
            await forgiveAttempt(db, keysOf(ctx.body, ctx.request?.headers ?? ctx.headers));
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

/**
 * Better Auth's log lines, as its own logger writes them, but an error the database's outage
 * caused is one line rather than a stack (server/shared/unavailable.ts, loggedAsOneLine): Better
 * Auth logs the failed session read before the app turns it into a 503.
 */
function authLog(level: "debug" | "info" | "warn" | "error", message: string, ...args: unknown[]): void {
  const line = `${new Date().toISOString()} ${level.toUpperCase()} [Better Auth]: ${message}`;
  const shown = args.map((arg) => (arg instanceof Error && isDatabaseUnavailable(arg) ? refusalLine(arg) : arg));
  if (level === "error") console.error(line, ...shown);
  else if (level === "warn") console.warn(line, ...shown);
  else console.log(line, ...shown);
}

/**
 * The only Better Auth routes served over HTTP. The others it mounts by default (its own
 * password change and check, profile update, session listing, account linking…) would each be
 * a way around the throttle, the audit log or the tRPC ladder; the app does those in tRPC.
 */
export const AUTH_ROUTES = ["/sign-in/email", "/sign-out"] as const;

function onlyRoutesInUse(basePath: string) {
  const served = new Set<string>(AUTH_ROUTES.map((route) => `${basePath}${route}`));
  return {
    id: "only-routes-in-use",
    onRequest: async (request: Request) => {
      if (!served.has(new URL(request.url).pathname.replace(/\/+$/, ""))) return { response: new Response("Not Found", { status: 404 }) };
    },
  } satisfies BetterAuthPlugin;
}

export function createAuth({ db, settings }: { db: CredentialsDb; settings: AuthSettings }) {
  return betterAuth({
    appName: "Maghreb Monitor",
    logger: { log: authLog },
    baseURL: settings.baseURL,
    basePath: "/api/auth",
    secret: settings.secret,
    trustedOrigins: settings.trustedOrigins,
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_LENGTH.min,
      maxPasswordLength: PASSWORD_LENGTH.max,
    },
    session: { expiresIn: SESSION_SECONDS, disableSessionRefresh: true },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false, defaultValue: "analyst" },
        banned: { type: "boolean", input: false, required: false, defaultValue: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // Deactivation deletes a user's sessions; this keeps them from starting a new one.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { banned: true } });
            if (!user || user.banned) throw new APIError("FORBIDDEN", { message: DEACTIVATED_MESSAGE, code: "ACCOUNT_DEACTIVATED" });
          },
        },
        delete: { after: signOutAudit(db, settings.trustedProxyHops) },
      },
    },
    // Better Auth's limiter counts every request per address in memory by default; the
    // throttle below counts failures per account and per address in PostgreSQL instead.
    rateLimit: { enabled: false },
    plugins: [onlyRoutesInUse("/api/auth"), signInThrottle(db, settings.trustedProxyHops), signInAudit(db, settings.trustedProxyHops), localeOnSignIn(db)],
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: settings.secureCookies,
      // Said explicitly: Better Auth skips its Origin check when NODE_ENV is "test".
      disableOriginCheck: false,
      disableCSRFCheck: false,
      // Our tables default their ids to cuid() like every other table. Joins: a request's session
      // and its user come in one statement (with Prisma's relationJoins), not two round trips.
      database: { generateId: false, joins: true },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

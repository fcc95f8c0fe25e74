// Sign-ins, failed sign-ins and sign-outs in the audit log (entity "Session"), who and from which
// address. Better Auth writes the session itself, outside our transactions, so each entry is
// written right after its endpoint answered. Never the password: only the email as typed.
// Attempts the throttle refuses are not written: they are refused before any check, and an
// attacker could fill the log with them at line speed; the throttle's counters keep them.
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { recordAudit } from "../admin/audit";
import type { CredentialsDb } from "../db-client";
import { clientAddress } from "./client-address";

export const SIGN_IN_PATH = "/sign-in/email";
export const SIGN_OUT_PATH = "/sign-out";

/** Longest email kept from a failed attempt (the longest a mailbox can be). */
const EMAIL_KEPT = 320;

/** The email a sign-in body carries, as typed; "" when it has none. */
export function typedEmail(body: unknown): string {
  return typeof body === "object" && body !== null && "email" in body && typeof body.email === "string" ? body.email : "";
}

const requestHeaders = (ctx: { request?: Request; headers?: Headers }) => ctx.request?.headers ?? ctx.headers ?? new Headers();

export function signInAudit(db: CredentialsDb, trustedProxyHops: number) {
  return {
    id: "sign-in-audit",
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const address = clientAddress(requestHeaders(ctx), trustedProxyHops);
            const returned = ctx.context.returned;
            const signedIn = ctx.context.newSession;
            if (!isAPIError(returned) && signedIn) {
              const { session, user } = signedIn;
              await recordAudit({ db, actorId: user.id, action: "SIGN_IN", entityType: "Session", entityId: session.id, before: null, after: { email: user.email, address } });
              return;
            }
            const email = typedEmail(ctx.body).slice(0, EMAIL_KEPT);
            const reason = isAPIError(returned) ? (returned.body?.code ?? returned.status) : "NO_SESSION";
            // Keyed by the email as the throttle counts it, so the log filters one account's failures.
            await recordAudit({ db, actorId: null, action: "SIGN_IN_FAILED", entityType: "Session", entityId: email.trim().toLowerCase() || "(no email)", before: null, after: { email, address, reason: String(reason) } });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

/**
 * For `databaseHooks.session.delete.after`: a session Better Auth deletes while answering
 * /sign-out is a sign-out. (Deactivation and password resets delete sessions through Prisma and
 * are audited as such.)
 */
export function signOutAudit(db: CredentialsDb, trustedProxyHops: number) {
  return async (session: { id: string; userId: string; createdAt: Date }, ctx: { path?: string; request?: Request; headers?: Headers } | null) => {
    if (ctx?.path !== SIGN_OUT_PATH) return;
    const address = clientAddress(requestHeaders(ctx), trustedProxyHops);
    await recordAudit({ db, actorId: session.userId, action: "SIGN_OUT", entityType: "Session", entityId: session.id, before: { signedInAt: session.createdAt.toISOString() }, after: { address } });
  };
}

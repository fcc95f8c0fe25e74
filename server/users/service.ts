// Accounts: users change their own password. Every change is audited, and no query here
// returns a password hash.
import { TRPCError } from "@trpc/server";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { SessionUser } from "../auth/permissions";
import { accountKey, countAttempt, forgiveAttempt, retryAfterSeconds, THROTTLED_MESSAGE } from "../auth/throttle";
import type { Db } from "../db-client";
import type { AuditAction, Prisma } from "../generated/prisma/client";
import { fieldError } from "../trpc";

/** Better Auth's provider id for email-and-password credentials (whose accountId is the user's id). */
const CREDENTIAL = "credential";

type Tx = Prisma.TransactionClient;

function audit(tx: Tx, actor: SessionUser, action: AuditAction, userId: string, change: { before?: Prisma.InputJsonObject; after?: Prisma.InputJsonObject }) {
  return tx.auditLog.create({ data: { actorId: actor.id, action, entityType: "User", entityId: userId, ...change } });
}

async function writePassword(tx: Tx, userId: string, password: string) {
  const hash = await hashPassword(password);
  const { count } = await tx.account.updateMany({ where: { userId, providerId: CREDENTIAL }, data: { password: hash } });
  if (count === 0) await tx.account.create({ data: { userId, providerId: CREDENTIAL, accountId: userId, password: hash } });
}

/**
 * Changing one's own password keeps this session and ends the others. Guesses at the current
 * password count against the account like failed sign-ins: a borrowed session cannot try many.
 */
export async function changeOwnPassword(args: { db: Db; user: SessionUser; sessionId: string | null; currentPassword: string; newPassword: string }) {
  const { db, user } = args;
  const keys = { account: accountKey(user.email), address: null };
  const wait = retryAfterSeconds(await countAttempt(db, [keys.account], Date.now()), Date.now());
  if (wait !== null) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: THROTTLED_MESSAGE });
  const account = await db.account.findFirst({ where: { userId: user.id, providerId: CREDENTIAL }, select: { password: true } });
  const matches = account?.password ? await verifyPassword({ hash: account.password, password: args.currentPassword }) : false;
  if (!matches) throw fieldError("BAD_REQUEST", "currentPassword", "This is not your current password.");
  await forgiveAttempt(db, keys, Date.now());
  await db.$transaction(async (tx) => {
    await writePassword(tx, user.id, args.newPassword);
    await tx.session.deleteMany({ where: { userId: user.id, ...(args.sessionId && { id: { not: args.sessionId } }) } });
    await audit(tx, user, "UPDATE", user.id, { after: { password: "changed by its owner" } });
  });
  return { changed: true };
}

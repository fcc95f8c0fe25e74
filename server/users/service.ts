// Accounts: admins create users, set roles, deactivate and reset passwords; users change their
// own password. Every change is audited, and no query here returns a password hash.
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { SessionUser } from "../auth/permissions";
import { accountKey, countAttempt, forgiveAttempt, retryAfterSeconds, THROTTLED_MESSAGE } from "../auth/throttle";
import type { Db } from "../db-client";
import { revokeFeedTokens } from "../feed-tokens/service";
import { Prisma, type AuditAction, type Role } from "../generated/prisma/client";
import type { Locale } from "../i18n/locales";
import { AppError, fieldError } from "../shared/errors";
import { said } from "../shared/said";

/** Better Auth's provider id for email-and-password credentials (whose accountId is the user's id). */
const CREDENTIAL = "credential";

export const userSelect = { id: true, name: true, email: true, role: true, banned: true, createdAt: true } satisfies Prisma.UserSelect;
export type UserSummary = Prisma.UserGetPayload<{ select: typeof userSelect }>;

type Tx = Prisma.TransactionClient;

function audit(tx: Tx, actor: SessionUser, action: AuditAction, userId: string, change: { before?: Prisma.InputJsonObject; after?: Prisma.InputJsonObject }) {
  return tx.auditLog.create({ data: { actorId: actor.id, action, entityType: "User", entityId: userId, ...change } });
}

export function listUsers({ db }: { db: Db }): Promise<UserSummary[]> {
  return db.user.findMany({ select: userSelect, orderBy: [{ banned: "asc" }, { email: "asc" }] });
}

export async function createUser({ db, actor, input }: { db: Db; actor: SessionUser; input: { name: string; email: string; role: Role; password: string } }) {
  const password = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        // An admin vouches for the address.
        data: { name: input.name, email: input.email, role: input.role, emailVerified: true },
        select: userSelect,
      });
      await tx.account.create({ data: { userId: user.id, providerId: CREDENTIAL, accountId: user.id, password } });
      await audit(tx, actor, "CREATE", user.id, { after: { name: user.name, email: user.email, role: user.role } });
      return user;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw fieldError("CONFLICT", "email", said("accountEmailTaken"));
    throw e;
  }
}

async function existingUser(tx: Tx, userId: string): Promise<UserSummary> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
  if (!user) throw new AppError("NOT_FOUND", said("noSuchUser"));
  return user;
}

/** Admins cannot lock themselves out: another admin must demote or deactivate them. */
function refuseSelf(actor: SessionUser, userId: string, what: "demote" | "deactivate") {
  if (actor.id === userId) throw fieldError("BAD_REQUEST", "userId", said("notYourself", { what }));
}

export function setRole({ db, actor, userId, role }: { db: Db; actor: SessionUser; userId: string; role: Role }) {
  if (role !== "admin") refuseSelf(actor, userId, "demote");
  return db.$transaction(async (tx) => {
    const before = await existingUser(tx, userId);
    const user = await tx.user.update({ where: { id: userId }, data: { role }, select: userSelect });
    await audit(tx, actor, "UPDATE", userId, { before: { role: before.role }, after: { role } });
    return user;
  });
}

/** Deactivation ends every session and feed token of the user at once: both are looked up on each request. */
export function deactivateUser({ db, actor, userId }: { db: Db; actor: SessionUser; userId: string }) {
  refuseSelf(actor, userId, "deactivate");
  return db.$transaction(async (tx) => {
    await existingUser(tx, userId);
    const user = await tx.user.update({ where: { id: userId }, data: { banned: true, banReason: `deactivated by ${actor.email}` }, select: userSelect });
    await tx.session.deleteMany({ where: { userId } });
    await revokeFeedTokens({ db: tx, where: { userId }, actorId: actor.id, reason: "account deactivated" });
    await audit(tx, actor, "ARCHIVE", userId, { after: { banned: true } });
    return user;
  });
}

export function reactivateUser({ db, actor, userId }: { db: Db; actor: SessionUser; userId: string }) {
  return db.$transaction(async (tx) => {
    await existingUser(tx, userId);
    const user = await tx.user.update({ where: { id: userId }, data: { banned: false, banReason: null, banExpires: null }, select: userSelect });
    await audit(tx, actor, "RESTORE", userId, { after: { banned: false } });
    return user;
  });
}

async function writePassword(tx: Tx, userId: string, password: string) {
  const hash = await hashPassword(password);
  const { count } = await tx.account.updateMany({ where: { userId, providerId: CREDENTIAL }, data: { password: hash } });
  if (count === 0) await tx.account.create({ data: { userId, providerId: CREDENTIAL, accountId: userId, password: hash } });
}

/** A reset signs the user out everywhere and revokes their feed tokens: whoever knew the old password is out too. */
export function resetPassword({ db, actor, userId, password }: { db: Db; actor: SessionUser; userId: string; password: string }) {
  return db.$transaction(async (tx) => {
    const user = await existingUser(tx, userId);
    await writePassword(tx, userId, password);
    await tx.session.deleteMany({ where: { userId } });
    await revokeFeedTokens({ db: tx, where: { userId }, actorId: actor.id, reason: "password reset by an admin" });
    await audit(tx, actor, "UPDATE", userId, { after: { password: "reset by an admin" } });
    return user;
  });
}

/**
 * Changing one's own password keeps this session, ends the others and revokes every feed token
 * (one made from a stolen session must not outlive the change). Guesses at the current
 * password count against the account like failed sign-ins: a borrowed session cannot try many.
 */
export async function changeOwnPassword(args: { db: Db; user: SessionUser; sessionId: string | null; currentPassword: string; newPassword: string }) {
  const { db, user } = args;
  const keys = { account: accountKey(user.email), address: null };
  const wait = retryAfterSeconds(await countAttempt(db, [keys.account], Date.now()), Date.now());
  if (wait !== null) throw new AppError("TOO_MANY_REQUESTS", THROTTLED_MESSAGE);
  const account = await db.account.findFirst({ where: { userId: user.id, providerId: CREDENTIAL }, select: { password: true } });
  const matches = account?.password ? await verifyPassword({ hash: account.password, password: args.currentPassword }) : false;
  if (!matches) throw fieldError("BAD_REQUEST", "currentPassword", said("notCurrentPassword"));
  await forgiveAttempt(db, keys);
  await db.$transaction(async (tx) => {
    await writePassword(tx, user.id, args.newPassword);
    await tx.session.deleteMany({ where: { userId: user.id, ...(args.sessionId && { id: { not: args.sessionId } }) } });
    await revokeFeedTokens({ db: tx, where: { userId: user.id }, actorId: user.id, reason: "password changed" });
    await audit(tx, user, "UPDATE", user.id, { after: { password: "changed by its owner" } });
  });
  return { changed: true };
}

/**
 * The signed-in user's interface language, kept on their account so it follows them to another
 * browser (sign-in sets the cookie from it). Signed out, the cookie alone carries the choice.
 */
export async function setOwnLocale({ db, user, locale }: { db: Db; user: SessionUser | null; locale: Locale }): Promise<{ locale: Locale }> {
  if (!user) return { locale };
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } });
    if (before.locale === locale) return;
    await tx.user.update({ where: { id: user.id }, data: { locale } });
    await audit(tx, user, "UPDATE", user.id, { before: { locale: before.locale }, after: { locale } });
  });
  return { locale };
}

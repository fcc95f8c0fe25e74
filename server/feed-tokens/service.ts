// Personal feed tokens, for feed readers and scripts that cannot sign in: created for a user,
// listed and revoked by that user (and by admins, for anyone), verified by the export routes.
// Only a SHA-256 of a token is stored: a token is 256 random bits, so a fast hash is as strong as
// a slow one would be and keeps a feed reader's poll cheap, and a database leak gives away no
// usable token. A token ends: it expires, and it is revoked with the password it was made under.
import { createHash, randomBytes } from "node:crypto";
import { recordAudit, recordAudits } from "../admin/audit";
import type { Db, DbOrTx } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { isoDayOf } from "../scope/day";
import { underCap } from "../shared/caps";
import { FEED_TOKEN_DAYS } from "./state";
import { said } from "../shared/said";

const TOKEN_PREFIX = "mmf_";
/** lastUsedAt is written at most this often: a feed reader polling each minute costs no write. */
const LAST_USED_RESOLUTION_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export const feedTokenSelect = {
  id: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  revokedReason: true,
} satisfies Prisma.FeedTokenSelect;

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Unrevoked, unexpired tokens one user may hold: a reader or script each, with room to spare; revoke one to make another. */
export const MAX_ACTIVE_FEED_TOKENS = 20;

/** Why a token was revoked, as the refused reader is told. */
export type RevokeReason = "revoked by its owner" | "revoked by an admin" | "password reset by an admin" | "password changed" | "account deactivated";

/** A stored reason (English, in the audit log too) as the refusal's `why`, said in the reader's words. */
const REVOKED_WHY = new Map<string, string>([
  ["revoked by its owner", "owner"],
  ["revoked by an admin", "admin"],
  ["password reset by an admin", "passwordReset"],
  ["password changed", "passwordChanged"],
  ["account deactivated", "deactivated"],
] satisfies [RevokeReason, string][]);

const activeAt = (now: Date) => ({ revokedAt: null, expiresAt: { gt: now } }) satisfies Prisma.FeedTokenWhereInput;

/** A new token; `token` is shown to its owner once and never stored, nor audited. */
export async function createFeedToken({ db, userId, name, days = FEED_TOKEN_DAYS, now = new Date() }: { db: Db; userId: string; name: string; days?: number; now?: Date }) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  const created = await underCap({
    db,
    kind: "feed-tokens",
    holderId: userId,
    max: MAX_ACTIVE_FEED_TOKENS,
    count: (tx) => tx.feedToken.count({ where: { userId, ...activeAt(now) } }),
    refusal: { field: "name", message: said("feedTokensCap", { max: MAX_ACTIVE_FEED_TOKENS }) },
    create: async (tx) => {
      const row = await tx.feedToken.create({ data: { userId, name, tokenHash: hashFeedToken(token), createdAt: now, expiresAt }, select: feedTokenSelect });
      await recordAudit({ db: tx, actorId: userId, action: "CREATE", entityType: "FeedToken", entityId: row.id, before: null, after: { userId, name, expiresAt: expiresAt.toISOString() } });
      return row;
    },
  });
  return { ...created, token };
}

export function listFeedTokens({ db, userId }: { db: Db; userId: string }) {
  return db.feedToken.findMany({ where: { userId }, select: feedTokenSelect, orderBy: { createdAt: "desc" } });
}

/** The admin's list: this many of everyone's tokens, newest first. */
export const ADMIN_TOKEN_PAGE = 200;

/** Everyone's tokens, with their owners, for the admin page: newest first, at most ADMIN_TOKEN_PAGE. */
export async function listAllFeedTokens({ db }: { db: Db }) {
  const rows = await db.feedToken.findMany({
    select: { ...feedTokenSelect, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ADMIN_TOKEN_PAGE + 1,
  });
  return { tokens: rows.slice(0, ADMIN_TOKEN_PAGE), more: rows.length > ADMIN_TOKEN_PAGE };
}

/**
 * Revokes the tokens that match `where` and are not revoked yet, one audit entry each, in the
 * caller's transaction when given one: the password or account change and the revocation commit together.
 */
export async function revokeFeedTokens({
  db,
  where,
  actorId,
  reason,
  now = new Date(),
}: {
  db: DbOrTx;
  where: Prisma.FeedTokenWhereInput;
  actorId: string;
  reason: RevokeReason;
  now?: Date;
}): Promise<number> {
  // One statement marks and returns the rows, so two revocations at once cannot both audit a token.
  const revoked = await db.feedToken.updateManyAndReturn({
    where: { AND: [where, { revokedAt: null }] },
    data: { revokedAt: now, revokedReason: reason },
    select: { id: true, userId: true, name: true },
  });
  await recordAudits({
    db,
    entries: revoked.map((t) => ({
      actorId,
      action: "UPDATE" as const,
      entityType: "FeedToken" as const,
      entityId: t.id,
      before: { userId: t.userId, name: t.name, revokedAt: null },
      after: { userId: t.userId, name: t.name, revokedAt: now.toISOString(), revokedReason: reason },
    })),
  });
  return revoked.length;
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeFeedToken({ db, userId, tokenId }: { db: Db; userId: string; tokenId: string }): Promise<boolean> {
  const count = await db.$transaction((tx) => revokeFeedTokens({ db: tx, where: { id: tokenId, userId }, actorId: userId, reason: "revoked by its owner" }));
  return count === 1;
}

/** An admin revokes anyone's token; false when there is no such unrevoked token. */
export async function revokeAnyFeedToken({ db, actorId, tokenId }: { db: Db; actorId: string; tokenId: string }): Promise<boolean> {
  const count = await db.$transaction((tx) => revokeFeedTokens({ db: tx, where: { id: tokenId }, actorId, reason: "revoked by an admin" }));
  return count === 1;
}

export type FeedTokenCheck = { ok: true; userId: string; tokenId: string } | { ok: false; reason: string };

export async function verifyFeedToken({ db, token, now = new Date() }: { db: Db; token: string; now?: Date }): Promise<FeedTokenCheck> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) {
    return { ok: false, reason: said("notFeedToken") };
  }
  const found = await db.feedToken.findUnique({
    where: { tokenHash: hashFeedToken(token) },
    select: { id: true, userId: true, revokedAt: true, revokedReason: true, expiresAt: true, lastUsedAt: true, user: { select: { banned: true, banExpires: true } } },
  });
  if (!found) return { ok: false, reason: said("feedTokenUnknown") };
  if (found.revokedAt) {
    return { ok: false, reason: said("feedTokenRevoked", { day: isoDayOf(found.revokedAt), why: REVOKED_WHY.get(found.revokedReason ?? "") ?? "none" }) };
  }
  if (found.expiresAt <= now) return { ok: false, reason: said("feedTokenExpired", { day: isoDayOf(found.expiresAt) }) };
  const { banned, banExpires } = found.user;
  if (banned && (!banExpires || banExpires > now)) return { ok: false, reason: said("feedTokenOwnerDeactivated") };
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.feedToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, userId: found.userId, tokenId: found.id };
}

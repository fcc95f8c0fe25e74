// Personal feed tokens, for feed readers and scripts that cannot sign in: created for a user,
// listed and revoked by that user, verified by the export routes. Only a SHA-256 of a token is
// stored: a token is 256 random bits, so a fast hash is as strong as a slow one would be and
// keeps a feed reader's poll cheap, and a database leak gives away no usable token.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { isoDayOf } from "../scope/day";
import { underCap } from "../shared/caps";

const TOKEN_PREFIX = "mmf_";
/** lastUsedAt is written at most this often: a feed reader polling each minute costs no write. */
const LAST_USED_RESOLUTION_MS = 5 * 60_000;

export const feedTokenSelect = {
  id: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies Prisma.FeedTokenSelect;

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Unrevoked tokens one user may hold: a reader or script each, with room to spare; revoke one to make another. */
export const MAX_ACTIVE_FEED_TOKENS = 20;

/** A new token; `token` is shown to its owner once and never stored. */
export async function createFeedToken({ db, userId, name }: { db: Db; userId: string; name: string }) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const created = await underCap({
    db,
    kind: "feed-tokens",
    userId,
    max: MAX_ACTIVE_FEED_TOKENS,
    count: (tx) => tx.feedToken.count({ where: { userId, revokedAt: null } }),
    refusal: { field: "name", message: `You have ${MAX_ACTIVE_FEED_TOKENS} active feed tokens, the most one person can: revoke one you no longer use first.` },
    create: (tx) => tx.feedToken.create({ data: { userId, name, tokenHash: hashFeedToken(token) }, select: feedTokenSelect }),
  });
  return { ...created, token };
}

export function listFeedTokens({ db, userId }: { db: Db; userId: string }) {
  return db.feedToken.findMany({ where: { userId }, select: feedTokenSelect, orderBy: { createdAt: "desc" } });
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeFeedToken({ db, userId, tokenId }: { db: Db; userId: string; tokenId: string }): Promise<boolean> {
  const { count } = await db.feedToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

export type FeedTokenCheck = { ok: true; userId: string; tokenId: string } | { ok: false; reason: string };

export async function verifyFeedToken({ db, token, now = new Date() }: { db: Db; token: string; now?: Date }): Promise<FeedTokenCheck> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) {
    return { ok: false, reason: "This is not a Maghreb Monitor feed token." };
  }
  const found = await db.feedToken.findUnique({
    where: { tokenHash: hashFeedToken(token) },
    select: { id: true, userId: true, revokedAt: true, lastUsedAt: true, user: { select: { banned: true, banExpires: true } } },
  });
  if (!found) return { ok: false, reason: "This feed token is unknown: create a new one." };
  if (found.revokedAt) {
    return { ok: false, reason: `This feed token was revoked on ${isoDayOf(found.revokedAt)}: create a new one.` };
  }
  const { banned, banExpires } = found.user;
  if (banned && (!banExpires || banExpires > now)) return { ok: false, reason: "The account that owns this feed token is deactivated." };
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.feedToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, userId: found.userId, tokenId: found.id };
}

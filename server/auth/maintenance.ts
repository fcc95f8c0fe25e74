// Sign-in leaves rows behind: sessions and verification tokens past their expiry, and throttle
// counters whose window has closed (a new attempt would restart them from 1 anyway). The hourly
// `maintenance` job deletes them so the tables stay the size of their live rows.
import type { DbOrTx } from "../db-client";
import type { JobCounts } from "../jobs/definition";
import { SIGN_IN_LIMIT } from "./throttle";

export async function deleteExpiredAuthRows({ db, now = new Date() }: { db: DbOrTx; now?: Date }): Promise<JobCounts> {
  const closedWindows = { lastRequest: { lt: BigInt(now.getTime() - SIGN_IN_LIMIT.windowSeconds * 1000) } };
  const expired = { expiresAt: { lt: now } };
  const [rateLimits, sessions, verifications] = [await db.rateLimit.count(), await db.session.count(), await db.verification.count()];
  const deleted = [
    await db.rateLimit.deleteMany({ where: closedWindows }),
    await db.session.deleteMany({ where: expired }),
    await db.verification.deleteMany({ where: expired }),
  ];
  return { read: rateLimits + sessions + verifications, kept: deleted.reduce((sum, d) => sum + d.count, 0) };
}

// Brute-force protection for password sign-in: after SIGN_IN_LIMIT.attempts failures for one
// account, or from one address, within the window, further attempts get a 429 with Retry-After.
// Counters live in PostgreSQL (the RateLimit table) so every app instance shares them.
//
// An attempt is counted *before* the password is checked and forgiven when it succeeds: two
// guesses sent at once are both counted, which a check-then-increment-on-failure would miss.
// The account key is the email as typed, so an address that has no account is throttled
// exactly like one that has: the response never tells them apart. Both counts are taken and
// enforced in a hook that runs before Better Auth looks the account up, so a refused attempt
// costs no password hash, whether the email has an account or not.
import type { Db } from "../db-client";
import { said } from "../shared/said";

/** Either Prisma client: Better Auth's own for sign-in, the app's for password changes. */
type CounterStore = Pick<Db, "$queryRaw" | "rateLimit">;

export const SIGN_IN_LIMIT = { attempts: 5, windowSeconds: 15 * 60 } as const;

export const THROTTLED_MESSAGE = said("tooManySignIns");

export interface Counter {
  key: string;
  count: number;
  /** When the counter's window opened, in epoch milliseconds. */
  windowStart: number;
}

export function accountKey(email: string): string {
  return `sign-in:account:${email.trim().toLowerCase().slice(0, 320)}`;
}

export function addressKey(address: string): string {
  return `sign-in:address:${address}`;
}

/** Seconds until the attempt may be retried, or null when the counters allow it. */
export function retryAfterSeconds(counters: Counter[], now: number, limit = SIGN_IN_LIMIT): number | null {
  const windowMs = limit.windowSeconds * 1000;
  const waits = counters
    .filter((c) => c.count > limit.attempts && now - c.windowStart < windowMs)
    .map((c) => Math.max(1, Math.ceil((c.windowStart + windowMs - now) / 1000)));
  return waits.length > 0 ? Math.max(...waits) : null;
}

/** Adds one attempt to each key atomically, opening a new window where the old one has passed. */
export async function countAttempt(db: CounterStore, keys: string[], now: number, limit = SIGN_IN_LIMIT): Promise<Counter[]> {
  const stale = BigInt(now - limit.windowSeconds * 1000);
  const at = BigInt(now);
  const rows = await Promise.all(
    keys.map(
      // "lastRequest" (the column name Better Auth's table shape gives) holds the window's start.
      (key) => db.$queryRaw<{ key: string; count: number; lastRequest: bigint }[]>`
        INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest")
        VALUES (gen_random_uuid()::text, ${key}, 1, ${at})
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateLimit"."lastRequest" <= ${stale} THEN 1 ELSE "RateLimit"."count" + 1 END,
          "lastRequest" = CASE WHEN "RateLimit"."lastRequest" <= ${stale} THEN ${at} ELSE "RateLimit"."lastRequest" END
        RETURNING "key", "count", "lastRequest"`,
    ),
  );
  return rows.flat().map((r) => ({ key: r.key, count: r.count, windowStart: Number(r.lastRequest) }));
}

/**
 * A successful sign-in clears its account's failures and takes its own attempt back from the
 * address, so colleagues behind one address do not lock each other out by signing in.
 */
export async function forgiveAttempt(db: CounterStore, keys: { account: string; address: string | null }): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: keys.account } });
  if (keys.address) {
    await db.rateLimit.updateMany({ where: { key: keys.address, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  }
}

// What a feed token's row says of it, on the owner's and the admin's pages: pure, for both.
import { isoDayOf } from "../scope/day";

/** How long a new token opens the feeds: a reader still in use gets a new token. */
export const FEED_TOKEN_DAYS = 90;

export interface TokenTimes {
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export type TokenState = "active" | "expired" | "revoked";

export function tokenState(token: TokenTimes, now: Date): TokenState {
  if (token.revokedAt) return "revoked";
  return token.expiresAt <= now ? "expired" : "active";
}

/** "active until 2027-02-27", "expired 2026-11-01", "revoked 2026-11-29 (password changed)". */
export function describeTokenState(token: TokenTimes, now: Date): string {
  const state = tokenState(token, now);
  if (state === "revoked" && token.revokedAt) return `revoked ${isoDayOf(token.revokedAt)}${token.revokedReason ? ` (${token.revokedReason})` : ""}`;
  return state === "expired" ? `expired ${isoDayOf(token.expiresAt)}` : `active until ${isoDayOf(token.expiresAt)}`;
}

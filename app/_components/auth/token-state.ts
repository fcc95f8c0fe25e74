// What a feed token's row says of it, in the reader's language: on the owner's account page and
// on the admins' /admin/tokens, from the `account.tokens` messages of either side.
import type { RevokeReason } from "@/server/feed-tokens/service";
import { tokenState, type TokenState, type TokenTimes } from "@/server/feed-tokens/state";
import type { Formatters } from "@/server/i18n/format";

/** The stored reasons (service.ts's closed list) as message keys. */
const REASONS: Record<RevokeReason, "owner" | "admin" | "adminReset" | "passwordChanged" | "deactivated"> = {
  "revoked by its owner": "owner",
  "revoked by an admin": "admin",
  "password reset by an admin": "adminReset",
  "password changed": "passwordChanged",
  "account deactivated": "deactivated",
};
const isRevokeReason = (reason: string): reason is RevokeReason => reason in REASONS;

export interface TokenStateWords {
  state: (values: { state: TokenState; day: string }) => string;
  reason: (key: (typeof REASONS)[RevokeReason]) => string;
}

/** "active until 27 Feb 2027", "revoked 20 Nov 2026 (password changed)"; a reason not in the list as stored. */
export function tokenStateIn(words: TokenStateWords, format: Formatters) {
  return (token: TokenTimes, now: Date) => {
    const state = tokenState(token, now);
    const said = words.state({ state, day: format.day(state === "revoked" && token.revokedAt ? token.revokedAt : token.expiresAt) });
    const reason = state === "revoked" ? token.revokedReason : null;
    if (!reason) return said;
    return `${said} (${isRevokeReason(reason) ? words.reason(REASONS[reason]) : reason})`;
  };
}

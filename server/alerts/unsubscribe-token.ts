// The unsubscribe link's token: the rule's id signed with the server's secret, so the link works
// signed out and cannot be forged for someone else's rule. Pure (node:crypto only).
import { createHmac, timingSafeEqual } from "node:crypto";

const PURPOSE = "alert-email-unsubscribe";

const mac = (ruleId: string, secret: string) => createHmac("sha256", secret).update(`${PURPOSE}:${ruleId}`).digest("base64url");

/** "<rule id>.<signature>". */
export const unsubscribeToken = (ruleId: string, secret: string) => `${ruleId}.${mac(ruleId, secret)}`;

/** The rule id a token names, or null when it is malformed or not signed by this server. */
export function ruleOfUnsubscribeToken(token: string, secret: string): string | null {
  const [ruleId, signature, ...rest] = token.split(".");
  if (!ruleId || !signature || rest.length > 0 || ruleId.length > 64) return null;
  const expected = Buffer.from(mac(ruleId, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? ruleId : null;
}

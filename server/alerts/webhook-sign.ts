// Standard Webhooks signing (https://www.standardwebhooks.com): pure, so the receiver's view of a
// signature is unit-tested with the reference implementation.
import { createHmac, randomBytes } from "node:crypto";

const SECRET_PREFIX = "whsec_";

/** A new signing secret as the scheme writes it: "whsec_" and 32 random bytes in base64. */
export const newWebhookSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;

/** The three headers of a post: its id (stable across retries), when it was signed, and the signature. */
export function signedHeaders(input: { secret: string; id: string; at: Date; body: string }): Record<string, string> {
  const timestamp = Math.floor(input.at.getTime() / 1000).toString();
  const key = Buffer.from(input.secret.startsWith(SECRET_PREFIX) ? input.secret.slice(SECRET_PREFIX.length) : input.secret, "base64");
  const signature = createHmac("sha256", key).update(`${input.id}.${timestamp}.${input.body}`).digest("base64");
  return { "webhook-id": input.id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}

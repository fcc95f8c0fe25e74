// The unsubscribe link's token: what it stops (a rule's own e-mail, or one subscriber's) signed with
// the server's secret, so the link works signed out and cannot be forged for someone else's mail.
// Pure (node:crypto only).
import { createHmac, timingSafeEqual } from "node:crypto";

const PURPOSE = "alert-email-unsubscribe";

const mac = (subject: string, secret: string) => createHmac("sha256", secret).update(`${PURPOSE}:${subject}`).digest("base64url");

/** "<subject>.<signature>"; the subject is a rule's id (its owner's e-mail) or a subscription's (mailingSubject). */
export const unsubscribeToken = (subject: string, secret: string) => `${subject}.${mac(subject, secret)}`;

/** The subject a token names, or null when it is malformed or not signed by this server. */
export function ruleOfUnsubscribeToken(token: string, secret: string): string | null {
  const [subject, signature, ...rest] = token.split(".");
  if (!subject || !signature || rest.length > 0 || subject.length > 64) return null;
  const expected = Buffer.from(mac(subject, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? subject : null;
}

// Ids are cuids (lower-case letters and digits): a subject with this prefix is never a rule's id.
const SUBSCRIPTION = "s-";

/** Whose e-mail a link stops: the rule's owner's, or one subscriber's to a rule shared with their team. */
export type Mailing = { ruleId: string } | { subscriptionId: string };

/** The subject a mailing's links are signed for; a rule's is its id, as links sent before subscribers mailed. */
export const mailingSubject = (mailing: Mailing) => ("ruleId" in mailing ? mailing.ruleId : `${SUBSCRIPTION}${mailing.subscriptionId}`);

export const mailingOfSubject = (subject: string): Mailing =>
  subject.startsWith(SUBSCRIPTION) ? { subscriptionId: subject.slice(SUBSCRIPTION.length) } : { ruleId: subject };

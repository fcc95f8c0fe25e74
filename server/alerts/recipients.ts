// Who still receives a rule's webhook posts and e-mail, checked when each is delivered: the rule's
// owner; a teammate while subscribed and a member of the team the rule is shared with (one who
// left the team, or unsubscribed, receives nothing more, even what was already waiting).
import type { DbOrTx } from "../db-client";
import type { EmailCadenceName } from "./digest-time";
import type { Mailing } from "./unsubscribe-token";

/** One recipient's delivery of a rule: where their unsubscribe link points, their e-mail choice, their webhook's secret. */
export interface Recipient {
  mailing: Mailing;
  email: boolean;
  emailCadence: EmailCadenceName;
  webhookSecret: string | null;
}

const delivery = { email: true, emailCadence: true, webhookSecret: true } as const;

/** The recipient's delivery of the rule now, or null when they no longer receive it. */
export async function recipientNow(db: DbOrTx, { ruleId, userId }: { ruleId: string; userId: string }): Promise<Recipient | null> {
  const rule = await db.alertRule.findUnique({ where: { id: ruleId }, select: { userId: true, teamId: true, ...delivery } });
  if (!rule) return null;
  if (rule.userId === userId) return { mailing: { ruleId }, email: rule.email, emailCadence: rule.emailCadence, webhookSecret: rule.webhookSecret };
  if (!rule.teamId) return null;
  const subscription = await db.alertSubscription.findFirst({
    where: { ruleId, userId, user: { memberships: { some: { teamId: rule.teamId } } } },
    select: { id: true, ...delivery },
  });
  return subscription && { mailing: { subscriptionId: subscription.id }, email: subscription.email, emailCadence: subscription.emailCadence, webhookSecret: subscription.webhookSecret };
}

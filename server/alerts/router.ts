import { env } from "../env";
import { loopbackTargetsAllowed } from "../http/outbound-target";
import { authedProcedure, router } from "../trpc";
import { alertRuleIdInput, createAlertRuleInput, editAlertRuleInput, markAlertReadInput, pauseAlertRuleInput, subscribeAlertRuleInput, subscriptionDeliveryInput } from "./schemas";
import { createAlertRule, deleteAlertRule, editAlertRule, listAlertRules, listAlerts, listDeliveries, markAlertRead, setAlertRulePaused, setSubscriptionDelivery, subscribeAlertRule, testAlertWebhook, unreadAlerts } from "./service";

const channels = () => ({ allowLocalHttp: loopbackTargetsAllowed(), emailEnabled: Boolean(env.SMTP_URL) });

/**
 * Each user's own alert rules and alerts: nobody, admins included, changes another's rule or reads
 * another's alerts. A rule shared with a team is seen by its members, who may subscribe and choose
 * their own delivery.
 */
export const alertsRouter = router({
  /** What a rule may deliver through besides the app: the form hides e-mail when it is off. */
  channels: authedProcedure.query(() => ({ email: channels().emailEnabled })),
  rules: authedProcedure.query(({ ctx }) => listAlertRules({ db: ctx.db, userId: ctx.user.id })),
  createRule: authedProcedure.input(createAlertRuleInput).mutation(({ ctx, input }) => createAlertRule({ db: ctx.db, userId: ctx.user.id, input, channels: channels() })),
  editRule: authedProcedure.input(editAlertRuleInput).mutation(({ ctx, input }) => editAlertRule({ db: ctx.db, userId: ctx.user.id, input, channels: channels() })),
  testWebhook: authedProcedure.input(alertRuleIdInput).mutation(({ ctx, input }) => testAlertWebhook({ db: ctx.db, userId: ctx.user.id, ruleId: input.ruleId, allowLocalHttp: channels().allowLocalHttp })),
  deliveries: authedProcedure.query(({ ctx }) => listDeliveries({ db: ctx.db, userId: ctx.user.id })),
  subscribe: authedProcedure.input(subscribeAlertRuleInput).mutation(({ ctx, input }) => subscribeAlertRule({ db: ctx.db, userId: ctx.user.id, ...input })),
  /** A subscriber's own webhook and e-mail for a shared rule; a new webhook's signing secret is answered this once. */
  subscriptionDelivery: authedProcedure.input(subscriptionDeliveryInput).mutation(({ ctx, input }) => setSubscriptionDelivery({ db: ctx.db, userId: ctx.user.id, input, channels: channels() })),
  pauseRule: authedProcedure.input(pauseAlertRuleInput).mutation(({ ctx, input }) => setAlertRulePaused({ db: ctx.db, userId: ctx.user.id, ...input })),
  deleteRule: authedProcedure.input(alertRuleIdInput).mutation(({ ctx, input }) => deleteAlertRule({ db: ctx.db, userId: ctx.user.id, ...input })),
  list: authedProcedure.query(({ ctx }) => listAlerts({ db: ctx.db, userId: ctx.user.id })),
  unread: authedProcedure.query(({ ctx }) => unreadAlerts({ db: ctx.db, userId: ctx.user.id })),
  markRead: authedProcedure.input(markAlertReadInput).mutation(({ ctx, input }) => markAlertRead({ db: ctx.db, userId: ctx.user.id, ...input })),
});
